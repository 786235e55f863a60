#include "tests/server/ServerFixture.h"

#include "common/acl/Acl.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/IdFile.h"
#include "replication/transport/TlsConfiguration.h"
#include "tests/server/WaitUntil.h"

#include <QSslKey>

#include <catch2/catch.hpp>

namespace sen::test {

namespace {

identity::HierarchicalName nameOf(const QString& text)
{
    auto name = identity::HierarchicalName::parse(text);
    REQUIRE(name.isOk());
    return *name;
}

identity::Validity recent()
{
    return identity::Validity::days(30, QDateTime::currentDateTimeUtc().addDays(-1));
}

} // namespace

ServerFixture::ServerFixture(int handshakeTimeoutMs, qint64 maxPendingNumbers)
    : m_certifier(identity::Certifier::create(nameOf(QStringLiteral("VPTU/HaNoi")), recent()).value())
{
    auto crl = m_certifier.crl(QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc().addDays(7));
    REQUIRE(crl.isOk());
    m_crl = *crl;
    auto credentials =
        m_certifier.issue(nameOf(QStringLiteral("sen-server/VPTU/HaNoi")), identity::CertificateRole::Server,
                          recent(), {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
    REQUIRE(credentials.isOk());
    m_auditPath = m_dir.path(QStringLiteral("audit.jsonl"));
    m_auditOptions.signingKeyPem = credentials->privateKeyPem;
    m_auditOptions.certificateDer = credentials->leafDer();
    auto audit = server::AuditLog::open(m_auditPath, m_auditOptions);
    REQUIRE(audit.isOk());
    m_audit = std::move(audit).value();

    m_context.credentials = *credentials;
    m_context.certifierDer = credentials->certifierDer();
    m_context.currentCrl = [this]() -> Result<QByteArray> {
        QMutexLocker lock(&m_crlMutex);
        return m_crl;
    };
    m_context.databasePath = [this](const QString& name) -> Result<QString> {
        const QString path = serverPath(name);
        if (!QFileInfo::exists(path))
            return Status(ErrorCode::NotFound, QStringLiteral("no database %1").arg(name));
        return path;
    };
    m_context.directory = [this] {
        QMutexLocker lock(&m_directoryMutex);
        return m_directory;
    };
    m_context.people = [this]() -> Result<QStringList> {
        QMutexLocker lock(&m_directoryMutex);
        return m_people;
    };
    m_context.audit = [this](const server::AuditEvent& event) {
        // As `sen-server run` does: a failed write stops the server accepting changes.
        QMutexLocker lock(&m_auditMutex);
        if (!m_audit->append(event).isOk())
            m_context.auditFailed->store(true);
    };
    m_context.workerThreads = 2;
    m_context.handshakeTimeoutMs = handshakeTimeoutMs;
    m_context.maxPendingNumbers = maxPendingNumbers;
    m_server = std::make_unique<server::Server>(m_context);
    REQUIRE(m_server->start(QHostAddress::LocalHost, 0).isOk());
}

void ServerFixture::setPeople(const QStringList& people)
{
    QMutexLocker lock(&m_directoryMutex);
    m_people = people;
}

QByteArray ServerFixture::crl() const
{
    QMutexLocker lock(&m_crlMutex);
    return m_crl;
}

ServerFixture::~ServerFixture()
{
    m_mirror.reset();
    m_impostor.reset(); // each joins its workers before the contexts go
    m_server.reset();
}

QString ServerFixture::serverPath(const QString& database) const
{
    return m_dir.path(QStringLiteral("server-") + database + QStringLiteral(".sen"));
}

ReplicaInfo ServerFixture::createDatabase(const QString& name, acl::AccessLevel defaultLevel,
                                          DatabaseKind kind)
{
    ReplicaCreateOptions options;
    options.title = name;
    options.kind = kind;
    auto store = ReplicaStore::create(serverPath(name), options);
    REQUIRE(store.isOk());
    acl::Acl acl;
    REQUIRE(acl.setEntry(acl::AclEntry::make(acl::defaultEntryName(), defaultLevel)).isOk());
    REQUIRE((*store)->saveAcl(acl).isOk());
    return (*store)->info();
}

void ServerFixture::setAccess(const QString& database, const QString& entry, acl::AccessLevel level)
{
    setEntry(database, acl::AclEntry::make(entry, level));
}

void ServerFixture::setGroup(const QString& group, const QStringList& members)
{
    QMutexLocker lock(&m_directoryMutex);
    m_directory.setGroup(group, members);
}

void ServerFixture::setEntry(const QString& database, const acl::AclEntry& entry)
{
    auto store = ReplicaStore::open(serverPath(database));
    REQUIRE(store.isOk());
    auto acl = (*store)->loadAcl();
    REQUIRE(acl.isOk());
    REQUIRE(acl->setEntry(entry).isOk());
    REQUIRE((*store)->saveAcl(*acl).isOk());
}

void ServerFixture::userIdFile(const QString& name, const QString& password, const QString& path)
{
    auto credentials =
        m_certifier.issue(nameOf(name + u'/' + orgName()), identity::CertificateRole::User, recent());
    REQUIRE(credentials.isOk());
    auto sealed = identity::IdFile::seal(*credentials, password, identity::KdfCost::Test);
    REQUIRE(sealed.isOk());
    REQUIRE(identity::IdFile::save(path, *sealed).isOk());
}

QSslConfiguration ServerFixture::user(const QString& name)
{
    return party(name, identity::CertificateRole::User);
}

QSslConfiguration ServerFixture::otherServer(const QString& name)
{
    return party(name, identity::CertificateRole::Server,
                 {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
}

QSslConfiguration ServerFixture::party(const QString& name, identity::CertificateRole role,
                                       const QStringList& hostNames)
{
    auto credentials = m_certifier.issue(nameOf(name + u'/' + orgName()), role, recent(), hostNames);
    REQUIRE(credentials.isOk());
    auto info = identity::CertificateInfo::fromDer(credentials->leafDer());
    REQUIRE(info.isOk());
    m_serials.insert(name, info->serialHex);
    auto tls = makeTlsConfiguration(*credentials, credentials->certifierDer());
    REQUIRE(tls.isOk());
    return *tls;
}

void ServerFixture::revoke(const QString& name)
{
    REQUIRE(m_certifier.revoke(m_serials.value(name)).isOk());
    auto crl = m_certifier.crl(QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc().addDays(7));
    REQUIRE(crl.isOk());
    QMutexLocker lock(&m_crlMutex);
    m_crl = *crl;
}

QSslConfiguration ServerFixture::expiredUser(const QString& name)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto credentials = m_certifier.issue(nameOf(name + u'/' + orgName()), identity::CertificateRole::User,
                                         identity::Validity{now.addDays(-10), now.addDays(-1)});
    REQUIRE(credentials.isOk());
    auto tls = makeTlsConfiguration(*credentials, credentials->certifierDer());
    REQUIRE(tls.isOk());
    return *tls;
}

QSslConfiguration ServerFixture::foreignUser(const QString& name)
{
    auto foreign = identity::Certifier::create(nameOf(QStringLiteral("Foreign/Org")), recent());
    REQUIRE(foreign.isOk());
    auto credentials = foreign->issue(nameOf(name + QStringLiteral("/Foreign/Org")),
                                      identity::CertificateRole::User, recent());
    REQUIRE(credentials.isOk());
    // It trusts our certifier, so the client accepts the server: only the server can refuse.
    auto tls = makeTlsConfiguration(*credentials, m_certifier.certificateDer());
    REQUIRE(tls.isOk());
    return *tls;
}

QSslConfiguration ServerFixture::anonymous()
{
    QSslConfiguration tls = user(QStringLiteral("Anonymous"));
    tls.setLocalCertificateChain({});
    tls.setPrivateKey(QSslKey());
    return tls;
}

quint16 ServerFixture::startImpostor(const QString& name)
{
    REQUIRE(!m_impostor);
    auto credentials =
        m_certifier.issue(nameOf(name + u'/' + orgName()), identity::CertificateRole::User, recent());
    REQUIRE(credentials.isOk());
    m_impostorContext = m_context;
    m_impostorContext.credentials = *credentials;
    m_impostorContext.audit = nullptr;
    m_impostor = std::make_unique<server::Server>(m_impostorContext);
    REQUIRE(m_impostor->start(QHostAddress::LocalHost, 0).isOk());
    return m_impostor->port();
}

quint16 ServerFixture::startMirror()
{
    REQUIRE(!m_mirror);
    auto credentials = m_certifier.issue(nameOf(QStringLiteral("sen-server-b/VPTU/HaNoi")),
                                         identity::CertificateRole::Server, recent(),
                                         {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
    REQUIRE(credentials.isOk());
    m_mirrorContext = m_context;
    m_mirrorContext.credentials = *credentials;
    m_mirrorContext.audit = nullptr;
    m_mirrorContext.databasePath = [this](const QString& name) -> Result<QString> {
        const QString path = mirrorPath(name);
        if (!QFileInfo::exists(path))
            return Status(ErrorCode::NotFound, QStringLiteral("no database %1").arg(name));
        return path;
    };
    m_mirror = std::make_unique<server::Server>(m_mirrorContext);
    REQUIRE(m_mirror->start(QHostAddress::LocalHost, 0).isOk());
    return m_mirror->port();
}

QString ServerFixture::mirrorPath(const QString& database) const
{
    return m_dir.path(QStringLiteral("mirror-") + database + QStringLiteral(".sen"));
}

void ServerFixture::stopServer()
{
    m_server->stop();
}

QList<server::AuditRecord> ServerFixture::auditRecords() const
{
    QList<server::AuditRecord> records;
    const QByteArray log = readFile(m_auditPath);
    for (const QByteArray& line : log.split('\n')) {
        if (line.isEmpty())
            continue;
        auto record = server::AuditRecord::parse(line);
        REQUIRE(record.isOk());
        records.append(*record);
    }
    return records;
}

bool ServerFixture::waitForAudit(const QString& kind, const QString& detail, int timeoutMs) const
{
    return waitUntil(
        [&] {
            const QList<server::AuditRecord> records = auditRecords();
            return std::any_of(records.begin(), records.end(), [&](const server::AuditRecord& r) {
                return r.kind == kind && r.detail.contains(detail);
            });
        },
        timeoutMs);
}

std::unique_ptr<ReplicaStore> ServerFixture::clientReplica(const QString& file, const QString& database,
                                                           const QSslConfiguration& tls)
{
    auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(port()), database);
    REQUIRE(endpoint.isOk());
    auto info = describeRemoteDatabase(
        tls, *endpoint, identity::CertificateInfo::fromDer(tls.localCertificate().toDer())->name.toString());
    INFO(info.status().toString().toStdString());
    REQUIRE(info.isOk());
    ReplicaCreateOptions options;
    options.replicaId = info->replicaId;
    options.title = info->title;
    const std::optional<DatabaseKind> kind = databaseKindFromInt(info->kind);
    REQUIRE(kind);
    options.kind = *kind;
    auto store = ReplicaStore::create(m_dir.path(file), options);
    REQUIRE(store.isOk());
    return std::move(store).value();
}

std::unique_ptr<ReplicaStore> ServerFixture::offlineReplica(const QString& file, const ReplicaInfo& server)
{
    ReplicaCreateOptions options;
    options.replicaId = server.replicaId;
    options.title = server.title;
    options.kind = server.kind;
    auto store = ReplicaStore::create(m_dir.path(file), options);
    REQUIRE(store.isOk());
    return std::move(store).value();
}

Status ServerFixture::sync(ReplicaStore& store, const QString& database, const QSslConfiguration& tls,
                           SessionStats* stats, quint16 port)
{
    auto endpoint =
        RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(port ? port : this->port()), database);
    REQUIRE(endpoint.isOk());
    SessionOptions options;
    options.dropAcknowledgedStubs = true;
    RemoteSession session(store, tls, *endpoint, options);
    const Status status = session.runBlocking(60'000);
    if (stats)
        *stats = session.stats();
    return status;
}

} // namespace sen::test

namespace sen::test {

void ServerFixture::failAuditWrites()
{
#ifdef Q_OS_LINUX
    // A real write error: the log becomes a link to /dev/full, where every write fails with
    // ENOSPC, as on a full disk. The head stays a plain file beside it.
    QMutexLocker lock(&m_auditMutex);
    const QString full = m_dir.path(QStringLiteral("full-audit.jsonl"));
    REQUIRE(QFile::link(QStringLiteral("/dev/full"), full));
    auto broken = server::AuditLog::open(full, m_auditOptions);
    REQUIRE(broken.isOk());
    m_audit = std::move(broken).value();
#else
    FAIL("failAuditWrites needs /dev/full");
#endif
}

} // namespace sen::test
