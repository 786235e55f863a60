#pragma once

// One client (or peer server) connected to sen-server, from the TLS handshake to the end of
// its session (docs/protocol.md §Transport). Handlers by stage, as the peer earns them:
//
//   1. handshake: TLS 1.3, the peer's chain verified by OpenSSL against the certifier, then
//      by PeerVerifier (revocation, role); a refusal is audited and nothing else is read. A
//      peer refused by PeerVerifier gets an ERROR frame saying why before the link closes;
//      one OpenSSL refused gets nothing (there is no TLS session to carry it);
//   2. authenticated: only a HELLO is accepted. It names a database, and the peer's name in
//      it must be the one its certificate carries. The database's ACL must let the peer
//      replicate. A HELLO with a null replica ID asks only for DATABASE_INFO;
//   3. session: the replication session (Responder) runs on the worker's store.
//
// Lives in its worker thread; deletes itself when the link is gone.

#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "server/net/ServerContext.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>

class QSslConfiguration;

namespace sen {
class Session;
class TlsTransport;
} // namespace sen

namespace sen::server {

class StoreCache;

class ServerConnection : public QObject
{
    Q_OBJECT
public:
    ServerConnection(const ServerContext& context, StoreCache& stores, QObject* parent = nullptr);
    ~ServerConnection() override;

    // Takes the accepted socket and starts the server side of the handshake.
    void start(qintptr socketDescriptor, const QSslConfiguration& tls);

Q_SIGNALS:
    void done();

private:
    void onEncrypted();
    void onBytes(const QByteArray& bytes);
    void onClosed(const Status& reason);
    Status onHello(const protocol::Hello& hello);
    void refuse(const Status& status, const QString& auditKind);
    void audit(const QString& kind, const QString& detail);
    void finish();
    void releasePending();

    enum class Stage
    {
        Handshake,
        Authenticated,
        Session,
        Done,
    };

    const ServerContext& m_context;
    StoreCache& m_stores;
    TlsTransport* m_transport = nullptr; // owned (child)
    Session* m_session = nullptr;        // owned (child)
    Stage m_stage = Stage::Handshake;
    QString m_peerAddress;
    QHostAddress m_peerHost;
    bool m_pending = false;      // counted in ConnectionLimits until it has a session
    bool m_inSession = false;    // counted in ConnectionLimits's sessions until it ends
    QString m_peerName;          // from the verified certificate
    bool m_peerIsServer = false; // its certificate has the Server role (PushCheck.h)
    protocol::FrameDecoder m_decoder;
    QByteArray m_firstBytes; // everything read before the session existed, replayed to it
    bool m_finishing = false;
    bool m_doneEmitted = false;
};

} // namespace sen::server
