// senctl workdays: the office's working calendar (docs/workdays.md) — the days off of a year
// or a period with why, or the date a number of working days after a day — read through the
// same session as sen (client/app/DatabaseSession.h).

#include "client/cli/CommandContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

Status usage()
{
    return Status(
        ErrorCode::InvalidArgument,
        QStringLiteral("usage: workdays DB (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD) [--json] | "
                       "workdays DB --from YYYY-MM-DD --add N"));
}

Result<QDate> dateOption(const Arguments& args, const QString& option)
{
    const QDate day = QDate::fromString(args.value(option), Qt::ISODate);
    if (!day.isValid())
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 takes a date YYYY-MM-DD, not \"%2\"").arg(option, args.value(option)));
    return day;
}

} // namespace

Status runWorkdaysCommand(CommandContext& ctx)
{
    const QString kYear = QStringLiteral("--year"), kFrom = QStringLiteral("--from"),
                  kTo = QStringLiteral("--to"), kAdd = QStringLiteral("--add"),
                  kJson = QStringLiteral("--json");
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), kYear, kFrom, kTo, kAdd, kJson}));
    if (ctx.args.positional().size() != 2)
        return usage();
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(1)));
    SEN_ASSIGN_OR_RETURN(const workdays::WorkCalendar calendar, session->workCalendar());

    if (ctx.args.has(kAdd)) {
        bool ok = false;
        const int days = ctx.args.value(kAdd).toInt(&ok);
        if (!ok || days < 0 || days > 3650 || !ctx.args.has(kFrom))
            return usage();
        SEN_ASSIGN_OR_RETURN(const QDate from, dateOption(ctx.args, kFrom));
        ctx.out << calendar.addWorkingDays(from, days).toString(Qt::ISODate) << '\n';
        return Status::ok();
    }
    QDate from, to;
    if (ctx.args.has(kYear)) {
        bool ok = false;
        const int year = ctx.args.value(kYear).toInt(&ok);
        if (!ok || year < 1901 || year > 2099)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("--year takes a year 1901-2099"));
        from = QDate(year, 1, 1);
        to = QDate(year, 12, 31);
    } else if (ctx.args.has(kFrom) && ctx.args.has(kTo)) {
        SEN_ASSIGN_OR_RETURN(from, dateOption(ctx.args, kFrom));
        SEN_ASSIGN_OR_RETURN(to, dateOption(ctx.args, kTo));
        if (to < from || from.daysTo(to) > 3660)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("--to must follow --from by at most ten years"));
    } else {
        return usage();
    }
    QJsonArray array;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const QString why = calendar.dayOffName(day);
        // Weekends are listed only with --json; the text lists the holidays and the office's days.
        if (why.isEmpty() ||
            (!ctx.args.has(kJson) && day.dayOfWeek() >= 6 && (why == u"Thứ Bảy" || why == u"Chủ nhật")))
            continue;
        array.append(
            QJsonObject{{QStringLiteral("date"), day.toString(Qt::ISODate)}, {QStringLiteral("why"), why}});
        if (!ctx.args.has(kJson))
            ctx.out << day.toString(QStringLiteral("dd/MM/yyyy")) << '\t' << why << '\n';
    }
    if (ctx.args.has(kJson))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

} // namespace sen::cli
