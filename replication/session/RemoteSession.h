#pragma once

// The client side of replicating with a server over TLS (docs/protocol.md §Transport):
// connect, check that the peer is a *server* of our certifier, run one Session as the
// initiator, close. Also the one-shot "describe a database" request that adding a replica
// starts with.
//
// Asynchronous (signals, for the desktop client) with blocking wrappers that run a local
// event loop (for senctl and tests). Lives in the calling thread; call it only from there.

#include "common/core/Result.h"
#include "replication/protocol/DatabaseInfo.h"
#include "replication/session/SessionTypes.h"

#include <QObject>
#include <QSslConfiguration>

#include <functional>

namespace sen {

class ReplicaStore;
class Session;
class TlsTransport;

struct RemoteEndpoint
{
    QString host;
    quint16 port = 1352;
    QString database; // the server's name for it, or its replica ID in hex

    static constexpr int kMaxHostLength = 253;

    // "HOST:PORT" (or "HOST", port 1352); "[v6]:PORT" for IPv6 addresses. A host of at most
    // kMaxHostLength characters, without spaces, control characters, ',', '/' or '@'.
    static Result<RemoteEndpoint> parse(const QString& address, const QString& database);
    QString address() const;
};

class RemoteSession : public QObject
{
    Q_OBJECT
public:
    // `store` must outlive the session. `tls` comes from makeTlsConfiguration().
    RemoteSession(ReplicaStore& store, const QSslConfiguration& tls, RemoteEndpoint endpoint,
                  SessionOptions options, QObject* parent = nullptr);
    ~RemoteSession() override;

    void start();
    // Stops the session with `reason` (Cancelled when the user stops it): before the
    // handshake the connection is just dropped; after it Session::abort() tells the server
    // and keeps every committed batch. finished() follows as usual (within two seconds).
    void abort(const Status& reason);
    SessionStats stats() const;
    const Status& result() const { return m_result; }
    // Once the handshake is done: the protocol version it chose (0 before) and the access the
    // server reported in WELCOME (unset when it reported none: a version 2 server).
    int protocolVersion() const;
    std::optional<protocol::WelcomeAccess> reportedAccess() const;
    // Once the handshake is done: the peer's name as its WELCOME and certificate give it
    // (the server's, "sen-server/ORG"); empty before.
    QString peerName() const;

    // Runs a whole session; returns its outcome (stats() tells what travelled).
    Status runBlocking(int timeoutMs = 0);

Q_SIGNALS:
    // The session is over and the connection closed (or given up after two seconds).
    void finished(const sen::Status& status);
    // Connecting at start(), then the Session's own reports (Session::progressed()).
    void progressed(const sen::SessionProgress& progress);

private:
    void finish(const Status& status);

    ReplicaStore& m_store;
    QSslConfiguration m_tls;
    RemoteEndpoint m_endpoint;
    SessionOptions m_options;
    TlsTransport* m_transport = nullptr;
    Session* m_session = nullptr;
    SessionStats m_last;
    Status m_result;
    bool m_finished = false;
    bool m_reported = false; // finished() emitted
};

// Asks the server what `endpoint.database` is (replica ID, kind, title), presenting `tls`;
// `peerName` is our name as in our certificate. Blocks in a local event loop; `cancelled`,
// when given, is asked every tenth of a second and ends the wait with Cancelled when true
// (it may read a flag another thread sets).
Result<protocol::DatabaseInfo> describeRemoteDatabase(const QSslConfiguration& tls,
                                                      const RemoteEndpoint& endpoint, const QString& peerName,
                                                      int timeoutMs = 30'000,
                                                      const std::function<bool()>& cancelled = {});

} // namespace sen
