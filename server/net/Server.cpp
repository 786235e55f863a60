#include "net/Server.h"

#include "net/Listener.h"
#include "net/Worker.h"
#include "transport/TlsConfiguration.h"

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
    const int threads =
        m_context.workerThreads > 0 ? m_context.workerThreads : std::max(2, QThread::idealThreadCount());
    for (int i = 0; i < threads; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("sen-worker-%1").arg(i));
        auto* worker = new Worker(m_context, tls);
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
}

} // namespace sen::server
