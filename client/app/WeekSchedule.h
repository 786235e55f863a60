#pragma once

// The weekly work schedule as the application drives it (docs/schedule.md; issue #15): the
// reading of a week — its days and sessions, its state, each entry's change mark and log — is
// common/schedule/WeekView.h over the session's replica (the server's site reads the same);
// this adds the actions — approve or publish a week, change, add or cancel an entry of a
// published week — and what the user may do. Every action is saved through the
// DatabaseSession, so it is checked there as the server checks it
// (common/schedule/ScheduleCheck.h); records are signed with the session's user and now.
// `senctl schedule`, the iCalendar export and the printed week read this; it holds no state.

#include "client/app/DatabaseSession.h"
#include "common/schedule/Schedule.h"
#include "common/schedule/WeekView.h"

#include <QDate>

namespace sen::app {

// The read types live in common (WeekView.h); their names here stay for the callers.
using ScheduleEntry = schedule::ScheduleEntry;
using ScheduleDay = schedule::ScheduleDay;
using ScheduleWeek = schedule::ScheduleWeek;

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
    static QString weekdayName(const QDate& day) { return schedule::weekdayName(day); }
    // The reading of the session's replica (valid as long as the session).
    schedule::WeekView view() const;

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
    Result<Document> writeAction(const schedule::WeekId& week, schedule::WeekActionKind kind);
    Result<Document> writeChange(const Unid& entry, schedule::ChangeKind kind, const QString& reason);

    DatabaseSession& m_session;
};

} // namespace sen::app
