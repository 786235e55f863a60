#include "server/web/WebServer.h"

#include <QThread>

namespace sen::server::web {

WebServer::WebServer(WebContext context) : m_context(std::move(context)) {}

WebServer::~WebServer()
{
    stop();
}

Result<quint16> WebServer::start(const QHostAddress& address, quint16 port)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("web"));
    m_site = new WebSite(m_context);
    m_site->moveToThread(m_thread);
    m_thread->start();
    Result<quint16> bound = Status(ErrorCode::Internal, QStringLiteral("web site not started"));
    QMetaObject::invokeMethod(
        m_site, [&] { bound = m_site->start(address, port); }, Qt::BlockingQueuedConnection);
    if (!bound)
        stop();
    return bound;
}

void WebServer::stop()
{
    if (!m_thread)
        return;
    WebSite* site = m_site;
    QMetaObject::invokeMethod(
        site, [site] { delete site; }, Qt::BlockingQueuedConnection);
    m_site = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace sen::server::web
