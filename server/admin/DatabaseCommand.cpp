// sen-server db create: a new database with the server's starting ACL.

#include "common/acl/Acl.h"
#include "common/catalogues/DefaultCatalogues.h"
#include "common/registers/DefaultRegisters.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/StartingAcl.h"
#include "server/core/UserRegistry.h"

#include <QFile>
#include <QFileInfo>

namespace sen::server {

namespace {

void removeReplicaFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// --numbered-by SERVER: the server that numbers the database's registers (docs/servers.md),
// this one or one the hub issued an ID to; empty when not given (the hub numbers them).
Result<QString> numberingServer(const AdminContext& ctx, DatabaseKind kind)
{
    if (!ctx.args.has(QStringLiteral("--numbered-by")))
        return QString();
    if (kind != DatabaseKind::Documents)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("--numbered-by is for a documents database"));
    SEN_ASSIGN_OR_RETURN(
        const identity::HierarchicalName server,
        ctx.dir->qualifiedName(ctx.args.value(QStringLiteral("--numbered-by")).section(u'/', 0, 0)));
    if (server == ctx.dir->serverName())
        return server.toString();
    if (QFileInfo::exists(ctx.dir->serversPath())) {
        SEN_ASSIGN_OR_RETURN(const UserRegistry servers, UserRegistry::load(ctx.dir->serversPath()));
        if (servers.findActive(server))
            return server.toString();
    }
    return Status(ErrorCode::NotFound,
                  QStringLiteral("%1 is neither this server nor a server it issued an ID to (server add)")
                      .arg(server.toString()));
}

} // namespace

Status runDbCreate(AdminContext& ctx)
{
    const QString name = ctx.operands.value(0);
    const auto kind = databaseKindFromName(ctx.args.value(QStringLiteral("--kind")));
    if (!kind)
        return usageError(QStringLiteral(
            "db create NAME --kind documents|calendar|news [--title TEXT] [--numbered-by SERVER]"));
    if (!DataDirectory::isValidDatabaseName(name))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("invalid database name \"%1\" (1-64 letters, digits, '-', '_', '.')").arg(name));

    SEN_ASSIGN_OR_RETURN(const QString numberedBy, numberingServer(ctx, *kind));

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    const QString path = ctx.dir->databasePath(name);
    if (QFileInfo::exists(path))
        return Status(ErrorCode::Conflict, QStringLiteral("database \"%1\" already exists").arg(name));

    ReplicaCreateOptions create;
    create.kind = *kind;
    create.title = ctx.args.has(QStringLiteral("--title")) ? ctx.args.value(QStringLiteral("--title")) : name;
    SEN_ASSIGN_OR_RETURN(auto store, ReplicaStore::create(path, create));
    const acl::Acl acl = startingAcl(*ctx.dir);
    Status made = store->saveAcl(acl);
    if (made.isOk() && create.kind == DatabaseKind::Documents)
        made = registers::createDefaultRegisters(*store); // docs/registers.md §Registers
    if (made.isOk() && !numberedBy.isEmpty())
        made = store->setSetting(QString::fromUtf16(registers::kNumberedBySetting), numberedBy);
    if (made.isOk())
        made = catalogues::addDefaultEntries(*store, create.kind).status(); // docs/catalogues.md
    if (made.isOk() && !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        made = Status(ErrorCode::IoError, QStringLiteral("cannot restrict the permissions of %1").arg(path));
    const ReplicaInfo info = store->info();
    store.reset();
    if (!made.isOk()) {
        removeReplicaFiles(path);
        return made;
    }
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(
            ctx, QStringLiteral("db_create"),
            QStringLiteral("created database %1 (%2, replica %3, title \"%4\"%5)")
                .arg(name, databaseKindName(info.kind), info.replicaId.toHex(), info.title,
                     numberedBy.isEmpty() ? QString() : QStringLiteral(", numbered by ") + numberedBy)),
        lock));
    ctx.out << info.replicaId.toHex() << '\n';
    return Status::ok();
}

} // namespace sen::server
