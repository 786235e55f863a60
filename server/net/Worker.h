#pragma once

// A thread that runs connections (docs/architecture.md §Threads): the listener hands it accepted
// sockets; it does their TLS, their sessions and their SQLite work, so the listener's event
// loop never waits on a database or a peer, and a slow peer holds up nothing but itself.
//
// Lives in its own QThread; adopt() is called there (queued).

#include "server/net/ServerContext.h"
#include "server/net/StoreCache.h"

#include <QObject>
#include <QSslConfiguration>

namespace sen::server {

class Worker : public QObject
{
    Q_OBJECT
public:
    Worker(const ServerContext& context, const QSslConfiguration& tls);
    ~Worker() override;

    // Connections this worker runs or is about to (any thread).
    int load() const { return m_load.loadRelaxed(); }
    // Called by the listener before it queues adopt(), so a burst spreads over the workers.
    void reserve() { m_load.ref(); }
    // In the worker's thread: runs the connection reserved for it.
    void adopt(qintptr socketDescriptor);

private:
    const ServerContext& m_context;
    QSslConfiguration m_tls;
    // Declared before the connections (children of this object) so it outlives them.
    StoreCache m_stores;
    QAtomicInt m_load;
};

} // namespace sen::server
