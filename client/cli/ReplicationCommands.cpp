// senctl login, replica add, replica servers, sync.

#include "client/cli/CommandContext.h"
#include "client/core/UserIdentity.h"
#include "client/sync/ReplicaServers.h"
#include "client/sync/Replicator.h"
#include "client/sync/SyncFollowUp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

const QString kPasswordFile = QStringLiteral("--password-file");
const QString kNewPasswordFile = QStringLiteral("--new-password-file");

// The first line of the file named by `option`, else the environment variable `variable`.
Result<QString> secret(const Arguments& args, const QString& option, const char* variable,
                       const QString& what)
{
    if (args.has(option)) {
        QFile file(args.value(option));
        if (!file.open(QIODevice::ReadOnly))
            return Status(ErrorCode::IoError,
                          QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray line = file.readLine(4096);
        return QString::fromUtf8(line).remove(u'\n').remove(u'\r');
    }
    if (!qEnvironmentVariableIsSet(variable))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is needed: set %2 or use %3 F").arg(what, QLatin1String(variable), option));
    return qEnvironmentVariable(variable);
}

// SEN_PASSWORD, or the first line of --password-file.
Result<QString> password(const Arguments& args)
{
    return secret(args, kPasswordFile, "SEN_PASSWORD", QStringLiteral("the ID password"));
}

Result<client::Replicator> replicator(CommandContext& ctx)
{
    const client::ErrorContext syncing = ctx.situation;
    ctx.situation = client::ErrorContext::of(client::Situation::LoggingIn); // a failure opens no session
    SEN_ASSIGN_OR_RETURN(const QString secret, password(ctx.args));
    SEN_ASSIGN_OR_RETURN(identity::Credentials credentials,
                         client::UserIdentity::unlock(ctx.workspace, secret));
    ctx.situation = syncing;
    return client::Replicator(ctx.workspace, std::move(credentials));
}

QJsonObject toJson(const client::SyncReport& r)
{
    QJsonArray passedOver;
    for (const client::ServerAttempt& attempt : r.passedOver)
        passedOver.append(QJsonObject{{QStringLiteral("server"), attempt.server},
                                      {QStringLiteral("error"), attempt.status.message()}});
    return QJsonObject{
        {QStringLiteral("replica"), r.replica},
        {QStringLiteral("server"), r.server},
        {QStringLiteral("serverName"), r.serverName},
        {QStringLiteral("passedOver"), passedOver},
        {QStringLiteral("ok"), r.status.isOk()},
        {QStringLiteral("error"), r.status.isOk() ? QString() : r.status.message()},
        {QStringLiteral("received"), r.stats.received},
        {QStringLiteral("sent"), r.stats.sent},
        {QStringLiteral("conflicts"), r.stats.conflicts},
        {QStringLiteral("refused"), r.stats.refused},
        {QStringLiteral("bytesIn"), r.stats.bytesIn},
        {QStringLiteral("bytesOut"), r.stats.bytesOut},
        {QStringLiteral("renewedInstance"), r.renewal ? r.renewal->newInstance.toHex() : QString()}};
}

// One line per server passed over, then "DB synced with HOST:PORT (NAME): received ..." or
// "DB HOST:PORT: failed: ...".
void printReport(QTextStream& out, const client::SyncReport& r)
{
    for (const client::ServerAttempt& attempt : r.passedOver)
        out << r.replica << ' ' << attempt.server << ": did not answer (" << attempt.status.message()
            << "); trying the next server\n";
    if (r.renewal)
        out << r.replica << ' ' << r.server << ": " << client::SyncFollowUp::describe(*r.renewal) << '\n';
    if (r.status.isOk()) {
        out << r.replica << " synced with " << r.server;
        if (!r.serverName.isEmpty())
            out << " (" << r.serverName << ')';
        out << ": received " << r.stats.received << ", sent " << r.stats.sent << ", conflicts "
            << r.stats.conflicts << ", refused " << r.stats.refused << ", bytes in " << r.stats.bytesIn
            << ", bytes out " << r.stats.bytesOut << '\n';
    } else {
        out << r.replica << ' ' << r.server << ": failed: " << r.status.message() << '\n';
    }
}

Status login(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--id"), kPasswordFile}));
    SEN_TRY(ctx.args.expectPositional(1, QStringLiteral("login --id FILE")));
    if (!ctx.args.has(QStringLiteral("--id")))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: login --id FILE"));
    SEN_ASSIGN_OR_RETURN(const QString secret, password(ctx.args));
    SEN_ASSIGN_OR_RETURN(
        const QString name,
        client::UserIdentity::login(ctx.workspace, ctx.args.value(QStringLiteral("--id")), secret));
    ctx.out << name << '\n';
    return Status::ok();
}

// senctl password: the workspace's ID under a new password (docs/id-file.md, "Password policy").
Status changePassword(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), kPasswordFile, kNewPasswordFile}));
    SEN_TRY(ctx.args.expectPositional(1, QStringLiteral("password")));
    SEN_ASSIGN_OR_RETURN(const QString current, password(ctx.args));
    SEN_ASSIGN_OR_RETURN(const QString chosen, secret(ctx.args, kNewPasswordFile, "SEN_NEW_PASSWORD",
                                                      QStringLiteral("the new ID password")));
    SEN_TRY(client::UserIdentity::changePassword(ctx.workspace, current, chosen));
    ctx.out << "the ID password was changed; the ID now opens only with the new one\n";
    return Status::ok();
}

