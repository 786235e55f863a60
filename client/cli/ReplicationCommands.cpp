// senctl login, replica add, sync.

#include "cli/CommandContext.h"
#include "core/UserIdentity.h"
#include "sync/Replicator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

const QString kPasswordFile = QStringLiteral("--password-file");

// SEN_PASSWORD, or the first line of --password-file.
Result<QString> password(const Arguments& args)
{
    if (args.has(kPasswordFile)) {
        QFile file(args.value(kPasswordFile));
        if (!file.open(QIODevice::ReadOnly))
            return Status(ErrorCode::IoError,
                          QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray line = file.readLine(4096);
        return QString::fromUtf8(line).remove(u'\n').remove(u'\r');
    }
    if (!qEnvironmentVariableIsSet("SEN_PASSWORD"))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the ID password is needed: set SEN_PASSWORD or use --password-file F"));
    return qEnvironmentVariable("SEN_PASSWORD");
}

Result<client::Replicator> replicator(CommandContext& ctx)
{
    SEN_ASSIGN_OR_RETURN(const QString secret, password(ctx.args));
    SEN_ASSIGN_OR_RETURN(identity::Credentials credentials,
                         client::UserIdentity::unlock(ctx.workspace, secret));
    return client::Replicator(ctx.workspace, std::move(credentials));
}

QJsonObject toJson(const client::SyncReport& r)
{
    return QJsonObject{{QStringLiteral("replica"), r.replica},
                       {QStringLiteral("server"), r.server},
                       {QStringLiteral("ok"), r.status.isOk()},
                       {QStringLiteral("error"), r.status.isOk() ? QString() : r.status.message()},
                       {QStringLiteral("received"), r.stats.received},
                       {QStringLiteral("sent"), r.stats.sent},
                       {QStringLiteral("conflicts"), r.stats.conflicts},
                       {QStringLiteral("refused"), r.stats.refused},
                       {QStringLiteral("bytesIn"), r.stats.bytesIn},
                       {QStringLiteral("bytesOut"), r.stats.bytesOut}};
}

void printReport(QTextStream& out, const client::SyncReport& r)
{
    out << r.replica << ' ' << r.server << ": ";
    if (r.status.isOk())
        out << "received " << r.stats.received << ", sent " << r.stats.sent << ", conflicts "
            << r.stats.conflicts << ", refused " << r.stats.refused << ", bytes in " << r.stats.bytesIn
            << ", bytes out " << r.stats.bytesOut << '\n';
    else
        out << "failed: " << r.status.message() << '\n';
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

Status replicaAdd(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--summary-only"),
                                QStringLiteral("--forms"), kPasswordFile}));
    SEN_TRY(ctx.args.expectPositional(
        4, QStringLiteral("replica add HOST:PORT DB [--summary-only] [--forms F1,F2]")));
    client::ReplicaSettings settings;
    settings.server = ctx.args.positional(2);
    settings.database = ctx.args.positional(3);
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
        if (first.isOk() && !r.status.isOk())
            first = r.status.withContext(r.replica);
    }
    if (ctx.args.has(QStringLiteral("--json")))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return first;
}

} // namespace

Status runLoginCommand(CommandContext& ctx)
{
    return login(ctx);
}

Status runReplicationCommand(CommandContext& ctx)
{
    if (ctx.args.positional(0) == u"sync")
        return sync(ctx);
    return replicaAdd(ctx);
}

} // namespace sen::cli
