#pragma once

// `sen-server run --web HOST:PORT [--web-session-seconds N]`: the intranet site beside the
// replication listener (docs/web.md). Finds the news and calendar databases of the data
// directory (the first of each kind in name order), presents the server's own certificate and
// key over HTTPS, and starts the site's thread. Without --web: no site (nullptr).

#include "common/core/Result.h"
#include "server/admin/AdminContext.h"
#include "server/web/WebServer.h"

#include <memory>

namespace sen::server {

struct ServerContext;

[[nodiscard]] Result<std::unique_ptr<web::WebServer>>
startWebSite(AdminContext& ctx, const ServerContext& server, QString* where);

} // namespace sen::server
