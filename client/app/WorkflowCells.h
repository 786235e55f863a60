#pragma once

// What the views of incoming documents show of each one's processing (docs/views.md
// "$Processing"; docs/workflow.md): the derived state in the user's language and, when its
// deadline is near or past, "due soon" / "overdue" with the day. Read from the database's
// workflow index (common/workflow/WorkflowIndex.h) when a row is shown, never stored in the
// view cache: it depends on the document's steps (other documents) and on the day. The due
// state is counted with the database's working calendar, so it holds offline.
//
// Rows read are cached until invalidate() (the page calls it when the database changed).
// GUI thread only (the session's connection).

#include "client/app/DatabaseSession.h"
#include "common/workdays/WorkCalendar.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

namespace sen::app {

struct ProcessingCell
{
    QString text; // "Đã cho ý kiến · quá hạn 04/12/2026"
    std::optional<workdays::DeadlineState> due;
};

class WorkflowCells
{
public:
    // `today`: null for the current date.
    explicit WorkflowCells(DatabaseSession& session, QDate today = {}) : m_session(session), m_today(today) {}

    // The cell of document `unid`; nullopt when it is not a live incoming document (or the
    // index cannot be read: the column stays empty).
    std::optional<ProcessingCell> cell(const Unid& unid);
    // Forgets what was read: the next cell() brings the index up to date first.
    void invalidate();

private:
    bool prepare();

    DatabaseSession& m_session;
    QDate m_today;
    bool m_prepared = false;
    bool m_usable = false;
    std::optional<workdays::WorkCalendar> m_calendar;
    QHash<QByteArray, std::optional<ProcessingCell>> m_cells;
};

} // namespace sen::app
