#include "client/core/Workspace.h"

#include "common/core/OwnerOnly.h"
#include "common/store/DatabaseName.h"

#include <QDir>
#include <QFileInfo>

namespace sen::client {

namespace {
const QString kReplicaDir = QStringLiteral("replicas");
const QString kSuffix = QStringLiteral(".sen");
} // namespace

Result<Workspace> Workspace::open(const QString& home)
{
    if (home.isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("no home directory given"));
    QDir dir(home);
    if (!dir.mkpath(kReplicaDir))
        return Status(ErrorCode::IoError,
                      QStringLiteral("%1: cannot create the workspace directory").arg(home));
    // The workspace holds the user's ID and replicas: nobody else may list or read it
    // (workspaces made by older versions are tightened on their next open).
    for (const QString& path : {home, dir.filePath(kReplicaDir)}) {
        if (const Status restricted = restrictToOwner(path); !restricted.isOk())
            return restricted;
    }
    return Workspace(QFileInfo(home).absoluteFilePath());
}

QString Workspace::replicaPath(const QString& name) const
{
    return m_home + u'/' + kReplicaDir + u'/' + name + kSuffix;
}

QString Workspace::replicasFolder() const
{
    return m_home + u'/' + kReplicaDir;
}

bool Workspace::isInReplicasFolder(const QString& replicasFolder, const QString& path)
{
    // Canonical paths where they exist, so that a link or "a/../b" does not hide the folder.
    const auto canonical = [](const QString& p) {
        const QFileInfo info(p);
        const QString resolved = info.canonicalFilePath();
        return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
    };
    const QString folder = canonical(replicasFolder);
    const QFileInfo file(path);
    return canonical(file.absolutePath()) == folder || canonical(path).startsWith(folder + u'/');
}

bool Workspace::isValidName(const QString& name)
{
    return sen::isValidDatabaseName(name);
}

Result<std::unique_ptr<ReplicaStore>> Workspace::createDatabase(const QString& name, DatabaseKind kind,
                                                                const QString& title)
{
    if (!isValidName(name))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("invalid database name \"%1\" (letters, digits, '-', '_', '.')").arg(name));
    ReplicaCreateOptions options;
    options.kind = kind;
    options.title = title.isEmpty() ? name : title;
    auto store = ReplicaStore::create(replicaPath(name), options);
    if (!store && store.code() == ErrorCode::Conflict)
        return Status(ErrorCode::Conflict, QStringLiteral("database %1 exists").arg(name));
    return store;
}

Result<std::unique_ptr<ReplicaStore>> Workspace::openDatabase(const QString& nameOrReplicaId) const
{
    if (isValidName(nameOrReplicaId) && QFileInfo::exists(replicaPath(nameOrReplicaId)))
        return ReplicaStore::open(replicaPath(nameOrReplicaId));
    if (const auto id = ReplicaId::fromHex(nameOrReplicaId)) {
        SEN_ASSIGN_OR_RETURN(const auto entries, list());
        for (const ReplicaEntry& e : entries) {
            if (e.info.replicaId == *id)
                return ReplicaStore::open(e.path);
        }
    }
    return Status(ErrorCode::NotFound, QStringLiteral("no database %1 in %2").arg(nameOrReplicaId, m_home));
}

WorkspaceScan Workspace::scan() const
{
    WorkspaceScan scan;
    const QDir dir(m_home + u'/' + kReplicaDir);
    const QFileInfoList files = dir.entryInfoList({u'*' + kSuffix}, QDir::Files, QDir::Name);
    for (const QFileInfo& file : files) {
        auto store = ReplicaStore::open(file.absoluteFilePath());
        auto documents = store ? (*store)->documentCount() : Result<std::int64_t>(store.status());
        if (!documents) {
            scan.unreadable.push_back({file.completeBaseName(), file.absoluteFilePath(), documents.status()});
            continue;
        }
        scan.entries.push_back(
            {file.completeBaseName(), file.absoluteFilePath(), (*store)->info(), *documents});
    }
    return scan;
}

Result<std::vector<ReplicaEntry>> Workspace::list() const
{
    return scan().entries;
}

} // namespace sen::client
