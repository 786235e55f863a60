#pragma once

// A hostile sen-server for the client's directory tests (docs/protocol.md §Directory): a real
// TLS listener presenting a real server certificate from the office's certifier — a server
// gone bad, or a man in the middle holding a server's key — that speaks the project's own
// protocol code (protocol/Frame.h, Messages.h, DirectoryListing.h) but none of the server's
// rules. It answers HELLO with WELCOME (version 5, the client's replica ID) and each
// DIRECTORY_REQUEST with the payload the test forged, whatever it holds; it ignores everything
// else and closes when the client does.
//
// Lives in the test thread: the client's RemoteSession::runBlocking runs the event loop that
// serves it.

#include <QSslConfiguration>
#include <QTcpServer>

namespace sen::test {

class HostileDirectoryServer : public QTcpServer
{
public:
    // Listens on 127.0.0.1 (a free port), presenting `tls`; answers DIRECTORY with `payload`.
    HostileDirectoryServer(const QSslConfiguration& tls, QByteArray payload);

    quint16 serverPort() const { return QTcpServer::serverPort(); }
    // How many DIRECTORY_REQUEST messages arrived.
    int asked() const { return m_asked; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QSslConfiguration m_tls;
    QByteArray m_payload;
    int m_asked = 0;
};

} // namespace sen::test
