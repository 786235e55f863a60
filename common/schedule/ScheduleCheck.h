#pragma once

// What a server holds a pushed version of the weekly schedule to (docs/schedule.md "Who
// writes what"; issue #15). The client runs the same check before it saves, so `sen` and
// `senctl` refuse at once what the server would refuse at the next sync.
//
// - Every entry (LichCongTac) is bounded: texts kMaxText, lines kMaxLine, lists kMaxValues.
// - A week action (DuyetLichTuan) is well formed, written in its author's own name, dated no
//   later than the clock allows and not before 2000, by a holder of [LanhDao] or
//   [ChanhVanPhong]; a publication needs a live approval of the same week in the store.
// - A change record (ThayDoiLich) is well formed, in its author's name, dated as above, by a
//   holder of [VanPhong], [ChanhVanPhong] or [LanhDao], a response of a live entry.
// - Week actions and change records are never rewritten; only a Manager deletes one.
// - An entry of a published week (its stored or its new date): its deletion is refused below
//   Manager (it is cancelled instead: a "Hoãn/Hủy" record); an update that changes any item
//   must add an item ThayDoi_<UNID> naming a live change record of that entry written by the
//   pushing user (each change logged, none silently);
//   only a holder of one of the three roles adds an entry to it.
// - A reply to an invitation (TraLoiMoi): common/schedule/InvitationCheck.h.
// Documents of other forms pass untouched.

#include "common/acl/EffectiveAccess.h"
#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QDateTime>

#include <functional>
#include <optional>
#include <vector>

namespace sen::schedule {

struct ScheduleContext
{
    const acl::EffectiveAccess& access;
    // The stored document `unid` (a stub included), nullopt when absent.
    std::function<Result<std::optional<Document>>(const Unid&)> find;
    // Every stored document of the form DuyetLichTuan (stubs may be included).
    std::function<Result<std::vector<Document>>()> weekActions;
    QDateTime now; // the checker's clock, UTC
};

Status checkPushedSchedule(const std::optional<Document>& stored, const Document& incoming,
                           const ScheduleContext& context);

} // namespace sen::schedule
