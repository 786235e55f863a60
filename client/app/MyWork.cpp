#include "client/app/MyWork.h"

#include "client/app/Invitations.h"
#include "client/app/Workflow.h"
#include "client/views/ReadMarks.h"
#include "common/acl/NameMatch.h"
#include "common/workflow/StepCheck.h"
#include "common/workflow/WorkflowIndex.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace sen::app {

namespace {

const char* const kScheduleForm = "LichCongTac";

// Who the user is in names items: their name, groups and roles (the name only without a
// stored access), and the roles they hold.
struct Identity
{
    QStringList names;
    std::optional<acl::EffectiveAccess> access;

    bool holds(const char* role) const { return access && workflow::holdsRole(*access, QLatin1String(role)); }
};

Identity identityOf(const DatabaseSession& session)
{
    Identity id;
    id.access = session.access();
    id.names = id.access ? id.access->identities() : QStringList{session.userName()};
    return id;
}

QString titleOf(const workflow::IndexRow& row)
{
    if (row.number.isEmpty())
        return row.summary;
    if (row.summary.isEmpty())
        return row.number;
    return row.number + QStringLiteral(" — ") + row.summary;
}

// Where a row's deadline stands today (Workflow::deadlineState), once per distinct state,
// deadline and arrival: counting working days is the costly part of a long list, whose
// deadlines repeat.
class DueMemo
{
public:
    DueMemo(const workdays::WorkCalendar& calendar, const QDate& today) : m_calendar(calendar), m_today(today)
    {}

    std::optional<workdays::DeadlineState> operator()(const workflow::IndexRow& row)
    {
        const auto day = [](const QDate& d) {
            return d.isValid() ? d.toJulianDay() : 0;
        };
        const qint64 key = (qint64(row.state) << 48) | (day(row.deadline) << 24) |
                           (row.state == workflow::State::Registered ? day(row.arrived) : 0);
        if (const auto it = m_known.constFind(key); it != m_known.constEnd())
            return *it;
        workflow::Processing processing;
        processing.state = row.state;
        processing.deadline = row.deadline;
        processing.arrived = row.arrived;
        const auto due = Workflow::deadlineState(processing, m_calendar, m_today);
        m_known.insert(key, due);
        return due;
    }

private:
    const workdays::WorkCalendar& m_calendar;
    QDate m_today;
    QHash<qint64, std::optional<workdays::DeadlineState>> m_known;
};

WorkRow rowFrom(const DatabaseSession& session, WorkSection section, const workflow::IndexRow& doc,
                const QString& what)
{
    WorkRow row;
    row.section = section;
    row.database = session.name();
    row.unid = doc.unid;
    row.title = titleOf(doc);
    row.what = what;
    row.state = doc.state;
    row.deadline = doc.deadline;
    return row;
}

QString levelText(workflow::Level level)
{
    return level == workflow::Level::Agency
               ? QCoreApplication::translate("sen::app::MyWork", "agency leader's direction")
               : QCoreApplication::translate("sen::app::MyWork", "unit head's direction");
}

// Assigned and awaiting rows, one per document and section.
Status collectNamed(DatabaseSession& session, const workflow::WorkflowIndexTable& index, const Identity& id,
                    const workdays::WorkCalendar& calendar, MyWorkReport& report, DatabaseWork& counts)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<workflow::NamedRow> named, index.naming(id.names));
    const bool unitHead = id.holds(workflow::kRoleUnitHead);
    // By document: the first reason found in this order wins (lead before co-ordinating).
    std::map<std::pair<Unid, int>, std::pair<int, WorkRow>> rows; // (document, section) -> (rank, row)
    auto add = [&](WorkSection section, const workflow::NamedRow& n, const QString& what, int rank) {
        const auto key = std::make_pair(n.doc.unid, int(section));
        const auto it = rows.find(key);
        if (it != rows.end() && it->second.first <= rank)
            return;
        WorkRow row = rowFrom(session, section, n.doc, what);
        row.step = n.name.step;
        rows[key] = {rank, std::move(row)};
    };
    // The directions on which the user finished their part as co-ordinator.
    QSet<QByteArray> finished;
    for (const workflow::NamedRow& n : named)
        if (n.name.role == workflow::NameRole::CoordinatorDone)
            finished.insert(n.name.step.toBytes());
    for (const workflow::NamedRow& n : named) {
        using workflow::NameRole;
        using workflow::State;
        switch (n.name.role) {
        case NameRole::PresentedTo:
            if (n.doc.state == State::Presented)
                add(WorkSection::Awaiting, n,
                    QCoreApplication::translate("sen::app::MyWork", "Presented to you for direction"), 0);
            break;
        case NameRole::Director:
            if (n.doc.state == State::Returned)
                add(WorkSection::Awaiting, n,
                    QCoreApplication::translate("sen::app::MyWork", "Returned: awaiting a new direction"), 0);
            break;
        case NameRole::Lead:
            if (n.name.level == workflow::Level::Agency && unitHead && !n.name.carriedOut)
                add(WorkSection::Awaiting, n,
                    QCoreApplication::translate("sen::app::MyWork",
                                                "Assign within your unit (agency leader's direction)"),
                    0);
            else if (!(n.name.carriedOut && unitHead))
                add(WorkSection::Assigned, n,
                    QCoreApplication::translate("sen::app::MyWork", "Lead: %1").arg(levelText(n.name.level)),
                    0);
            break;
        case NameRole::CoordinatorDone:
            break;
        case NameRole::Coordinating:
            if (!n.name.partDone && !finished.contains(n.name.step.toBytes()))
                add(WorkSection::Assigned, n,
                    QCoreApplication::translate("sen::app::MyWork", "Co-ordinating: %1")
                        .arg(levelText(n.name.level)),
                    1);
            break;
        }
    }
    DueMemo dueOf(calendar, report.today);
    for (auto& [key, ranked] : rows) {
        WorkRow& row = ranked.second;
        if (row.state == workflow::State::Done)
            continue;
        workflow::IndexRow doc;
        doc.state = row.state;
        doc.deadline = row.deadline;
        row.due = dueOf(doc);
        ++counts.assigned;
        if (row.due == workdays::DeadlineState::Overdue)
            ++counts.overdue;
        report.rows.push_back(std::move(row));
    }
    return Status::ok();
}

