// senctl schedule: the weekly work schedule (docs/schedule.md) — show a week grouped by day and
// session with its state and change marks, approve or publish it, postpone or cancel an
// entry — through the same application layer as sen (client/app/WeekSchedule.h).

#include "client/app/WeekSchedule.h"
#include "client/cli/CommandContext.h"
#include "client/core/ItemSpec.h"
#include "common/schedule/ICalendar.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sen::cli {

namespace {

Status usage()
{
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("usage: schedule week DB [--week YYYY-Www] [--json] | "
                                 "schedule approve|publish DB --week YYYY-Www | "
                                 "schedule change DB ENTRY --reason TEXT --set ITEM... | "
                                 "schedule cancel DB ENTRY --reason TEXT"));
}

QJsonObject entryJson(const app::ScheduleEntry& entry)
{
    QJsonObject object{
        {QStringLiteral("unid"), entry.unid.toHex()},
        {QStringLiteral("date"), entry.date.toString(Qt::ISODate)},
        {QStringLiteral("session"), entry.morning ? QStringLiteral("morning") : QStringLiteral("afternoon")},
        {QStringLiteral("time"), entry.time},
        {QStringLiteral("content"), entry.content},
        {QStringLiteral("presiding"), entry.presiding},
        {QStringLiteral("participants"), QJsonArray::fromStringList(entry.participants)},
        {QStringLiteral("place"), entry.place},
        {QStringLiteral("preparing"), entry.preparing},
        {QStringLiteral("serving"), entry.serving},
        {QStringLiteral("note"), entry.note}};
    const char* mark = entry.mark == schedule::EntryMark::Cancelled ? "cancelled"
                       : entry.mark == schedule::EntryMark::Changed ? "changed"
                                                                    : "";
    object.insert(QStringLiteral("mark"), QLatin1String(mark));
    QJsonArray changes;
    for (const schedule::ChangeRecord& change : entry.changes)
        changes.append(QJsonObject{{QStringLiteral("unid"), change.unid.toHex()},
                                   {QStringLiteral("kind"), schedule::changeWord(change.kind)},
                                   {QStringLiteral("reason"), change.reason},
                                   {QStringLiteral("author"), change.author},
                                   {QStringLiteral("time"), change.time.toString(Qt::ISODateWithMs)}});
    object.insert(QStringLiteral("changes"), changes);
    return object;
}

const char* stateId(schedule::WeekState state)
{
    switch (state) {
    case schedule::WeekState::Draft:
        return "draft";
    case schedule::WeekState::Approved:
        return "approved";
    case schedule::WeekState::Published:
        return "published";
    }
    return "";
}

QString entryLine(const app::ScheduleEntry& entry)
{
    QString line = QStringLiteral("    %1  %2")
                       .arg(entry.time.isEmpty() ? QStringLiteral("     ") : entry.time, entry.content);
    if (!entry.presiding.isEmpty())
        line += QStringLiteral(" | ") + entry.presiding;
    if (!entry.place.isEmpty())
        line += QStringLiteral(" | ") + entry.place;
    if (entry.mark != schedule::EntryMark::None)
        line += QStringLiteral("  [%1]").arg(
            QCoreApplication::translate("sen::schedule", schedule::markSourceName(entry.mark)));
    return line + QStringLiteral("  ") + entry.unid.toHex();
}

void printWeek(CommandContext& ctx, const app::ScheduleWeek& week)
{
    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray days;
        for (const app::ScheduleDay& day : week.days) {
            QJsonArray morning;
            for (const app::ScheduleEntry& entry : day.morning)
                morning.append(entryJson(entry));
            QJsonArray afternoon;
            for (const app::ScheduleEntry& entry : day.afternoon)
                afternoon.append(entryJson(entry));
            days.append(QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                    {QStringLiteral("weekday"), day.weekday},
                                    {QStringLiteral("morning"), morning},
                                    {QStringLiteral("afternoon"), afternoon}});
        }
        QJsonObject object{{QStringLiteral("week"), week.week.toString()},
                           {QStringLiteral("from"), week.week.monday().toString(Qt::ISODate)},
                           {QStringLiteral("to"), week.week.sunday().toString(Qt::ISODate)},
                           {QStringLiteral("state"), QLatin1String(stateId(week.status.state))},
                           {QStringLiteral("days"), days}};
        if (week.status.approval)
            object.insert(QStringLiteral("approvedBy"), week.status.approval->actor);
        if (week.status.publication)
            object.insert(QStringLiteral("publishedBy"), week.status.publication->actor);
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    ctx.out << week.week.toString() << "  " << week.week.monday().toString(QStringLiteral("dd/MM/yyyy"))
            << " - " << week.week.sunday().toString(QStringLiteral("dd/MM/yyyy")) << "  "
            << QCoreApplication::translate("sen::schedule", schedule::stateSourceName(week.status.state))
            << '\n';
    for (const app::ScheduleDay& day : week.days) {
        if (day.morning.empty() && day.afternoon.empty())
            continue;
        ctx.out << day.weekday << ' ' << day.date.toString(QStringLiteral("dd/MM/yyyy")) << '\n';
        for (const auto* part : {&day.morning, &day.afternoon}) {
            if (part->empty())
                continue;
            ctx.out << "  " << (part == &day.morning ? QString::fromUtf8("Sáng") : QString::fromUtf8("Chiều"))
                    << '\n';
            for (const app::ScheduleEntry& entry : *part)
                ctx.out << entryLine(entry) << '\n';
        }
    }
}

} // namespace

