#include "server/net/ServerConnection.h"

#include "common/acl/AccessCheck.h"
#include "common/acl/Acl.h"
#include "common/acl/EffectiveAccess.h"
#include "common/identity/HierarchicalName.h"
#include "common/identity/PeerVerifier.h"
#include "replication/protocol/DatabaseInfo.h"
#include "replication/session/Session.h"
#include "replication/transport/TlsTransport.h"
#include "server/audit/AuditEvent.h"
#include "server/core/LocalDomainServers.h"
#include "server/net/AclAccessPolicy.h"
#include "server/net/DirectoryAnswer.h"
#include "server/net/InstanceClaim.h"
#include "server/net/NumberingServer.h"
#include "server/net/RegisterAuthority.h"
#include "server/net/ReportedAccess.h"
#include "server/net/StoreCache.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>

namespace sen::server {

namespace {

// A HELLO is a few hundred bytes; a peer that sends more without completing one is refused.
constexpr qsizetype kMaxFirstFrameBytes = 64 * 1024;

// The peer's access as WELCOME tells it (docs/protocol.md §Versions, version 3). A user in more
// roles or groups than the message may carry is told nothing rather than part: the client then
// offers everything and the server still refuses what it must, where a partial list could hide
// an action the user may take.

} // namespace

ServerConnection::ServerConnection(const ServerContext& context, StoreCache& stores, QObject* parent)
    : QObject(parent), m_context(context), m_stores(stores)
{}

ServerConnection::~ServerConnection() = default;

void ServerConnection::start(qintptr socketDescriptor, const QSslConfiguration& tls)
{
    // Admitted by Server::dispatch under the per-address limit (docs/protocol.md §Transport):
    // it counts against its address until its session runs or it ends (releasePending).
    m_peerHost = ConnectionLimits::peerOf(socketDescriptor);
    m_pending = m_context.limits != nullptr;
    auto* socket = new QSslSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        finish();
        return;
    }
    m_peerAddress = socket->peerAddress().toString() + QLatin1Char(':') + QString::number(socket->peerPort());
    socket->setSslConfiguration(tls);
    // Until the peer is verified and its HELLO read, the deadline below is the only limit: a
    // client trickling one byte a second is cut off then, whatever it sends. The transport gets
    // no idle limit before the session: with the same interval its timer would race the
    // deadline and, winning, drop the link without the ERROR frame saying why.
    m_transport = new TlsTransport(socket, 0, this);
    connect(m_transport, &TlsTransport::encrypted, this, &ServerConnection::onEncrypted);
    connect(m_transport, &Transport::received, this, &ServerConnection::onBytes);
    connect(m_transport, &Transport::closed, this, &ServerConnection::onClosed);
    QTimer::singleShot(m_context.handshakeTimeoutMs, this, [this] {
        if (m_stage == Stage::Handshake || m_stage == Stage::Authenticated)
            refuse(Status(ErrorCode::IoError, QStringLiteral("no HELLO within %1 s of connecting")
                                                  .arg(m_context.handshakeTimeoutMs / 1000)),
                   QString());
    });
    socket->startServerEncryption();
}

void ServerConnection::onEncrypted()
{
    QList<QByteArray> chain;
    for (const QSslCertificate& certificate : m_transport->socket().peerCertificateChain())
        chain.append(certificate.toDer());
    auto crl = m_context.currentCrl();
    auto verifier = crl ? identity::PeerVerifier::create(m_context.certifierDer, *crl)
                        : Result<identity::PeerVerifier>(crl.status());
    auto peer = verifier ? verifier->verify(chain, QDateTime::currentDateTimeUtc())
                         : Result<identity::CertificateInfo>(verifier.status());
    if (!peer) {
        refuse(peer.status(), QString::fromUtf16(audit::kLoginRefused));
        return;
    }
    m_peerName = peer->name.toString();
    m_peerIsServer = peer->role == identity::CertificateRole::Server;
    m_stage = Stage::Authenticated;
    audit(QString::fromUtf16(audit::kLogin), QStringLiteral("certificate %1").arg(peer->serialHex));
    m_transport->accept();
}

