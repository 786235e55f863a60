#include "server/core/DataDirectory.h"

#include "common/crypto/Random.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/IdFile.h"
#include "common/store/DatabaseName.h"
#include "common/store/ReplicaStore.h"
#include "server/audit/AuditHead.h"
#include "server/audit/AuditLog.h"
#include "server/core/AtomicFile.h"
#include "server/core/GroupsFile.h"
#include "server/core/UserRegistry.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>

#include <mutex>

namespace sen::server {

struct DataDirectory::CrlCache
{
    std::mutex mutex;
    QDateTime modified;
    QDateTime changed;
    qint64 size = -1;
    QByteArray der;
};

namespace {

constexpr qint64 kMaxSecretSize = 1024;
constexpr qint64 kMaxCrlSize = 16 * 1024 * 1024;

// The names the server's certificate carries in subjectAltName: loopback, and this
// machine's host name when it is a DNS name (a Windows-style "MY_PC" is not).
QStringList serverHostNames()
{
    static const QRegularExpression dns(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$"));
    QStringList names = {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")};
    const QString host = QSysInfo::machineHostName().toLower();
    if (host.size() <= 253 && dns.match(host).hasMatch() && !names.contains(host))
        names << host;
    return names;
}

identity::Validity validityFor(int days)
{
    return identity::Validity::days(days, QDateTime::currentDateTimeUtc().addSecs(-3600));
}

// Everything in `dir` but the lock file.
QStringList contentsBesideLock(const QString& dir)
{
    QStringList entries =
        QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    entries.removeAll(QFileInfo(DataDirectoryLock::lockPath(dir)).fileName());
    return entries;
}

void removeContentsBesideLock(const QString& dir)
{
    for (const QString& entry : contentsBesideLock(dir)) {
        const QString path = QDir(dir).filePath(entry);
        if (QFileInfo(path).isDir())
            QDir(path).removeRecursively();
        else
            QFile::remove(path);
    }
}

Status makeOwnerOnlyDir(const QString& path)
{
    if (!QDir().mkpath(path))
        return Status(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(path));
    if (!QFile::setPermissions(path,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Status(ErrorCode::IoError, QStringLiteral("cannot restrict the permissions of %1").arg(path));
    return Status::ok();
}

Status checkEmpty(const QString& dir)
{
    if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("server.json"))))
        return Status(ErrorCode::Conflict, QStringLiteral("%1 already holds a data directory").arg(dir));
    if (!contentsBesideLock(dir).isEmpty())
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 is not empty; init needs a new or empty directory").arg(dir));
    return Status::ok();
}

Status writeNewSecret(const QString& path)
{
    return AtomicFile::write(path, crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding |
                                                                    QByteArray::OmitTrailingEquals) +
                                       '\n');
}

} // namespace

DataDirectory::DataDirectory(DataDirectory&&) noexcept = default;
DataDirectory& DataDirectory::operator=(DataDirectory&&) noexcept = default;
DataDirectory::~DataDirectory() = default;

Result<DataDirectory> DataDirectory::open(const QString& dir)
{
    DataDirectory data;
    data.m_path = QDir::cleanPath(dir);
    data.m_crl = std::make_unique<CrlCache>();
    if (!QFileInfo::exists(data.serverConfigPath()))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is not a sen-server data directory (no server.json)").arg(dir));
    SEN_ASSIGN_OR_RETURN(data.m_config, ServerConfig::load(data.serverConfigPath()));
    data.m_holdsCertifier = QFileInfo::exists(data.certifierIdPath());
    if (data.m_holdsCertifier) {
        SEN_ASSIGN_OR_RETURN(const QByteArray certifierFile, identity::IdFile::load(data.certifierIdPath()));
        SEN_ASSIGN_OR_RETURN(const identity::IdFileHeader header,
                             identity::IdFile::readHeader(certifierFile));
        if (header.role != identity::CertificateRole::Certifier || header.chainDer.isEmpty())
            return Status(ErrorCode::Corruption,
                          QStringLiteral("%1 is not a certifier's ID file").arg(data.certifierIdPath()));
        data.m_certifierDer = header.chainDer.constFirst();
    } else {
        // A spoke trusts the certifier that ends its own ID's chain.
        SEN_ASSIGN_OR_RETURN(const QByteArray serverFile, identity::IdFile::load(data.serverIdPath()));
        SEN_ASSIGN_OR_RETURN(const identity::IdFileHeader header, identity::IdFile::readHeader(serverFile));
        if (header.role != identity::CertificateRole::Server || header.chainDer.size() < 2)
            return Status(
                ErrorCode::Corruption,
                QStringLiteral("%1 is not a server's ID file with its certifier").arg(data.serverIdPath()));
        data.m_certifierDer = header.chainDer.constLast();
    }
    SEN_ASSIGN_OR_RETURN(data.m_directory, GroupsFile::load(data.groupsPath()));
    return data;
}

Result<DataDirectory> DataDirectory::create(const QString& dir, const DataDirectoryCreateOptions& options,
                                            const DataDirectoryLock& held, const CompleteInit& complete)
{
    SEN_TRY(checkEmpty(dir));

    DataDirectory data;
    data.m_path = QDir::cleanPath(dir);
    data.m_crl = std::make_unique<CrlCache>();
    data.m_config.org = options.org;
    data.m_config.admin = options.admin;
    data.m_config.created = QDateTime::currentDateTimeUtc();
    SEN_ASSIGN_OR_RETURN(data.m_config.serverName, data.qualifiedName(options.serverCommonName));

    const Status written = [&]() -> Status {
        SEN_TRY(makeOwnerOnlyDir(data.m_path));
        SEN_TRY(writeNewSecret(data.secretPath()));
        SEN_ASSIGN_OR_RETURN(identity::Certifier certifier,
                             identity::Certifier::create(options.org, validityFor(kCertifierValidityDays)));
        SEN_TRY(data.saveCertifier(certifier, options.kdfCost));
        data.m_certifierDer = certifier.certificateDer();

        SEN_ASSIGN_OR_RETURN(const QString secret, data.readSecret());
        SEN_ASSIGN_OR_RETURN(const identity::Credentials server,
                             certifier.issue(data.m_config.serverName, identity::CertificateRole::Server,
                                             validityFor(kServerValidityDays), serverHostNames()));
        SEN_ASSIGN_OR_RETURN(const QByteArray serverFile,
                             identity::IdFile::seal(server, secret, options.kdfCost));
        SEN_TRY(identity::IdFile::save(data.serverIdPath(), serverFile));

        data.m_holdsCertifier = true;
        return data.completeCreate(server, complete);
    }();
    if (!written.isOk()) {
        removeContentsBesideLock(data.m_path);
        return written;
    }
    Q_UNUSED(held);
    return data;
}

Result<DataDirectory> DataDirectory::createSpoke(const QString& dir, const identity::Credentials& server,
                                                 identity::KdfCost kdfCost, const DataDirectoryLock& held,
                                                 const CompleteInit& complete)
{
    SEN_TRY(checkEmpty(dir));
    if (server.role != identity::CertificateRole::Server || server.chainDer.size() < 2)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is not a server's ID issued by a certifier").arg(server.name.toString()));
    SEN_ASSIGN_OR_RETURN(const identity::CertificateInfo certifier,
                         identity::CertificateInfo::fromDer(server.certifierDer()));

    DataDirectory data;
    data.m_path = QDir::cleanPath(dir);
    data.m_crl = std::make_unique<CrlCache>();
    data.m_config.org = certifier.name;
    data.m_config.serverName = server.name;
    data.m_config.created = QDateTime::currentDateTimeUtc();
    data.m_certifierDer = server.certifierDer();

    const Status written = [&]() -> Status {
        SEN_TRY(makeOwnerOnlyDir(data.m_path));
        SEN_TRY(writeNewSecret(data.secretPath()));
        SEN_ASSIGN_OR_RETURN(const QString secret, data.readSecret());
        SEN_ASSIGN_OR_RETURN(const QByteArray serverFile, identity::IdFile::seal(server, secret, kdfCost));
        SEN_TRY(identity::IdFile::save(data.serverIdPath(), serverFile));
        return data.completeCreate(server, complete);
    }();
    if (!written.isOk()) {
        removeContentsBesideLock(data.m_path);
        return written;
    }
    Q_UNUSED(held);
    return data;
}

Status DataDirectory::completeCreate(const identity::Credentials& server, const CompleteInit& complete)
{
    SEN_TRY(UserRegistry().save(usersPath()));
    SEN_TRY(GroupsFile::writeEmpty(groupsPath()));
    SEN_TRY(makeOwnerOnlyDir(databasesPath()));
    SEN_TRY(makeOwnerOnlyDir(QFileInfo(auditLogPath()).path()));
    AuditLogOptions audit;
    audit.signingKeyPem = server.privateKeyPem;
    audit.certificateDer = server.leafDer();
    m_auditOptions = std::make_shared<const AuditLogOptions>(audit);
    SEN_TRY(AuditLog::open(auditLogPath(), audit).status());
    for (const QString& log : {auditLogPath(), AuditHead::pathFor(auditLogPath())}) {
        if (!QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Status(ErrorCode::IoError,
                          QStringLiteral("cannot restrict the permissions of %1").arg(log));
    }
    SEN_TRY(complete(*this));
    // Last: its presence is what makes the directory a data directory.
    return m_config.save(serverConfigPath());
}

Result<identity::HierarchicalName> DataDirectory::qualifiedName(const QString& name) const
{
    auto full = identity::HierarchicalName::parse(name.trimmed() + u'/' + m_config.org.toString());
    if (!full)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\" does not make a valid name under %2: %3")
                          .arg(name, m_config.org.toString(), full.message()));
    return full;
}

