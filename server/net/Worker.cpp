#include "server/net/Worker.h"

#include "server/net/ServerConnection.h"

#include <QTcpSocket>

namespace sen::server {

Worker::Worker(const ServerContext& context, const QSslConfiguration& tls) : m_context(context), m_tls(tls) {}

Worker::~Worker()
{
    // Connections go first: they use the stores.
    qDeleteAll(findChildren<ServerConnection*>(Qt::FindDirectChildrenOnly));
}

void Worker::adopt(qintptr socketDescriptor)
{
    if (m_load.loadRelaxed() > m_context.maxConnectionsPerWorker) {
        m_load.deref();
        QTcpSocket refused;
        if (m_context.limits)
            m_context.limits->release(ConnectionLimits::peerOf(socketDescriptor)); // admitted by Server
        if (refused.setSocketDescriptor(socketDescriptor))
            refused.abort();
        // Counted and logged in aggregate (Server::reportDropped): a flood writes no line each.
        if (m_context.limits)
            m_context.limits->countOverCapacity();
        else
            qWarning("sen-server: too many connections; one refused");
        return;
    }
    auto* connection = new ServerConnection(m_context, m_stores, this);
    connect(connection, &ServerConnection::done, this, [this, connection] {
        m_load.deref();
        connection->deleteLater();
    });
    connection->start(socketDescriptor, m_tls);
}

} // namespace sen::server
