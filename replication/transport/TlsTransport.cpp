#include "replication/transport/TlsTransport.h"

#include "replication/transport/TlsConfiguration.h"

namespace sen {

TlsTransport::TlsTransport(QSslSocket* socket, int idleTimeoutMs, QObject* parent)
    : Transport(parent), m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    // Frames are small and answered at once (HELLO and NUMBER, WANT, ACK): with Nagle's
    // algorithm a second small write waits for the peer's delayed ACK, some 40 ms a round.
    // Set now for an accepted socket, once connected for one that dials.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QSslSocket::connected, this,
            [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    connect(m_socket, &QSslSocket::encrypted, this, &TlsTransport::encrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &TlsTransport::onReadyRead);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &TlsTransport::onBytesWritten);
    connect(m_socket, &QSslSocket::disconnected, this, &TlsTransport::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &TlsTransport::onErrorOccurred);
    connect(m_socket, &QSslSocket::sslErrors, this, &TlsTransport::onSslErrors);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        shut(Status(
            ErrorCode::IoError,
            QStringLiteral("nothing arrived for %1 s: the link is closed").arg(m_idle.interval() / 1000)));
    });
    setIdleTimeout(idleTimeoutMs);
}

void TlsTransport::setIdleTimeout(int ms)
{
    m_idle.setInterval(ms);
    if (ms > 0 && !m_closed)
        m_idle.start();
    else
        m_idle.stop();
}

TlsTransport::~TlsTransport()
{
    m_closed = true; // no signals from a half-destroyed transport
    m_socket->disconnect(this);
    m_socket->abort();
}

bool TlsTransport::isOpen() const
{
    return !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 TlsTransport::unsentBytes() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void TlsTransport::send(const QByteArray& bytes)
{
    if (m_closed)
        return;
    m_bytesSent += bytes.size();
    m_socket->write(bytes);
}

void TlsTransport::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_idle.stop();
    // disconnectFromHost() writes what is queued first, then closes. As with every
    // transport, the peer sees closed(); this side already knows.
    m_socket->disconnectFromHost();
}

void TlsTransport::accept()
{
    if (m_closed || m_accepted)
        return;
    m_accepted = true;
    onReadyRead();
}

void TlsTransport::refuse(const Status& reason)
{
    shut(reason);
}

void TlsTransport::redeliver(const QByteArray& bytes)
{
    m_redeliver.prepend(bytes);
    QMetaObject::invokeMethod(this, &TlsTransport::onReadyRead, Qt::QueuedConnection);
}

void TlsTransport::onReadyRead()
{
    if (m_closed)
        return;
    if (m_idle.interval() > 0)
        m_idle.start();
    if (!m_accepted || m_socket->bytesToWrite() > kMaxUnsentBytes)
        return; // read again once accepted, or once the peer has taken what we owe it
    if (!m_redeliver.isEmpty())
        Q_EMIT received(std::exchange(m_redeliver, QByteArray()));
    while (!m_closed && m_socket->bytesAvailable() > 0) {
        const QByteArray bytes = m_socket->read(kReadBufferBytes);
        m_bytesReceived += bytes.size();
        Q_EMIT received(bytes);
    }
}

void TlsTransport::onBytesWritten()
{
    if (m_idle.interval() > 0 && !m_closed)
        m_idle.start();
    if (m_accepted && m_socket->bytesAvailable() > 0 && m_socket->bytesToWrite() <= kMaxUnsentBytes)
        onReadyRead();
    if (!m_closed)
        Q_EMIT written();
}

void TlsTransport::onDisconnected()
{
    if (m_closed)
        return;
    if (!m_sslFailure.isOk())
        shut(m_sslFailure);
    else if (!m_socket->isEncrypted() && !m_accepted) {
        m_droppedBeforeTls = true;
        shut(Status(ErrorCode::PermissionDenied, QStringLiteral("the TLS handshake did not complete")));
    } else {
        // An orderly close by the peer (bytes it sent before closing were read above).
        onReadyRead();
        m_closed = true;
        m_idle.stop();
        Q_EMIT closed(Status::ok());
    }
}

void TlsTransport::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (m_closed)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    if (!m_sslFailure.isOk()) {
        shut(m_sslFailure);
        return;
    }
    const bool handshake = !m_socket->isEncrypted();
    // Not a verdict on a certificate: the peer reset the link, or spoke something else.
    if (handshake && error != QAbstractSocket::SslHandshakeFailedError &&
        error != QAbstractSocket::SslInternalError && error != QAbstractSocket::SslInvalidUserDataError)
        m_droppedBeforeTls = true;
    // Not even a TCP connection: the server is unreachable, which says nothing about
    // certificates (a PermissionDenied here would send the user to the wrong office).
    if (handshake &&
        (error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::HostNotFoundError ||
         error == QAbstractSocket::NetworkError || error == QAbstractSocket::SocketTimeoutError)) {
        shut(Status(ErrorCode::IoError, QStringLiteral("cannot connect: ") + m_socket->errorString()));
        return;
    }
    shut(Status(handshake ? ErrorCode::PermissionDenied : ErrorCode::IoError,
                (handshake ? QStringLiteral("TLS handshake failed: ") : QStringLiteral("connection lost: ")) +
                    m_socket->errorString()));
}

void TlsTransport::onSslErrors(const QList<QSslError>& errors)
{
    const QList<QSslError> ignorable =
        m_socket->mode() == QSslSocket::SslClientMode ? ignorableClientErrors(errors) : QList<QSslError>();
    if (ignorable.size() == errors.size()) {
        m_socket->ignoreSslErrors(ignorable);
        return;
    }
    QStringList reasons;
    for (const QSslError& error : errors)
        if (!ignorable.contains(error))
            reasons << error.errorString();
    m_sslFailure = Status(ErrorCode::PermissionDenied,
                          QStringLiteral("TLS handshake refused: ") + reasons.join(QStringLiteral("; ")));
}

void TlsTransport::shut(const Status& reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_idle.stop();
    m_socket->abort();
    Q_EMIT closed(reason);
}

} // namespace sen
