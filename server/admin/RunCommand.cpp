// sen-server run: the daemon (docs/server.md §Running).

#include "replication/transport/TlsConfiguration.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/AdminContext.h"
#include "server/admin/RunWeb.h"
#include "server/audit/AuditLog.h"
#include "server/core/ShutdownSignals.h"
#include "server/core/UserRegistry.h"
#include "server/net/Server.h"
#include "server/peers/ConnectionScheduler.h"
#include "server/web/WebTranslations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QMutex>

#include <span>

#if defined(Q_OS_WIN)
#include "server/core/WindowsService.h"
#endif

namespace sen::server {

// Also for --web (RunWeb.cpp).
Result<std::pair<QHostAddress, quint16>> parseListen(const QString& text);

Result<std::pair<QHostAddress, quint16>> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    if (!ok || port > 65535 || address.isNull())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: --listen HOST:PORT with a numeric address (\"%1\")").arg(text));
    return std::pair{address, static_cast<quint16>(port)};
}

namespace {

// --max-pending-numbers N: the numbers a user may hold for registrations the server has not
// received (RegisterAuthority.h), 1 or more.
Result<qint64> parseMaxPendingNumbers(const AdminContext& ctx)
{
    const QString option = QStringLiteral("--max-pending-numbers");
    if (!ctx.args.has(option))
        return kMaxPendingNumbers;
    bool ok = false;
    const qint64 n = ctx.args.value(option).toLongLong(&ok);
    if (!ok || n < 1)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("usage: --max-pending-numbers N with N a whole number of 1 or more (\"%1\")")
                .arg(ctx.args.value(option)));
    return n;
}

// SEN_TEST_MINUTE_SECONDS=N: a minute of the connections' schedules and back-off lasts N
// seconds. For test suites only (docs/server.md §connections.json); unset: 60.
Result<SchedulerTiming> schedulerTiming(const AdminContext& ctx)
{
    SchedulerTiming timing;
    const QString name = QStringLiteral("SEN_TEST_MINUTE_SECONDS");
    if (!ctx.env.contains(name))
        return timing;
    bool ok = false;
    const int seconds = ctx.env.value(name).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 60)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is \"%2\"; it is unset, or 1 to 60 (test suites only)")
                          .arg(name, ctx.env.value(name).left(100)));
    timing.minuteMs = qint64(seconds) * 1000;
    timing.tickMs = std::min(1000, seconds * 250);
    return timing;
}

} // namespace

Status runServe(AdminContext& ctx)
{
    // Before anything slow (the server's keys): a stop request from then on is a clean stop,
    // and the Windows Service Control Manager waits only 30 s for a service to connect.
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::requested, qApp, &QCoreApplication::quit);
    // The intranet site's texts in Vietnamese (web/WebTranslations.h); nothing else changes.
    SEN_ASSIGN_OR_RETURN(const std::unique_ptr<QTranslator> siteTranslations, web::installSiteTranslations());
#if defined(Q_OS_WIN)
    // Declared after `shutdown`, so destroyed first: no stop control reaches a dead instance.
    std::unique_ptr<WindowsService> service;
    if (ctx.args.has(QStringLiteral("--service"))) {
        SEN_ASSIGN_OR_RETURN(service, WindowsService::connect(&ShutdownSignals::requestFromAnyThread));
    }
