#pragma once

// Replicating a workspace's replicas with their servers (DESIGN §6): adding a replica of a
// server database, and syncing one or all of them. Each sync is one RemoteSession over TLS
// as the logged-in user; a failure of one replica does not stop the others.
//
// Blocking (runs a local event loop): for senctl and scheduled syncs. The desktop client
// runs the same sessions asynchronously off its GUI thread.

#include "core/Result.h"
#include "core/Workspace.h"
#include "identity/Credentials.h"
#include "session/SessionTypes.h"

#include <QStringList>

#include <vector>

namespace sen::client {

struct ReplicaSettings
{
    QString server;   // HOST:PORT
    QString database; // the server's name for it
    QStringList forms;
    bool summaryOnly = false;
};

struct SyncReport
{
    QString replica; // local name
    QString server;
    Status status;
    SessionStats stats;
};

class Replicator
{
public:
    Replicator(Workspace& workspace, identity::Credentials credentials);

    // Creates the local replica of `settings.database` on `settings.server` (named like it)
    // and syncs it once. Conflict when a local database of that name exists.
    Result<SyncReport> addReplica(const ReplicaSettings& settings);
    // Syncs the replica named `nameOrReplicaId`, or every replica that has a server when empty.
    Result<std::vector<SyncReport>> sync(const QString& nameOrReplicaId = {});

    static Result<ReplicaSettings> settingsOf(const ReplicaStore& store);

private:
    SyncReport syncOne(const QString& name, ReplicaStore& store, const ReplicaSettings& settings);

    Workspace& m_workspace;
    identity::Credentials m_credentials;
};

} // namespace sen::client