Result<schedule::WeekId> weekOption(const Arguments& args, bool required)
{
    if (!args.has(QStringLiteral("--week"))) {
        if (required)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: --week YYYY-Www is required"));
        return schedule::WeekId::of(QDate::currentDate());
    }
    const std::optional<schedule::WeekId> week =
        schedule::WeekId::parse(args.value(QStringLiteral("--week")));
    if (!week)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: --week takes an ISO week such as 2026-W50, not \"%1\"")
                          .arg(args.value(QStringLiteral("--week")).left(40)));
    return *week;
}

Status runScheduleCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    if (verb == u"week") {
        SEN_TRY(ctx.args.allowOnly(
            {QStringLiteral("--home"), QStringLiteral("--week"), QStringLiteral("--json")}));
        if (ctx.args.positional().size() != 3)
            return usage();
        SEN_ASSIGN_OR_RETURN(const schedule::WeekId week, weekOption(ctx.args, false));
        SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
        SEN_ASSIGN_OR_RETURN(const app::ScheduleWeek shown, app::WeekSchedule(*session).week(week));
        printWeek(ctx, shown);
        return Status::ok();
    }
    if (verb == u"approve" || verb == u"publish") {
        SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--week")}));
        if (ctx.args.positional().size() != 3)
            return usage();
        SEN_ASSIGN_OR_RETURN(const schedule::WeekId week, weekOption(ctx.args, true));
        SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
        app::WeekSchedule schedule(*session);
        SEN_ASSIGN_OR_RETURN(const Document saved,
                             verb == u"approve" ? schedule.approve(week) : schedule.publish(week));
        ctx.out << saved.unid.toHex() << '\n';
        return Status::ok();
    }
    if (verb == u"change") {
        SEN_TRY(ctx.args.allowOnly(
            {QStringLiteral("--home"), QStringLiteral("--reason"), QStringLiteral("--set")}));
        if (ctx.args.positional().size() != 4 || !ctx.args.has(QStringLiteral("--set")))
            return usage();
        SEN_ASSIGN_OR_RETURN(const Unid entry, parseUnid(ctx.args.positional(3)));
        DocumentEdit edit = DocumentEdit::update(entry);
        for (const QString& spec : ctx.args.values(QStringLiteral("--set"))) {
            SEN_ASSIGN_OR_RETURN(Item item, client::parseItemSpec(spec));
            edit.set(std::move(item));
        }
        SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
        SEN_ASSIGN_OR_RETURN(
            const Document saved,
            app::WeekSchedule(*session).change(entry, edit, ctx.args.value(QStringLiteral("--reason"))));
        ctx.out << saved.unid.toHex() << '\n';
        return Status::ok();
    }
    if (verb == u"cancel") {
        SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--reason")}));
        if (ctx.args.positional().size() != 4)
            return usage();
        SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
        SEN_ASSIGN_OR_RETURN(const Unid entry, parseUnid(ctx.args.positional(3)));
        SEN_ASSIGN_OR_RETURN(const Document saved, app::WeekSchedule(*session).cancel(
                                                       entry, ctx.args.value(QStringLiteral("--reason"))));
        ctx.out << saved.unid.toHex() << '\n';
        return Status::ok();
    }
    return usage();
}

Status runExportCommand(CommandContext& ctx)
{
    const Status bad(
        ErrorCode::InvalidArgument,
        QStringLiteral("usage: export ical DB (--week YYYY-Www | --from YYYY-MM-DD --to YYYY-MM-DD) "
                       "--out FILE.ics"));
    if (ctx.args.positional(1) == u"atom")
        return runAtomExport(ctx);
    if (ctx.args.positional(1) != u"ical" || ctx.args.positional().size() != 3)
        return bad;
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--week"), QStringLiteral("--from"),
                                QStringLiteral("--to"), QStringLiteral("--out")}));
    const QString path = ctx.args.value(QStringLiteral("--out"));
    if (path.isEmpty())
        return bad;
    QDate first;
    QDate last;
    const bool range = ctx.args.has(QStringLiteral("--from")) || ctx.args.has(QStringLiteral("--to"));
    if (ctx.args.has(QStringLiteral("--week")) == range)
        return bad;
    if (range) {
        first = QDate::fromString(ctx.args.value(QStringLiteral("--from")), Qt::ISODate);
        last = QDate::fromString(ctx.args.value(QStringLiteral("--to")), Qt::ISODate);
        if (!first.isValid() || !last.isValid() || last < first || first.daysTo(last) > 366)
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("usage: --from and --to take dates such as 2026-12-07, at most a year "
                               "apart"));
    } else {
        SEN_ASSIGN_OR_RETURN(const schedule::WeekId week, weekOption(ctx.args, true));
        first = week.monday();
        last = week.sunday();
    }
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    const app::WeekSchedule schedule(*session);
    SEN_ASSIGN_OR_RETURN(const std::vector<schedule::ICalEntry> entries,
                         schedule::icalEntries(schedule.view(), first, last));
    const QByteArray text =
        schedule::writeICalendar(entries, session->title(), QDateTime::currentDateTimeUtc());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    ctx.out << path << ": " << entries.size() << (entries.size() == 1 ? " event\n" : " events\n");
    return Status::ok();
}

} // namespace sen::cli
