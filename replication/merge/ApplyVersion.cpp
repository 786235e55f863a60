#include "replication/merge/ApplyVersion.h"

namespace sen::merge {

namespace {

// `put(doc, asReceived)`: `asReceived` is true when `doc` is the remote version unchanged.
template <typename Put>
Result<Applied> applyWith(ReplicaStore& store, const Document& remote, const MergeResult& result,
                          const Put& put)
{
    Applied applied;
    if (result.outcome == Outcome::Unchanged)
        return applied;
    SEN_TRY(
        put(result.merged, result.outcome == Outcome::Inserted || result.outcome == Outcome::FastForward));
    applied.stored = true;
    applied.peerVersion = result.outcome == Outcome::Inserted || result.outcome == Outcome::FastForward ||
                          (result.outcome == Outcome::Resurrected && result.merged == remote);
    for (const Document& conflict : result.conflicts) {
        SEN_ASSIGN_OR_RETURN(const auto existing, store.find(conflict.unid));
        const MergeResult kept = merge(existing, conflict);
        if (kept.outcome != Outcome::Unchanged) {
            SEN_TRY(store.replication().putReplicated(kept.merged));
            applied.conflictStored = true;
        }
    }
    return applied;
}

} // namespace

Result<Applied> applyVersion(ReplicaStore& store, const Document& remote,
                             const std::optional<Document>& local)
{
    return applyWith(store, remote, merge(local, remote),
                     [&](const Document& doc, bool) { return store.replication().putReplicated(doc); });
}

Result<Applied> applyVersion(ReplicaStore& store, const Document& remote,
                             const std::optional<store::StoredDocument>& current,
                             const QByteArray& remoteItems)
{
    const std::optional<Document> local = current ? std::optional<Document>(current->doc) : std::nullopt;
    return applyMerge(store, remote, merge(local, remote), current, remoteItems);
}

Result<Applied> applyMerge(ReplicaStore& store, const Document& remote, const MergeResult& planned,
                           const std::optional<store::StoredDocument>& current, const QByteArray& remoteItems)
{
    return applyWith(store, remote, planned, [&](const Document& doc, bool asReceived) {
        return store.replication().putReplicated(doc, current, asReceived ? remoteItems : QByteArray());
    });
}

} // namespace sen::merge
