#pragma once

// The intranet site's thread (docs/web.md §Threads): `sen-server run --web HOST:PORT` starts
// a WebSite in a QThread of its own, apart from the replication listener and workers, so a
// burst of readers never delays a sync. start() returns once the site listens (or failed);
// stop() (or the destructor) closes it and joins the thread.

#include "server/web/WebSite.h"

#include <QHostAddress>

class QThread;

namespace sen::server::web {

class WebServer
{
public:
    explicit WebServer(WebContext context);
    ~WebServer();
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    // The port bound (port 0 picks a free one).
    Result<quint16> start(const QHostAddress& address, quint16 port);
    void stop();

private:
    WebContext m_context;
    QThread* m_thread = nullptr;
    WebSite* m_site = nullptr; // lives in m_thread
};

} // namespace sen::server::web
