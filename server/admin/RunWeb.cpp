#include "server/admin/RunWeb.h"

#include "common/store/ReplicaStore.h"
#include "replication/transport/TlsConfiguration.h"
#include "server/net/ServerContext.h"

namespace sen::server {

Result<std::pair<QHostAddress, quint16>> parseListen(const QString& text); // RunCommand.cpp

namespace {

// The first database of `kind` in name order, or an empty path.
QString firstOfKind(const DataDirectory& dir, DatabaseKind kind)
{
    for (const QString& name : dir.databaseNames()) {
        const QString path = dir.databasePath(name);
        const Result<std::unique_ptr<ReplicaStore>> store = ReplicaStore::open(path);
        if (store && (*store)->info().kind == kind)
            return path;
    }
    return {};
}

} // namespace

Result<std::unique_ptr<web::WebServer>> startWebSite(AdminContext& ctx, const ServerContext& server,
                                                     QString* where)
{
    const QString option = QStringLiteral("--web");
    if (!ctx.args.has(option))
        return std::unique_ptr<web::WebServer>();
    SEN_ASSIGN_OR_RETURN(const auto endpoint, parseListen(ctx.args.value(option)));
    DataDirectory& dir = *ctx.dir;

    web::WebContext context;
    SEN_ASSIGN_OR_RETURN(context.tls, makeTlsConfiguration(server.credentials, server.certifierDer));
    // Browsers present no certificate; the site is read-only and signs its users in itself.
    context.tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    context.tls.setProtocol(QSsl::TlsV1_2OrLater);
    context.siteName = QStringLiteral("Trang tin nội bộ ") + dir.org().toString();
    context.newsPath = firstOfKind(dir, DatabaseKind::News);
    context.calendarPath = firstOfKind(dir, DatabaseKind::Calendar);
    context.directory = server.directory;
    const DataDirectory* directory = &dir;
    context.nameCandidates = [directory](const QString& typed) {
        QStringList names{typed};
        if (const auto qualified = directory->qualifiedName(typed))
            names << qualified->toString();
        return names;
    };
    context.webPasswordsPath = dir.webPasswordsPath();
    context.audit = server.audit;
    if (ctx.args.has(QStringLiteral("--web-session-seconds"))) {
        bool ok = false;
        context.sessionSeconds = ctx.args.value(QStringLiteral("--web-session-seconds")).toInt(&ok);
        if (!ok || context.sessionSeconds < 1)
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("usage: --web-session-seconds N with N a whole number of 1 or more"));
    }

    auto site = std::make_unique<web::WebServer>(std::move(context));
    SEN_ASSIGN_OR_RETURN(const quint16 port, site->start(endpoint.first, endpoint.second));
    *where = endpoint.first.toString() + u':' + QString::number(port);
    return site;
}

} // namespace sen::server