void ServerConnection::onBytes(const QByteArray& bytes)
{
    if (m_stage != Stage::Authenticated)
        return; // the session reads for itself from here on
    m_firstBytes += bytes;
    if (m_firstBytes.size() > kMaxFirstFrameBytes) {
        refuse(Status(ErrorCode::ProtocolError,
                      QStringLiteral("no HELLO in the first %1 bytes").arg(kMaxFirstFrameBytes)),
               QString::fromUtf16(audit::kRequestRefused));
        return;
    }
    if (const Status fed = m_decoder.feed(bytes); !fed.isOk()) {
        refuse(fed, QString::fromUtf16(audit::kRequestRefused));
        return;
    }
    const auto frame = m_decoder.next();
    if (!frame) {
        if (!m_decoder.error().isOk())
            refuse(m_decoder.error(), QString::fromUtf16(audit::kRequestRefused));
        return;
    }
    Status status = frame->type == protocol::MessageType::Hello
                        ? Status::ok()
                        : Status(ErrorCode::ProtocolError, QStringLiteral("the first message must be HELLO"));
    if (status.isOk()) {
        auto hello = protocol::decodeHello(frame->payload);
        status = hello ? onHello(*hello) : hello.status();
    }
    if (!status.isOk())
        refuse(status, QString::fromUtf16(audit::kRequestRefused));
}

Status ServerConnection::onHello(const protocol::Hello& hello)
{
    const auto claimed = identity::HierarchicalName::parse(hello.peerName);
    const auto certified = identity::HierarchicalName::parse(m_peerName);
    if (!claimed || !certified || *claimed != *certified)
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("the peer calls itself \"%1\" but its certificate names %2")
                          .arg(hello.peerName, m_peerName));
    SEN_ASSIGN_OR_RETURN(const QString path, m_context.databasePath(hello.database));
    SEN_ASSIGN_OR_RETURN(ReplicaStore * store, m_stores.open(path));
    // A spoke: the hub decides the ACL, also of a database replicated after its record came.
    if (m_context.authority)
        SEN_TRY(m_context.authority->refreshAcl(*store));
    SEN_ASSIGN_OR_RETURN(const acl::Acl acl, store->loadAcl());
    // A server of our certifier is in LocalDomainServers (core/LocalDomainServers.h).
    const acl::Directory groups =
        m_peerIsServer ? withLocalDomainServer(m_context.directory(), m_peerName) : m_context.directory();
    const acl::EffectiveAccess access = acl::resolve(acl, m_peerName, groups);
    SEN_TRY(acl::canReplicate(access).withContext(QStringLiteral("database %1").arg(hello.database)));

    if (hello.replicaId.isNull()) {
        const ReplicaInfo& info = store->info();
        protocol::FrameEncoder encoder;
        m_transport->send(encoder.encode(protocol::MessageType::DatabaseInfo, 0,
                                         protocol::encode(protocol::DatabaseInfo{
                                             info.replicaId, static_cast<int>(info.kind), info.title})));
        m_stage = Stage::Done;
        m_transport->close();
        finish();
        return Status::ok();
    }

    if (m_context.limits) {
        if (!m_context.limits->admitSession(m_peerHost))
            return Status(ErrorCode::Busy, QStringLiteral("too many sessions from %1 (at most %2 at a time)")
                                               .arg(m_peerHost.toString())
                                               .arg(m_context.maxSessionsPerAddress));
        m_inSession = true;
    }

    // The session checks the rest of the HELLO (replica, counter); the instance must be this
    // name's before any of it.
    if (hello.instanceId != store->info().instanceId)
        SEN_TRY(claimInstance(*store, hello.instanceId, m_peerName));

    // Which server numbers this database's registers (docs/servers.md).
    SEN_ASSIGN_OR_RETURN(const std::optional<QString> numberedBy,
                         numberingElsewhere(*store, m_context.credentials.name, m_context.holdsCertifier));
    SessionOptions options;
    options.localName = m_context.credentials.name.toString();
    options.reportAccess = reportedAccess(access);
    options.access = std::make_shared<AclAccessPolicy>(
        access, AclAccessPolicy::Context{store, m_context.audit, m_peerAddress, hello.database,
                                         m_context.auditFailed, m_peerIsServer && numberedBy.has_value()});
    auto authority =
        std::make_shared<RegisterAuthority>(*store, access, hello.database, m_peerAddress, m_context.audit,
                                            m_context.auditFailed, nullptr, m_context.maxPendingNumbers);
    if (numberedBy)
        authority->setNumberedElsewhere(*numberedBy);
    options.numberingAuthority = authority;
    // Whoever may replicate may read the directory (docs/access-control.md §The directory).
    options.directoryProvider = std::make_shared<DirectoryAnswer>(m_context.people, groups, acl);
    // Only between servers of the organisation (docs/protocol.md §Authority): a user's session
    // that sends an authority message is refused.
    if (m_peerIsServer)
        options.authority = m_context.authority;
    options.pushCheck = std::make_shared<PushCheck>(
        *store, PushPeer{hello.instanceId, m_peerName, hello.counter, m_peerIsServer});
    m_session = new Session(Session::Role::Responder, *store, *m_transport, options, this);
    connect(m_session, &Session::finished, this, [this](const Status&) {
        m_stage = Stage::Done;
        m_transport->close();
        finish();
    });
    m_stage = Stage::Session;
    releasePending();
    m_transport->setIdleTimeout(m_context.idleTimeoutMs);
    m_transport->redeliver(std::exchange(m_firstBytes, QByteArray()));
    return Status::ok();
}

