#include "client/app/Workflow.h"

#include "common/workflow/StepCheck.h"

#include <QCoreApplication>

namespace sen::app {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::app::Workflow", text);
}

bool isStep(const Document& doc)
{
    return !doc.isDeleted() && !doc.isConflict() && workflow::isStepForm(doc.form);
}

void addStep(const Document& doc, std::vector<workflow::Step>& steps)
{
    if (!isStep(doc))
        return;
    if (Result<workflow::Step> step = workflow::stepFromDocument(doc))
        steps.push_back(std::move(*step));
}

} // namespace

Result<Document> Workflow::incomingDocument(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(Document doc, m_session.document(unid));
    if (doc.isDeleted())
        return Status(ErrorCode::NotFound, tr("the document has been deleted"));
    if (doc.form != QLatin1String(workflow::kIncomingForm))
        return Status(ErrorCode::InvalidArgument, tr("only an incoming document is processed this way"));
    return doc;
}

Result<std::vector<workflow::Step>> Workflow::stepsOf(const Unid& incoming) const
{
    std::vector<workflow::Step> steps;
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> children, m_session.responses(incoming));
    for (const Document& child : children) {
        addStep(child, steps);
        if (child.form != QLatin1String(workflow::kDirectionForm) || !isStep(child))
            continue;
        SEN_ASSIGN_OR_RETURN(const std::vector<Document> reports, m_session.responses(child.unid));
        for (const Document& report : reports)
            if (report.form == QLatin1String(workflow::kReportForm))
                addStep(report, steps);
    }
    return steps;
}

Result<workflow::Processing> Workflow::processing(const Unid& incoming) const
{
    SEN_ASSIGN_OR_RETURN(const Document doc, incomingDocument(incoming));
    SEN_ASSIGN_OR_RETURN(std::vector<workflow::Step> steps, stepsOf(incoming));
    return workflow::derive(doc, std::move(steps));
}

Result<Unid> Workflow::incomingOf(const Unid& step) const
{
    Unid at = step;
    for (int depth = 0; depth < 3; ++depth) {
        SEN_ASSIGN_OR_RETURN(const Document doc, m_session.document(at));
        if (doc.form == QLatin1String(workflow::kIncomingForm))
            return at;
        if (!doc.parent)
            break;
        at = *doc.parent;
    }
    return Status(ErrorCode::NotFound, tr("the step belongs to no incoming document"));
}

Result<Document> Workflow::present(const Unid& incoming, const QStringList& to, const QString& note)
{
    SEN_TRY(incomingDocument(incoming).status());
    if (to.isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("name the leaders the document is presented to"));
    DocumentEdit edit = DocumentEdit::create(QLatin1String(workflow::kPresentationForm), incoming);
    edit.set(Item::names(QLatin1String(workflow::kItemPresentedTo), ItemType::Names, to));
    if (!note.isEmpty())
        edit.set(Item::text(QLatin1String(workflow::kItemNote), note));
    return m_session.save(edit);
}

Result<Document> Workflow::direct(const Unid& incoming, const DirectionRequest& request)
{
    SEN_TRY(incomingDocument(incoming).status());
    if (request.lead.isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("name who leads the handling"));
    if (request.text.trimmed().isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("write the direction"));
    DocumentEdit edit = DocumentEdit::create(QLatin1String(workflow::kDirectionForm), incoming);
    edit.set(Item::text(QLatin1String(workflow::kItemLevel), workflow::levelWord(request.level)))
        .set(Item::text(QLatin1String(workflow::kItemDirection), request.text))
        .set(Item::names(QLatin1String(workflow::kItemLead), ItemType::Names, request.lead));
    if (!request.coordinating.isEmpty())
        edit.set(
            Item::names(QLatin1String(workflow::kItemCoordinating), ItemType::Names, request.coordinating));
    if (request.deadline.isValid())
        edit.set(Item::dateTime(QLatin1String(workflow::kItemDeadline),
                                QDateTime(request.deadline, QTime(0, 0), Qt::UTC)));
    if (request.delegatedFrom)
        edit.set(Item::text(QLatin1String(workflow::kItemDelegatedFrom), request.delegatedFrom->toHex()));
    return m_session.save(edit);
}

Result<Document> Workflow::report(const Unid& direction, const ReportRequest& request)
{
    SEN_ASSIGN_OR_RETURN(const Document parent, m_session.document(direction));
    if (!isStep(parent) || parent.form != QLatin1String(workflow::kDirectionForm))
        return Status(ErrorCode::InvalidArgument, tr("a report answers a direction (phiếu xử lý)"));
    SEN_ASSIGN_OR_RETURN(const workflow::Step step, workflow::stepFromDocument(parent));
    std::optional<workflow::Part> part = request.part;
    if (!part) {
        const auto access = m_session.access();
        auto names = [&](const QStringList& list) {
            return access ? access->isNamedIn(list)
                          : std::any_of(list.begin(), list.end(), [this](const QString& name) {
                                return name.compare(m_session.userName(), Qt::CaseInsensitive) == 0;
                            });
        };
        if (names(step.lead))
            part = workflow::Part::Lead;
        else if (names(step.coordinating))
            part = workflow::Part::Coordinating;
        else
            return Status(ErrorCode::PermissionDenied,
                          tr("the direction names you neither as lead nor as co-ordinating"));
    }
    DocumentEdit edit = DocumentEdit::create(QLatin1String(workflow::kReportForm), direction);
    edit.set(Item::text(QLatin1String(workflow::kItemStatus), workflow::statusWord(request.status)))
        .set(Item::text(QLatin1String(workflow::kItemPart), workflow::partWord(*part)))
        .set(Item::text(QLatin1String(workflow::kItemText), request.text));
    if (!request.reply.isEmpty())
        edit.set(Item::text(QLatin1String(workflow::kItemReply), request.reply));
    return m_session.save(edit);
}

WorkflowOffers Workflow::offers(const workflow::Processing& processing) const
{
    WorkflowOffers offers;
    const auto access = m_session.access();
    if (!access) { // a local database: everything is offered, the server decides
        offers.present = offers.directAgency = offers.directUnit = true;
        for (const workflow::Step* d : processing.directionsInForce())
            offers.reportOn.push_back(d->unid);
        return offers;
    }
    offers.present = workflow::holdsRole(*access, QLatin1String(workflow::kRoleClerk));
    offers.directAgency = workflow::holdsRole(*access, QLatin1String(workflow::kRoleLeader));
    offers.directUnit = workflow::holdsRole(*access, QLatin1String(workflow::kRoleUnitHead));
    for (const workflow::Step* d : processing.directionsInForce())
        if (access->isNamedIn(d->lead) || access->isNamedIn(d->coordinating))
            offers.reportOn.push_back(d->unid);
    return offers;
}

std::optional<workdays::DeadlineState> Workflow::deadlineState(const workflow::Processing& processing,
                                                               const workdays::WorkCalendar& calendar,
                                                               const QDate& today)
{
    if (processing.state == workflow::State::Done)
        return std::nullopt;
    std::optional<workdays::DeadlineState> worst;
    auto consider = [&worst](workdays::DeadlineState state) {
        if (!worst || int(state) > int(*worst))
            worst = state;
    };
    // Not yet presented: ND 30 Art. 20's "the same day, at the latest the next working day".
    if (processing.state == workflow::State::Registered && processing.arrived.isValid())
        consider(calendar.state(calendar.presentationDeadline(processing.arrived), today, 0));
    if (processing.deadline.isValid())
        consider(calendar.state(processing.deadline, today));
    return worst;
}

} // namespace sen::app
