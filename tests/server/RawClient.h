#pragma once

// A client that speaks no Sen at all, for bad-input tests: a TLS socket with a given
// configuration (or a plain TCP socket) that writes whatever bytes the test gives it and
// records what comes back and when the server closed the link.
//
// Lives in the test thread; every wait runs the event loop (WaitUntil.h), so the
// in-process server's listener keeps accepting meanwhile.

#include "common/core/Result.h"
#include "replication/protocol/Messages.h"

#include <QSslConfiguration>
#include <QSslSocket>

#include <memory>

namespace sen::test {

class RawClient
{
public:
    // Starts a TLS handshake with 127.0.0.1:`port`, presenting `tls`.
    static std::unique_ptr<RawClient> tls(quint16 port, const QSslConfiguration& tls);
    // Connects with plain TCP: no handshake at all.
    static std::unique_ptr<RawClient> plain(quint16 port);
    ~RawClient();

    // Waits until the handshake completed (tls) or the TCP connection is up (plain).
    bool waitConnected(int timeoutMs = 5000);
    void send(QByteArrayView bytes);
    // Waits until the server closed the connection (or it failed).
    bool waitClosed(int timeoutMs = 5000);

    bool isClosed() const { return m_closed; }
    const QByteArray& received() const { return m_received; }
    // The first frame the server sent, which must be an ERROR: its code and message.
    Result<protocol::ErrorMessage> errorFrame() const;
    QSslSocket& socket() { return *m_socket; }

private:
    RawClient();
    void watch();

    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_received;
    bool m_connected = false;
    bool m_closed = false;
};

// HELLO as a client of `database` named `peerName` would send it (fresh IDs).
QByteArray helloFrame(const QString& database, const QString& peerName);

} // namespace sen::test
