#pragma once

// Where the processing of one incoming document stands (docs/workflow.md "States"), derived
// from the document and its steps (Steps.h) and never stored: every replica holding the same
// steps derives the same state, however they arrived, so concurrent offline steps (two
// co-ordinators reporting at once) need no merge.
//
//   đã vào sổ ──trình──▶ đã trình ──chỉ đạo──▶ đã cho ý kiến ──báo cáo──▶ đang xử lý
//                                                   │                        │
//                                                   └──────────▶ hoàn thành / trả lại
//
// - Registered: no step yet (the registration itself).
// - Presented: presented to the leaders, no direction yet.
// - Directed: the governing direction — the newest level-1 direction, else the newest level-2
//   one — has no report yet, neither have the level-2 directions that carry it out.
// - InProgress: a report on them, none yet by a lead saying done or returned.
// - Done / Returned: the newest report by a lead (of the governing direction or of a level-2
//   direction carrying it out) says so. A new level-1 direction after a return starts again.
// Steps are ordered by their time, then their time item's hybrid-clock stamp (which orders
// the steps one replica saved in the same millisecond), then UNID; a report on a direction this document does
// not hold is ignored (it stays on the timeline).

#include "common/workflow/Steps.h"

#include <vector>

namespace sen::workflow {

enum class State
{
    Registered = 0,
    Presented = 1,
    Directed = 2,
    InProgress = 3,
    Done = 4,
    Returned = 5,
};

// A stable ASCII id ("registered", "presented", "directed", "in-progress", "done",
// "returned") for JSON and views.
QString stateId(State state);
// The English source name, QT_TRANSLATE_NOOP("sen::workflow", ...): "Registered", ...
const char* stateSourceName(State state);
// Whether the document still needs work (not Done).
inline bool isOpen(State state)
{
    return state != State::Done;
}

struct Processing
{
    State state = State::Registered;
    std::vector<Step> timeline; // every step, by time, stamp, UNID
    // Index into `timeline` of the governing direction, -1 when none.
    int governing = -1;
    // The deadline that applies: the governing direction's, else the document's own HanXuLy;
    // null when none.
    QDate deadline;
    QDate arrived; // the document's NgayDen (its arrival), null when it has none

    const Step* governingDirection() const { return governing < 0 ? nullptr : &timeline[governing]; }
    // The directions in force: the governing one and the level-2 ones carrying it out.
    std::vector<const Step*> directionsInForce() const;
    // The newest presentation, or null.
    const Step* lastPresentation() const;
};

// Derives the processing of `incoming` from `steps` (its presentations and directions, and
// the reports on those directions; others are ignored).
Processing derive(const Document& incoming, std::vector<Step> steps);

} // namespace sen::workflow
