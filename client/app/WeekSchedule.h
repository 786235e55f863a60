#pragma once

// The weekly work schedule as the application drives it (docs/schedule.md; issue #15): the
// entries of an ISO week grouped by day (Thứ Hai … Chủ nhật) and session (Sáng before 12:00,
// Chiều after), the week's state (draft, approved, published) and each entry's change mark
// and log, derived from the records of common/schedule/Schedule.h; and the actions — approve
// or publish a week, change, add or cancel an entry of a published week. Every action is saved
// through the DatabaseSession, so it is checked there as the server checks it
// (common/schedule/ScheduleCheck.h); records are signed with the session's user and now.
// `senctl schedule`, the iCalendar export and the printed week read this; it holds no state.

#include "client/app/DatabaseSession.h"
#include "common/schedule/Schedule.h"

#include <QDate>

namespace sen::app {

struct ScheduleEntry
{
    Unid unid;
    QDate date;
    bool morning = true; // Sáng; else Chiều
    QString time;        // "07:30", may be empty
    QString content;
    QString presiding;
    QStringList participants;
    QString place;
    QString preparing;
    QString serving; // LĐVP phục vụ
    QString note;
    schedule::EntryMark mark = schedule::EntryMark::None;
    std::vector<schedule::ChangeRecord> changes; // oldest first
};

struct ScheduleDay
{
    QDate date;
    QString weekday; // "Thứ Hai" … "Chủ nhật"
    std::vector<ScheduleEntry> morning;
    std::vector<ScheduleEntry> afternoon;
};

struct ScheduleWeek
{
    schedule::WeekId week;
    schedule::WeekStatus status;
    std::vector<ScheduleDay> days; // Monday to Sunday, always seven
    int entryCount() const;
};

// What the logged-in user may do with a week now.
struct ScheduleOffers
{
    bool approve = false; // holds [LanhDao] or [ChanhVanPhong], the week not yet approved
    bool publish = false; // the same roles, approved, not yet published
    bool change = false;  // holds one of the three roles (a change after publishing is logged)
};

class WeekSchedule
{
public:
    explicit WeekSchedule(DatabaseSession& session) : m_session(session) {}

    // The Vietnamese weekday name of `day`: "Thứ Hai" … "Thứ Bảy", "Chủ nhật".
    static QString weekdayName(const QDate& day);

    Result<ScheduleWeek> week(const schedule::WeekId& week) const;
    // Every entry dated from `first` to `last` (inclusive), by date then time.
    Result<std::vector<ScheduleEntry>> entries(const QDate& first, const QDate& last) const;
    ScheduleOffers offers(const ScheduleWeek& week) const;

    // A week action; InvalidArgument when the week is already in that state or beyond.
    Result<Document> approve(const schedule::WeekId& week);
    Result<Document> publish(const schedule::WeekId& week);
    // Updates `entry` with `edit`; in a published week the change is logged first ("Thay đổi",
    // `reason` required) and the entry names the record.
    Result<Document> change(const Unid& entry, DocumentEdit edit, const QString& reason);
    // Adds an entry (`edit` creates one); in a published week a "Thay đổi" record follows it.
    Result<Document> add(DocumentEdit edit, const QString& reason);
    // Postpones or cancels `entry` (a "Hoãn/Hủy" record; the entry stays, marked).
    Result<Document> cancel(const Unid& entry, const QString& reason);

    // The state of `week` alone (its week actions), without reading its entries.
    Result<schedule::WeekStatus> statusOf(const schedule::WeekId& week) const;

private:
    Result<ScheduleEntry> entryFrom(const Document& doc) const;
    Result<Document> writeAction(const schedule::WeekId& week, schedule::WeekActionKind kind);
    Result<Document> writeChange(const Unid& entry, schedule::ChangeKind kind, const QString& reason);

    DatabaseSession& m_session;
};

} // namespace sen::app
