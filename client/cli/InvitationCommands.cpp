// senctl invitation: invitations (giấy mời) and their replies (docs/schedule.md "Invitations") —
// reply to an entry that invites the user, list the invitations ahead (or only those waiting
// for the user's answer), show one with its list of replies and counts — through the same
// application layer as sen (client/app/Invitations.h).
//
//   invitation reply DB ENTRY --attend|--decline|--delegate NAME [--note TEXT] [--for NAME]
//   invitation list DB [--pending] [--from YYYY-MM-DD] [--json]
//   invitation show DB ENTRY [--json]

#include "client/app/Invitations.h"
#include "client/cli/CommandContext.h"
#include "common/acl/NameMatch.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

using schedule::Answer;

Status usage()
{
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("usage: invitation reply DB ENTRY --attend|--decline|--delegate NAME "
                                 "[--note TEXT] [--for NAME] | invitation list DB [--pending] "
                                 "[--from YYYY-MM-DD] [--json] | invitation show DB ENTRY [--json]"));
}

const char* answerId(Answer answer)
{
    switch (answer) {
    case Answer::Attend:
        return "attend";
    case Answer::Decline:
        return "decline";
    case Answer::Delegate:
        return "delegate";
    }
    return "";
}

QJsonObject replyJson(const schedule::Reply& reply)
{
    QJsonObject o{{QStringLiteral("unid"), reply.unid.toHex()},
                  {QStringLiteral("author"), reply.author},
                  {QStringLiteral("answer"), QLatin1String(answerId(reply.answer))},
                  {QStringLiteral("time"), reply.time.toString(Qt::ISODateWithMs)}};
    if (!reply.delegate.isEmpty())
        o.insert(QStringLiteral("delegate"), reply.delegate);
    if (!reply.onBehalf.isEmpty())
        o.insert(QStringLiteral("for"), reply.onBehalf);
    if (!reply.note.isEmpty())
        o.insert(QStringLiteral("note"), reply.note);
    return o;
}

QJsonObject countsJson(const schedule::InvitationTally& tally)
{
    return QJsonObject{{QStringLiteral("invited"), tally.invited()},
                       {QStringLiteral("attending"), tally.attending},
                       {QStringLiteral("delegating"), tally.delegating},
                       {QStringLiteral("declining"), tally.declining},
                       {QStringLiteral("unanswered"), tally.unanswered}};
}

QJsonObject viewJson(const app::InvitationView& view, bool withReplies)
{
    QJsonObject o{{QStringLiteral("unid"), view.entry.toHex()},
                  {QStringLiteral("date"), view.date.toString(Qt::ISODate)},
                  {QStringLiteral("time"), view.time},
                  {QStringLiteral("content"), view.content},
                  {QStringLiteral("place"), view.place},
                  {QStringLiteral("cancelled"), view.mark == schedule::EntryMark::Cancelled},
                  {QStringLiteral("counts"), countsJson(view.tally)},
                  {QStringLiteral("invited"), bool(view.invitedAs)}};
    if (view.invitedAs && !view.invitedAs->isEmpty())
        o.insert(QStringLiteral("invitedAs"), *view.invitedAs);
    if (view.mine)
        o.insert(QStringLiteral("myAnswer"), QLatin1String(answerId(view.mine->answer)));
    if (!withReplies)
        return o;
    QJsonArray rows;
    for (const schedule::InviteeRow& row : view.tally.rows) {
        QJsonObject r{{QStringLiteral("name"), row.name}, {QStringLiteral("invited"), row.invited}};
        if (row.reply)
            r.insert(QStringLiteral("reply"), replyJson(*row.reply));
        rows.append(r);
    }
    QJsonArray history;
    for (const schedule::Reply& reply : view.history)
        history.append(replyJson(reply));
    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("freeText"), QJsonArray::fromStringList(view.tally.freeText));
    o.insert(QStringLiteral("history"), history);
    return o;
}

QString countsLine(const schedule::InvitationTally& tally)
{
    return QStringLiteral("%1 attending, %2 delegating, %3 declining, %4 unanswered")
        .arg(tally.attending)
        .arg(tally.delegating)
        .arg(tally.declining)
        .arg(tally.unanswered);
}

