#include "core/ReplicaStatus.h"

namespace sen::client {

Result<ReplicaStatus> ReplicaStatus::read(ReplicaStore& store)
{
    ReplicaStatus status;
    SEN_ASSIGN_OR_RETURN(status.settings, Replicator::settingsOf(store));
    ReplicationLog log(store.database());
    SEN_ASSIGN_OR_RETURN(const std::vector<HistoryEntry> history, log.history(1));
    if (!history.empty())
        status.lastSession = history.front();
    SEN_ASSIGN_OR_RETURN(const std::uint64_t local, store.localCounter());
    SEN_ASSIGN_OR_RETURN(const std::uint64_t acknowledged, log.ackedCounter());
    status.unsentChanges = local > acknowledged;
    return status;
}

} // namespace sen::client
