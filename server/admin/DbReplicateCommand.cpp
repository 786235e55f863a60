// sen-server db replicate HOST:PORT DB: a new local replica of a database another server of
// the organisation holds, then its first session (docs/servers.md §Connections).

#include "common/store/ReplicaStore.h"
#include "replication/session/RemoteSession.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/StartingAcl.h"
#include "server/net/ServerAuthority.h"
#include "server/peers/PeerReplication.h"

#include <QFile>
#include <QFileInfo>

namespace sen::server {

namespace {

constexpr int kDescribeTimeoutMs = 30'000;

void removeReplicaFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// Conflict when this server already has a database of that name or that replica ID.
Status checkNew(const DataDirectory& dir, const QString& name, const ReplicaId& replicaId)
{
    if (QFileInfo::exists(dir.databasePath(name)))
        return Status(ErrorCode::Conflict, QStringLiteral("database \"%1\" already exists").arg(name));
    if (const auto existing = dir.findDatabase(replicaId.toHex()); existing)
        return Status(
            ErrorCode::Conflict,
            QStringLiteral("database \"%1\" already is a replica of %2").arg(*existing, replicaId.toHex()));
    return Status::ok();
}

// Creates databases/NAME.sen as a replica of `info` with the starting ACL, under the lock.
Status createReplica(AdminContext& ctx, const QString& name, const protocol::DatabaseInfo& info,
                     DatabaseKind kind, const QString& address)
{
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_TRY(checkNew(*ctx.dir, name, info.replicaId));
    const QString path = ctx.dir->databasePath(name);
    ReplicaCreateOptions create;
    create.replicaId = info.replicaId; // a new instance ID is made for it
    create.kind = kind;
    create.title = info.title;
    SEN_ASSIGN_OR_RETURN(auto store, ReplicaStore::create(path, create));
    Status made = store->saveAcl(startingAcl(*ctx.dir));
    if (made.isOk() && !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        made = Status(ErrorCode::IoError, QStringLiteral("cannot restrict the permissions of %1").arg(path));
    store.reset();
    if (made.isOk())
        made = ctx.dir->appendAudit(
            adminEvent(ctx, QStringLiteral("db_replicate"),
                       QStringLiteral("created database %1 as a replica of %2 at %3 (%4, title \"%5\")")
                           .arg(name, info.replicaId.toHex(), address, databaseKindName(kind), info.title)),
            lock);
    if (!made.isOk())
        removeReplicaFiles(path);
    return made;
}

} // namespace

Status runDbReplicate(AdminContext& ctx)
{
    const QString address = ctx.operands.value(0);
    const QString name = ctx.operands.value(1);
    if (!DataDirectory::isValidDatabaseName(name))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("invalid database name \"%1\" (1-64 letters, digits, '-', '_', '.')").arg(name));
    SEN_ASSIGN_OR_RETURN(const RemoteEndpoint endpoint, RemoteEndpoint::parse(address, name));
    if (QFileInfo::exists(ctx.dir->databasePath(name)))
        return Status(ErrorCode::Conflict, QStringLiteral("database \"%1\" already exists").arg(name));
    SEN_ASSIGN_OR_RETURN(const QSslConfiguration tls, peerTlsConfiguration(*ctx.dir));
    SEN_ASSIGN_OR_RETURN(
        const protocol::DatabaseInfo info,
        describeRemoteDatabase(tls, endpoint, ctx.dir->serverName().toString(), kDescribeTimeoutMs));
    const std::optional<DatabaseKind> kind = databaseKindFromInt(info.kind);
    if (!kind)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("%1 is a kind of database this version does not know").arg(name));
    SEN_TRY(createReplica(ctx, name, info, *kind, endpoint.address()));

    // The first session: pull everything the peer holds (resumable like any session).
    PeerRunOptions options;
    options.address = endpoint.address();
    options.databases << name;
    options.push = false;
    const auto auditFailed = std::make_shared<Status>();
    options.audit = lockedAuditAppender(ctx, auditFailed);
    options.authority = ServerAuthority::forDirectory(*ctx.dir, options.audit);
    SEN_ASSIGN_OR_RETURN(const std::vector<PeerDatabaseResult> results,
                         replicateWithPeer(*ctx.dir, tls, options));
    const PeerDatabaseResult& first = results.front();
    ctx.out << info.replicaId.toHex() << '\n';
    ctx.out << name << ": " << describeStats(first.stats) << '\n';
    if (!first.status.isOk())
        return first.status.withContext(
            QStringLiteral("database %1 was created but its first session failed (run replicate again)")
                .arg(name));
    return auditFailed->isOk() ? Status::ok() : auditFailed->withContext(QStringLiteral("the audit log"));
}

} // namespace sen::server
