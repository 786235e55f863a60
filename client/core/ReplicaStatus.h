#pragma once

// What the workspace shows of one local replica (docs/client.md §Screens, Workspace):
// where it replicates, how its last session ended, and whether it holds edits no server has
// acknowledged yet. GUI-free; read from the replica file alone.

#include "client/sync/Replicator.h"
#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"

#include <optional>
#include <vector>

namespace sen::client {

struct ReplicaStatus
{
    ReplicaSettings settings;                // server and database; empty server: local only
    std::optional<HistoryEntry> lastSession; // the newest replication session, if any
    // Local edits made since the last push a peer acknowledged (a local counter past the
    // acknowledged one). A replica that never pushed has unsent changes when it has any
    // local edit at all.
    bool unsentChanges = false;
    int scheduleMinutes = 0; // the scheduled sync interval (SyncScheduler), 0 for none
    // The server that served the last successful sync (one of settings.servers) and its name
    // as its certificate gives it; empty before the first.
    QString lastServer;
    QString lastServerName;

    bool isReplicated() const { return !settings.server.isEmpty(); }
    // A replica of a server's database with no link: made from a first bundle, it exchanges
    // bundles only (client/app/OfficeBundle.h).
    bool exchangesBundles() const { return settings.server.isEmpty() && !settings.database.isEmpty(); }
    // Reads it from `store` (a few rows; cheap enough for every tile of the workspace).
    static Result<ReplicaStatus> read(ReplicaStore& store);
    // The newest `limit` replication sessions of `store`, newest first (its ReplicationLog).
    static Result<std::vector<HistoryEntry>> history(ReplicaStore& store, int limit);
};

struct ListedReplica
{
    ReplicaEntry entry; // of an unreadable replica: only its name and path
    ReplicaStatus status;
    Status problem; // why the replica cannot be read; Ok for a readable one

    bool isReadable() const { return problem.isOk(); }
};

// Every replica of `workspace` with its status, each file opened read-only for a moment,
// by name. One that cannot be read is listed too, with its problem (and an empty status);
// the first problem is also returned in `firstError` (Ok when all were read).
std::vector<ListedReplica> listReplicas(const Workspace& workspace, Status& firstError);

} // namespace sen::client
