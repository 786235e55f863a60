#include "server/net/Server.h"

#include "replication/transport/TlsConfiguration.h"
#include "server/audit/AuditEvent.h"
#include "server/net/Listener.h"
#include "server/net/Worker.h"

#include <QTcpSocket>
#include <QThread>

#include <algorithm>

namespace sen::server {

namespace {

// Connections the kernel may queue before the listener accepts them. QTcpServer's default is
// 50: a burst of clients (every office syncing at nine) overflowed it, and each dropped SYN
// cost its client a 1 s (then 3 s) retransmission. Linux caps it at net.core.somaxconn.
constexpr int kListenBacklog = 1024;

} // namespace

Server::Server(const ServerContext& context, QObject* parent) : QObject(parent), m_context(context) {}

Server::~Server()
{
    stop();
}

Status Server::start(const QHostAddress& address, quint16 port)
{
    SEN_ASSIGN_OR_RETURN(const QSslConfiguration tls,
                         makeTlsConfiguration(m_context.credentials, m_context.certifierDer));
    // Audit writes leave the network threads (issue #11, point 16): one thread of the
    // server's own waits for the disk, and connections closed before TLS are only counted.
    m_workerContext = m_context;
    m_limits =
        std::make_unique<ConnectionLimits>(m_context.maxPendingPerAddress, m_context.maxSessionsPerAddress);
    m_workerContext.limits = m_limits.get();
    if (m_context.audit) {
        AuditWriter::Sink sink = m_context.auditBatch;
        if (!sink)
            sink = [audit = m_context.audit](std::span<const AuditEvent> events) {
                for (const AuditEvent& event : events)
                    audit(event);
            };
        m_auditWriter = std::make_unique<AuditWriter>(std::move(sink));
        m_workerContext.audit = [writer = m_auditWriter.get()](const AuditEvent& event) {
            writer->post(event);
        };
    }
    m_reportTimer = new QTimer(this);
    connect(m_reportTimer, &QTimer::timeout, this, &Server::reportDropped);
    m_reportTimer->start(std::max(1, m_context.droppedReportMs));
    const int threads =
        m_context.workerThreads > 0 ? m_context.workerThreads : std::max(2, QThread::idealThreadCount());
    for (int i = 0; i < threads; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("sen-worker-%1").arg(i));
        auto* worker = new Worker(m_workerContext, tls);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
    m_listener = std::make_unique<Listener>([this](qintptr fd) { dispatch(fd); });
    m_listener->setListenBacklogSize(kListenBacklog);
    if (!m_listener->listen(address, port)) {
        const QString reason = m_listener->errorString();
        stop();
        return Status(
            ErrorCode::IoError,
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(reason));
    }
    return Status::ok();
}

quint16 Server::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void Server::dispatch(qintptr socketDescriptor)
{
    // Per-address limit (docs/protocol.md §Transport), checked here before a worker queues
    // anything: a flood from one address never fills the workers honest clients need.
    if (!m_limits->admit(ConnectionLimits::peerOf(socketDescriptor))) {
        QTcpSocket refused;
        if (refused.setSocketDescriptor(socketDescriptor))
            refused.abort();
        return;
    }
    // The least busy worker: a burst of connections spreads over every core.
    Worker* worker =
        *std::min_element(m_workers.begin(), m_workers.end(),
                          [](const Worker* a, const Worker* b) { return a->load() < b->load(); });
    worker->reserve();
    QMetaObject::invokeMethod(
        worker, [worker, socketDescriptor] { worker->adopt(socketDescriptor); }, Qt::QueuedConnection);
}

void Server::stop()
{
    if (m_listener)
        m_listener->close();
    m_listener.reset();
    for (QThread* thread : m_threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    m_threads.clear();
    m_workers.clear(); // deleted in their threads as those finished
    if (m_reportTimer)
        m_reportTimer->stop();
    if (m_limits)
        reportDropped();
    m_auditWriter.reset(); // writes what is queued
}

void Server::reportDropped()
{
    const ConnectionLimits::Counts counts = m_limits->take();
    if (counts.dropped == 0 && counts.refused == 0 && counts.overCapacity == 0)
        return;
    const QString detail =
        QStringLiteral(
            "%1 connections closed by their peer before TLS completed, %2 closed at once over the "
            "limit of %3 pending connections per address, %4 closed at once with every worker full")
            .arg(counts.dropped)
            .arg(counts.refused)
            .arg(m_context.maxPendingPerAddress)
            .arg(counts.overCapacity);
    if (counts.overCapacity > 0)
        qWarning("sen-server: %s", qPrintable(detail));
    if (m_workerContext.audit)
        m_workerContext.audit(
            AuditEvent{QStringLiteral("connections_dropped"), QString(), QString(), detail});
}

} // namespace sen::server
