#include "client/app/ScheduleReport.h"

namespace sen::app {

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString contentCell(const ScheduleEntry& entry)
{
    QStringList lines;
    if (entry.mark != schedule::EntryMark::None && !entry.changes.empty()) {
        const schedule::ChangeRecord& last = entry.changes.back();
        lines << QStringLiteral("[%1] %2").arg(schedule::changeWord(last.kind), last.reason);
    }
    lines << entry.content;
    if (!entry.preparing.isEmpty())
        lines << S("(Đơn vị chuẩn bị: %1)").arg(entry.preparing);
    if (!entry.serving.isEmpty())
        lines << S("(LĐVP phục vụ: %1)").arg(entry.serving);
    if (!entry.note.isEmpty())
        lines << entry.note;
    return lines.join(u'\n');
}

} // namespace

ScheduleReport ScheduleReport::of(const ScheduleWeek& week, const QString& office)
{
    ScheduleReport report;
    report.office = office;
    report.title = S("LỊCH CÔNG TÁC");
    report.weekText = S("Tuần %1 (từ %2 đến %3)")
                          .arg(week.week.week)
                          .arg(cells::dayText(week.week.monday()), cells::dayText(week.week.sunday()));
    switch (week.status.state) {
    case schedule::WeekState::Draft:
        report.stateText = S("(Dự thảo)");
        break;
    case schedule::WeekState::Approved:
        report.stateText = S("(Đã duyệt, chưa công bố)");
        break;
    case schedule::WeekState::Published:
        break;
    }
    report.columns = {
        {S("Thứ/ngày"), 14, true}, {S("Buổi, giờ"), 11, true},   {S("Nội dung"), 60, false},
        {S("Chủ trì"), 22, false}, {S("Thành phần"), 34, false}, {S("Địa điểm"), 22, false},
    };
    for (const ScheduleDay& day : week.days) {
        bool first = true;
        for (const auto* part : {&day.morning, &day.afternoon})
            for (const ScheduleEntry& entry : *part) {
                const QString dayCell = first ? day.weekday + u'\n' + cells::dayText(day.date) : QString();
                first = false;
                const QString session = entry.morning ? S("Sáng") : S("Chiều");
                report.rows.push_back({dayCell, entry.time.isEmpty() ? session : session + u'\n' + entry.time,
                                       contentCell(entry), entry.presiding, entry.participants.join(u'\n'),
                                       entry.place});
            }
    }
    return report;
}

} // namespace sen::app
