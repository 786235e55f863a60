#pragma once

// "Việc của tôi" (docs/workflow.md "My work"; issue #14): what waits for the logged-in user
// across the workspace's databases — the home page of `sen` and `senctl mywork` both show it.
//
// For the user's identities (their name, and with a stored access their groups and roles:
// client/core/ReplicaAccess.h; without one, the name only), from each documents database's
// workflow index (common/workflow/WorkflowIndex.h, brought up to date first, so nothing walks
// the documents):
// - assigned: directions in force naming the user as lead or co-ordinating, while the
//   document is not done (a co-ordinator's own "done" ends their part);
// - awaiting my opinion: documents presented to the user (state Presented), returned
//   documents whose governing direction the user wrote, and for a holder of [TruongPhong]
//   level-1 directions naming them as lead that no level-2 direction carries out yet;
// - for a holder of [VanThu]: registered documents past or at their presentation deadline;
// - new: incoming documents that arrived in the last `newDays` days and are unread here
//   (client/views/ReadMarks.h; without a view cache, all are unread);
// and from each calendar database, today's work schedule entries (LichCongTac) for everyone
// (no participants) or naming the user, and the invitations from today on awaiting the user's
// reply (client/app/Invitations.h: not cancelled, no reply answering for them), by date.
// Deadline states are computed locally with each database's working calendar
// (app::Workflow::deadlineState), so they hold offline.
//
// GUI-free; reads only. A damaged index is rebuilt once and read again.

#include "client/app/DatabaseSession.h"
#include "client/app/OpenDatabases.h"
#include "common/workdays/WorkCalendar.h"
#include "common/workflow/Processing.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace sen::app {

enum class WorkSection
{
    Assigned,    // giao cho tôi
    Awaiting,    // chờ ý kiến của tôi
    Unpresented, // văn thư: chưa trình, đến hạn trình
    New,         // văn bản đến mới
    Today,       // lịch công tác hôm nay
    Invitations, // giấy mời chờ trả lời
};

struct WorkRow
{
    WorkSection section = WorkSection::Assigned;
    QString database; // the workspace name of the database holding it
    Unid unid;        // the document to open
    Unid step;        // the direction or presentation that puts it here (null for others)
    QString title;    // số ký hiệu — trích yếu (an entry's time and content)
    QString what;     // a short line saying why it is here (translated)
    workflow::State state = workflow::State::Registered;
    QDate deadline;                             // null: none; an invitation: the meeting's day
    std::optional<workdays::DeadlineState> due; // nullopt: no deadline, or done
};

struct DatabaseWork
{
    QString database;
    int assigned = 0; // assigned and awaiting rows
    int overdue = 0;  // of those and the unpresented ones, overdue
};

struct MyWorkReport
{
    QDate today;
    std::vector<WorkRow> rows; // by section, then overdue first, then deadline
    // The unpresented registrations of [VanThu] databases, counted beyond the listed rows.
    std::int64_t unpresentedOverdue = 0;
    std::int64_t unpresentedDueSoon = 0;
    std::vector<DatabaseWork> databases;

    std::vector<const WorkRow*> section(WorkSection section) const;
    // Assigned, awaiting and unpresented rows whose deadline is in that state.
    std::vector<const WorkRow*> withDue(workdays::DeadlineState due) const;
    const DatabaseWork* countsOf(const QString& database) const;
};

struct MyWorkOptions
{
    QDate today;     // null: the current date (local)
    int newDays = 7; // "new" looks back this many days
    // Rows listed per database of the sections that can be long (new, to present); their
    // counts cover every row. Assigned and awaiting rows are all listed.
    int rowLimit = 200;
};

class MyWork
{
public:
    // Adds what `session` holds for its user to `report` (a documents or calendar database;
    // others add nothing).
    static Status collect(DatabaseSession& session, const MyWorkOptions& options, MyWorkReport& report);
    // Every database of `sessions`, then sorted.
    static Result<MyWorkReport> collect(const std::vector<DatabaseSession*>& sessions,
                                        const MyWorkOptions& options = {});
    // Every database of the workspace, through the window's shared sessions (opened when
    // not yet open).
    static Result<MyWorkReport> collect(OpenDatabases& databases, const MyWorkOptions& options = {});
    // The short line of a section ("Assigned to me", ...), translated.
    static QString sectionName(WorkSection section);
    // The stable id of a section ("assigned", "awaiting", "unpresented", "new", "today",
    // "invitations").
    static QString sectionId(WorkSection section);
};

} // namespace sen::app
