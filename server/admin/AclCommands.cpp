// sen-server acl set and acl list.

#include "common/acl/Acl.h"
#include "common/store/ReplicaStore.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/TextTable.h"
#include "server/core/LocalDomainServers.h"
#include "server/core/UserRegistry.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::server {

namespace {

Result<std::unique_ptr<ReplicaStore>> openDatabase(const AdminContext& ctx, const QString& nameOrId,
                                                   QString* name = nullptr)
{
    SEN_ASSIGN_OR_RETURN(const QString found, ctx.dir->findDatabase(nameOrId));
    if (name)
        *name = found;
    return ReplicaStore::open(ctx.dir->databasePath(found));
}

// What kind of name an entry is, as this server knows it: its own name or a server it
// issued an ID to (servers.json), a group of groups.json, a registered user; anything else (wildcards,
// -Default-, other servers' users) stays unspecified.
Result<acl::EntryKind> entryKindOf(const DataDirectory& dir, const QString& entryName)
{
    if (entryName.contains(u'*') || entryName == acl::defaultEntryName())
        return acl::EntryKind::Unspecified;
    if (dir.directory().hasGroup(entryName) || entryName == QStringView(kLocalDomainServers))
        return acl::EntryKind::Group;
    const auto name = identity::HierarchicalName::parse(entryName);
    if (!name)
        return acl::EntryKind::Unspecified;
    if (*name == dir.serverName())
        return acl::EntryKind::Server;
    if (QFileInfo::exists(dir.serversPath())) {
        SEN_ASSIGN_OR_RETURN(const UserRegistry servers, UserRegistry::load(dir.serversPath()));
        if (servers.findActive(*name))
            return acl::EntryKind::Server;
    }
    SEN_ASSIGN_OR_RETURN(const UserRegistry registry, UserRegistry::load(dir.usersPath()));
    return registry.findActive(*name) ? acl::EntryKind::Person : acl::EntryKind::Unspecified;
}

QString rightsText(const acl::AclEntry& entry)
{
    QStringList rights;
    if (entry.hasRight(acl::CreateDocuments))
        rights << QStringLiteral("create");
    if (entry.hasRight(acl::DeleteDocuments))
        rights << QStringLiteral("delete");
    if (entry.hasRight(acl::Replicate))
        rights << QStringLiteral("replicate");
    return rights.isEmpty() ? QStringLiteral("-") : rights.join(u',');
}

QJsonObject entryJson(const acl::AclEntry& entry)
{
    return QJsonObject{{QStringLiteral("name"), entry.name},
                       {QStringLiteral("kind"), acl::entryKindName(entry.kind)},
                       {QStringLiteral("level"), acl::accessLevelName(entry.level)},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(entry.roles)},
                       {QStringLiteral("create"), entry.hasRight(acl::CreateDocuments)},
                       {QStringLiteral("delete"), entry.hasRight(acl::DeleteDocuments)},
                       {QStringLiteral("replicate"), entry.hasRight(acl::Replicate)}};
}

Status printAcl(const AdminContext& ctx, const acl::Acl& acl, bool json)
{
    if (json) {
        QJsonArray array;
        for (const acl::AclEntry& entry : acl.entries())
            array.append(entryJson(entry));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    QList<QStringList> rows = {{QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("LEVEL"),
                                QStringLiteral("RIGHTS"), QStringLiteral("ROLES")}};
    for (const acl::AclEntry& entry : acl.entries())
        rows << QStringList{entry.name, acl::entryKindName(entry.kind), acl::accessLevelName(entry.level),
                            rightsText(entry),
                            entry.roles.isEmpty() ? QStringLiteral("-") : entry.roles.join(u' ')};
    TextTable::print(ctx.out, rows);
    return Status::ok();
}

} // namespace

Status runAclSet(AdminContext& ctx)
{
    const QString entryName = ctx.operands.value(1).trimmed();
    const auto level = acl::accessLevelFromName(ctx.operands.value(2));
    if (!level)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("unknown access level \"%1\" (noaccess, depositor, reader, author, editor, "
                           "designer, manager)")
                .arg(ctx.operands.value(2)));

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    QString dbName;
    SEN_ASSIGN_OR_RETURN(auto store, openDatabase(ctx, ctx.operands.value(0), &dbName));
    SEN_ASSIGN_OR_RETURN(const acl::EntryKind kind, entryKindOf(*ctx.dir, entryName));
    acl::AclEntry entry = acl::AclEntry::make(entryName, *level, kind);
    // Each optional right can be granted (--create, --delete) or removed (--no-create,
    // --no-delete) against the level's default; asking for what the level cannot change is an
    // error rather than silently ignored.
    const struct
    {
        const char* grant;
        const char* remove;
        acl::AclRight right;
        const char* name;
    } options[] = {{"--create", "--no-create", acl::CreateDocuments, "create"},
                   {"--delete", "--no-delete", acl::DeleteDocuments, "delete"}};
    for (const auto& option : options) {
        const bool grant = ctx.args.has(QString::fromLatin1(option.grant));
        const bool remove = ctx.args.has(QString::fromLatin1(option.remove));
        const QString levelName = acl::accessLevelName(*level);
        const QString rightName = QString::fromLatin1(option.name);
        if (grant && remove)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("%1 and %2 contradict each other")
                              .arg(QString::fromLatin1(option.grant), QString::fromLatin1(option.remove)));
        if (grant) {
            if (!(acl::rightsMask(*level) & option.right))
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("%1 can never have the %2 right; %3 cannot give it")
                                  .arg(levelName, rightName, QString::fromLatin1(option.grant)));
            entry.rights |= option.right;
        }
        if (remove) {
            if (acl::forcedRights(*level) & option.right)
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("%1 always has the %2 right; %3 cannot remove it")
                                  .arg(levelName, rightName, QString::fromLatin1(option.remove)));
            entry.rights &= ~option.right;
        }
    }
    for (const QString& role : ctx.args.values(QStringLiteral("--role"))) {
        const QString trimmed = role.trimmed();
        entry.roles << (trimmed.startsWith(u'[') ? trimmed : u'[' + trimmed + u']');
    }

    SEN_ASSIGN_OR_RETURN(acl::Acl acl, store->loadAcl());
    SEN_TRY(acl.setEntry(entry));
    SEN_TRY(store->saveAcl(acl));
    const acl::AclEntry* saved = acl.entry(entryName);
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, QStringLiteral("acl_set"),
                   QStringLiteral("%1: set %2 (%3) to %4, rights %5, roles %6")
                       .arg(dbName, saved->name, acl::entryKindName(saved->kind),
                            acl::accessLevelName(saved->level), rightsText(*saved),
                            saved->roles.isEmpty() ? QStringLiteral("-") : saved->roles.join(u' '))),
        lock));
    acl::Acl shown;
    (void)shown.setEntry(*saved);
    return printAcl(ctx, shown, false);
}

Status runAclList(AdminContext& ctx)
{
    QString dbName;
    SEN_ASSIGN_OR_RETURN(auto store, openDatabase(ctx, ctx.operands.value(0), &dbName));
    SEN_ASSIGN_OR_RETURN(const acl::Acl acl, store->loadAcl());
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, QStringLiteral("acl_list"),
                   QStringLiteral("listed the ACL of %1 (%2 entries)").arg(dbName).arg(acl.entries().size())),
        lock));
    return printAcl(ctx, acl, ctx.args.has(QStringLiteral("--json")));
}

} // namespace sen::server
