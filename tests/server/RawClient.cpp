#include "tests/server/RawClient.h"

#include "replication/protocol/Frame.h"
#include "replication/transport/TlsConfiguration.h"
#include "tests/server/WaitUntil.h"

namespace sen::test {

RawClient::RawClient() : m_socket(std::make_unique<QSslSocket>()) {}

RawClient::~RawClient()
{
    m_socket->disconnect();
    m_socket->abort();
}

std::unique_ptr<RawClient> RawClient::tls(quint16 port, const QSslConfiguration& tls)
{
    std::unique_ptr<RawClient> client(new RawClient);
    client->m_socket->setSslConfiguration(tls);
    client->watch();
    QObject::connect(client->m_socket.get(), &QSslSocket::encrypted, client->m_socket.get(),
                     [raw = client.get()] { raw->m_connected = true; });
    QObject::connect(client->m_socket.get(), &QSslSocket::sslErrors, client->m_socket.get(),
                     [raw = client.get()](const QList<QSslError>& errors) {
                         raw->m_socket->ignoreSslErrors(ignorableClientErrors(errors));
                     });
    client->m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return client;
}

std::unique_ptr<RawClient> RawClient::plain(quint16 port)
{
    std::unique_ptr<RawClient> client(new RawClient);
    client->watch();
    QObject::connect(client->m_socket.get(), &QSslSocket::connected, client->m_socket.get(),
                     [raw = client.get()] { raw->m_connected = true; });
    client->m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    return client;
}

void RawClient::watch()
{
    QSslSocket* socket = m_socket.get();
    QObject::connect(socket, &QSslSocket::readyRead, socket, [this] { m_received += m_socket->readAll(); });
    QObject::connect(socket, &QSslSocket::disconnected, socket, [this] { m_closed = true; });
    QObject::connect(socket, &QSslSocket::errorOccurred, socket, [this](QAbstractSocket::SocketError) {
        m_received += m_socket->readAll();
        m_closed = true;
    });
}

bool RawClient::waitConnected(int timeoutMs)
{
    return waitUntil([this] { return m_connected || m_closed; }, timeoutMs) && m_connected;
}

void RawClient::send(QByteArrayView bytes)
{
    m_socket->write(bytes.data(), bytes.size());
}

bool RawClient::waitClosed(int timeoutMs)
{
    return waitUntil([this] { return m_closed; }, timeoutMs);
}

Result<protocol::ErrorMessage> RawClient::errorFrame() const
{
    protocol::FrameDecoder decoder;
    SEN_TRY(decoder.feed(m_received));
    const auto frame = decoder.next();
    if (!frame)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no whole frame in the %1 bytes received").arg(m_received.size()));
    if (frame->type != protocol::MessageType::Error)
        return Status(ErrorCode::ProtocolError, QStringLiteral("the first frame is not an ERROR"));
    return protocol::decodeError(frame->payload);
}

QByteArray helloFrame(const QString& database, const QString& peerName)
{
    protocol::Hello hello;
    hello.replicaId = newReplicaId();
    hello.instanceId = newInstanceId();
    hello.database = database;
    hello.peerName = peerName;
    protocol::FrameEncoder encoder;
    return encoder.encode(protocol::MessageType::Hello, 0, protocol::encode(hello));
}

} // namespace sen::test
