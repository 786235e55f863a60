#pragma once

// The change dialogs of sen's week schedule for an entry of a published week (docs/schedule.md
// "What changes after publishing"; issue #15), offered by role (app::ScheduleOffers::change):
//
// - ChangeEntryDialog shows the entry's fields to edit (day, session, time, content,
//   presiding, participants one a line, place, preparing unit, serving office leader, note)
//   and asks what changed and why (required); on OK only the fields changed go into the edit
//   handed to `submit` (app::WeekSchedule::change, which logs a "Thay đổi" record first).
// - CancelEntryDialog asks why the entry is postponed or cancelled (required) and hands it to
//   `submit` (app::WeekSchedule::cancel: a "Hoãn/Hủy" record; the entry stays, marked).
//
// A refusal is explained at the bottom and what was typed stays. GUI thread only.

#include "client/app/WeekSchedule.h"
#include "client/gui/forms/StepDialogs.h"

#include <functional>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace sen::gui {

class ChangeEntryDialog : public StepDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Status(const DocumentEdit& edit, const QString& reason)>;
    ChangeEntryDialog(const app::ScheduleEntry& entry, Submit submit, QWidget* parent = nullptr);

    // Test hooks: the editors, and the reason.
    QDateEdit* dayEdit() const { return m_day; }
    QLineEdit* timeEdit() const { return m_time; }
    QLineEdit* placeEdit() const { return m_place; }
    QPlainTextEdit* participantsEdit() const { return m_participants; }
    void setReason(const QString& reason);
    // The edit OK would submit (the fields changed so far).
    DocumentEdit edit() const;

private:
    Status submitRequest() override;

    app::ScheduleEntry m_entry;
    Submit m_submit;
    QDateEdit* m_day = nullptr;
    QComboBox* m_session = nullptr;
    QLineEdit* m_time = nullptr;
    QPlainTextEdit* m_content = nullptr;
    QLineEdit* m_presiding = nullptr;
    QPlainTextEdit* m_participants = nullptr;
    QLineEdit* m_place = nullptr;
    QLineEdit* m_preparing = nullptr;
    QLineEdit* m_serving = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QPlainTextEdit* m_reason = nullptr;
};

class CancelEntryDialog : public StepDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Status(const QString& reason)>;
    CancelEntryDialog(const app::ScheduleEntry& entry, Submit submit, QWidget* parent = nullptr);
    void setReason(const QString& reason);

private:
    Status submitRequest() override;
    Submit m_submit;
    QPlainTextEdit* m_reason = nullptr;
};

} // namespace sen::gui