Status replicaAdd(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--summary-only"),
                                QStringLiteral("--forms"), kPasswordFile}));
    SEN_TRY(ctx.args.expectPositional(
        4, QStringLiteral("replica add HOST:PORT[,HOST:PORT]... DB [--summary-only] [--forms F1,F2]")));
    client::ReplicaSettings settings;
    settings.database = ctx.args.positional(3);
    SEN_ASSIGN_OR_RETURN(settings.servers,
                         client::ReplicaServers::parse(ctx.args.positional(2), settings.database));
    settings.server = settings.servers.constFirst();
    settings.forms = ctx.args.value(QStringLiteral("--forms")).split(u',', Qt::SkipEmptyParts);
    for (QString& form : settings.forms)
        form = form.trimmed();
    settings.summaryOnly = ctx.args.has(QStringLiteral("--summary-only"));
    SEN_ASSIGN_OR_RETURN(client::Replicator replicator, replicator(ctx));
    SEN_ASSIGN_OR_RETURN(const client::SyncReport report, replicator.addReplica(settings));
    printReport(ctx.out, report);
    // The replica exists either way; a failed first sync is retried by the next `sync`.
    return report.status;
}

// senctl replica servers DB [HOST:PORT[,HOST:PORT]...]: prints the replica's servers, one a
// line in the order they are tried, or replaces them.
Status replicaServers(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json")}));
    const qsizetype count = ctx.args.positional().size();
    if (count != 3 && count != 4)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: replica servers DB [HOST:PORT[,HOST:PORT]...]"));
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store,
                         ctx.workspace.openDatabase(ctx.args.positional(2)));
    if (count == 4)
        SEN_TRY(client::Replicator::setServers(*store, ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const client::ReplicaSettings settings, client::Replicator::settingsOf(*store));
    if (settings.servers.isEmpty())
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is a local database: it has no servers").arg(ctx.args.positional(2)));
    if (ctx.args.has(QStringLiteral("--json")))
        ctx.out << QJsonDocument(QJsonArray::fromStringList(settings.servers)).toJson(QJsonDocument::Compact)
                << '\n';
    else
        for (const QString& server : settings.servers)
            ctx.out << server << '\n';
    return Status::ok();
}

Status sync(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json"), kPasswordFile}));
    if (ctx.args.positional().size() > 2)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: sync [DB] [--json]"));
    SEN_ASSIGN_OR_RETURN(client::Replicator replicator, replicator(ctx));
    SEN_ASSIGN_OR_RETURN(const auto reports, replicator.sync(ctx.args.positional(1)));
    QJsonArray array;
    Status first;
    for (const client::SyncReport& r : reports) {
        if (ctx.args.has(QStringLiteral("--json")))
            array.append(toJson(r));
        else
            printReport(ctx.out, r);
        if (first.isOk() && !r.status.isOk()) {
            first = r.status.withContext(r.replica);
            ctx.situation = client::ErrorContext::syncing(r.server, r.replica);
        }
    }
    if (ctx.args.has(QStringLiteral("--json")))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return first;
}

} // namespace

Result<identity::Credentials> unlockIdentity(CommandContext& ctx)
{
    const client::ErrorContext working = ctx.situation;
    ctx.situation = client::ErrorContext::of(client::Situation::LoggingIn);
    SEN_ASSIGN_OR_RETURN(const QString secret, password(ctx.args));
    SEN_ASSIGN_OR_RETURN(identity::Credentials credentials,
                         client::UserIdentity::unlock(ctx.workspace, secret));
    ctx.situation = working;
    return credentials;
}

Result<client::Replicator> makeReplicator(CommandContext& ctx)
{
    return replicator(ctx);
}

Status runLoginCommand(CommandContext& ctx)
{
    return login(ctx);
}

Status runPasswordCommand(CommandContext& ctx)
{
    return changePassword(ctx);
}

Status runReplicationCommand(CommandContext& ctx)
{
    if (ctx.args.positional(0) == u"sync")
        return sync(ctx);
    if (ctx.args.positional(1) == u"servers")
        return replicaServers(ctx);
    return replicaAdd(ctx);
}

} // namespace sen::cli