void ServerConnection::refuse(const Status& status, const QString& auditKind)
{
    if (m_stage == Stage::Done)
        return;
    if (!auditKind.isEmpty())
        audit(auditKind, status.toString());
    if (m_transport->isOpen() && m_transport->socket().isEncrypted()) {
        // Once the TLS session is up the peer can read why it is refused: a revoked user is
        // told so instead of seeing the link drop (docs/protocol.md §Transport). Nothing has
        // gone the other way yet, so a fresh encoder starts the stream right.
        protocol::FrameEncoder encoder;
        m_transport->send(
            encoder.encode(protocol::MessageType::Error, 0,
                           protocol::encode(protocol::ErrorMessage{status.code(), status.message()})));
        m_transport->close();
    } else {
        m_transport->refuse(status);
    }
    m_stage = Stage::Done;
    finish();
}

void ServerConnection::onClosed(const Status& reason)
{
    // A peer that closed before TLS completed showed no certificate to refuse: it is counted
    // and logged in aggregate (Server), not audited one by one. A certificate refused stays
    // a login_refused record.
    if (m_stage == Stage::Handshake && !reason.isOk()) {
        if (m_transport->droppedBeforeTls() && m_context.limits)
            m_context.limits->countDropped();
        else
            audit(QString::fromUtf16(audit::kLoginRefused), reason.toString());
    }
    if (m_stage != Stage::Session) { // a session reports its own end
        m_stage = Stage::Done;
        finish();
    }
}

void ServerConnection::audit(const QString& kind, const QString& detail)
{
    if (m_context.audit)
        m_context.audit(AuditEvent{kind, m_peerName, m_peerAddress, detail});
}

void ServerConnection::releasePending()
{
    if (std::exchange(m_pending, false))
        m_context.limits->release(m_peerHost);
}

void ServerConnection::finish()
{
    if (m_finishing)
        return;
    m_finishing = true;
    releasePending();
    if (std::exchange(m_inSession, false))
        m_context.limits->releaseSession(m_peerHost);
    // Queued writes (an ERROR frame, the last ACK) go out before the socket is dropped: wait
    // for the disconnect, or two seconds for a peer that never completes it.
    const auto emitDone = [this] {
        if (!std::exchange(m_doneEmitted, true))
            Q_EMIT done();
    };
    if (!m_transport || m_transport->socket().state() == QAbstractSocket::UnconnectedState) {
        QTimer::singleShot(0, this, emitDone);
        return;
    }
    connect(&m_transport->socket(), &QSslSocket::disconnected, this, emitDone);
    QTimer::singleShot(2000, this, emitDone);
}

} // namespace sen::server