Result<identity::Credentials> DataDirectory::serverCredentials() const
{
    SEN_ASSIGN_OR_RETURN(const QString secret, readSecret());
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(serverIdPath()));
    return identity::IdFile::open(file, secret);
}

Result<QByteArray> DataDirectory::currentCrlDer() const
{
    const QFileInfo info(crlPath());
    if (!info.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("%1 does not exist").arg(crlPath()));
    const QDateTime modified = info.lastModified();
    const QDateTime changed = info.fileTime(QFileDevice::FileMetadataChangeTime);
    std::lock_guard<std::mutex> guard(m_crl->mutex);
    if (m_crl->size == info.size() && m_crl->modified == modified && m_crl->changed == changed)
        return m_crl->der;
    SEN_ASSIGN_OR_RETURN(QByteArray der, AtomicFile::read(crlPath(), kMaxCrlSize));
    m_crl->der = der;
    m_crl->size = info.size();
    m_crl->modified = modified;
    m_crl->changed = changed;
    return der;
}

bool DataDirectory::isValidDatabaseName(const QString& name)
{
    return sen::isValidDatabaseName(name);
}

QString DataDirectory::databasePath(const QString& name) const
{
    return QDir(databasesPath()).filePath(name + QStringLiteral(".sen"));
}

QStringList DataDirectory::databaseNames() const
{
    QStringList names;
    const QStringList files =
        QDir(databasesPath()).entryList({QStringLiteral("*.sen")}, QDir::Files, QDir::Name);
    for (const QString& file : files)
        names << file.chopped(4);
    return names;
}

