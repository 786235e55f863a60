#pragma once

// The sen-server network side (docs/server.md): a listener in the calling thread that only
// accepts, and worker threads that run the connections. start() binds; the caller runs the
// event loop; stop() (or the destructor) closes the listener and joins the workers.

#include "server/net/AuditWriter.h"
#include "server/net/ConnectionLimits.h"
#include "server/net/ServerContext.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QThread;

namespace sen::server {

class Listener;
class Worker;

class Server : public QObject
{
    Q_OBJECT
public:
    // `context` must outlive the server.
    explicit Server(const ServerContext& context, QObject* parent = nullptr);
    ~Server() override;

    // Binds and starts listening; port 0 picks a free one (see port()).
    Status start(const QHostAddress& address, quint16 port);
    void stop();
    quint16 port() const;

private:
    void dispatch(qintptr socketDescriptor);
    // Writes the aggregate of connections closed before TLS, if any (docs/audit-log.md).
    void reportDropped();

    const ServerContext& m_context;
    // What the workers see: m_context with audit through m_auditWriter and the limits.
    ServerContext m_workerContext;
    std::unique_ptr<AuditWriter> m_auditWriter;
    std::unique_ptr<ConnectionLimits> m_limits;
    QTimer* m_reportTimer = nullptr; // child
    std::unique_ptr<Listener> m_listener;
    std::vector<QThread*> m_threads;
    std::vector<Worker*> m_workers; // each lives in its thread
};

} // namespace sen::server
