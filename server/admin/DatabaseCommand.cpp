// sen-server db create: a new database with the server's starting ACL.

#include "common/acl/Acl.h"
#include "common/catalogues/DefaultCatalogues.h"
#include "common/registers/DefaultRegisters.h"
#include "common/store/ReplicaStore.h"
#include "server/admin/AdminCommands.h"

#include <QFile>
#include <QFileInfo>

namespace sen::server {

namespace {

// The ACL a new database starts with (docs/server.md): the administrator (a spoke has none)
// and this server as Managers, everyone else No Access.
acl::Acl startingAcl(const DataDirectory& dir)
{
    acl::Acl acl;
    if (!dir.config().admin.isNull())
        (void)acl.setEntry(acl::AclEntry::make(dir.config().admin.toString(), acl::AccessLevel::Manager,
                                               acl::EntryKind::Person));
    (void)acl.setEntry(
        acl::AclEntry::make(dir.serverName().toString(), acl::AccessLevel::Manager, acl::EntryKind::Server));
    (void)acl.setEntry(acl::AclEntry::make(acl::defaultEntryName(), acl::AccessLevel::NoAccess));
    return acl;
}

void removeReplicaFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace

Status runDbCreate(AdminContext& ctx)
{
    const QString name = ctx.operands.value(0);
    const auto kind = databaseKindFromName(ctx.args.value(QStringLiteral("--kind")));
    if (!kind)
        return usageError(QStringLiteral("db create NAME --kind documents|calendar|news [--title TEXT]"));
    if (!DataDirectory::isValidDatabaseName(name))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("invalid database name \"%1\" (1-64 letters, digits, '-', '_', '.')").arg(name));

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
        adminEvent(ctx, QStringLiteral("db_create"),
                   QStringLiteral("created database %1 (%2, replica %3, title \"%4\")")
                       .arg(name, databaseKindName(info.kind), info.replicaId.toHex(), info.title)),
        lock));
    ctx.out << info.replicaId.toHex() << '\n';
    return Status::ok();
}

} // namespace sen::server
