#include "server/peers/PeerReplication.h"

#include "common/store/ReplicaStore.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"
#include "server/core/DataDirectory.h"

#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace sen::server {

namespace {

const QString kStarted = QString::fromUtf16(audit::kReplicationStarted);
const QString kFinished = QString::fromUtf16(audit::kReplicationFinished);
const QString kFailed = QString::fromUtf16(audit::kReplicationFailed);
const QString kRefused = QString::fromUtf16(audit::kReplicationRefused);

struct Target
{
    QString name;
    QString replicaId;
};

void audit(const PeerRunOptions& options, const QString& kind, const QString& detail)
{
    if (options.audit)
        options.audit(AuditEvent{kind, QString(), options.address, detail});
}

// The peer's answer when it holds no such database: the HELLO's lookup failed there.
bool peerLacksDatabase(const Status& status)
{
    return status.code() == ErrorCode::NotFound;
}

PeerDatabaseResult replicateTarget(const DataDirectory& dir, const QSslConfiguration& tls,
                                   const PeerRunOptions& options, const Target& target, bool everyDatabase)
{
    PeerDatabaseResult result;
    result.database = target.name;
    result.replicaId = target.replicaId;
    const QString what = QStringLiteral("database %1 (replica %2)").arg(target.name, target.replicaId);
    audit(options, kStarted,
          QStringLiteral("%1 with %2, %3")
              .arg(what, options.address,
                   options.pull && options.push ? QStringLiteral("pull and push")
                   : options.pull               ? QStringLiteral("pull")
                                                : QStringLiteral("push")));
    result.status = runPeerSession(dir.databasePath(target.name), tls, options.address, target.replicaId,
                                   options, &result.stats);
    if (result.status.isOk()) {
        audit(options, kFinished, QStringLiteral("%1: %2").arg(what, describeStats(result.stats)));
    } else if (everyDatabase && peerLacksDatabase(result.status)) {
        result.absent = true;
        audit(options, kFinished, QStringLiteral("%1: the peer holds no replica of it").arg(what));
    } else {
        const bool refused = result.status.code() == ErrorCode::PermissionDenied;
        audit(options, refused ? kRefused : kFailed,
              QStringLiteral("%1 after %2: %3")
                  .arg(what, describeStats(result.stats), result.status.toString()));
    }
    return result;
}

} // namespace

Result<QSslConfiguration> peerTlsConfiguration(const DataDirectory& dir)
{
    SEN_ASSIGN_OR_RETURN(const identity::Credentials credentials, dir.serverCredentials());
    return makeTlsConfiguration(credentials, dir.certifierCertificateDer());
}

QString describeStats(const SessionStats& stats)
{
    QString text = QStringLiteral("received %1, sent %2, conflicts %3")
                       .arg(stats.received)
                       .arg(stats.sent)
                       .arg(stats.conflicts);
    if (stats.refused > 0)
        text += QStringLiteral(", refused by the peer %1").arg(stats.refused);
    return text;
}

Status runPeerSession(const QString& path, const QSslConfiguration& tls, const QString& address,
                      const QString& database, const PeerRunOptions& options, SessionStats* stats)
{
    SEN_ASSIGN_OR_RETURN(const RemoteEndpoint endpoint, RemoteEndpoint::parse(address, database));
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(path));
    SessionOptions session;
    session.pull = options.pull;
    session.push = options.push;
    // A server keeps every deletion stub (docs/servers.md §No zombie); numbers and the
    // directory are the hub's business, not asked here.
    session.dropAcknowledgedStubs = false;
    session.authority = options.authority;
    RemoteSession remote(*store, tls, endpoint, session);
    QTimer poll;
    if (options.cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &remote, [&] {
            if (options.cancelled())
                remote.abort(Status(ErrorCode::Cancelled, QStringLiteral("the server is stopping")));
        });
        poll.start(100);
    }
    const Status status = remote.runBlocking(options.sessionTimeoutMs);
    if (stats)
        *stats = remote.stats();
    return status;
}

Result<std::vector<PeerDatabaseResult>>
replicateWithPeer(const DataDirectory& dir, const QSslConfiguration& tls, const PeerRunOptions& options)
{
    SEN_TRY(RemoteEndpoint::parse(options.address, QStringLiteral("-")).status());
    const bool everyDatabase = options.databases.isEmpty();
    std::vector<Target> targets;
    const QStringList wanted = everyDatabase ? dir.databaseNames() : options.databases;
    for (const QString& nameOrId : wanted) {
        SEN_ASSIGN_OR_RETURN(const QString name, dir.findDatabase(nameOrId));
        ReplicaOpenOptions readOnly;
        readOnly.readOnly = true;
        SEN_ASSIGN_OR_RETURN(const std::unique_ptr<ReplicaStore> store,
                             ReplicaStore::open(dir.databasePath(name), readOnly));
        targets.push_back(Target{name, store->info().replicaId.toHex()});
    }

    std::vector<PeerDatabaseResult> results(targets.size());
    const int threads = std::clamp(options.parallel, 1, std::max<int>(1, int(targets.size())));
    if (threads == 1) {
        for (size_t i = 0; i < targets.size(); ++i)
            results[i] = replicateTarget(dir, tls, options, targets[i], everyDatabase);
        return results;
    }
    // Each thread takes the next database not yet taken, so a slow one holds up only itself.
    std::atomic<size_t> next{0};
    std::vector<std::unique_ptr<QThread>> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back(QThread::create([&] {
            for (size_t i = next++; i < targets.size(); i = next++)
                results[i] = replicateTarget(dir, tls, options, targets[i], everyDatabase);
        }));
        pool.back()->start();
    }
    for (const auto& thread : pool)
        thread->wait();
    return results;
}

} // namespace sen::server
