// senctl db create, replica list.

#include "client/cli/CommandContext.h"
#include "client/core/ReplicaStatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

Status dbCreate(CommandContext& ctx)
{
    SEN_TRY(
        ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--kind"), QStringLiteral("--title")}));
    SEN_TRY(ctx.args.expectPositional(
        3, QStringLiteral("db create NAME --kind documents|calendar|news [--title TEXT]")));
    const auto kind = databaseKindFromName(ctx.args.value(QStringLiteral("--kind")));
    if (!kind)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: --kind is documents, calendar or news"));
    SEN_ASSIGN_OR_RETURN(auto store, ctx.workspace.createDatabase(ctx.args.positional(2), *kind,
                                                                  ctx.args.value(QStringLiteral("--title"))));
    ctx.out << store->info().replicaId.toHex() << '\n';
    return Status::ok();
}

Status replicaList(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json")}));
    SEN_TRY(ctx.args.expectPositional(2, QStringLiteral("replica list [--json]")));
    SEN_ASSIGN_OR_RETURN(const auto entries, ctx.workspace.list());
    QJsonArray array;
    for (const client::ReplicaEntry& e : entries) {
        const std::int64_t count = e.documents;
        if (ctx.args.has(QStringLiteral("--json"))) {
            QJsonObject object{{QStringLiteral("name"), e.name},
                               {QStringLiteral("replicaId"), e.info.replicaId.toHex()},
                               {QStringLiteral("instanceId"), e.info.instanceId.toHex()},
                               {QStringLiteral("title"), e.info.title},
                               {QStringLiteral("kind"), databaseKindName(e.info.kind)},
                               {QStringLiteral("documents"), static_cast<qint64>(count)}};
            // Its servers in order and the one that served its last sync (docs/client.md §Failover).
            SEN_ASSIGN_OR_RETURN(const auto store, ReplicaStore::open(e.path, {.readOnly = true}));
            SEN_ASSIGN_OR_RETURN(const client::ReplicaStatus status, client::ReplicaStatus::read(*store));
            object.insert(QStringLiteral("servers"), QJsonArray::fromStringList(status.settings.servers));
            object.insert(QStringLiteral("lastServer"), status.lastServer);
            object.insert(QStringLiteral("lastServerName"), status.lastServerName);
            array.append(object);
        } else {
            ctx.out << e.name << '\t' << databaseKindName(e.info.kind) << '\t' << e.info.replicaId.toHex()
                    << '\t' << count << '\t' << e.info.title << '\n';
        }
    }
    if (ctx.args.has(QStringLiteral("--json")))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

} // namespace

Status runDatabaseCommand(CommandContext& ctx)
{
    const QString command = ctx.args.positional(0) + u' ' + ctx.args.positional(1);
    if (command == u"db create")
        return dbCreate(ctx);
    if (command == u"replica list")
        return replicaList(ctx);
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("usage: senctl --home DIR db create ... | replica list"));
}

} // namespace sen::cli