QString headLine(const app::InvitationView& view)
{
    QString line = view.date.toString(Qt::ISODate) + u' ' +
                   (view.time.isEmpty() ? QStringLiteral("     ") : view.time) + QStringLiteral("  ") +
                   view.content.section(u'\n', 0, 0);
    if (view.mark == schedule::EntryMark::Cancelled)
        line += QStringLiteral("  [%1]").arg(
            QCoreApplication::translate("sen::schedule", schedule::markSourceName(view.mark)));
    return line;
}

Status runReply(CommandContext& ctx)
{
    const QString kAttend = QStringLiteral("--attend"), kDecline = QStringLiteral("--decline"),
                  kDelegate = QStringLiteral("--delegate");
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), kAttend, kDecline, kDelegate,
                                QStringLiteral("--note"), QStringLiteral("--for")}));
    const int chosen =
        int(ctx.args.has(kAttend)) + int(ctx.args.has(kDecline)) + int(ctx.args.has(kDelegate));
    if (ctx.args.positional().size() != 4 || chosen != 1)
        return usage();
    const Answer answer = ctx.args.has(kAttend)    ? Answer::Attend
                          : ctx.args.has(kDecline) ? Answer::Decline
                                                   : Answer::Delegate;
    if (answer == Answer::Delegate && ctx.args.value(kDelegate).trimmed().isEmpty())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: --delegate takes the delegate's name"));
    SEN_ASSIGN_OR_RETURN(const Unid entry, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const Document saved,
                         app::Invitations(*session).reply(entry, answer, ctx.args.value(kDelegate),
                                                          ctx.args.value(QStringLiteral("--note")),
                                                          ctx.args.value(QStringLiteral("--for"))));
    ctx.out << saved.unid.toHex() << '\n';
    return Status::ok();
}

Status runList(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--pending"),
                                QStringLiteral("--from"), QStringLiteral("--json")}));
    if (ctx.args.positional().size() != 3)
        return usage();
    QDate from = QDate::currentDate();
    if (ctx.args.has(QStringLiteral("--from"))) {
        from = QDate::fromString(ctx.args.value(QStringLiteral("--from")), Qt::ISODate);
        if (!from.isValid())
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("usage: --from takes a date YYYY-MM-DD"));
    }
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const std::vector<app::InvitationView> views,
                         app::Invitations(*session).list(from, ctx.args.has(QStringLiteral("--pending"))));
    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const app::InvitationView& view : views)
            array.append(viewJson(view, false));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    for (const app::InvitationView& view : views) {
        QString mine;
        if (view.mine)
            mine = QStringLiteral("  (") + app::Invitations::answerName(view.mine->answer) + u')';
        else if (view.mayReply())
            mine = QStringLiteral("  (awaiting your reply)");
        ctx.out << headLine(view) << "  " << countsLine(view.tally) << mine << "  " << view.entry.toHex()
                << '\n';
    }
    return Status::ok();
}

Status runShow(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json")}));
    if (ctx.args.positional().size() != 4)
        return usage();
    SEN_ASSIGN_OR_RETURN(const Unid entry, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const app::InvitationView view, app::Invitations(*session).of(entry));
    if (ctx.args.has(QStringLiteral("--json"))) {
        ctx.out << QJsonDocument(viewJson(view, true)).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    ctx.out << headLine(view) << '\n';
    if (!view.place.isEmpty())
        ctx.out << "  " << view.place << '\n';
    ctx.out << "  " << countsLine(view.tally) << '\n';
    for (const schedule::InviteeRow& row : view.tally.rows) {
        ctx.out << "  " << row.name << '\t';
        if (!row.reply) {
            ctx.out << "-\n";
            continue;
        }
        ctx.out << app::Invitations::answerName(row.reply->answer);
        if (!row.reply->delegate.isEmpty())
            ctx.out << ": " << row.reply->delegate;
        if (!acl::namesEqual(row.reply->author, row.name))
            ctx.out << " (" << row.reply->author << ')';
        if (!row.reply->note.isEmpty())
            ctx.out << " — " << row.reply->note;
        ctx.out << '\n';
    }
    for (const QString& line : view.tally.freeText)
        ctx.out << "  " << line << "\t(not in the directory)\n";
    return Status::ok();
}

} // namespace

Status runInvitationCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    if (verb == u"reply")
        return runReply(ctx);
    if (verb == u"list")
        return runList(ctx);
    if (verb == u"show")
        return runShow(ctx);
    return usage();
}

} // namespace sen::cli
