#include "client/app/WorkflowCells.h"

#include "client/app/Workflow.h"
#include "common/workflow/WorkflowIndex.h"

#include <QCoreApplication>

namespace sen::app {

bool WorkflowCells::prepare()
{
    if (m_prepared)
        return m_usable;
    m_prepared = true;
    Result<workdays::WorkCalendar> calendar = m_session.workCalendar();
    m_usable = calendar.isOk() && m_session.workflowIndex().isOk();
    if (m_usable)
        m_calendar = std::move(*calendar);
    return m_usable;
}

void WorkflowCells::invalidate()
{
    m_prepared = false;
    m_usable = false;
    m_cells.clear();
}

std::optional<ProcessingCell> WorkflowCells::cell(const Unid& unid)
{
    const QByteArray key = unid.toBytes();
    if (const auto it = m_cells.constFind(key); it != m_cells.constEnd())
        return *it;
    if (!prepare())
        return std::nullopt;
    const Result<const workflow::WorkflowIndexTable*> index = m_session.workflowIndex();
    if (!index)
        return std::nullopt;
    const Result<std::optional<workflow::IndexRow>> row = (*index)->row(unid);
    std::optional<ProcessingCell> cell;
    if (row && *row) {
        const workflow::IndexRow& r = **row;
        workflow::Processing processing;
        processing.state = r.state;
        processing.deadline = r.deadline;
        processing.arrived = r.arrived;
        const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
        ProcessingCell c;
        c.text = QCoreApplication::translate("sen::workflow", workflow::stateSourceName(r.state));
        c.due = Workflow::deadlineState(processing, *m_calendar, today);
        // The day that is due: the deadline in force, or before a presentation its deadline.
        const QDate day = r.state == workflow::State::Registered && r.arrived.isValid()
                              ? m_calendar->presentationDeadline(r.arrived)
                              : r.deadline;
        const QString shown = day.toString(QStringLiteral("dd/MM/yyyy"));
        if (c.due == workdays::DeadlineState::Overdue)
            c.text += QStringLiteral(" · ") +
                      QCoreApplication::translate("sen::app::WorkflowCells", "overdue %1").arg(shown);
        else if (c.due == workdays::DeadlineState::DueSoon)
            c.text += QStringLiteral(" · ") +
                      QCoreApplication::translate("sen::app::WorkflowCells", "due soon %1").arg(shown);
        cell = std::move(c);
    }
    m_cells.insert(key, cell);
    return cell;
}

} // namespace sen::app
