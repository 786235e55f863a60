#include "server/net/ServerAuthority.h"

#include "common/acl/Acl.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "server/audit/AuditEvent.h"
#include "server/core/AtomicFile.h"
#include "server/core/DataDirectory.h"
#include "server/core/GroupsFile.h"
#include "server/core/UserRegistry.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace sen::server {

namespace {

constexpr char16_t kAuthorityUpdated[] = u"authority_updated";

bool sameContent(protocol::AuthorityContent a, protocol::AuthorityContent b)
{
    a.serial = b.serial = 0;
    return a == b;
}

} // namespace

ServerAuthority::ServerAuthority(AuthoritySite site, QString serverName, Audit audit)
    : m_site(std::move(site)), m_serverName(std::move(serverName)), m_audit(std::move(audit))
{}

ServerAuthority::ServerAuthority(AuthoritySite site, QString serverName, Audit audit,
                                 CertifierKey certifierKey)
    : m_site(std::move(site)), m_serverName(std::move(serverName)), m_audit(std::move(audit)),
      m_certifierKey(std::move(certifierKey))
{}

std::shared_ptr<ServerAuthority> ServerAuthority::forDirectory(const DataDirectory& dir, Audit audit)
{
    const QString name = dir.serverName().toString();
    if (!dir.holdsCertifier())
        return std::make_shared<ServerAuthority>(siteOf(dir), name, std::move(audit));
    return std::make_shared<ServerAuthority>(
        siteOf(dir), name, std::move(audit), [&dir]() -> Result<QByteArray> {
            SEN_ASSIGN_OR_RETURN(const identity::Certifier certifier, dir.loadCertifier());
            return certifier.credentials().privateKeyPem;
        });
}

Status ServerAuthority::noRevocationListYet()
{
    return Status(ErrorCode::Busy, QStringLiteral("this server has not yet received the organisation's "
                                                  "revocation list; try again later"));
}

void ServerAuthority::audit(const QString& detail) const
{
    if (m_audit)
        m_audit(AuditEvent{QString::fromUtf16(kAuthorityUpdated), m_serverName, QString(), detail});
}

Status ServerAuthority::loadLocked()
{
    if (m_loaded)
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(m_held, readHeldRecord(m_site));
    m_loaded = true;
    return Status::ok();
}

Result<protocol::AuthorityContent> ServerAuthority::hubContentLocked() const
{
    protocol::AuthorityContent c;
    c.org = m_site.org;
    SEN_ASSIGN_OR_RETURN(c.crlDer, AtomicFile::read(m_site.crlPath, protocol::kMaxAuthorityCrlBytes));
    SEN_ASSIGN_OR_RETURN(const UserRegistry users, UserRegistry::load(m_site.usersPath));
    for (const RegisteredUser& user : users.users()) {
        if (!user.isActive())
            continue;
        protocol::AuthorityPerson person{user.name.toString(), user.registered.toMSecsSinceEpoch(), {}};
        // The newest certificates: older ones of a person re-issued many times are expired.
        const qsizetype first =
            std::max<qsizetype>(0, user.certificates.size() - protocol::kMaxAuthorityCertificates);
        for (qsizetype i = first; i < user.certificates.size(); ++i) {
            const RegisteredCertificate& rc = user.certificates[i];
            person.certificates.push_back(
                {rc.serialHex, rc.issued.toMSecsSinceEpoch(), rc.notAfter.toMSecsSinceEpoch()});
        }
        c.people.push_back(std::move(person));
    }
    SEN_ASSIGN_OR_RETURN(const acl::Directory groups, GroupsFile::load(m_site.groupsPath));
    for (const QString& name : groups.groupNames())
        c.groups.push_back({name, groups.members(name)});
    for (const QString& path : siteDatabasePaths(m_site)) {
        ReplicaOpenOptions options;
        options.readOnly = true;
        SEN_ASSIGN_OR_RETURN(const auto store, ReplicaStore::open(path, options));
        SEN_ASSIGN_OR_RETURN(const acl::Acl acl, store->loadAcl());
        // Which server numbers its registers (server/net/NumberingServer.h; empty: the hub).
        SEN_ASSIGN_OR_RETURN(const QString numberedBy,
                             store->setting(QString::fromUtf16(registers::kNumberedBySetting)));
        c.databases.push_back({store->info().replicaId, numberedBy.trimmed(), acl.entries()});
    }
    return c;
}

Status ServerAuthority::issueLocked()
{
    SEN_ASSIGN_OR_RETURN(protocol::AuthorityContent content, hubContentLocked());
    if (m_held.content.serial != 0 && m_held.content.serial >= m_seen && sameContent(content, m_held.content))
        return Status::ok();
    const auto now = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
    content.serial = std::max({now, m_held.content.serial + 1, m_seen + 1});
    SEN_ASSIGN_OR_RETURN(const QByteArray key, m_certifierKey());
    SEN_ASSIGN_OR_RETURN(protocol::AuthorityRecord record, protocol::signAuthorityRecord(content, key));
    SEN_TRY(AtomicFile::write(m_site.authorityPath, record.bytes));
    m_held = std::move(record);
    audit(QStringLiteral("issued serial %1").arg(m_held.content.serial));
    return Status::ok();
}

Result<HeldAuthority> ServerAuthority::held()
{
    QMutexLocker locked(&m_mutex);
    SEN_TRY(loadLocked());
    if (isHub())
        SEN_TRY(issueLocked().withContext(QStringLiteral("the authority record")));
    return HeldAuthority{m_held.content.serial, m_held.bytes};
}

Status ServerAuthority::receive(const QByteArray& record, std::uint64_t announcedSerial)
{
    QMutexLocker locked(&m_mutex);
    SEN_TRY(loadLocked());
    SEN_ASSIGN_OR_RETURN(
        protocol::AuthorityRecord accepted,
        protocol::acceptAuthorityRecord(record, m_site.certifierDer, m_site.org, m_held.content.serial));
    if (accepted.content.serial != announcedSerial)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("the authority record is not the one announced"));
    if (isHub()) {
        // The hub decides: a newer record of its own key (it was restored from a backup) only
        // makes its next record newer still.
        m_seen = std::max(m_seen, accepted.content.serial);
        return Status::ok();
    }
    SEN_TRY(applyAuthorityRecord(m_site, accepted));
    m_held = std::move(accepted);
    audit(QStringLiteral("serial %1").arg(m_held.content.serial));
    return Status::ok();
}

acl::Directory ServerAuthority::directory()
{
    QMutexLocker locked(&m_mutex);
    const QFileInfo file(m_site.groupsPath);
    if (file.lastModified() != m_groupsModified || file.size() != m_groupsSize) {
        // A file that does not read keeps the groups last read (and is retried next time).
        if (auto groups = GroupsFile::load(m_site.groupsPath)) {
            m_groups = std::move(groups).value();
            m_groupsModified = file.lastModified();
            m_groupsSize = file.size();
        }
    }
    return m_groups;
}

Status ServerAuthority::refreshAcl(ReplicaStore& store)
{
    if (isHub())
        return Status::ok();
    QMutexLocker locked(&m_mutex);
    SEN_TRY(loadLocked());
    return applyRecordAcl(m_held.content, store);
}

} // namespace sen::server