Result<QString> DataDirectory::findDatabase(const QString& nameOrReplicaIdHex) const
{
    if (isValidDatabaseName(nameOrReplicaIdHex) && QFileInfo::exists(databasePath(nameOrReplicaIdHex)))
        return nameOrReplicaIdHex;
    if (const auto replicaId = ReplicaId::fromHex(nameOrReplicaIdHex)) {
        for (const QString& name : databaseNames()) {
            ReplicaOpenOptions options;
            options.readOnly = true;
            auto store = ReplicaStore::open(databasePath(name), options);
            if (store && (*store)->info().replicaId == *replicaId)
                return name;
        }
    }
    return Status(ErrorCode::NotFound,
                  QStringLiteral("no database \"%1\" in %2").arg(nameOrReplicaIdHex, m_path));
}

QString DataDirectory::serverConfigPath() const
{
    return QDir(m_path).filePath(QStringLiteral("server.json"));
}
QString DataDirectory::secretPath() const
{
    return QDir(m_path).filePath(QStringLiteral("secret"));
}
QString DataDirectory::certifierIdPath() const
{
    return QDir(m_path).filePath(QStringLiteral("certifier.id"));
}
QString DataDirectory::crlPath() const
{
    return QDir(m_path).filePath(QStringLiteral("crl.der"));
}
QString DataDirectory::serverIdPath() const
{
    return QDir(m_path).filePath(QStringLiteral("server.id"));
}
QString DataDirectory::usersPath() const
{
    return QDir(m_path).filePath(QStringLiteral("users.json"));
}