// [VanThu]: registered documents at or past their presentation deadline (ND 30 Art. 20).
Status collectUnpresented(DatabaseSession& session, const workflow::WorkflowIndexTable& index,
                          const workdays::WorkCalendar& calendar, const MyWorkOptions& options,
                          MyWorkReport& report, DatabaseWork& counts)
{
    // The presentation deadline (the next working day after arrival) is before today exactly
    // when the arrival is before the last working day before today, and today when it is on
    // or after that day and before today.
    QDate lastWorking = report.today.addDays(-1);
    while (!calendar.isWorkingDay(lastWorking))
        lastWorking = lastWorking.addDays(-1);
    SEN_ASSIGN_OR_RETURN(const std::int64_t overdue,
                         index.countInStateArrivedBefore(workflow::State::Registered, lastWorking));
    SEN_ASSIGN_OR_RETURN(const std::int64_t beforeToday,
                         index.countInStateArrivedBefore(workflow::State::Registered, report.today));
    report.unpresentedOverdue += overdue;
    report.unpresentedDueSoon += beforeToday - overdue;
    counts.overdue += int(overdue);
    SEN_ASSIGN_OR_RETURN(const std::vector<workflow::IndexRow> rows,
                         index.inState(workflow::State::Registered, options.rowLimit));
    DueMemo dueOf(calendar, report.today);
    for (const workflow::IndexRow& doc : rows) {
        const auto due = dueOf(doc);
        if (!due || *due == workdays::DeadlineState::OnTime)
            continue;
        WorkRow row =
            rowFrom(session, WorkSection::Unpresented, doc,
                    QCoreApplication::translate("sen::app::MyWork", "Registered, not yet presented"));
        row.deadline = calendar.presentationDeadline(doc.arrived);
        row.due = due;
        report.rows.push_back(std::move(row));
    }
    return Status::ok();
}

Status collectNew(DatabaseSession& session, const workflow::WorkflowIndexTable& index,
                  const MyWorkOptions& options, MyWorkReport& report)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<workflow::IndexRow> rows,
                         index.arrivedSince(report.today.addDays(-options.newDays), options.rowLimit));
    if (rows.empty())
        return Status::ok();
    Result<std::unique_ptr<views::ReadMarks>> marks = views::ReadMarks::open(session.viewCachePath());
    for (const workflow::IndexRow& doc : rows) {
        if (marks) {
            SEN_ASSIGN_OR_RETURN(const bool unread, (*marks)->isUnread(doc.unid));
            if (!unread)
                continue;
        }
        WorkRow row = rowFrom(session, WorkSection::New, doc,
                              QCoreApplication::translate("sen::app::MyWork", "Arrived %1")
                                  .arg(doc.arrived.toString(QStringLiteral("dd/MM/yyyy"))));
        report.rows.push_back(std::move(row));
    }
    return Status::ok();
}

