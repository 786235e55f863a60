// senctl dossier list/members/file/unfile, conflict show/resolve, history: what the desktop
// client's database page (File in dossier), dossier page, conflict dialog and replication
// page do, through the same session (client/app/DatabaseSession.h).

#include "client/cli/CommandContext.h"
#include "client/core/DocumentJson.h"
#include "client/core/ItemSpec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

const QString kHome = QStringLiteral("--home");
const QString kJson = QStringLiteral("--json");
const QString kKeep = QStringLiteral("--keep");
const QString kUseOther = QStringLiteral("--use-other");

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

void printJson(CommandContext& ctx, const QJsonArray& array)
{
    ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
}

Status dossierList(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(3, QStringLiteral("dossier list DB [--json]")));
    SEN_ASSIGN_OR_RETURN(const auto dossiers, session.dossiers());
    QJsonArray array;
    for (const app::DossierEntry& d : dossiers) {
        if (ctx.args.has(kJson))
            array.append(QJsonObject{{QStringLiteral("unid"), d.unid.toHex()},
                                     {QStringLiteral("code"), d.code},
                                     {QStringLiteral("title"), d.title}});
        else
            ctx.out << d.unid.toHex() << '\t' << d.code << '\t' << d.title << '\n';
    }
    if (ctx.args.has(kJson))
        printJson(ctx, array);
    return Status::ok();
}

Status dossierMembers(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("dossier members DB DOSSIER [--json]")));
    SEN_ASSIGN_OR_RETURN(const Unid dossier, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const auto members, session.dossierMembers(dossier));
    QJsonArray array;
    for (const client::Dossiers::Member& m : members) {
        const auto doc = session.document(m.document);
        const QString summary = doc ? client::documentSummary(*doc) : QString();
        if (ctx.args.has(kJson))
            array.append(QJsonObject{{QStringLiteral("unid"), m.document.toHex()},
                                     {QStringLiteral("filed"), isoTime(m.filed)},
                                     {QStringLiteral("form"), doc ? doc->form : QString()},
                                     {QStringLiteral("summary"), summary}});
        else
            ctx.out << m.document.toHex() << '\t' << isoTime(m.filed) << '\t' << summary << '\n';
    }
    if (ctx.args.has(kJson))
        printJson(ctx, array);
    return Status::ok();
}

Status dossierFile(CommandContext& ctx, app::DatabaseSession& session, bool file)
{
    SEN_TRY(ctx.args.allowOnly({kHome}));
    SEN_TRY(ctx.args.expectPositional(5, file ? QStringLiteral("dossier file DB DOSSIER UNID")
                                              : QStringLiteral("dossier unfile DB DOSSIER UNID")));
    SEN_ASSIGN_OR_RETURN(const Unid dossier, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const Unid document, parseUnid(ctx.args.positional(4)));
    return file ? session.file(dossier, document) : session.unfile(dossier, document);
}

QString sideText(const std::optional<Item>& item)
{
    if (!item || item->isTombstone())
        return QStringLiteral("(none)");
    return client::itemValueToText(*item);
}

Status conflictShow(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("conflict show DB UNID [--json]")));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const client::ConflictResolution resolution, session.loadConflict(unid));
    if (ctx.args.has(kJson)) {
        QJsonArray items;
        for (const client::ItemDifference& d : resolution.differences())
            items.append(QJsonObject{{QStringLiteral("item"), d.name},
                                     {QStringLiteral("this"), sideText(d.winner)},
                                     {QStringLiteral("other"), sideText(d.other)}});
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("winner"), resolution.winner().unid.toHex()},
                                             {QStringLiteral("winnerDeleted"), resolution.winnerDeleted()},
                                             {QStringLiteral("differences"), items}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        return Status::ok();
    }
    ctx.out << "Winner: " << resolution.winner().unid.toHex()
            << (resolution.winnerDeleted() ? " (deleted)" : "") << '\n';
    for (const client::ItemDifference& d : resolution.differences())
        ctx.out << d.name << "\tthis: " << sideText(d.winner) << "\tother: " << sideText(d.other) << '\n';
    return Status::ok();
}

