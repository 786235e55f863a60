#pragma once

// Resolving a replication conflict (docs/merge.md §Conflict documents): a conflict document
// keeps the version of a document that lost a concurrent edit, as a response to the winning
// document. Resolving it compares the two versions item by item and ends with the conflict
// document deleted and, unless the user kept the winner as it is, the winner edited to hold
// the chosen values.
//
// Guarantees:
// - load() reads the conflict document and the *current* version of its winner (its
//   parent); differences() lists every item whose content differs between them (an item
//   present or live on one side only counts: a tombstone reads as "absent").
// - Every apply (keepWinner, keepOther, combine) is one ReplicaStore::batch transaction:
//   the winner's edit and the conflict document's deletion commit together or not at all.
//   Both are ordinary local saves with new dots, so they replicate like any edit; the
//   deletion stub's vector dominates the conflict document's, so every replica drops it,
//   and two replicas that resolve the same conflict differently simply made concurrent
//   edits, which merge (and converge) by the usual rules.
// - An apply touches only the items listed by the load() it follows, and only those the
//   user chose the other version for: items the winner gained or changed since (say, by a
//   sync in between) and are not listed stay as they are. The values applied are those
//   load() read, which are the ones the user saw.
// - If the winner was deleted (before load or since), choosing any value of the other
//   version cannot edit it (a deleted document cannot be edited): the chosen content is
//   restored as a new document with the winner's form and parent instead, and the outcome
//   names it. Keeping the winner then just accepts the deletion.
//
// Errors: load() and every apply fail with NotFound when the conflict document is no longer
// there or already deleted ("resolved elsewhere"), InvalidArgument when the document is not
// a conflict document, NotFound when its winner is not in this replica; an apply passes on
// what the store refuses (PermissionDenied for a classified document, IoError, ...), having
// written nothing.
//
// Thread-safety: a plain value; the store it is applied to follows ReplicaStore's rules.

#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace sen {
class ReplicaStore;
}

namespace sen::client {

// Which version to take an item from. Winner: the winning document ("this version");
// Other: the conflict document ("the other version").
enum class ConflictSide
{
    Winner,
    Other,
};

// One item whose content differs between the two versions. Each side is live, a tombstone
// or absent (nullopt); at least one side is live, and when both are, their content differs.
struct ItemDifference
{
    QString name;
    std::optional<Item> winner; // as stored (a tombstone included), nullopt when absent
    std::optional<Item> other;

    // The live item on that side, or null.
    const Item* winnerItem() const { return winner && !winner->isTombstone() ? &*winner : nullptr; }
    const Item* otherItem() const { return other && !other->isTombstone() ? &*other : nullptr; }
};

enum class ResolutionKind
{
    KeepWinner, // delete the conflict document; the winner stays as it is
    KeepOther,  // the winner takes the other version's content for every differing item
    Combine,    // per differing item, as chosen
};

struct ResolutionOutcome
{
    ResolutionKind kind = ResolutionKind::KeepWinner;
    Unid document;         // the document holding the result: the winner, or the restored copy
    bool restored = false; // the winner was deleted: the chosen content became a new document
    int itemsChanged = 0;  // items of the winner set or removed (0: only the conflict went)
    Unid deletedConflict;  // the conflict document, now deleted
};

class ConflictResolution
{
public:
    // Reads the conflict document `conflictUnid` and its winner's current version.
    static Result<ConflictResolution> load(const ReplicaStore& store, const Unid& conflictUnid);

    // The items whose content differs between `winner` and `other`, sorted by name.
    static std::vector<ItemDifference> differencesBetween(const Document& winner, const Document& other);

    const Document& winner() const { return m_winner; }
    const Document& conflict() const { return m_conflict; }
    const std::vector<ItemDifference>& differences() const { return m_differences; }
    bool winnerDeleted() const { return m_winner.isDeleted(); }
    // The winner is itself a conflict document (a conflict of a conflict).
    bool winnerIsConflict() const { return m_winner.isConflict(); }

    // Keeps the winner as it is: deletes the conflict document.
    Result<ResolutionOutcome> keepWinner(ReplicaStore& store) const;
    // Keeps the other version: every differing item takes the other version's content
    // (removed where the other version has none); then deletes the conflict document.
    Result<ResolutionOutcome> keepOther(ReplicaStore& store) const;
    // Per differing item, the side in `choices` (an item not named keeps the winner's);
    // then deletes the conflict document. Names that are not differences are refused
    // (InvalidArgument) so a stale choice cannot edit an item the user never saw.
    Result<ResolutionOutcome> combine(ReplicaStore& store, const QHash<QString, ConflictSide>& choices) const;
    // keepWinner, keepOther or combine(choices), as `kind` says.
    Result<ResolutionOutcome> resolve(ReplicaStore& store, ResolutionKind kind,
                                      const QHash<QString, ConflictSide>& choices = {}) const;

private:
    ConflictResolution() = default;
    Result<ResolutionOutcome> apply(ReplicaStore& store, ResolutionKind kind,
                                    const QHash<QString, ConflictSide>& choices) const;

    Document m_winner;
    Document m_conflict;
    std::vector<ItemDifference> m_differences;
};

} // namespace sen::client
