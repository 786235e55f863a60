#pragma once

// Replicating a workspace's replicas with their servers (docs/protocol.md): adding a replica of a
// server database, and syncing one or all of them. Each sync is one RemoteSession over TLS
// as the logged-in user; a failure of one replica does not stop the others.
//
// Blocking (runs a local event loop): for senctl. The desktop client (SyncController) runs
// the same steps — createReplica(), then a RemoteSession built from plan() — asynchronously
// on its worker thread. A Replicator is used from one thread at a time.

#include "client/core/Workspace.h"
#include "common/core/Result.h"
#include "common/identity/Credentials.h"
#include "common/store/InstanceRenewal.h"
#include "replication/session/RemoteSession.h"
#include "replication/session/SessionTypes.h"

#include <QSslConfiguration>
#include <QStringList>

#include <functional>
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
    SessionStats stats; // of the last session (the retry, after a renewal)
    // Set when the server found the replica to be a copy or a restored backup and it took a
    // new instance ID before syncing again (SyncFollowUp::renewInstance).
    std::optional<RenewalResult> renewal;
};

class Replicator
{
public:
    Replicator(Workspace& workspace, identity::Credentials credentials);

    // Creates the local replica of `settings.database` on `settings.server` (named like it)
    // and syncs it once. Conflict when a local database of that name exists.
    Result<SyncReport> addReplica(const ReplicaSettings& settings);
    // The first half of addReplica: asks the server what the database is, creates the local
    // replica and records its settings, without syncing. `cancelled` is polled while the
    // server is asked (describeRemoteDatabase).
    Result<std::unique_ptr<ReplicaStore>> createReplica(const ReplicaSettings& settings,
                                                        const std::function<bool()>& cancelled = {});
    // Syncs the replica named `nameOrReplicaId`, or every replica that has a server when empty.
    Result<std::vector<SyncReport>> sync(const QString& nameOrReplicaId = {});

    // Asks the server of replica `name` for the numbers of its registrations awaiting one and
    // pushes them numbered (a session without a pull: the number is one round trip after the
    // handshake; docs/registers.md §Numbering). The report's stats say how many were numbered.
    Result<SyncReport> number(const QString& name);

    static Result<ReplicaSettings> settingsOf(const ReplicaStore& store);

    // What one session with the server of `settings` needs: where, as whom, with which filter.
    struct SessionPlan
    {
        RemoteEndpoint endpoint;
        QSslConfiguration tls;
        SessionOptions options;
    };
    Result<SessionPlan> plan(const ReplicaSettings& settings) const;

private:
    // One session; on StaleInstance, closes `store`, renews its instance, reopens it and syncs
    // once more.
    SyncReport syncOne(const QString& name, std::unique_ptr<ReplicaStore>& store,
                       const ReplicaSettings& settings);
    Status runSession(ReplicaStore& store, const SessionPlan& plan, SyncReport& report);

    Workspace& m_workspace;
    identity::Credentials m_credentials;
};

} // namespace sen::client
