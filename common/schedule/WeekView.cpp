#include "common/schedule/WeekView.h"

#include "common/store/ReplicaStore.h"

#include <QTime>

#include <algorithm>

namespace sen::schedule {

namespace {

QString joined(const Document& doc, const char* name)
{
    const Item* item = doc.item(QLatin1String(name));
    return item ? item->toList().join(QStringLiteral(", ")) : QString();
}

// Sáng or Chiều: by the time when it reads as one (before 12:00 is morning), else by Buoi.
bool isMorning(const Document& doc)
{
    const QTime time =
        QTime::fromString(doc.text(QLatin1String(kItemTime)).trimmed(), QStringLiteral("H:mm"));
    if (time.isValid())
        return time < QTime(12, 0);
    return doc.text(QLatin1String(kItemSession)) != QString::fromUtf8("Chiều");
}

bool byTime(const ScheduleEntry& a, const ScheduleEntry& b)
{
    if (a.date != b.date)
        return a.date < b.date;
    if (a.morning != b.morning)
        return a.morning;
    const QTime ta = QTime::fromString(a.time, QStringLiteral("H:mm"));
    const QTime tb = QTime::fromString(b.time, QStringLiteral("H:mm"));
    if (ta != tb)
        return ta.isValid() && (!tb.isValid() || ta < tb);
    return a.content < b.content;
}

} // namespace

int ScheduleWeek::entryCount() const
{
    int count = 0;
    for (const ScheduleDay& day : days)
        count += int(day.morning.size() + day.afternoon.size());
    return count;
}

QString weekdayName(const QDate& day)
{
    static const char* const names[] = {"Thứ Hai", "Thứ Ba",  "Thứ Tư",  "Thứ Năm",
                                        "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};
    const int index = day.dayOfWeek();
    return index >= 1 && index <= 7 ? QString::fromUtf8(names[index - 1]) : QString();
}

Result<WeekStatus> WeekView::statusOf(const WeekId& week) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_store.documentsOfForm(QLatin1String(kWeekActionForm)));
    std::vector<WeekAction> actions;
    for (const Document& doc : docs)
        if (!doc.isDeleted() && !doc.isConflict())
            if (Result<WeekAction> action = weekActionFromDocument(doc))
                actions.push_back(*action);
    return deriveWeek(week, actions);
}

Result<ScheduleEntry> WeekView::entryFrom(const Document& doc) const
{
    ScheduleEntry entry;
    entry.unid = doc.unid;
    entry.date = entryDate(doc);
    entry.morning = isMorning(doc);
    entry.time = doc.text(QLatin1String(kItemTime)).trimmed();
    entry.content = doc.text(QLatin1String(kItemContent));
    entry.presiding = joined(doc, kItemPresiding);
    if (const Item* item = doc.item(QLatin1String(kItemParticipants)))
        entry.participants = item->toList();
    entry.place = doc.text(QLatin1String(kItemPlace));
    entry.preparing = joined(doc, kItemPreparing);
    entry.serving = joined(doc, kItemServing);
    entry.note = doc.text(QLatin1String(kItemNote));
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> responses, m_store.responses(doc.unid));
    for (const Document& response : responses)
        if (response.form == QLatin1String(kChangeForm) && !response.isConflict())
            if (Result<ChangeRecord> change = changeFromDocument(response))
                entry.changes.push_back(*change);
    sortChanges(entry.changes);
    entry.mark = deriveMark(entry.changes);
    return entry;
}

Result<std::vector<ScheduleEntry>> WeekView::entries(const QDate& first, const QDate& last) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_store.documentsOfForm(QLatin1String(kEntryForm)));
    std::vector<ScheduleEntry> found;
    for (const Document& doc : docs) {
        if (doc.isDeleted() || doc.isConflict())
            continue;
        const QDate day = entryDate(doc);
        if (!day.isValid() || day < first || day > last)
            continue;
        SEN_ASSIGN_OR_RETURN(ScheduleEntry entry, entryFrom(doc));
        found.push_back(std::move(entry));
    }
    std::stable_sort(found.begin(), found.end(), byTime);
    return found;
}

Result<ScheduleWeek> WeekView::week(const WeekId& week) const
{
    ScheduleWeek result;
    result.week = week;
    SEN_ASSIGN_OR_RETURN(result.status, statusOf(week));
    const QDate monday = week.monday();
    for (int i = 0; i < 7; ++i)
        result.days.push_back(ScheduleDay{monday.addDays(i), weekdayName(monday.addDays(i)), {}, {}});
    SEN_ASSIGN_OR_RETURN(std::vector<ScheduleEntry> found, entries(monday, week.sunday()));
    for (ScheduleEntry& entry : found) {
        ScheduleDay& day = result.days[std::size_t(monday.daysTo(entry.date))];
        (entry.morning ? day.morning : day.afternoon).push_back(std::move(entry));
    }
    return result;
}

} // namespace sen::schedule
