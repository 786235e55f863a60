// OfficeBundle::createReplica: a new replica from a first bundle (client/app/OfficeBundle.h,
// docs/client.md §Bundles) — what an office with no link at all does instead of a first pull.

#include "client/app/OfficeBundle.h"
#include "client/core/ReplicaAccess.h"
#include "client/core/UserIdentity.h"
#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "client/sync/SyncFollowUp.h"

#include <QFile>

namespace sen::app {

namespace {

// The replica's file and its SQLite sidecars, after a creation that did not finish (as
// Replicator::createReplica removes its own).
void removeReplicaFiles(const QString& path)
{
    for (const QString& suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// What a first pull records before its documents: the replica's settings and the access the
// server reported (client/sync/SyncFollowUp.h), here from the bundle's facts.
Status configure(ReplicaStore& store, const BundleDatabase& facts)
{
    SEN_TRY(client::Replicator::recordBundleOrigin(store, facts.database, facts.serverName));
    const auto access =
        facts.access ? client::SyncFollowUp::toAccess(*facts.access, facts.user) : std::nullopt;
    if (access)
        SEN_TRY(client::ReplicaAccess::save(store, *access));
    return Status::ok();
}

} // namespace

Result<OfficeBundle::CreatedReplica> OfficeBundle::createReplica(const client::Workspace& workspace,
                                                                 const QString& name,
                                                                 const QByteArray& certifierDer,
                                                                 const QString& path)
{
    SEN_ASSIGN_OR_RETURN(const SignedBundle bundle, readVerified(certifierDer, path, workspace.home()));
    if (!bundle.database)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("the bundle is not a first bundle, so it cannot make a new database "
                           "(ask the server's administrator for one: sen-server bundle export --for)"));
    const BundleDatabase& facts = *bundle.database;
    const QString user = client::UserIdentity::userName(workspace);
    if (!user.isEmpty() && user != facts.user)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the bundle was written for %1, not for %2").arg(facts.user, user));
    const std::optional<DatabaseKind> kind = databaseKindFromInt(facts.kind);
    if (!kind)
        return Status(
            ErrorCode::Unsupported,
            QStringLiteral("%1 is a kind of database this version does not know").arg(facts.database));
    const QString local = name.isEmpty() ? facts.database : name;
    if (!client::Workspace::isValidName(local))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" cannot name a local replica (letters, digits, '-', '_', '.')").arg(local));
    SEN_ASSIGN_OR_RETURN(const std::vector<client::ReplicaEntry> entries, workspace.list());
    for (const client::ReplicaEntry& entry : entries) {
        if (entry.info.replicaId == bundle.info.replicaId)
            return Status(ErrorCode::Conflict,
                          QStringLiteral("the database %1 is in this workspace already, as %2: "
                                         "import the bundle into it")
                              .arg(facts.database, entry.name));
    }
    const QString file = workspace.replicaPath(local);
    if (QFile::exists(file))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("a database %1 exists in this workspace").arg(local));

    ReplicaCreateOptions create;
    create.replicaId = bundle.info.replicaId;
    create.title = facts.title;
    create.kind = *kind;
    Result<BundleInfo> imported = Status(ErrorCode::Internal, QStringLiteral("not imported"));
    {
        SEN_ASSIGN_OR_RETURN(const std::unique_ptr<ReplicaStore> store, ReplicaStore::create(file, create));
        const Status configured = configure(*store, facts);
        imported = configured.isOk() ? importVerified(*store, bundle) : Result<BundleInfo>(configured);
    }
    if (!imported) { // closed above: the file is ours to remove
        removeReplicaFiles(file);
        return imported.status();
    }
    return CreatedReplica{local, std::move(imported).value()};
}

QString OfficeBundle::describeCreated(const CreatedReplica& created)
{
    return tr("Database %1 created from the bundle: %2 documents.")
        .arg(created.name)
        .arg(created.info.stored);
}

} // namespace sen::app