#endif

    DataDirectory& dir = *ctx.dir;
    const QString listen = ctx.args.has(QStringLiteral("--listen"))
                               ? ctx.args.value(QStringLiteral("--listen"))
                               : dir.defaultListen();
    SEN_ASSIGN_OR_RETURN(const auto endpoint, parseListen(listen));
    SEN_ASSIGN_OR_RETURN(const qint64 maxPendingNumbers, parseMaxPendingNumbers(ctx));
    SEN_ASSIGN_OR_RETURN(const SchedulerTiming timing, schedulerTiming(ctx));
    SEN_ASSIGN_OR_RETURN(identity::Credentials credentials, dir.serverCredentials());
    // Opens the server's ID for the audit head's signature now, not on the first event.
    SEN_TRY(dir.auditLogOptions().status());

    // Admin commands of other processes append to the same log: every append takes the
    // directory's lock and continues the chain from the file (one writer at a time). The
    // mutex keeps this process's threads from polling the lock file against each other.
    // A write that fails stops the server from accepting changes (ServerContext::auditFailed):
    // an office's records must not change unrecorded.
    QMutex auditMutex;
    const auto auditFailed = std::make_shared<std::atomic<bool>>(false);
    // The network's events come in batches (AuditWriter): one turn of the lock for each.
    const auto appendAuditBatch = [&dir, &auditMutex, auditFailed](std::span<const AuditEvent> events) {
        QMutexLocker serialised(&auditMutex);
        auto lock = DataDirectoryLock::acquire(dir.path());
        const Status logged = lock ? dir.appendAudit(events, *lock) : lock.status();
        if (!logged.isOk()) {
            if (!auditFailed->exchange(true))
                qCritical("sen-server: could not write the audit log; no changes are accepted until it is "
                          "repaired and the server restarted: %s",
                          qPrintable(logged.toString()));
        }
    };
    const auto appendAudit = [appendAuditBatch](const AuditEvent& event) {
        appendAuditBatch(std::span<const AuditEvent>(&event, 1));
    };

    ServerContext context;
    context.auditFailed = auditFailed;
    context.credentials = std::move(credentials);
    context.certifierDer = dir.certifierCertificateDer();
    context.holdsCertifier = dir.holdsCertifier();
    // The hub's record of the directory, the CRL and the ACLs (docs/servers.md §"Authority
    // across servers"); a spoke without a CRL yet refuses every connection until a session
    // it dials brings one.
    context.authority = ServerAuthority::forDirectory(dir, appendAudit);
    context.currentCrl = [&dir]() -> Result<QByteArray> {
        if (!dir.holdsCertifier() && !QFileInfo::exists(dir.crlPath()))
            return ServerAuthority::noRevocationListYet();
        return dir.currentCrlDer();
    };
    context.databasePath = [&dir](const QString& nameOrReplicaId) -> Result<QString> {
        SEN_ASSIGN_OR_RETURN(const QString name, dir.findDatabase(nameOrReplicaId));
        return dir.databasePath(name);
    };
    // groups.json as it is now: a spoke's changes with each record from the hub.
    context.directory = [authority = context.authority] {
        return authority->directory();
    };
    // Read afresh for each directory asked for: a user registered or revoked meanwhile shows.
    context.people = [usersPath = dir.usersPath()]() -> Result<QStringList> {
        SEN_ASSIGN_OR_RETURN(const UserRegistry users, UserRegistry::load(usersPath));
        QStringList names;
        for (const RegisteredUser& user : users.users())
            if (user.isActive())
                names.append(user.name.toString());
        return names;
    };
    context.audit = appendAudit;
    context.auditBatch = appendAuditBatch;
    context.maxPendingNumbers = maxPendingNumbers;

    Server server(context);
    SEN_TRY(server.start(endpoint.first, endpoint.second));
    const QString where = endpoint.first.toString() + u':' + QString::number(server.port());
    appendAudit(
        AuditEvent{QStringLiteral("server_start"), context.credentials.name.toString(), where, QString()});
    ctx.out << "sen-server " << context.credentials.name.toString() << " listening on " << where << Qt::endl;
    QString webWhere;
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<web::WebServer> site, startWebSite(ctx, context, &webWhere));
    if (site)
        ctx.out << "sen-server web site on https://" << webWhere << Qt::endl;
    // The connection documents (docs/servers.md §Connections): sessions this server starts.
    SEN_ASSIGN_OR_RETURN(const QSslConfiguration peerTls,
                         makeTlsConfiguration(context.credentials, context.certifierDer));
    ConnectionScheduler connections(dir, peerTls, appendAudit, timing);
    connections.setAuthority(context.authority);
    connections.start();
#if defined(Q_OS_WIN)
    if (service)
        service->reportRunning();
#endif

    QCoreApplication::exec();

    connections.stop();
    if (site)
        site->stop();
    server.stop();
    appendAudit(
        AuditEvent{QStringLiteral("server_stop"), context.credentials.name.toString(), where, QString()});
    ctx.out << "sen-server stopped" << Qt::endl;
#if defined(Q_OS_WIN)
    if (service)
        service->finish(true); // a failure return leaves it to ~WindowsService, as a failure
#endif
    return Status::ok();
}

} // namespace sen::server
