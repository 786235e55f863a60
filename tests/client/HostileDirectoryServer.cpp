#include "tests/client/HostileDirectoryServer.h"

#include "common/core/Ids.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"

#include <QSslSocket>

#include <memory>

namespace sen::test {

using namespace protocol;

namespace {

struct Link
{
    FrameDecoder decoder;
    FrameEncoder encoder;
};

} // namespace

HostileDirectoryServer::HostileDirectoryServer(const QSslConfiguration& tls, QByteArray payload)
    : m_tls(tls), m_payload(std::move(payload))
{
    listen(QHostAddress::LocalHost, 0);
}

void HostileDirectoryServer::incomingConnection(qintptr socketDescriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_tls);
    auto link = std::make_shared<Link>();
    const auto send = [socket, link](MessageType type, const QByteArray& payload) {
        socket->write(link->encoder.encode(type, 0, payload));
    };
    connect(socket, &QSslSocket::readyRead, socket, [this, socket, link, send] {
        if (!link->decoder.feed(socket->readAll()).isOk())
            return socket->abort();
        while (auto frame = link->decoder.next()) {
            if (frame->type == MessageType::Hello) {
                const Result<Hello> hello = decodeHello(frame->payload);
                if (!hello.isOk())
                    return socket->abort();
                send(MessageType::Welcome,
                     encode(Welcome{kVersionDirectory, hello->replicaId, newInstanceId(),
                                    QStringLiteral("sen-server/VPTU/HaNoi"), std::nullopt}));
            } else if (frame->type == MessageType::DirectoryRequest) {
                ++m_asked;
                send(MessageType::Directory, m_payload);
            }
        }
    });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    socket->startServerEncryption();
}

} // namespace sen::test
