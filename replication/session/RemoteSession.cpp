#include "replication/session/RemoteSession.h"

#include "common/identity/CertificateInfo.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "replication/session/Session.h"
#include "replication/transport/TlsTransport.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QSslSocket>
#include <QTimer>

namespace sen {

namespace {

constexpr int kIdleTimeoutMs = 120'000;

// Our own name, as the certificate we present carries it: the server refuses any other.
QString localName(const QSslConfiguration& tls)
{
    const auto info = identity::CertificateInfo::fromDer(tls.localCertificate().toDer());
    return info ? info->name.toString() : QString();
}

// The peer must be a server of our certifier (OpenSSL checked the chain); a user's
// certificate from the same certifier must not be able to pose as the server.
Status checkServer(TlsTransport& transport)
{
    const auto info = identity::CertificateInfo::fromDer(transport.socket().peerCertificate().toDer());
    if (!info)
        return info.status();
    if (info->role != identity::CertificateRole::Server)
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("%1 is not a server certificate").arg(info->name.toString()));
    return Status::ok();
}

// Under TLS 1.3 the client's side of the handshake completes before the server has checked
// the client's certificate; when OpenSSL on the server refuses it there is no TLS session to
// carry an ERROR frame, and the link just drops. Every other refusal comes with an ERROR
// frame (docs/protocol.md §Transport), so a close without a single byte received means this.
Status silentlyRefused(const RemoteEndpoint& endpoint)
{
    return Status(
        ErrorCode::PermissionDenied,
        QStringLiteral("%1 closed the connection after the TLS handshake without a word, as a server "
                       "does with a certificate it does not accept (none, expired, or from another "
                       "certifier)")
            .arg(endpoint.address()));
}

TlsTransport* connectTls(const QSslConfiguration& tls, const RemoteEndpoint& endpoint, QObject* parent)
{
    auto* socket = new QSslSocket;
    socket->setSslConfiguration(tls);
    auto* transport = new TlsTransport(socket, kIdleTimeoutMs, parent);
    socket->connectToHostEncrypted(endpoint.host, endpoint.port);
    return transport;
}

} // namespace

Result<RemoteEndpoint> RemoteEndpoint::parse(const QString& address, const QString& database)
{
    RemoteEndpoint endpoint;
    endpoint.database = database;
    QString host = address;
    const qsizetype colon = address.lastIndexOf(u':');
    const bool bracketed = address.startsWith(u'[');
    if (colon > 0 && (!bracketed || address.at(colon - 1) == u']')) {
        bool ok = false;
        const uint port = address.mid(colon + 1).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("bad port in \"%1\"").arg(address));
        endpoint.port = static_cast<quint16>(port);
        host = address.left(colon);
    }
    if (bracketed)
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || database.isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: HOST:PORT and a database name"));
    // A host name is at most 253 characters (RFC 1035); nothing that cannot be part of one
    // (a separator of a list of servers, a space, a path) is taken for one.
    if (host.size() > kMaxHostLength)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the host name in \"%1...\" is longer than %2 characters")
                          .arg(address.left(40))
                          .arg(kMaxHostLength));
    for (const QChar c : host)
        if (c.isSpace() || c == u',' || c == u'/' || c == u'@' || c.category() == QChar::Other_Control)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("bad host in \"%1\"").arg(address));
    endpoint.host = host;
    return endpoint;
}

