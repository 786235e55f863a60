#include "server/web/SchedulePages.h"

namespace sen::server::web {

namespace {

QString dd(const QDate& day)
{
    return day.toString(QStringLiteral("dd/MM/yyyy"));
}

QString line(const char* label, const QString& value)
{
    if (value.trimmed().isEmpty())
        return {};
    return QStringLiteral("<div class=\"who\"><b>%1:</b> %2</div>")
        .arg(QString::fromUtf8(label).toHtmlEscaped(), value.toHtmlEscaped());
}

QString entryHtml(const schedule::ScheduleEntry& entry)
{
    const bool cancelled = entry.mark == schedule::EntryMark::Cancelled;
    QString html =
        QStringLiteral("<div class=\"entry%1\">").arg(cancelled ? QStringLiteral(" cancelled") : QString());
    if (!entry.time.isEmpty())
        html += QStringLiteral("<span class=\"time\">%1</span> ").arg(entry.time.toHtmlEscaped());
    html += QStringLiteral("<span class=\"content\">%1</span>").arg(entry.content.toHtmlEscaped());
    if (entry.mark == schedule::EntryMark::Changed)
        html += QStringLiteral(" <span class=\"mark changed\">Thay đổi</span>");
    else if (cancelled)
        html += QStringLiteral(" <span class=\"mark cancelled\">Hoãn/Hủy</span>");
    html += line("Chủ trì", entry.presiding);
    html += line("Thành phần", entry.participants.join(QStringLiteral("; ")));
    html += line("Địa điểm", entry.place);
    html += line("Chuẩn bị", entry.preparing);
    html += line("LĐVP phục vụ", entry.serving);
    html += line("Ghi chú", entry.note);
    if (!entry.changes.empty()) {
        const schedule::ChangeRecord& last = entry.changes.back();
        html += line(last.kind == schedule::ChangeKind::Cancelled ? "Lý do hoãn/hủy" : "Nội dung thay đổi",
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
    const QString title = QStringLiteral("Lịch công tác tuần %1 (%2 – %3)")
                              .arg(QString::number(week.week), dd(week.monday()), dd(week.sunday()));
    QString body =
        QStringLiteral("<h1>%1</h1><nav class=\"week-nav\" aria-label=\"Tuần\">").arg(title.toHtmlEscaped());
    const schedule::WeekId previous = shown.current.previous();
    const schedule::WeekId next = shown.current.next();
    auto link = [&](const schedule::WeekId& target, const QString& label) {
        const bool here = target == week;
        return QStringLiteral("<a href=\"%1\"%2>%3</a>")
            .arg(weekUrl(target).toHtmlEscaped(), here ? QStringLiteral(" aria-current=\"page\"") : QString(),
                 label.toHtmlEscaped());
    };
    body += link(previous, QStringLiteral("← Tuần trước")) + link(shown.current, QStringLiteral("Tuần này")) +
            link(next, QStringLiteral("Tuần sau →"));
    body += QStringLiteral("<a href=\"/schedule.ics\">Tải lịch (iCalendar)</a></nav>");
    if (!shown.published) {
        body += QStringLiteral("<p class=\"empty\">Lịch công tác tuần này chưa được công bố.</p>");
        return page(siteName, title, Section::Schedule, viewer, body);
    }
    if (const auto& publication = shown.published->status.publication)
        body += QStringLiteral("<p class=\"meta\">Công bố ngày %1</p>").arg(vnDate(publication->time));
    body +=
        QStringLiteral("<table class=\"week\"><thead><tr><th>Thứ/ngày</th><th>Buổi</th><th>Nội dung</th></tr>"
                       "</thead><tbody>");
    for (const schedule::ScheduleDay& day : shown.published->days) {
        body += QStringLiteral(
                    "<tr><th class=\"day\" rowspan=\"2\">%1<br>%2</th><td class=\"session\">Sáng</td>%3</tr>"
                    "<tr><td class=\"session\">Chiều</td>%4</tr>")
                    .arg(day.weekday.toHtmlEscaped(), dd(day.date), sessionCell(day.morning),
                         sessionCell(day.afternoon));
    }
    body += QStringLiteral("</tbody></table>");
    return page(siteName, title, Section::Schedule, viewer, body);
}

} // namespace sen::server::web
