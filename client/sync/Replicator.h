#pragma once

// Replicating a workspace's replicas with their servers (docs/protocol.md): adding a replica of a
// server database, and syncing one or all of them. Each sync is one RemoteSession over TLS
// as the logged-in user; a failure of one replica does not stop the others. A replica lists
// its servers in order (ReplicaServers.h): a sync tries them in turn while one does not
// answer (ReplicaServers::movesOn) and reports which one served it.
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
    QString server;      // HOST:PORT of the home server (the first of `servers`); empty: local only
    QStringList servers; // every server, in the order they are tried (empty: `server` alone)
    QString database;    // the servers' name for it
    QStringList forms;
    bool summaryOnly = false;
};

// A server a sync passed over because it did not answer (ReplicaServers::movesOn).
struct ServerAttempt
{
    QString server;
    Status status;
};

struct SyncReport
{
    QString replica;                       // local name
    QString server;                        // the server that answered (on failure: the last one tried)
    QString serverName;                    // its name, as its certificate gives it (empty if none answered)
    std::vector<ServerAttempt> passedOver; // the servers before it that did not answer
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

    // Creates the local replica of `settings.database` on its servers (named like it) and
    // syncs it once. Conflict when a local database of that name exists.
    Result<SyncReport> addReplica(const ReplicaSettings& settings);
    // The first half of addReplica: asks the servers in order (the first that answers) what
    // the database is, creates the local replica and records its settings, without syncing.
    // `settings.servers`, or else `settings.server` as a comma-separated list, is validated
    // (ReplicaServers::parse). `cancelled` is polled while a server is asked.
    Result<std::unique_ptr<ReplicaStore>> createReplica(const ReplicaSettings& settings,
                                                        const std::function<bool()>& cancelled = {});
    // Syncs the replica named `nameOrReplicaId`, or every replica that has a server when empty.
    Result<std::vector<SyncReport>> sync(const QString& nameOrReplicaId = {});

    // Asks the server of replica `name` for the numbers of its registrations awaiting one and
    // pushes them numbered (a session without a pull: the number is one round trip after the
    // handshake; docs/registers.md §Numbering). The report's stats say how many were numbered.
    Result<SyncReport> number(const QString& name);

    static Result<ReplicaSettings> settingsOf(const ReplicaStore& store);
    // Replaces the servers of replica `store` (validated, ReplicaServers::parse). A local
    // database (no server) gets none: InvalidArgument.
    static Status setServers(ReplicaStore& store, const QString& servers);
    // Records the server that served the last successful sync (ReplicaStatus shows it).
    static Status recordServerUsed(ReplicaStore& store, const QString& server, const QString& serverName);
    // A replica made from a first bundle (client/app/OfficeBundle.h): the server's name for the
    // database and the server that wrote the bundle, with no address (it has no link).
    static Status recordBundleOrigin(ReplicaStore& store, const QString& database, const QString& serverName);
    // That server's address and name; empty before the first successful sync.
    static Result<std::pair<QString, QString>> lastServerOf(const ReplicaStore& store);

    // What one session with a server of `settings` needs: where, as whom, with which filter.
    struct SessionPlan
    {
        RemoteEndpoint endpoint;
        QSslConfiguration tls;
        SessionOptions options;
        QString homeServer; // the workspace's directory copy is kept under it (DirectoryFile)

        // Whether the session is with the home server: only it is asked for register numbers,
        // so a register keeps one numbering authority whichever server serves a sync.
        bool isHome() const { return endpoint.address() == homeServer; }
    };
    // With `server` (one of `settings.servers`), by default the home server.
    Result<SessionPlan> plan(const ReplicaSettings& settings, const QString& server = {}) const;

private:
    // Syncs with each server of `settings` in turn until one answers (ReplicaServers::movesOn);
    // records the server that served a success.
    SyncReport syncOne(const QString& name, std::unique_ptr<ReplicaStore>& store,
                       const ReplicaSettings& settings);
    // One session with `server`; on StaleInstance, closes `store`, renews its instance,
    // reopens it and syncs once more.
    void syncWith(const QString& server, std::unique_ptr<ReplicaStore>& store,
                  const ReplicaSettings& settings, SyncReport& report);
    Status runSession(ReplicaStore& store, const SessionPlan& plan, SyncReport& report);

    Workspace& m_workspace;
    identity::Credentials m_credentials;
};

} // namespace sen::client
