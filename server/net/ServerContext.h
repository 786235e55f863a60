#pragma once

// What every connection of a running server shares (docs/architecture.md §Threads): the
// server's credentials, the certifier it trusts, how to find a database, the current
// revocation list, the groups directory and the audit log. Built once by `sen-server run`
// from the data directory.
//
// Thread-safety: the plain members are immutable while the server runs; the functions must
// be callable from any worker thread at any time (they read files that admin commands of
// another process may change — a revocation must take effect at the next connection).

#include "common/acl/Directory.h"
#include "common/core/Result.h"
#include "common/identity/Credentials.h"
#include "server/net/ConnectionLimits.h"
#include "server/net/RegisterAuthority.h"
#include "server/net/ServerAuthority.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <span>

namespace sen::server {

struct AuditEvent;

struct ServerContext
{
    identity::Credentials credentials; // the server's own
    bool holdsCertifier = true;        // the organisation's hub (docs/servers.md); false: a spoke
    QByteArray certifierDer;           // the only CA peers may chain to

    // The certifier's current CRL (DER).
    std::function<Result<QByteArray>()> currentCrl;
    // The replica file of a database named by name or replica ID (hex); NotFound otherwise.
    std::function<Result<QString>(const QString& nameOrReplicaId)> databasePath;
    // Groups for resolving ACL entries.
    std::function<acl::Directory()> directory;
    // The hierarchical names of the active registered users (users.json), for the directory a
    // client asks for (docs/protocol.md §Directory). Empty: none are told.
    std::function<Result<QStringList>()> people;

    // The hub's authority record (ServerAuthority.h): exchanged in every session with another
    // server of the organisation; at a spoke also the source of each database's ACL. Null: no
    // exchange (a peer server's authority messages are then refused).
    std::shared_ptr<ServerAuthority> authority;

    // Appends to the audit log (logins, refusals, deletions). Empty: none. Server calls it
    // from one thread of its own (AuditWriter), never from a network thread. An
    // implementation whose write fails must set `auditFailed`.
    std::function<void(const AuditEvent&)> audit;
    // Appends several events in order at once (one turn of the data directory's lock, one
    // opening of the log); what AuditWriter hands on when it is set, else `audit` for each.
    // The same contract as `audit` otherwise.
    std::function<void(std::span<const AuditEvent>)> auditBatch;
    // True once an audit write failed: from then on every pushed version is refused with
    // IoError, ending its session uncommitted (docs/audit-log.md §When the log cannot be
    // written), until the server is restarted with a writable log.
    std::shared_ptr<std::atomic<bool>> auditFailed = std::make_shared<std::atomic<bool>>(false);

    int workerThreads = 0;                              // 0: one per core, at least 2
    int handshakeTimeoutMs = 15'000;                    // until the peer is verified and its HELLO read
    int idleTimeoutMs = 120'000;                        // a session on which nothing arrives for this long
    int maxConnectionsPerWorker = 512;                  // beyond it new connections are refused at once
    int maxPendingPerAddress = kMaxPendingPerAddress;   // in handshake or before HELLO, per address
    int maxSessionsPerAddress = kMaxSessionsPerAddress; // past HELLO, per address
    int droppedReportMs = kDroppedReportMs;             // aggregate record of connections closed before TLS
    // Numbers a user may hold for registrations the server has not received
    // (RegisterAuthority.h; `run --max-pending-numbers N`).
    qint64 maxPendingNumbers = kMaxPendingNumbers;

    // Set by Server for its workers (null otherwise): the per-address limits and counts.
    ConnectionLimits* limits = nullptr;
};

} // namespace sen::server
