#pragma once

// The invitation dialogs of sen's week schedule (docs/schedule.md "Invitations"; issue #15):
//
// - ReplyDialog asks an invitee's answer — attend, decline, or send a delegate picked with
//   the name picker (client/gui/forms/NamePicker.h) — and a note; on OK it hands them to
//   `submit` (app::Invitations::reply). A refusal is explained at the bottom and what was
//   typed stays.
// - InvitationDetailsDialog shows one entry as an invitation: time, content, place, the
//   counts, a row per invitee with the effective reply (answer, delegate, who replied, note,
//   when), the free-text participants, and every reply in the history as a tooltip; "Reply…"
//   is offered to an invitee while the entry is not cancelled. It re-reads after a reply.
//
// Widgets only draw and forward. GUI thread only.

#include "client/app/Invitations.h"
#include "client/gui/forms/StepDialogs.h"

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace sen::gui {

class ReplyDialog : public StepDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Status(schedule::Answer, const QString& delegate, const QString& note)>;
    // `view` is the entry replied to (its heading and how the user is invited); `book` feeds
    // the delegate's name picker (empty: names are typed).
    ReplyDialog(const app::InvitationView& view, std::shared_ptr<const client::AddressBook> book,
                Submit submit, QWidget* parent = nullptr);
    // Test hook: what a user chooses and types.
    void fill(schedule::Answer answer, const QString& delegate, const QString& note);
    QLineEdit* delegateEdit() const { return m_delegate; }

private:
    Status submitRequest() override;
    schedule::Answer answer() const;
    Submit m_submit;
    QRadioButton* m_attend = nullptr;
    QRadioButton* m_decline = nullptr;
    QRadioButton* m_send = nullptr;
    QLineEdit* m_delegate = nullptr;
    QPlainTextEdit* m_note = nullptr;
};

class InvitationDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    InvitationDetailsDialog(std::shared_ptr<app::DatabaseSession> session, const Unid& entry,
                            QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLabel* counts() const { return m_counts; }
    QPushButton* replyButton() const { return m_reply; }
    // Opens the reply dialog (what "Reply…" does); returns it, shown, for tests.
    ReplyDialog* openReply();

private:
    void reload();

    std::shared_ptr<app::DatabaseSession> m_session;
    Unid m_entry;
    std::optional<app::InvitationView> m_view;
    QLabel* m_heading = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_freeText = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_reply = nullptr;
};

// "Attending 3 · Delegating 1 · Not attending 1 · No reply 2", translated; empty when the
// entry invites nobody.
QString countsText(const schedule::InvitationTally& tally);

} // namespace sen::gui
