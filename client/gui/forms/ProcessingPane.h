#pragma once

// The processing of an incoming document in its page (docs/workflow.md "The processing pane";
// issue #14): where it stands — a coloured badge (Đã vào sổ, Đã trình, Đã cho ý kiến, Đang xử
// lý, Hoàn thành, Trả lại), its deadline, amber when due soon and red when overdue (by the
// office's working calendar, offline included) — and its timeline: every step, who (common
// name), what, when. Under them the buttons app::Workflow::offers the user: present to the
// leaders, give a direction (a leader), assign onward carrying out the governing direction (a
// unit head), report progress (someone a direction in force names). Each opens a small
// dialog (client/gui/forms/StepDialogs.h) and writes its step through app::Workflow, which
// checks it as the server will. Everything shown is derived from the replica each time the
// database changes (a save here or elsewhere, a sync): the pane holds no state of its own.

#include "client/app/DatabaseSession.h"
#include "common/workflow/Processing.h"

#include <QDate>
#include <QGroupBox>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace sen::gui {

class ProcessingPane : public QGroupBox
{
    Q_OBJECT
public:
    explicit ProcessingPane(std::shared_ptr<app::DatabaseSession> session, QWidget* parent = nullptr);

    // Shows the processing of the incoming document `incoming` (and follows its changes).
    void setDocument(const Unid& incoming);
    // Reads the steps again and shows them.
    void refresh();
    // The day deadlines are judged on (today unless a test sets it).
    void setToday(const QDate& today);

    // What the pane shows, for tests and screenshots.
    QString stateText() const;
    QString deadlineText() const;
    // "due-soon", "overdue" or empty: how the deadline is coloured.
    QString deadlineLevel() const;
    QTreeWidget& timeline() const { return *m_timeline; }
    QPushButton& presentButton() const { return *m_present; }
    QPushButton& directButton() const { return *m_direct; }
    QPushButton& assignButton() const { return *m_assign; }
    QPushButton& reportButton() const { return *m_report; }

    // The buttons' actions: a modal dialog, then the step written.
    void presentDocument();
    void giveDirection(workflow::Level level);
    void reportProgress();

Q_SIGNALS:
    // A step was written from this pane.
    void stepWritten(const Unid& step);

private:
    void showState(const workflow::Processing& processing);
    void showTimeline(const workflow::Processing& processing);

    std::shared_ptr<app::DatabaseSession> m_session;
    Unid m_incoming;
    QDate m_today;
    std::optional<workflow::Processing> m_processing;
    QLabel* m_state = nullptr;
    QLabel* m_deadline = nullptr;
    QLabel* m_problem = nullptr;
    QTreeWidget* m_timeline = nullptr;
    QPushButton* m_present = nullptr;
    QPushButton* m_direct = nullptr;
    QPushButton* m_assign = nullptr;
    QPushButton* m_report = nullptr;
};

} // namespace sen::gui
