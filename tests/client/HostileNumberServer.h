#pragma once

// A hostile sen-server for the client's numbering tests (docs/protocol.md §Numbers): a real
// TLS listener presenting a real server certificate from the office's certifier — a server
// gone bad, or a man in the middle holding a server's key — that speaks the project's own
// protocol code (protocol/Frame.h, Messages.h, Numbers.h) but none of the server's rules. It
// answers HELLO with WELCOME (version 4, the client's replica ID) and each NUMBER with the
// NUMBERS the test makes of its requests, whatever they are; it ignores everything else and
// closes when the client does.
//
// Lives in the test thread: the client's RemoteSession::runBlocking runs the event loop that
// serves it.

#include "replication/protocol/Frame.h"
#include "replication/protocol/Numbers.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <vector>

namespace sen::test {

class HostileNumberServer : public QTcpServer
{
public:
    using Answer =
        std::function<std::vector<protocol::NumberAnswer>(const std::vector<protocol::NumberRequest>&)>;

    // Listens on 127.0.0.1 (a free port), presenting `tls`.
    HostileNumberServer(const QSslConfiguration& tls, Answer answer);

    quint16 serverPort() const { return QTcpServer::serverPort(); }
    // The NUMBER messages received, as decoded.
    const std::vector<std::vector<protocol::NumberRequest>>& asked() const { return m_asked; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QSslConfiguration m_tls;
    Answer m_answer;
    std::vector<std::vector<protocol::NumberRequest>> m_asked;
};

} // namespace sen::test
