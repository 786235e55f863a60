#pragma once

// The weekly work schedule as it is read (docs/schedule.md; issue #15): the entries of an ISO
// week grouped by day (Thứ Hai … Chủ nhật) and session (Sáng before 12:00, Chiều after), the
// week's state (draft, approved, published) and each entry's change mark and log, derived from
// the records of common/schedule/Schedule.h as one replica holds them. Read-only and GUI-free:
// the desktop client and senctl read through client/app/WeekSchedule (which adds the actions),
// the server's intranet site and /schedule.ics read its own replica through this directly.
// Deletion stubs and conflict documents are never shown. A WeekView holds a reference to the
// store and nothing else; it reads on the store's thread (ReplicaStore: one connection per
// thread) and must not outlive it.

#include "common/core/Result.h"
#include "common/schedule/Schedule.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace sen {
class ReplicaStore;
}

namespace sen::schedule {

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
    EntryMark mark = EntryMark::None;
    std::vector<ChangeRecord> changes; // oldest first
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
    WeekId week;
    WeekStatus status;
    std::vector<ScheduleDay> days; // Monday to Sunday, always seven
    int entryCount() const;
};

// The Vietnamese weekday name of `day`: "Thứ Hai" … "Thứ Bảy", "Chủ nhật".
QString weekdayName(const QDate& day);

class WeekView
{
public:
    explicit WeekView(const ReplicaStore& store) : m_store(store) {}

    // The week's days with their entries, and its state.
    Result<ScheduleWeek> week(const WeekId& week) const;
    // Every entry dated from `first` to `last` (inclusive), by date, session, time, content.
    Result<std::vector<ScheduleEntry>> entries(const QDate& first, const QDate& last) const;
    // The state of `week` alone (its week actions), without reading its entries.
    Result<WeekStatus> statusOf(const WeekId& week) const;
    // The entry `doc` (a LichCongTac document) with its change log read from its responses.
    Result<ScheduleEntry> entryFrom(const Document& doc) const;

private:
    const ReplicaStore& m_store;
};

} // namespace sen::schedule