QString RemoteEndpoint::address() const
{
    const bool v6 = host.contains(u':');
    return (v6 ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

RemoteSession::RemoteSession(ReplicaStore& store, const QSslConfiguration& tls, RemoteEndpoint endpoint,
                             SessionOptions options, QObject* parent)
    : QObject(parent), m_store(store), m_tls(tls), m_endpoint(std::move(endpoint)),
      m_options(std::move(options))
{
    m_options.database = m_endpoint.database;
    m_options.localName = localName(m_tls);
}

RemoteSession::~RemoteSession() = default;

void RemoteSession::start()
{
    Q_EMIT progressed(SessionProgress{});
    m_transport = connectTls(m_tls, m_endpoint, this);
    connect(m_transport, &TlsTransport::encrypted, this, [this] {
        if (const Status server = checkServer(*m_transport); !server.isOk()) {
            m_transport->refuse(server);
            return;
        }
        m_transport->accept();
        m_session = new Session(Session::Role::Initiator, m_store, *m_transport, m_options, this);
        connect(m_session, &Session::finished, this, &RemoteSession::finish);
        connect(m_session, &Session::progressed, this, &RemoteSession::progressed);
        m_session->start();
    });
    // Connected before the session's own slot, so a silent refusal is reported as such.
    connect(m_transport, &Transport::closed, this, [this](const Status& reason) {
        if (reason.isOk() && m_transport->bytesReceived() == 0)
            finish(silentlyRefused(m_endpoint));
        else if (!m_session) // the session reports its own end
            finish(reason.isOk()
                       ? Status(ErrorCode::IoError,
                                QStringLiteral("%1 closed the connection").arg(m_endpoint.address()))
                       : reason.withContext(m_endpoint.address()));
    });
}

void RemoteSession::abort(const Status& reason)
{
    if (m_finished)
        return;
    if (m_session)
        m_session->abort(reason); // finishes through Session::finished
    else
        finish(reason);
}

SessionStats RemoteSession::stats() const
{
    return m_session ? m_session->stats() : m_last;
}

int RemoteSession::protocolVersion() const
{
    return m_session && !m_session->peerInstance().isNull() ? m_session->protocolVersion() : 0;
}

QString RemoteSession::peerName() const
{
    return m_session ? m_session->peerName() : QString();
}

std::optional<protocol::WelcomeAccess> RemoteSession::reportedAccess() const
{
    return m_session ? m_session->reportedAccess() : std::nullopt;
}

void RemoteSession::finish(const Status& status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = status;
    // The last frames (our final ACK) must leave before anyone destroys the socket: close
    // gracefully and report once the peer has seen the close, or after two seconds.
    const auto report = [this] {
        if (!std::exchange(m_reported, true))
            Q_EMIT finished(m_result);
    };
    if (!m_transport || m_transport->socket().state() == QAbstractSocket::UnconnectedState) {
        report();
        return;
    }
    if (!m_session) { // still connecting: nothing of ours is on its way to flush
        m_transport->close();
        report();
        return;
    }
    connect(&m_transport->socket(), &QSslSocket::disconnected, this, report);
    QTimer::singleShot(2000, this, report);
    m_transport->close();
}

Status RemoteSession::runBlocking(int timeoutMs)
{
    QEventLoop loop;
    connect(this, &RemoteSession::finished, &loop, &QEventLoop::quit);
    if (timeoutMs > 0)
        QTimer::singleShot(timeoutMs, &loop, [this] {
            finish(Status(ErrorCode::IoError,
                          QStringLiteral("%1 did not finish the session in time").arg(m_endpoint.address())));
        });
    start();
    if (!m_reported)
        loop.exec();
    return m_result;
}

Result<protocol::DatabaseInfo> describeRemoteDatabase(const QSslConfiguration& tls,
                                                      const RemoteEndpoint& endpoint, const QString& peerName,
                                                      int timeoutMs, const std::function<bool()>& cancelled)
{
    QObject scope;
    QEventLoop loop;
    Result<protocol::DatabaseInfo> result =
        Status(ErrorCode::IoError, QStringLiteral("%1 did not answer in time").arg(endpoint.address()));
    bool answered = false;
    const auto answer = [&](Result<protocol::DatabaseInfo> r) {
        if (std::exchange(answered, true))
            return;
        result = std::move(r);
        loop.quit();
    };
    TlsTransport* transport = connectTls(tls, endpoint, &scope);
    protocol::FrameDecoder decoder;
    QObject::connect(transport, &TlsTransport::encrypted, &scope, [&] {
        if (const Status server = checkServer(*transport); !server.isOk()) {
            transport->refuse(server);
            return;
        }
        transport->accept();
        protocol::Hello hello; // a null replica ID: "describe"
        hello.database = endpoint.database;
        hello.peerName = peerName;
        protocol::FrameEncoder encoder;
        transport->send(encoder.encode(protocol::MessageType::Hello, 0, protocol::encode(hello)));
    });
    QObject::connect(transport, &Transport::received, &scope, [&](const QByteArray& bytes) {
        if (const Status fed = decoder.feed(bytes); !fed.isOk())
            return answer(fed);
        const auto frame = decoder.next();
        if (!frame)
            return;
        if (frame->type == protocol::MessageType::DatabaseInfo)
            return answer(protocol::decodeDatabaseInfo(frame->payload));
        if (frame->type == protocol::MessageType::Error) {
            const auto error = protocol::decodeError(frame->payload);
            return answer(error ? Status(error->code, error->message) : error.status());
        }
        answer(Status(ErrorCode::ProtocolError, QStringLiteral("unexpected answer to a describe request")));
    });
    QObject::connect(transport, &Transport::closed, &scope, [&](const Status& reason) {
        if (reason.isOk() && transport->bytesReceived() == 0)
            return answer(silentlyRefused(endpoint));
        answer(reason.isOk() ? Status(ErrorCode::IoError,
                                      QStringLiteral("%1 closed the connection").arg(endpoint.address()))
                             : reason.withContext(endpoint.address()));
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QTimer poll;
    if (cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &scope, [&] {
            if (cancelled())
                answer(Status(ErrorCode::Cancelled,
                              QStringLiteral("stopped before %1 answered").arg(endpoint.address())));
        });
        poll.start(100);
    }
    loop.exec();
    transport->close();
    return result;
}

} // namespace sen
