#include "tests/client/HostileNumberServer.h"

#include "common/core/Ids.h"
#include "replication/protocol/Messages.h"

#include <QSslSocket>

#include <memory>

namespace sen::test {

using namespace protocol;

namespace {

// One client's link: its frames in, the hostile answers out.
struct Link
{
    FrameDecoder decoder;
    FrameEncoder encoder;
};

} // namespace

HostileNumberServer::HostileNumberServer(const QSslConfiguration& tls, Answer answer)
    : m_tls(tls), m_answer(std::move(answer))
{
    listen(QHostAddress::LocalHost, 0);
}

void HostileNumberServer::incomingConnection(qintptr socketDescriptor)
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
                     encode(Welcome{kVersionNumbers, hello->replicaId, newInstanceId(),
                                    QStringLiteral("sen-server/VPTU/HaNoi"), std::nullopt}));
            } else if (frame->type == MessageType::Number) {
                const Result<std::vector<NumberRequest>> requests = decodeNumberRequests(frame->payload);
                if (!requests.isOk())
                    return socket->abort();
                m_asked.push_back(*requests);
                send(MessageType::Numbers, encodeNumberAnswers(m_answer(*requests)));
            }
        }
    });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    socket->startServerEncryption();
}

} // namespace sen::test