Status collectDocuments(DatabaseSession& session, const MyWorkOptions& options, MyWorkReport& report)
{
    DatabaseWork counts;
    counts.database = session.name();
    const Identity id = identityOf(session);
    SEN_ASSIGN_OR_RETURN(const workdays::WorkCalendar calendar, session.workCalendar());
    auto gather = [&](bool rebuild) -> Status {
        SEN_ASSIGN_OR_RETURN(const workflow::WorkflowIndexTable* index, session.workflowIndex(rebuild));
        SEN_TRY(collectNamed(session, *index, id, calendar, report, counts));
        if (id.holds(workflow::kRoleClerk))
            SEN_TRY(collectUnpresented(session, *index, calendar, options, report, counts));
        return collectNew(session, *index, options, report);
    };
    const std::size_t before = report.rows.size();
    Status status = gather(false);
    if (status.code() == ErrorCode::Corruption) { // a damaged index: built again, read again
        report.rows.resize(before);
        counts = DatabaseWork{session.name()};
        status = gather(true);
    }
    SEN_TRY(status);
    report.databases.push_back(counts);
    return Status::ok();
}

// Whether a schedule entry concerns the user: no participants (everyone), or its presiding
// or participants text naming the user or one of their groups (the common name, the first
// component of a hierarchical name).
bool concerns(const Document& entry, const QStringList& names)
{
    QStringList who;
    if (const Item* item = entry.item(QStringLiteral("ThanhPhan")))
        who = item->toList();
    if (who.join(QString()).trimmed().isEmpty())
        return true;
    who.append(entry.text(QStringLiteral("ChuTri")));
    const QString text = who.join(QLatin1Char('\n'));
    for (const QString& name : names) {
        const QString common = name.section(QLatin1Char('/'), 0, 0).section(QLatin1Char('='), -1).trimmed();
        if (common.size() >= 2 && !common.startsWith(QLatin1Char('[')) &&
            text.contains(common, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Status collectSchedule(DatabaseSession& session, MyWorkReport& report)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> entries,
                         session.documentsOfForm(QLatin1String(kScheduleForm)));
    const Identity id = identityOf(session);
    for (const Document& entry : entries) {
        const Item* day = entry.item(QStringLiteral("Ngay"));
        if (entry.isConflict() || !day || day->toDateTime().toUTC().date() != report.today ||
            !concerns(entry, id.names))
            continue;
        WorkRow row;
        row.section = WorkSection::Today;
        row.database = session.name();
        row.unid = entry.unid;
        const QString when = entry.text(QStringLiteral("Gio")).isEmpty() ? entry.text(QStringLiteral("Buoi"))
                                                                         : entry.text(QStringLiteral("Gio"));
        row.title = (when.isEmpty() ? QString() : when + QStringLiteral(" — ")) +
                    entry.text(QStringLiteral("NoiDung")).section(QLatin1Char('\n'), 0, 0);
        const QString place = entry.text(QStringLiteral("DiaDiem"));
        row.what =
            place.isEmpty()
                ? QCoreApplication::translate("sen::app::MyWork", "Today's schedule")
                : QCoreApplication::translate("sen::app::MyWork", "Today's schedule, at %1").arg(place);
        report.rows.push_back(std::move(row));
    }
    return Status::ok();
}

// The invitations from today on awaiting the user's reply.
Status collectInvitations(DatabaseSession& session, MyWorkReport& report)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<InvitationView> pending,
                         Invitations(session).pending(report.today));
    for (const InvitationView& view : pending) {
        WorkRow row;
        row.section = WorkSection::Invitations;
        row.database = session.name();
        row.unid = view.entry;
        row.deadline = view.date;
        row.title = (view.time.isEmpty() ? QString() : view.time + QStringLiteral(" — ")) +
                    view.content.section(QLatin1Char('\n'), 0, 0);
        const QString via = view.invitedAs ? *view.invitedAs : QString();
        row.what =
            via.isEmpty()
                ? (view.place.isEmpty()
                       ? QCoreApplication::translate("sen::app::MyWork", "Invitation awaiting your reply")
                       : QCoreApplication::translate("sen::app::MyWork", "Invitation, at %1").arg(view.place))
                : QCoreApplication::translate("sen::app::MyWork", "Invitation to %1").arg(via);
        report.rows.push_back(std::move(row));
    }
    return Status::ok();
}

