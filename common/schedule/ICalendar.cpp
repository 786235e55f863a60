#include "common/schedule/ICalendar.h"

#include <QTime>

#include <libical/ical.h>
#include <map>

namespace sen::schedule {

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

icaltimetype localTime(const QDate& date, const QTime& time)
{
    icaltimetype value = icaltime_null_time();
    value.year = date.year();
    value.month = date.month();
    value.day = date.day();
    if (time.isValid()) {
        value.hour = time.hour();
        value.minute = time.minute();
        value.is_date = 0;
    } else {
        value.is_date = 1;
    }
    return value;
}

icalproperty* withZone(icalproperty* property)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(kScheduleTimeZone));
    return property;
}

icalcomponent* timeZone()
{
    icalcomponent* zone = icalcomponent_new_vtimezone();
    icalcomponent_add_property(zone, icalproperty_new_tzid(kScheduleTimeZone));
    icalcomponent* standard = icalcomponent_new_xstandard();
    icalcomponent_add_property(standard, icalproperty_new_dtstart(localTime(QDate(1970, 1, 1), QTime(0, 0))));
    icalcomponent_add_property(standard, icalproperty_new_tzoffsetfrom(7 * 3600));
    icalcomponent_add_property(standard, icalproperty_new_tzoffsetto(7 * 3600));
    icalcomponent_add_property(standard, icalproperty_new_tzname("+07"));
    icalcomponent_add_component(zone, standard);
    return zone;
}

QString description(const ScheduleEntry& entry)
{
    QStringList lines;
    auto add = [&lines](const char* label, const QString& value) {
        if (!value.trimmed().isEmpty())
            lines << S(label) + QStringLiteral(": ") + value;
    };
    add("Chủ trì", entry.presiding);
    add("Thành phần", entry.participants.join(QStringLiteral(", ")));
    add("Đơn vị chuẩn bị", entry.preparing);
    add("LĐVP phục vụ", entry.serving);
    add("Ghi chú", entry.note);
    for (const ChangeRecord& change : entry.changes)
        lines << QStringLiteral("%1 (%2): %3")
                     .arg(changeWord(change.kind),
                          change.time.toOffsetFromUtc(7 * 3600).toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                          change.reason);
    return lines.join(u'\n');
}

icalcomponent* event(const ICalEntry& item, const icaltimetype& stamp)
{
    const ScheduleEntry& entry = item.entry;
    icalcomponent* event = icalcomponent_new_vevent();
    const QByteArray uid = entry.unid.toHex().toLatin1() + "@sen";
    icalcomponent_add_property(event, icalproperty_new_uid(uid.constData()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    const QTime start = QTime::fromString(entry.time, QStringLiteral("H:mm"));
    icalproperty* dtstart = icalproperty_new_dtstart(localTime(entry.date, start));
    if (start.isValid())
        withZone(dtstart);
    icalcomponent_add_property(event, dtstart);
    const QTime end = entry.morning ? QTime(11, 30) : QTime(17, 0);
    if (start.isValid() && start < end)
        icalcomponent_add_property(event, withZone(icalproperty_new_dtend(localTime(entry.date, end))));
    icalcomponent_add_property(event, icalproperty_new_summary(entry.content.toUtf8().constData()));
    if (!entry.place.isEmpty())
        icalcomponent_add_property(event, icalproperty_new_location(entry.place.toUtf8().constData()));
    const QString text = description(entry);
    if (!text.isEmpty())
        icalcomponent_add_property(event, icalproperty_new_description(text.toUtf8().constData()));
    icalcomponent_add_property(event, icalproperty_new_sequence(int(entry.changes.size())));
    const icalproperty_status status = entry.mark == EntryMark::Cancelled ? ICAL_STATUS_CANCELLED
                                       : item.published                   ? ICAL_STATUS_CONFIRMED
                                                                          : ICAL_STATUS_TENTATIVE;
    icalcomponent_add_property(event, icalproperty_new_status(status));
    return event;
}

} // namespace

QByteArray writeICalendar(const std::vector<ICalEntry>& entries, const QString& name, const QDateTime& stamp)
{
    icalcomponent* calendar = icalcomponent_new_vcalendar();
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_prodid("-//Sen//Lich cong tac//VI"));
    icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
    icalproperty* calName = icalproperty_new_x(name.toUtf8().constData());
    icalproperty_set_x_name(calName, "X-WR-CALNAME");
    icalcomponent_add_property(calendar, calName);
    icalcomponent_add_component(calendar, timeZone());
    const icaltimetype dtstamp =
        icaltime_from_timet_with_zone(time_t(stamp.toSecsSinceEpoch()), 0, icaltimezone_get_utc_timezone());
    for (const ICalEntry& entry : entries)
        icalcomponent_add_component(calendar, event(entry, dtstamp));
    char* text = icalcomponent_as_ical_string_r(calendar);
    const QByteArray result(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(calendar);
    return result;
}

Result<std::vector<ICalEntry>> icalEntries(const WeekView& view, const QDate& first, const QDate& last)
{
    SEN_ASSIGN_OR_RETURN(std::vector<ScheduleEntry> found, view.entries(first, last));
    std::vector<ICalEntry> result;
    std::map<QString, bool> published; // by week
    for (ScheduleEntry& entry : found) {
        const QString week = WeekId::of(entry.date).toString();
        auto at = published.find(week);
        if (at == published.end()) {
            SEN_ASSIGN_OR_RETURN(const WeekStatus status, view.statusOf(WeekId::of(entry.date)));
            at = published.emplace(week, status.state == WeekState::Published).first;
        }
        result.push_back(ICalEntry{std::move(entry), at->second});
    }
    return result;
}

} // namespace sen::schedule
