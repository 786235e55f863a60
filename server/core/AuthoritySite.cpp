#include "server/core/AuthoritySite.h"

#include "common/acl/Acl.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "server/core/AtomicFile.h"
#include "server/core/DataDirectory.h"
#include "server/core/GroupsFile.h"
#include "server/core/UserRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sen::server {

namespace {

QDateTime timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Status writeUsers(const AuthoritySite& site, const protocol::AuthorityContent& content)
{
    UserRegistry registry;
    for (const protocol::AuthorityPerson& person : content.people) {
        RegisteredUser user;
        user.name = identity::HierarchicalName::parse(person.name).value();
        user.registered = timeOf(person.registeredMs);
        user.fromHub = true;
        for (const protocol::AuthorityCertificate& c : person.certificates)
            user.certificates << RegisteredCertificate{c.serialHex, timeOf(c.issuedMs), timeOf(c.notAfterMs)};
        SEN_TRY(registry.add(std::move(user)));
    }
    return registry.save(site.usersPath);
}

acl::Acl aclOf(const protocol::AuthorityDatabase& database)
{
    acl::Acl acl;
    for (const acl::AclEntry& entry : database.acl)
        (void)acl.setEntry(entry); // the decoder built these with setEntry: each is valid
    return acl;
}

} // namespace

AuthoritySite siteOf(const DataDirectory& dir)
{
    return AuthoritySite{QDir(dir.path()).filePath(QStringLiteral("authority.cbor")),
                         dir.crlPath(),
                         dir.usersPath(),
                         dir.groupsPath(),
                         dir.databasesPath(),
                         dir.certifierCertificateDer(),
                         dir.org().toString()};
}

Result<protocol::AuthorityRecord> readHeldRecord(const AuthoritySite& site)
{
    if (!QFile::exists(site.authorityPath))
        return protocol::AuthorityRecord{};
    SEN_ASSIGN_OR_RETURN(const QByteArray bytes,
                         AtomicFile::read(site.authorityPath, protocol::kMaxAuthorityRecordBytes));
    auto record = protocol::decodeAuthorityRecord(bytes);
    if (!record)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1: %2").arg(site.authorityPath, record.status().message()));
    return record;
}

QStringList siteDatabasePaths(const AuthoritySite& site)
{
    QStringList paths;
    const QDir folder(site.databasesPath);
    for (const QString& file : folder.entryList({QStringLiteral("*.sen")}, QDir::Files, QDir::Name))
        paths << folder.filePath(file);
    return paths;
}

Status applyRecordAcl(const protocol::AuthorityContent& content, ReplicaStore& store)
{
    const protocol::AuthorityDatabase* database = content.database(store.info().replicaId);
    if (!database)
        return Status::ok();
    // The server that numbers the database's registers, as the hub decided (docs/servers.md).
    const QString numberedKey = QString::fromUtf16(registers::kNumberedBySetting);
    SEN_ASSIGN_OR_RETURN(const QString numberedBy, store.setting(numberedKey));
    if (numberedBy != database->numberingServer) {
        SEN_TRY(store.setSetting(numberedKey, database->numberingServer));
    }
    SEN_ASSIGN_OR_RETURN(const acl::Acl held, store.loadAcl());
    const acl::Acl wanted = aclOf(*database);
    if (held.entries() == wanted.entries())
        return Status::ok();
    return store.saveAcl(wanted);
}

Status applyAuthorityRecord(const AuthoritySite& site, const protocol::AuthorityRecord& record)
{
    const protocol::AuthorityContent& content = record.content;
    SEN_TRY(AtomicFile::write(site.crlPath, content.crlDer));
    QList<QPair<QString, QStringList>> groups;
    for (const protocol::DirectoryGroup& g : content.groups)
        groups.append({g.name, g.members});
    SEN_TRY(GroupsFile::write(site.groupsPath, groups));
    SEN_TRY(writeUsers(site, content));
    for (const QString& path : siteDatabasePaths(site)) {
        SEN_ASSIGN_OR_RETURN(const auto store, ReplicaStore::open(path));
        SEN_TRY(applyRecordAcl(content, *store).withContext(QFileInfo(path).fileName()));
    }
    return AtomicFile::write(site.authorityPath, record.bytes);
}

} // namespace sen::server
