#pragma once

// A transport over a TLS socket (QSslSocket): the real link between a client and a server
// or between two servers. It owns the socket. Bytes are passed on only after the handshake
// completed and the caller accepted the peer (accept()); a failed handshake, a peer the
// caller refuses, an idle link and a socket error all end in closed() with the reason.
//
// Backpressure: reading stops while more than kMaxUnsentBytes wait to be written to the
// peer, so a peer that does not read cannot make this side buffer without bound, and the
// socket's own read buffer is bounded too.
//
// Thread affinity: the thread the socket lives in; emits its signals there.

#include "replication/transport/Transport.h"

#include <QSslSocket>
#include <QTimer>

namespace sen {

class TlsTransport final : public Transport
{
    Q_OBJECT
public:
    static constexpr qint64 kReadBufferBytes = 256 * 1024;
    static constexpr qint64 kMaxUnsentBytes = 8 * 1024 * 1024;

    // Takes ownership of `socket` (connecting, or already encrypting on a server). The idle
    // timeout closes a link on which nothing arrives for that long (0: never).
    explicit TlsTransport(QSslSocket* socket, int idleTimeoutMs = 0, QObject* parent = nullptr);
    ~TlsTransport() override;

    void send(const QByteArray& bytes) override;
    void close() override;
    bool isOpen() const override;
    qint64 unsentBytes() const override;

    // After encrypted(): starts passing bytes on (any that arrived meanwhile first).
    void accept();
    // After encrypted(): refuses the peer; closes with `reason`.
    void refuse(const Status& reason);
    // Emits `bytes` again, from the event loop and before anything read later: for a server
    // that read the first frame itself to route the session (server/net/ServerConnection).
    void redeliver(const QByteArray& bytes);

    QSslSocket& socket() { return *m_socket; }
    // The link closed before TLS completed with no verdict on a certificate: the peer left
    // (or reset) mid-handshake, or sent something that is not TLS at all.
    bool droppedBeforeTls() const { return m_droppedBeforeTls; }
    // Changes the idle limit (0: none) from now on.
    void setIdleTimeout(int ms);

Q_SIGNALS:
    // The handshake completed and OpenSSL verified the peer's chain; call accept() or refuse().
    void encrypted();

private:
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError>& errors);
    void shut(const Status& reason);

    QSslSocket* m_socket;
    QTimer m_idle;
    bool m_accepted = false;
    bool m_closed = false;
    QByteArray m_redeliver;
    Status m_sslFailure; // the handshake's reason, reported when the socket goes down
    bool m_droppedBeforeTls = false;
};

} // namespace sen