int dueRank(const WorkRow& row)
{
    if (!row.due)
        return 3;
    switch (*row.due) {
    case workdays::DeadlineState::Overdue:
        return 0;
    case workdays::DeadlineState::DueSoon:
        return 1;
    case workdays::DeadlineState::OnTime:
        return 2;
    }
    return 3;
}

} // namespace

std::vector<const WorkRow*> MyWorkReport::section(WorkSection wanted) const
{
    std::vector<const WorkRow*> result;
    for (const WorkRow& row : rows)
        if (row.section == wanted)
            result.push_back(&row);
    return result;
}

std::vector<const WorkRow*> MyWorkReport::withDue(workdays::DeadlineState due) const
{
    std::vector<const WorkRow*> result;
    for (const WorkRow& row : rows)
        if (row.due == due && (row.section == WorkSection::Assigned || row.section == WorkSection::Awaiting ||
                               row.section == WorkSection::Unpresented))
            result.push_back(&row);
    return result;
}

const DatabaseWork* MyWorkReport::countsOf(const QString& database) const
{
    for (const DatabaseWork& counts : databases)
        if (counts.database == database)
            return &counts;
    return nullptr;
}

Status MyWork::collect(DatabaseSession& session, const MyWorkOptions& options, MyWorkReport& report)
{
    if (!report.today.isValid())
        report.today = options.today.isValid() ? options.today : QDate::currentDate();
    switch (session.kind()) {
    case DatabaseKind::Documents:
        return collectDocuments(session, options, report);
    case DatabaseKind::Calendar:
        SEN_TRY(collectSchedule(session, report));
        return collectInvitations(session, report);
    case DatabaseKind::News:
        return Status::ok();
    }
    return Status::ok();
}

Result<MyWorkReport> MyWork::collect(const std::vector<DatabaseSession*>& sessions,
                                     const MyWorkOptions& options)
{
    MyWorkReport report;
    report.today = options.today.isValid() ? options.today : QDate::currentDate();
    for (DatabaseSession* session : sessions)
        SEN_TRY(collect(*session, options, report));
    std::stable_sort(report.rows.begin(), report.rows.end(), [](const WorkRow& a, const WorkRow& b) {
        if (a.section != b.section)
            return int(a.section) < int(b.section);
        if (dueRank(a) != dueRank(b))
            return dueRank(a) < dueRank(b);
        if (a.deadline != b.deadline)
            return a.deadline.isValid() && (!b.deadline.isValid() || a.deadline < b.deadline);
        return false;
    });
    return report;
}

Result<MyWorkReport> MyWork::collect(OpenDatabases& databases, const MyWorkOptions& options)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<client::ReplicaEntry> entries, databases.workspace().list());
    std::vector<std::shared_ptr<DatabaseSession>> held;
    std::vector<DatabaseSession*> sessions;
    for (const client::ReplicaEntry& entry : entries) {
        if (entry.info.kind == DatabaseKind::News)
            continue;
        SEN_ASSIGN_OR_RETURN(std::shared_ptr<DatabaseSession> session, databases.session(entry.name));
        sessions.push_back(session.get());
        held.push_back(std::move(session));
    }
    return collect(sessions, options);
}

QString MyWork::sectionName(WorkSection section)
{
    switch (section) {
    case WorkSection::Assigned:
        return QCoreApplication::translate("sen::app::MyWork", "Assigned to me");
    case WorkSection::Awaiting:
        return QCoreApplication::translate("sen::app::MyWork", "Awaiting my opinion");
    case WorkSection::Unpresented:
        return QCoreApplication::translate("sen::app::MyWork", "To present to the leaders");
    case WorkSection::New:
        return QCoreApplication::translate("sen::app::MyWork", "New incoming documents");
    case WorkSection::Today:
        return QCoreApplication::translate("sen::app::MyWork", "Today's schedule");
    case WorkSection::Invitations:
        return QCoreApplication::translate("sen::app::MyWork", "Invitations awaiting my reply");
    }
    return {};
}

QString MyWork::sectionId(WorkSection section)
{
    switch (section) {
    case WorkSection::Assigned:
        return QStringLiteral("assigned");
    case WorkSection::Awaiting:
        return QStringLiteral("awaiting");
    case WorkSection::Unpresented:
        return QStringLiteral("unpresented");
    case WorkSection::New:
        return QStringLiteral("new");
    case WorkSection::Today:
        return QStringLiteral("today");
    case WorkSection::Invitations:
        return QStringLiteral("invitations");
    }
    return {};
}

} // namespace sen::app
