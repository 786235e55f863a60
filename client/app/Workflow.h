#pragma once

// The processing of incoming documents as the application drives it (docs/workflow.md;
// issue #14): present a registered document to the leaders, direct it (level 1 or 2, lead,
// co-ordinating, deadline), report on a direction, and see where a document stands with its
// whole timeline. Every action is a new step document saved through the DatabaseSession, so
// it is checked there as the server checks it (common/workflow/StepCheck.h) and its author
// and time are the user's and now (client/forms/StepFill.h). `sen`'s processing pane and
// `senctl slip` both drive this class; it holds no state of its own.

#include "client/app/DatabaseSession.h"
#include "common/workdays/WorkCalendar.h"
#include "common/workflow/Processing.h"

#include <QDate>

#include <optional>

namespace sen::app {

struct DirectionRequest
{
    workflow::Level level = workflow::Level::Agency;
    QStringList lead;                  // chủ trì: people, groups or roles (at least one)
    QStringList coordinating;          // phối hợp
    QDate deadline;                    // null: none
    QString text;                      // the direction (ý kiến chỉ đạo)
    std::optional<Unid> delegatedFrom; // a level-2 direction: the direction it carries out
};

struct ReportRequest
{
    workflow::ReportStatus status = workflow::ReportStatus::InProgress;
    QString text;
    QString reply; // số, ký hiệu of the reply document, if any
    // As lead or co-ordinator; nullopt: lead when the direction names the user as lead, else
    // co-ordinator when it names them so (PermissionDenied when it names them neither way).
    std::optional<workflow::Part> part;
};

// What the logged-in user may do with one incoming document now (the pane offers it).
struct WorkflowOffers
{
    bool present = false;       // holds [VanThu]
    bool directAgency = false;  // holds [LanhDao]
    bool directUnit = false;    // holds [TruongPhong]
    std::vector<Unid> reportOn; // directions in force naming the user (lead or co-ordinating)
};

class Workflow
{
public:
    explicit Workflow(DatabaseSession& session) : m_session(session) {}

    // The processing of the incoming document `incoming`; NotFound when absent, InvalidArgument
    // when it is not an incoming document.
    Result<workflow::Processing> processing(const Unid& incoming) const;
    // The incoming document a step (direction, report, presentation) belongs to.
    Result<Unid> incomingOf(const Unid& step) const;

    Result<Document> present(const Unid& incoming, const QStringList& to, const QString& note = {});
    Result<Document> direct(const Unid& incoming, const DirectionRequest& request);
    Result<Document> report(const Unid& direction, const ReportRequest& request);

    WorkflowOffers offers(const workflow::Processing& processing) const;
    // Where the document's deadline stands on `today`; nullopt when it has none or is done.
    static std::optional<workdays::DeadlineState> deadlineState(const workflow::Processing& processing,
                                                                const workdays::WorkCalendar& calendar,
                                                                const QDate& today);

private:
    Result<Document> incomingDocument(const Unid& unid) const;
    // The live step documents under `incoming` (presentations, directions, their reports),
    // parsed; malformed ones are left out.
    Result<std::vector<workflow::Step>> stepsOf(const Unid& incoming) const;

    DatabaseSession& m_session;
};

} // namespace sen::app
