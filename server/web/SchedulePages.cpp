#include "server/web/SchedulePages.h"

#include "common/schedule/Schedule.h"

#include <QCoreApplication>

namespace sen::server::web {

namespace {

QString dd(const QDate& day)
{
    return day.toString(QStringLiteral("dd/MM/yyyy"));
}

QString line(const QString& label, const QString& value)
{
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<div class=\"who\"><b>%1:</b> %2</div>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString entryHtml(const schedule::ScheduleEntry& entry)
{
    const bool cancelled = entry.mark == schedule::EntryMark::Cancelled;
    QString html =
        QStringLiteral("<div class=\"entry%1\">").arg(cancelled ? QStringLiteral(" cancelled") : QString());
    if (!entry.time.isEmpty())
        html += QStringLiteral("<span class=\"time\">%1</span> ").arg(entry.time.toHtmlEscaped());
    html += QStringLiteral("<span class=\"content\">%1</span>").arg(entry.content.toHtmlEscaped());
    // The marks' names are the schedule's own (context "sen::schedule"), as in the client.
    if (entry.mark == schedule::EntryMark::Changed || cancelled)
        html += QStringLiteral(" <span class=\"mark %1\">%2</span>")
                    .arg(cancelled ? QStringLiteral("cancelled") : QStringLiteral("changed"),
                         QCoreApplication::translate("sen::schedule", schedule::markSourceName(entry.mark))
                             .toHtmlEscaped());
    html += line(QCoreApplication::translate("sen::web", "Presiding"), entry.presiding);
    html += line(QCoreApplication::translate("sen::web", "Participants"),
                 entry.participants.join(QStringLiteral("; ")));
    html += line(QCoreApplication::translate("sen::web", "Place"), entry.place);
    html += line(QCoreApplication::translate("sen::web", "Preparing"), entry.preparing);
    html += line(QCoreApplication::translate("sen::web", "Office leader serving"), entry.serving);
    html += line(QCoreApplication::translate("sen::web", "Note"), entry.note);
    if (!entry.changes.empty()) {
        const schedule::ChangeRecord& last = entry.changes.back();
        html += line(last.kind == schedule::ChangeKind::Cancelled
                         ? QCoreApplication::translate("sen::web", "Reason for postponing/cancelling")
                         : QCoreApplication::translate("sen::web", "What changed"),
                     last.reason + QStringLiteral(" (") + vnDateTime(last.time) + u')');
    }
    return html + QStringLiteral("</div>");
}

QString sessionCell(const std::vector<schedule::ScheduleEntry>& entries)
{
    if (entries.empty())
        return QStringLiteral("<td class=\"entries\"></td>");
    QString html = QStringLiteral("<td class=\"entries\">");
    for (const schedule::ScheduleEntry& entry : entries)
        html += entryHtml(entry);
    return html + QStringLiteral("</td>");
}

} // namespace

QString weekUrl(const schedule::WeekId& week)
{
    return QStringLiteral("/schedule?tuan=") + week.toString();
}

QString weekPage(const QString& siteName, const Viewer& viewer, const WeekPage& shown)
{
    const schedule::WeekId& week = shown.week;
    const QString title = QCoreApplication::translate("sen::web", "Work schedule, week %1 (%2 – %3)")
                              .arg(QString::number(week.week), dd(week.monday()), dd(week.sunday()));
    QString body =
        QStringLiteral("<h1>%1</h1><nav class=\"week-nav\" aria-label=\"%2\">")
            .arg(title.toHtmlEscaped(), QCoreApplication::translate("sen::web", "Weeks").toHtmlEscaped());
    const schedule::WeekId previous = shown.current.previous();
    const schedule::WeekId next = shown.current.next();
    auto link = [&](const schedule::WeekId& target, const QString& label) {
        const bool here = target == week;
        return QStringLiteral("<a href=\"%1\"%2>%3</a>")
            .arg(weekUrl(target).toHtmlEscaped(), here ? QStringLiteral(" aria-current=\"page\"") : QString(),
                 label.toHtmlEscaped());
    };
    body += link(previous, QStringLiteral("← ") + QCoreApplication::translate("sen::web", "Previous week")) +
            link(shown.current, QCoreApplication::translate("sen::web", "This week")) +
            link(next, QCoreApplication::translate("sen::web", "Next week") + QStringLiteral(" →"));
    body +=
        QStringLiteral("<a href=\"/schedule.ics\">%1</a></nav>")
            .arg(
                QCoreApplication::translate("sen::web", "Download the schedule (iCalendar)").toHtmlEscaped());
    if (!shown.published) {
        body += QStringLiteral("<p class=\"empty\">%1</p>")
                    .arg(QCoreApplication::translate("sen::web",
                                                     "This week's work schedule has not been published yet.")
                             .toHtmlEscaped());
        return page(siteName, title, Section::Schedule, viewer, body);
    }
    if (const auto& publication = shown.published->status.publication)
        body += QStringLiteral("<p class=\"meta\">%1</p>")
                    .arg(QCoreApplication::translate("sen::web", "Published on %1")
                             .arg(vnDate(publication->time))
                             .toHtmlEscaped());
    body += QStringLiteral("<table class=\"week\"><thead><tr><th>%1</th><th>%2</th><th>%3</th></tr>"
                           "</thead><tbody>")
                .arg(QCoreApplication::translate("sen::web", "Day/date").toHtmlEscaped(),
                     QCoreApplication::translate("sen::web", "Session").toHtmlEscaped(),
                     QCoreApplication::translate("sen::web", "Content").toHtmlEscaped());
    const QString morning = QCoreApplication::translate("sen::web", "Morning").toHtmlEscaped();
    const QString afternoon = QCoreApplication::translate("sen::web", "Afternoon").toHtmlEscaped();
    for (const schedule::ScheduleDay& day : shown.published->days) {
        body += QStringLiteral(
                    "<tr><th class=\"day\" rowspan=\"2\">%1<br>%2</th><td class=\"session\">%3</td>%4</tr>"
                    "<tr><td class=\"session\">%5</td>%6</tr>")
                    .arg(day.weekday.toHtmlEscaped(), dd(day.date), morning, sessionCell(day.morning),
                         afternoon, sessionCell(day.afternoon));
    }
    body += QStringLiteral("</tbody></table>");
    return page(siteName, title, Section::Schedule, viewer, body);
}

} // namespace sen::server::web
