#pragma once

// The initiator side of server-to-server replication (docs/servers.md §Connections): one
// session per database with the server at HOST:PORT, pull and push as any session (the same
// Session, field-level and resumable), this server presenting its own server ID. The peer must
// be a *server* of our certifier (RemoteSession checks); a user's certificate cannot pose as one.
//
// Databases are found here by name or replica ID and asked of the peer by replica ID (hex), so
// the two servers may call a database differently. With no databases named, every local
// database is tried and those the peer does not hold are reported as absent, not as failures.
//
// Blocking: runs the sessions in local event loops of the calling thread, which must be a
// QThread (the main thread of a QCoreApplication or a QThread::create thread). With
// `parallel` above 1 the databases are shared among that many threads of its own.
// Thread-safe as long as each call has its own options.

#include "common/core/Result.h"
#include "replication/session/SessionTypes.h"
#include "server/audit/AuditEvent.h"

#include <QSslConfiguration>
#include <QStringList>

#include <functional>
#include <vector>

namespace sen::server {

class DataDirectory;

struct PeerRunOptions
{
    QString address;       // HOST:PORT of the peer
    QStringList databases; // local names or replica IDs; empty: every local database
    bool pull = true;
    bool push = true;
    int parallel = 1; // databases at a time
    int sessionTimeoutMs = 30 * 60 * 1000;
    // Asked every tenth of a second; true stops the sessions (Cancelled), keeping every batch
    // committed so far. May read a flag another thread sets.
    std::function<bool()> cancelled;
    // Receives the audit events (replication_started, _finished, _failed, _refused); called
    // from the threads that run sessions. Empty: none.
    std::function<void(const AuditEvent&)> audit;
    // This server's side of the hub's authority record (server/net/ServerAuthority.h): every
    // session it dials carries the newer record either way (docs/servers.md "The authority
    // record"); a spoke takes its CRL, people and ACLs this way. Null: not exchanged.
    std::shared_ptr<AuthorityKeeper> authority;
};

struct PeerDatabaseResult
{
    QString database;  // the local name
    QString replicaId; // hex
    Status status;
    SessionStats stats;
    bool absent = false; // the peer does not hold it (only when every database was asked for)
};

// The TLS configuration this server presents to peers: its credentials from server.id (one
// KDF run) and the certifier it trusts.
[[nodiscard]] Result<QSslConfiguration> peerTlsConfiguration(const DataDirectory& dir);

// Replicates each database of `options` with the peer, one result per database in the order
// asked. InvalidArgument for a bad address, NotFound for a named database this server lacks;
// a session's failure is in its result, not the return value.
[[nodiscard]] Result<std::vector<PeerDatabaseResult>>
replicateWithPeer(const DataDirectory& dir, const QSslConfiguration& tls, const PeerRunOptions& options);

// One session of the local replica file `path` with `database` (a name or replica ID) at the
// peer; emits no audit events. For `db replicate`'s first pull and for replicateWithPeer.
Status runPeerSession(const QString& path, const QSslConfiguration& tls, const QString& address,
                      const QString& database, const PeerRunOptions& options, SessionStats* stats);

// "received N, sent N, conflicts N" (and refused when any), for output and audit details.
QString describeStats(const SessionStats& stats);

} // namespace sen::server
