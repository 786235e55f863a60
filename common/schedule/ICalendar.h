#pragma once

// The weekly schedule as an iCalendar file (RFC 5545; docs/schedule.md "iCalendar"), written
// with libical rather than by hand: one VCALENDAR with a VTIMEZONE for Asia/Ho_Chi_Minh (UTC+7
// all year) and one VEVENT per entry — UID from the entry's UNID (the same across exports, so
// a calendar that imports the file again updates the event), DTSTART in local time (a
// date-only event when the entry has no time), DTEND at the end of the session (11:30 or
// 17:00) when the start is earlier, SEQUENCE the number of its logged changes, STATUS
// CANCELLED when postponed or cancelled, else CONFIRMED in a published week and TENTATIVE
// before. SUMMARY is the content, LOCATION the place, DESCRIPTION the presiding, the
// participants, the preparing unit, the serving office leader, the note and the change log.
// GUI-free, in sen_common so that senctl and the server's /schedule.ics write the same file;
// libical stays out of this header.

#include "common/schedule/WeekView.h"

#include <QByteArray>
#include <QDateTime>

namespace sen::schedule {

inline constexpr const char* kScheduleTimeZone = "Asia/Ho_Chi_Minh";

struct ICalEntry
{
    ScheduleEntry entry;
    bool published = false; // its week is published
};

// The calendar text (CRLF line ends, UTF-8); `name` becomes X-WR-CALNAME. `stamp` is DTSTAMP.
QByteArray writeICalendar(const std::vector<ICalEntry>& entries, const QString& name, const QDateTime& stamp);

// The entries `view` reads dated from `first` to `last` with their weeks' state.
Result<std::vector<ICalEntry>> icalEntries(const WeekView& view, const QDate& first, const QDate& last);

} // namespace sen::schedule
