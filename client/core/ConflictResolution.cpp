#include "client/core/ConflictResolution.h"

#include "common/model/DocumentEdit.h"
#include "common/store/ReplicaStore.h"

#include <algorithm>

namespace sen::client {

namespace {

Status alreadyResolved(const Unid& conflict)
{
    return {ErrorCode::NotFound,
            QStringLiteral("the conflict %1 is no longer there: it was already resolved, here or on "
                           "another replica")
                .arg(conflict.toHex())};
}

// Tombstones and absent items read alike: neither has content.
bool sameContent(const Item* a, const Item* b)
{
    if (!a || !b)
        return a == b;
    return a->sameContent(*b);
}

const Item* live(const std::optional<Item>& item)
{
    return item && !item->isTombstone() ? &*item : nullptr;
}

} // namespace

Result<ConflictResolution> ConflictResolution::load(const ReplicaStore& store, const Unid& conflictUnid)
{
    SEN_ASSIGN_OR_RETURN(std::optional<Document> conflict, store.find(conflictUnid));
    if (!conflict || conflict->isDeleted())
        return alreadyResolved(conflictUnid);
    if (!conflict->isConflict() || !conflict->parent)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("document %1 is not a conflict document").arg(conflictUnid.toHex()));
    SEN_ASSIGN_OR_RETURN(std::optional<Document> winner, store.find(*conflict->parent));
    if (!winner)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("the document %1 that conflict %2 belongs to is not in this replica")
                          .arg(conflict->parent->toHex(), conflictUnid.toHex()));

    ConflictResolution resolution;
    resolution.m_differences = differencesBetween(*winner, *conflict);
    resolution.m_winner = std::move(*winner);
    resolution.m_conflict = std::move(*conflict);
    return resolution;
}

std::vector<ItemDifference> ConflictResolution::differencesBetween(const Document& winner,
                                                                   const Document& other)
{
    // Both item lists are sorted by name with unique names: walk them together.
    std::vector<ItemDifference> differences;
    auto wi = winner.items.begin();
    auto oi = other.items.begin();
    while (wi != winner.items.end() || oi != other.items.end()) {
        ItemDifference d;
        if (oi == other.items.end() || (wi != winner.items.end() && wi->name < oi->name)) {
            d.name = wi->name;
            d.winner = *wi++;
        } else if (wi == winner.items.end() || oi->name < wi->name) {
            d.name = oi->name;
            d.other = *oi++;
        } else {
            d.name = wi->name;
            d.winner = *wi++;
            d.other = *oi++;
        }
        if (!sameContent(live(d.winner), live(d.other)))
            differences.push_back(std::move(d));
    }
    return differences;
}

Result<ResolutionOutcome> ConflictResolution::keepWinner(ReplicaStore& store) const
{
    return apply(store, ResolutionKind::KeepWinner, {});
}

Result<ResolutionOutcome> ConflictResolution::keepOther(ReplicaStore& store) const
{
    return apply(store, ResolutionKind::KeepOther, {});
}

Result<ResolutionOutcome> ConflictResolution::resolve(ReplicaStore& store, ResolutionKind kind,
                                                      const QHash<QString, ConflictSide>& choices) const
{
    switch (kind) {
    case ResolutionKind::KeepWinner:
        return keepWinner(store);
    case ResolutionKind::KeepOther:
        return keepOther(store);
    case ResolutionKind::Combine:
        break;
    }
    return combine(store, choices);
}

Result<ResolutionOutcome> ConflictResolution::combine(ReplicaStore& store,
                                                      const QHash<QString, ConflictSide>& choices) const
{
    for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
        const bool listed = std::any_of(m_differences.begin(), m_differences.end(),
                                        [&](const ItemDifference& d) { return d.name == it.key(); });
        if (!listed)
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("item \"%1\" does not differ between the two versions").arg(it.key()));
    }
    return apply(store, ResolutionKind::Combine, choices);
}

Result<ResolutionOutcome> ConflictResolution::apply(ReplicaStore& store, ResolutionKind kind,
                                                    const QHash<QString, ConflictSide>& choices) const
{
    const auto sideOf = [&](const ItemDifference& d) {
        switch (kind) {
        case ResolutionKind::KeepWinner:
            return ConflictSide::Winner;
        case ResolutionKind::KeepOther:
            return ConflictSide::Other;
        case ResolutionKind::Combine:
            break;
        }
        return choices.value(d.name, ConflictSide::Winner);
    };
    const bool anyOther =
        std::any_of(m_differences.begin(), m_differences.end(),
                    [&](const ItemDifference& d) { return sideOf(d) == ConflictSide::Other; });

    ResolutionOutcome outcome;
    outcome.kind = kind;
    outcome.document = m_winner.unid;
    outcome.deletedConflict = m_conflict.unid;

    const Status status = store.batch([&]() -> Status {
        // Both re-read inside the transaction: a sync may have run since load().
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> conflictNow,
                             store.replication().findHeader(m_conflict.unid));
        if (!conflictNow || conflictNow->isDeleted())
            return alreadyResolved(m_conflict.unid);
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> winnerNow, store.find(m_winner.unid));
        if (!winnerNow)
            return Status(
                ErrorCode::NotFound,
                QStringLiteral("the document %1 is no longer in this replica").arg(m_winner.unid.toHex()));

        if (anyOther && !winnerNow->isDeleted()) {
            // Edit the current winner, only where the user chose the other version and the
            // winner does not already hold that content.
            DocumentEdit edit = DocumentEdit::update(m_winner.unid);
            for (const ItemDifference& d : m_differences) {
                if (sideOf(d) != ConflictSide::Other)
                    continue;
                const Item* current = winnerNow->item(d.name);
                if (sameContent(current, d.otherItem()))
                    continue;
                if (const Item* item = d.otherItem())
                    edit.set(*item);
                else
                    edit.remove(d.name);
                ++outcome.itemsChanged;
            }
            if (outcome.itemsChanged > 0)
                SEN_TRY(store.save(edit).status());
        } else if (anyOther) {
            // A deleted document cannot be edited: the chosen content lives on as a new one,
            // in the deleted winner's place among the responses of its parent.
            DocumentEdit edit = DocumentEdit::create(winnerNow->form, winnerNow->parent);
            for (const Item& item : m_conflict.items) {
                if (!item.isTombstone())
                    edit.set(item);
            }
            for (const ItemDifference& d : m_differences) {
                if (sideOf(d) == ConflictSide::Other)
                    continue;
                if (const Item* item = d.winnerItem())
                    edit.set(*item);
                else
                    edit.remove(d.name);
            }
            outcome.itemsChanged = static_cast<int>(edit.sets().size());
            SEN_ASSIGN_OR_RETURN(const Document restored, store.save(edit));
            outcome.document = restored.unid;
            outcome.restored = true;
        }
        SEN_TRY(store.remove(m_conflict.unid).status());
        return Status::ok();
    });
    if (!status.isOk())
        return status;
    return outcome;
}

} // namespace sen::client
