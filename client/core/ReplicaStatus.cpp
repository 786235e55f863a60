#include "client/core/ReplicaStatus.h"

#include "client/sync/SyncScheduler.h"

#include <algorithm>

namespace sen::client {

Result<ReplicaStatus> ReplicaStatus::read(ReplicaStore& store)
{
    ReplicaStatus status;
    SEN_ASSIGN_OR_RETURN(status.settings, Replicator::settingsOf(store));
    ReplicationLog& log = store.replication().log();
    SEN_ASSIGN_OR_RETURN(const std::vector<HistoryEntry> history, log.history(1));
    if (!history.empty())
        status.lastSession = history.front();
    SEN_ASSIGN_OR_RETURN(const std::uint64_t local, store.localCounter());
    SEN_ASSIGN_OR_RETURN(const std::uint64_t acknowledged, log.ackedCounter());
    status.unsentChanges = local > acknowledged;
    SEN_ASSIGN_OR_RETURN(const QString interval, store.setting(SyncScheduler::kIntervalSetting));
    status.scheduleMinutes = interval.toInt();
    SEN_ASSIGN_OR_RETURN(const auto last, Replicator::lastServerOf(store));
    status.lastServer = last.first;
    status.lastServerName = last.second;
    return status;
}

Result<std::vector<HistoryEntry>> ReplicaStatus::history(ReplicaStore& store, int limit)
{
    return store.replication().log().history(limit);
}

std::vector<ListedReplica> listReplicas(const Workspace& workspace, Status& firstError)
{
    firstError = Status();
    std::vector<ListedReplica> listed;
    WorkspaceScan scan = workspace.scan();
    for (const ReplicaEntry& entry : scan.entries) {
        auto store = ReplicaStore::open(entry.path, {.readOnly = true});
        auto status = store ? ReplicaStatus::read(**store) : Result<ReplicaStatus>(store.status());
        if (!status) {
            listed.push_back({entry, {}, status.status()});
            continue;
        }
        listed.push_back({entry, std::move(*status), Status()});
    }
    for (UnreadableReplica& unreadable : scan.unreadable)
        listed.push_back(
            {ReplicaEntry{unreadable.name, unreadable.path, {}, 0}, {}, std::move(unreadable.status)});
    std::sort(listed.begin(), listed.end(),
              [](const ListedReplica& a, const ListedReplica& b) { return a.entry.name < b.entry.name; });
    for (const ListedReplica& replica : listed) {
        if (!replica.isReadable()) {
            firstError = replica.problem;
            break;
        }
    }
    return listed;
}

} // namespace sen::client