QString DataDirectory::serversPath() const
{
    return QDir(m_path).filePath(QStringLiteral("servers.json"));
}

QString DataDirectory::webPasswordsPath() const
{
    return QDir(m_path).filePath(QStringLiteral("web-passwords.json"));
}
QString DataDirectory::groupsPath() const
{
    return QDir(m_path).filePath(QStringLiteral("groups.json"));
}
QString DataDirectory::databasesPath() const
{
    return QDir(m_path).filePath(QStringLiteral("databases"));
}
QString DataDirectory::auditLogPath() const
{
    return QDir(m_path).filePath(QStringLiteral("logs/audit.jsonl"));
}

Result<QString> DataDirectory::readSecret() const
{
    SEN_ASSIGN_OR_RETURN(const QByteArray bytes, AtomicFile::read(secretPath(), kMaxSecretSize));
    const QString secret = QString::fromLatin1(bytes.trimmed());
    if (secret.size() < 32)
        return Status(ErrorCode::Corruption, QStringLiteral("%1 is damaged (too short)").arg(secretPath()));
    return secret;
}

Result<identity::Certifier> DataDirectory::loadCertifier() const
{
    if (!m_holdsCertifier)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("%1 is a further server of %2 without the certifier: this is decided at "
                                     "the organisation's hub (docs/servers.md)")
                          .arg(m_config.serverName.toString(), m_config.org.toString()));
    SEN_ASSIGN_OR_RETURN(const QString secret, readSecret());
    return identity::Certifier::load(certifierIdPath(), secret);
}

Status DataDirectory::saveCertifier(identity::Certifier& certifier, identity::KdfCost cost) const
{
    SEN_ASSIGN_OR_RETURN(const QString secret, readSecret());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // crl() takes the next CRL number, which is part of the state save() writes.
    SEN_ASSIGN_OR_RETURN(const QByteArray crl, certifier.crl(now, now.addDays(kCrlValidityDays)));
    SEN_TRY(certifier.save(certifierIdPath(), secret, cost));
    return AtomicFile::write(crlPath(), crl);
}

Status DataDirectory::appendAudit(const AuditEvent& event, const DataDirectoryLock& held) const
{
    Q_UNUSED(held);
    SEN_ASSIGN_OR_RETURN(const AuditLogOptions options, auditLogOptions());
    SEN_ASSIGN_OR_RETURN(const auto log, AuditLog::open(auditLogPath(), options));
    return log->append(event);
}

Status DataDirectory::appendAudit(std::span<const AuditEvent> events, const DataDirectoryLock& held) const
{
    Q_UNUSED(held);
    if (events.empty())
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(const AuditLogOptions options, auditLogOptions());
    SEN_ASSIGN_OR_RETURN(const auto log, AuditLog::open(auditLogPath(), options));
    return log->append(events);
}

Result<AuditLogOptions> DataDirectory::auditLogOptions() const
{
    if (!m_auditOptions) {
        SEN_ASSIGN_OR_RETURN(const identity::Credentials server, serverCredentials());
        AuditLogOptions options;
        options.signingKeyPem = server.privateKeyPem;
        options.certificateDer = server.leafDer();
        m_auditOptions = std::make_shared<const AuditLogOptions>(options);
    }
    return *m_auditOptions;
}

Result<QByteArray> DataDirectory::serverCertificateDer() const
{
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(serverIdPath()));
    SEN_ASSIGN_OR_RETURN(const identity::IdFileHeader header, identity::IdFile::readHeader(file));
    if (header.chainDer.isEmpty())
        return Status(ErrorCode::Corruption, QStringLiteral("%1 holds no certificate").arg(serverIdPath()));
    return header.chainDer.constFirst();
}

} // namespace sen::server
