#include "common/workdays/WorkCalendar.h"

#include "common/fts/SenTokenizer.h"
#include "common/workdays/LunarCalendar.h"

#include <QTimeZone>

namespace sen::workdays {

namespace {

constexpr int kMaxName = 200;
constexpr int kMaxSearch = 3660; // ten years of days: no calendar has a longer run of days off

bool isWeekend(const QDate& day)
{
    return day.dayOfWeek() >= 6;
}

QString fold(const QString& text)
{
    QString folded = fts::foldForSearch(text).toLower();
    folded.remove(u' ');
    return folded;
}

} // namespace

Result<DayRule> dayFromDocument(const Document& doc)
{
    if (doc.form != QLatin1String(kDayForm) || doc.isDeleted())
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("document %1 is not a day of the working calendar").arg(doc.unid.toHex()));
    DayRule rule;
    const Item* date = doc.item(QLatin1String(kItemDate));
    if (!date || date->type != ItemType::DateTime || !date->toDateTime().isValid())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("working calendar day %1 has no date (Ngay)").arg(doc.unid.toHex()));
    rule.date = date->toDateTime().toUTC().date();
    const QString kind = fold(doc.text(QLatin1String(kItemKind)));
    if (kind == u"lamviec" || kind == u"lambu")
        rule.working = true;
    else if (!kind.isEmpty() && kind != u"nghi")
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("working calendar day %1 has no known kind (Loai: Nghi or LamViec)")
                          .arg(doc.unid.toHex()));
    rule.name = doc.text(QLatin1String(kItemName)).simplified();
    if (rule.name.size() > kMaxName)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("working calendar day %1: Ten is longer than %2 characters")
                          .arg(doc.unid.toHex())
                          .arg(kMaxName));
    return rule;
}

std::vector<DayRule> rulesFrom(const std::vector<Document>& docs)
{
    std::vector<DayRule> rules;
    for (const Document& doc : docs) {
        Result<DayRule> rule = dayFromDocument(doc);
        if (rule.isOk())
            rules.push_back(std::move(*rule));
    }
    return rules;
}

std::map<QDate, QString> statutoryHolidays(int year)
{
    std::map<QDate, QString> days;
    days[QDate(year, 1, 1)] = QStringLiteral("Tết Dương lịch");
    const QDate tet = lunarNewYear(year);
    for (int i = -1; i <= 3; ++i)
        days[tet.addDays(i)] = QStringLiteral("Tết Nguyên đán");
    days[solarFromLunar(10, 3, year)] = QStringLiteral("Giỗ Tổ Hùng Vương");
    days[QDate(year, 4, 30)] = QStringLiteral("Ngày Chiến thắng");
    days[QDate(year, 5, 1)] = QStringLiteral("Ngày Quốc tế Lao động");
    days[QDate(year, 9, 1)] = QStringLiteral("Quốc khánh");
    days[QDate(year, 9, 2)] = QStringLiteral("Quốc khánh");
    // A holiday on the weekly day off gives the next working day off (Art. 111.3).
    std::map<QDate, QString> compensation;
    for (const auto& [day, name] : days) {
        if (!isWeekend(day))
            continue;
        QDate off = day.addDays(1);
        while (isWeekend(off) || days.count(off) || compensation.count(off))
            off = off.addDays(1);
        compensation[off] = QStringLiteral("Nghỉ bù %1").arg(name);
    }
    days.insert(compensation.begin(), compensation.end());
    return days;
}

WorkCalendar::WorkCalendar(std::vector<DayRule> rules)
{
    for (DayRule& rule : rules)
        m_rules[rule.date] = std::move(rule);
}

const std::map<QDate, QString>& WorkCalendar::holidaysOf(int year) const
{
    auto it = m_holidays.find(year);
    if (it == m_holidays.end())
        it = m_holidays.emplace(year, statutoryHolidays(year)).first;
    return it->second;
}

QString WorkCalendar::dayOffName(const QDate& day) const
{
    if (const auto rule = m_rules.find(day); rule != m_rules.end())
        return rule->second.working
                   ? QString()
                   : (rule->second.name.isEmpty() ? QStringLiteral("Ngày nghỉ") : rule->second.name);
    // A holiday of the next year's Tết can fall in this year's December: look at both.
    for (int year : {day.year(), day.year() + 1}) {
        const auto& holidays = holidaysOf(year);
        if (const auto it = holidays.find(day); it != holidays.end())
            return it->second;
    }
    if (day.dayOfWeek() == 6)
        return QStringLiteral("Thứ Bảy");
    if (day.dayOfWeek() == 7)
        return QStringLiteral("Chủ nhật");
    return {};
}

bool WorkCalendar::isWorkingDay(const QDate& day) const
{
    return day.isValid() && dayOffName(day).isEmpty();
}

QDate WorkCalendar::nextWorkingDay(const QDate& day) const
{
    QDate next = day.addDays(1);
    for (int i = 0; i < kMaxSearch && !isWorkingDay(next); ++i)
        next = next.addDays(1);
    return next;
}

QDate WorkCalendar::addWorkingDays(const QDate& start, int days) const
{
    QDate day = isWorkingDay(start) ? start : nextWorkingDay(start);
    for (int i = 0; i < days; ++i)
        day = nextWorkingDay(day);
    return day;
}

int WorkCalendar::workingDaysBetween(const QDate& from, const QDate& to) const
{
    if (to < from)
        return -workingDaysBetween(to, from);
    int count = 0;
    for (QDate day = from.addDays(1); day <= to && count < kMaxSearch; day = day.addDays(1))
        count += isWorkingDay(day) ? 1 : 0;
    return count;
}

DeadlineState WorkCalendar::state(const QDate& deadline, const QDate& today, int warnDays) const
{
    if (today > deadline)
        return DeadlineState::Overdue;
    return workingDaysBetween(today, deadline) <= warnDays ? DeadlineState::DueSoon : DeadlineState::OnTime;
}

Status checkPushedDay(const std::optional<Document>& stored, const Document& incoming, bool mayEdit)
{
    const bool wasDay = stored && !stored->isDeleted() && stored->form == QLatin1String(kDayForm);
    const bool isDay = !incoming.isDeleted() && incoming.form == QLatin1String(kDayForm);
    if (!wasDay && !isDay)
        return Status::ok();
    if (!mayEdit)
        return Status(
            ErrorCode::PermissionDenied,
            QStringLiteral("only a Designer or Manager of the database may change the working calendar"));
    return isDay ? dayFromDocument(incoming).status() : Status::ok();
}

} // namespace sen::workdays
