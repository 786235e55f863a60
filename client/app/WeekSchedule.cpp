#include "client/app/WeekSchedule.h"

#include <QCoreApplication>
#include <QTime>

#include <algorithm>
#include <map>

namespace sen::app {

namespace {

using namespace sen::schedule;

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::app::WeekSchedule", text);
}

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

QString WeekSchedule::weekdayName(const QDate& day)
{
    static const char* const names[] = {"Thứ Hai", "Thứ Ba",  "Thứ Tư",  "Thứ Năm",
                                        "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};
    const int index = day.dayOfWeek();
    return index >= 1 && index <= 7 ? QString::fromUtf8(names[index - 1]) : QString();
}

Result<WeekStatus> WeekSchedule::statusOf(const WeekId& week) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_session.documentsOfForm(QLatin1String(kWeekActionForm)));
    std::vector<WeekAction> actions;
    for (const Document& doc : docs)
        if (!doc.isConflict())
            if (Result<WeekAction> action = weekActionFromDocument(doc))
                actions.push_back(*action);
    return deriveWeek(week, actions);
}

Result<ScheduleEntry> WeekSchedule::entryFrom(const Document& doc) const
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
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> responses, m_session.responses(doc.unid));
    for (const Document& response : responses)
        if (response.form == QLatin1String(kChangeForm) && !response.isConflict())
            if (Result<ChangeRecord> change = changeFromDocument(response))
                entry.changes.push_back(*change);
    sortChanges(entry.changes);
    entry.mark = deriveMark(entry.changes);
    return entry;
}

Result<std::vector<ScheduleEntry>> WeekSchedule::entries(const QDate& first, const QDate& last) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_session.documentsOfForm(QLatin1String(kEntryForm)));
    std::vector<ScheduleEntry> found;
    for (const Document& doc : docs) {
        if (doc.isConflict())
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

Result<ScheduleWeek> WeekSchedule::week(const WeekId& week) const
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

ScheduleOffers WeekSchedule::offers(const ScheduleWeek& week) const
{
    ScheduleOffers offers;
    const auto access = m_session.access();
    // A local database (no access reported) offers everything; the server judges on sync.
    const bool leads = !access || holdsAnyRole(*access, {kRoleChief, kRoleLeader});
    offers.approve = leads && week.status.state == WeekState::Draft;
    offers.publish = leads && week.status.state == WeekState::Approved;
    offers.change = !access || holdsAnyRole(*access, {kRoleOffice, kRoleChief, kRoleLeader});
    return offers;
}

Result<Document> WeekSchedule::writeAction(const WeekId& week, WeekActionKind kind)
{
    if (m_session.userName().isEmpty())
        return Status(ErrorCode::PermissionDenied, tr("log in first: the record is signed with your name"));
    SEN_ASSIGN_OR_RETURN(const WeekStatus status, statusOf(week));
    if (kind == WeekActionKind::Approve && status.state != WeekState::Draft)
        return Status(ErrorCode::InvalidArgument, tr("the week is already approved"));
    if (kind == WeekActionKind::Publish && status.state == WeekState::Published)
        return Status(ErrorCode::InvalidArgument, tr("the week is already published"));
    if (kind == WeekActionKind::Publish && status.state == WeekState::Draft)
        return Status(ErrorCode::InvalidArgument, tr("the week must be approved before it is published"));
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kWeekActionForm));
    edit.set(Item::text(QLatin1String(kItemWeek), week.toString()))
        .set(Item::text(QLatin1String(kItemAction), actionWord(kind)))
        .set(Item::names(QLatin1String(kItemActor), ItemType::Names, {m_session.userName()}))
        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc()));
    return m_session.save(edit);
}

Result<Document> WeekSchedule::approve(const WeekId& week)
{
    return writeAction(week, WeekActionKind::Approve);
}

Result<Document> WeekSchedule::publish(const WeekId& week)
{
    return writeAction(week, WeekActionKind::Publish);
}

Result<Document> WeekSchedule::writeChange(const Unid& entry, ChangeKind kind, const QString& reason)
{
    if (m_session.userName().isEmpty())
        return Status(ErrorCode::PermissionDenied, tr("log in first: the record is signed with your name"));
    if (reason.trimmed().isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("say what changes and why"));
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kChangeForm), entry);
    edit.set(Item::text(QLatin1String(kItemChangeKind), changeWord(kind)))
        .set(Item::text(QLatin1String(kItemReason), reason))
        .set(Item::names(QLatin1String(kItemChangedBy), ItemType::Names, {m_session.userName()}))
        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc()));
    return m_session.save(edit);
}

Result<Document> WeekSchedule::change(const Unid& entry, DocumentEdit edit, const QString& reason)
{
    SEN_ASSIGN_OR_RETURN(const Document stored, m_session.document(entry));
    if (stored.isDeleted() || stored.form != QLatin1String(kEntryForm))
        return Status(ErrorCode::InvalidArgument, tr("not an entry of the work schedule"));
    SEN_ASSIGN_OR_RETURN(const WeekStatus status, statusOf(WeekId::of(entryDate(stored))));
    if (status.state != WeekState::Published)
        return m_session.save(edit);
    std::optional<Document> saved;
    SEN_TRY(m_session.batch([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(const Document record, writeChange(entry, ChangeKind::Changed, reason));
        edit.set(Item::text(changeItemName(record.unid), changeWord(ChangeKind::Changed)));
        SEN_ASSIGN_OR_RETURN(saved, m_session.save(edit));
        return Status::ok();
    }));
    return *saved;
}

Result<Document> WeekSchedule::add(DocumentEdit edit, const QString& reason)
{
    std::optional<Document> saved;
    SEN_TRY(m_session.batch([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(saved, m_session.save(edit));
        SEN_ASSIGN_OR_RETURN(const WeekStatus status, statusOf(WeekId::of(entryDate(*saved))));
        if (status.state == WeekState::Published)
            SEN_TRY(writeChange(saved->unid, ChangeKind::Changed,
                                reason.trimmed().isEmpty() ? tr("Added after publication") : reason)
                        .status());
        return Status::ok();
    }));
    return *saved;
}

Result<Document> WeekSchedule::cancel(const Unid& entry, const QString& reason)
{
    SEN_ASSIGN_OR_RETURN(const Document stored, m_session.document(entry));
    if (stored.isDeleted() || stored.form != QLatin1String(kEntryForm))
        return Status(ErrorCode::InvalidArgument, tr("not an entry of the work schedule"));
    return writeChange(entry, ChangeKind::Cancelled, reason);
}

} // namespace sen::app
