// senctl refused list, refused restore: the changes the server refused, and restoring the
// server's version of one (client/core/RefusedChanges.h, through the database's session).

#include "client/cli/CommandContext.h"
#include "client/core/RefusedChanges.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

Status refusedList(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json")}));
    SEN_TRY(ctx.args.expectPositional(3, QStringLiteral("refused list DB [--json]")));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const auto changes, session->refusedChanges());
    const bool json = ctx.args.has(QStringLiteral("--json"));
    QJsonArray array;
    for (const client::RefusedChange& c : changes) {
        if (json) {
            array.append(QJsonObject{
                {QStringLiteral("unid"), c.unid.toHex()},
                {QStringLiteral("label"), c.label},
                {QStringLiteral("change"), c.deletion ? QStringLiteral("delete") : QStringLiteral("edit")},
                {QStringLiteral("current"), c.current},
                {QStringLiteral("refusedBy"), c.peer},
                {QStringLiteral("code"), QString::fromLatin1(errorCodeName(c.code))},
                {QStringLiteral("reason"), c.reason},
                {QStringLiteral("serverMessage"), c.serverMessage},
                {QStringLiteral("at"), isoTime(c.atMs)}});
        } else {
            ctx.out << c.unid.toHex() << '\t' << (c.deletion ? "delete" : "edit") << '\t'
                    << (c.label.isEmpty() ? QStringLiteral("-") : c.label) << '\t' << c.reason << '\n';
        }
    }
    if (json)
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

Status refusedRestore(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home")}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("refused restore DB UNID")));
    const auto unid = Unid::fromHex(ctx.args.positional(3));
    if (!unid)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" is not a document UNID (32 hex digits)").arg(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const client::RestoredChange restored, session->restoreServerVersion(*unid));
    if (restored.draft)
        ctx.out << "draft " << session->draftsName() << ' ' << restored.draft->toHex() << '\n';
    ctx.out << "restored " << unid->toHex() << ": the next sync brings the server's version\n";
    return Status::ok();
}

} // namespace

Status runRefusedCommand(CommandContext& ctx)
{
    const QString command = ctx.args.positional(1);
    if (command == u"list")
        return refusedList(ctx);
    if (command == u"restore")
        return refusedRestore(ctx);
    return Status(
        ErrorCode::InvalidArgument,
        QStringLiteral("usage: senctl --home DIR refused list DB [--json] | refused restore DB UNID"));
}

} // namespace sen::cli
