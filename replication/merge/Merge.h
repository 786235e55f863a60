#pragma once

// The merge rules of docs/merge.md as pure, deterministic functions.
//
// merge(local, remote) gives the version a replica must hold after receiving `remote`
// while holding `local`, and — when both changed the same item — the conflict document
// that keeps the losing version. The result depends only on the two versions, never on
// which one is "local", on time, or on the replica computing it; so every replica that
// meets the same versions computes the same bytes.

#include "common/model/Document.h"

#include <optional>

namespace sen::merge {

enum class Outcome
{
    Inserted,    // no local version: the remote one is taken as is
    Unchanged,   // the local version already includes the remote one
    FastForward, // the remote version includes the local one: taken as is
    Merged,      // concurrent edits to different items, merged item by item
    Conflicted,  // concurrent edits to the same item: merged, loser kept as a conflict document
    Resurrected, // a deletion concurrent with an edit: the edit wins, the document lives
};

struct MergeResult
{
    Outcome outcome = Outcome::Unchanged;
    Document merged; // what to store (unchanged: the local version)
    std::vector<Document>
        conflicts; // each version that lost a contested item, as a conflict document (sorted by UNID)
};

MergeResult merge(const std::optional<Document>& local, const Document& remote);

// The conflict document that keeps `loser`, a losing version of `winnerUnid`: a response
// to the winner, flagged as a conflict, with the loser's items, stamps and version vector.
// Its UNID is derived from the loser's UNID and version vector, so every replica makes
// the same one.
Document makeConflictDocument(const Document& loser);

// Which of two concurrent edits of the same item wins: the later hybrid-clock time, then
// the greater instance ID, then the greater counter. True when `a` beats `b`.
bool stampWins(const Stamp& a, const Stamp& b);

} // namespace sen::merge
