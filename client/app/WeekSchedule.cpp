#include "client/app/WeekSchedule.h"

#include <QCoreApplication>

namespace sen::app {

namespace {

using namespace sen::schedule;

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::app::WeekSchedule", text);
}

} // namespace

schedule::WeekView WeekSchedule::view() const
{
    return schedule::WeekView(m_session.store());
}

Result<WeekStatus> WeekSchedule::statusOf(const WeekId& week) const
{
    return view().statusOf(week);
}

Result<std::vector<ScheduleEntry>> WeekSchedule::entries(const QDate& first, const QDate& last) const
{
    return view().entries(first, last);
}

Result<ScheduleWeek> WeekSchedule::week(const WeekId& week) const
{
    return view().week(week);
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
