#pragma once

// The sen-server network side (docs/server.md): a listener in the calling thread that only
// accepts, and worker threads that run the connections. start() binds; the caller runs the
// event loop; stop() (or the destructor) closes the listener and joins the workers.

#include "net/ServerContext.h"

#include <QHostAddress>
#include <QObject>

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

    const ServerContext& m_context;
    std::unique_ptr<Listener> m_listener;
    std::vector<QThread*> m_threads;
    std::vector<Worker*> m_workers; // each lives in its thread
};

} // namespace sen::server