Status conflictResolve(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kKeep, kUseOther}));
    const QString usage = QStringLiteral(
        "conflict resolve DB UNID --keep this|other | conflict resolve DB UNID --use-other ITEM...");
    SEN_TRY(ctx.args.expectPositional(4, usage));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    const QString keep = ctx.args.value(kKeep);
    const QStringList useOther = ctx.args.values(kUseOther);
    if (keep.isEmpty() == useOther.isEmpty() || (!keep.isEmpty() && keep != u"this" && keep != u"other"))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: ") + usage);
    SEN_ASSIGN_OR_RETURN(const client::ConflictResolution resolution, session.loadConflict(unid));
    QHash<QString, client::ConflictSide> choices;
    for (const QString& item : useOther)
        choices.insert(item, client::ConflictSide::Other);
    const client::ResolutionKind kind = keep == u"this"    ? client::ResolutionKind::KeepWinner
                                        : keep == u"other" ? client::ResolutionKind::KeepOther
                                                           : client::ResolutionKind::Combine;
    SEN_ASSIGN_OR_RETURN(const client::ResolutionOutcome outcome,
                         session.resolveConflict(resolution, kind, choices));
    ctx.out << (outcome.restored ? "restored " : "resolved ") << outcome.document.toHex() << ' '
            << outcome.itemsChanged << '\n';
    return Status::ok();
}

} // namespace

Status runDossierCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    const QString usage = QStringLiteral("usage: senctl --home DIR dossier list|members|file|unfile DB ...");
    if (ctx.args.positional().size() < 3)
        return Status(ErrorCode::InvalidArgument, usage);
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    if (verb == u"list")
        return dossierList(ctx, *session);
    if (verb == u"members")
        return dossierMembers(ctx, *session);
    if (verb == u"file" || verb == u"unfile")
        return dossierFile(ctx, *session, verb == u"file");
    return Status(ErrorCode::InvalidArgument, usage);
}

Status runConflictCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    const QString usage = QStringLiteral("usage: senctl --home DIR conflict show|resolve DB UNID ...");
    if (ctx.args.positional().size() < 3 || (verb != u"show" && verb != u"resolve"))
        return Status(ErrorCode::InvalidArgument, usage);
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    return verb == u"show" ? conflictShow(ctx, *session) : conflictResolve(ctx, *session);
}

Status runHistoryCommand(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(2, QStringLiteral("history DB [--json]")));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(1)));
    SEN_ASSIGN_OR_RETURN(const auto history, session->history(50));
    QJsonArray array;
    for (const HistoryEntry& h : history) {
        const QString when =
            QDateTime::fromMSecsSinceEpoch(h.finishedMs, Qt::UTC).toString(Qt::ISODateWithMs);
        const QString result = QString::fromLatin1(errorCodeName(h.status));
        if (ctx.args.has(kJson))
            array.append(QJsonObject{{QStringLiteral("finished"), when},
                                     {QStringLiteral("peer"), h.peerName},
                                     {QStringLiteral("received"), h.received},
                                     {QStringLiteral("sent"), h.sent},
                                     {QStringLiteral("conflicts"), h.conflicts},
                                     {QStringLiteral("refused"), h.refused},
                                     {QStringLiteral("bytes"), h.bytesIn + h.bytesOut},
                                     {QStringLiteral("result"), result},
                                     {QStringLiteral("message"), h.message}});
        else
            ctx.out << when << '\t' << h.peerName << '\t' << h.received << '\t' << h.sent << '\t'
                    << h.conflicts << '\t' << h.refused << '\t' << result << '\n';
    }
    if (ctx.args.has(kJson))
        printJson(ctx, array);
    return Status::ok();
}

} // namespace sen::cli
