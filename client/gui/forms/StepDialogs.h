#pragma once

// The small dialogs of the processing pane (client/gui/forms/ProcessingPane.h; docs/workflow.md):
// present a registered document to the leaders, give a direction (a leader's level-1 opinion,
// or a unit head's level-2 one carrying out the governing direction), report on a direction.
// Each only asks: on OK it hands its request to the pane's `submit` (which writes the step
// through app::Workflow); a refusal is explained at the bottom of the dialog and the input
// stays, so nothing typed is lost. Names are typed as ';'-separated access names for now
// (people "Nguyễn Văn A/VPHU/HaNoi", groups, roles "[LanhDao]").

#include "client/app/Workflow.h"

#include <QDialog>

#include <functional>
#include <vector>

class QComboBox;
class QCheckBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace sen::gui {

// The names of a ';'-separated list, trimmed, empty ones left out.
QStringList splitNames(const QString& text);

// A dialog's OK: validates, submits, and stays open with the reason when the submit fails.
class StepDialog : public QDialog
{
    Q_OBJECT
public:
    // The text of the problem shown (empty when none).
    QString problem() const;

protected:
    explicit StepDialog(const QString& title, QWidget* parent);
    // Adds the problem line and the OK / Cancel buttons under `form`'s rows.
    void finish(QFormLayout* form, const QString& okText);
    // Shows `text` as the problem (a field left empty).
    void showProblem(const QString& text);
    // What OK does: InvalidArgument names a field left empty (shown as is), any other failure
    // is the step refused (shown as an error sentence).
    virtual Status submitRequest() = 0;

private:
    void accept() override;
    QLabel* m_problem = nullptr;
};

class PresentDialog : public StepDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Status(const QStringList& to, const QString& note)>;
    PresentDialog(Submit submit, QWidget* parent = nullptr);
    // Test hook: what a user types.
    void fill(const QString& to, const QString& note);

private:
    Status submitRequest() override;
    Submit m_submit;
    QLineEdit* m_to = nullptr;
    QPlainTextEdit* m_note = nullptr;
};

class DirectDialog : public StepDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Status(const app::DirectionRequest&)>;
    // A direction at `level`; for a unit head, `governing` is the direction carried out (null:
    // none), whose deadline the new one starts from.
    DirectDialog(workflow::Level level, const workflow::Step* governing, Submit submit,
                 QWidget* parent = nullptr);
    // Test hook: what a user types (a null deadline: none).
    void fill(const QString& text, const QString& lead, const QString& coordinating, const QDate& deadline);

private:
    Status submitRequest() override;
    Submit m_submit;
    workflow::Level m_level;
    std::optional<Unid> m_from;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_lead = nullptr;
    QLineEdit* m_coordinating = nullptr;
    QCheckBox* m_hasDeadline = nullptr;
    QDateEdit* m_deadline = nullptr;
};

class ReportDialog : public StepDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Status(const Unid& direction, const app::ReportRequest&)>;
    // A report on one of `directions` (the directions in force naming the user).
    ReportDialog(std::vector<workflow::Step> directions, Submit submit, QWidget* parent = nullptr);
    // Test hook: what a user chooses and types.
    void fill(int direction, workflow::ReportStatus status, const QString& text, const QString& reply);

private:
    Status submitRequest() override;
    Submit m_submit;
    std::vector<workflow::Step> m_directions;
    QComboBox* m_direction = nullptr;
    QComboBox* m_status = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_reply = nullptr;
};

} // namespace sen::gui
