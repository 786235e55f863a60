#pragma once

// "Print follow-up register…" of a documents database (DatabasePage): a small dialog asking
// for the period (the incoming documents that arrived in it), whether to print only the
// overdue ones (the báo cáo văn bản quá hạn) and the day deadlines are judged on, then Qt's
// print preview. The widget only asks and forwards: the rows come from
// client/app/FollowUpReport.h, the pages from client/print/FollowUpPrinter.h, the same code as
// `senctl print followup` (docs/workflow.md "Printing").

#include "client/app/RegisterReport.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDateEdit;

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

class FollowUpPrintDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FollowUpPrintDialog(QWidget* parent = nullptr);

    // The period chosen (this month up to today at first); nullopt when it ends before it starts.
    std::optional<app::RegisterPeriod> period() const;
    bool overdueOnly() const;
    QDate asOf() const;

    // Test hook: the choices as a user makes them.
    void choose(const QDate& from, const QDate& to, bool overdueOnly, const QDate& asOf);

    // Asks, then shows the print preview of the register of `session`; messages on failure.
    static void run(QWidget* parent, app::DatabaseSession& session);

private:
    void accept() override;

    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QCheckBox* m_overdue = nullptr;
    QDateEdit* m_asOf = nullptr;
};

} // namespace sen::gui
