#pragma once

// The weekly work schedule of a calendar database as sen shows it (docs/schedule.md): one
// ISO week as a grid — a row per entry, the day (Thứ Hai … Chủ nhật and its date) spanning its
// rows, then the session (Sáng / Chiều), time, content, presiding, participants, place and the
// mark ("Thay đổi", "Hoãn/Hủy", its change log as tooltip; a cancelled entry struck through);
// a day or session without entries shows one empty row, so the grid is always days × Sáng /
// Chiều. Above it: previous / this / next week, a jump to the week of a date, the week and its
// state, and Approve / Publish offered by role (app::WeekSchedule::offers). The last column
// holds an entry's replies to its invitation (counts, client/app/Invitations.h). Under the
// grid, for the selected entry: Replies… (its invitees and replies, InvitationDialogs.h),
// Reply… (offered to an invitee while the entry is not cancelled), and in a published week,
// offered by role, Change… and Postpone/Cancel… (EntryChangeDialogs.h). It re-reads on every
// change the session announces (a save, a sync). Double-clicking an entry asks for it to be
// opened. GUI thread only.

#include "client/app/Invitations.h"
#include "client/app/WeekSchedule.h"

#include <QWidget>

#include <functional>
#include <map>
#include <memory>

class QDateEdit;
class QDialog;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sen::gui {

class WeekScheduleView : public QWidget
{
    Q_OBJECT
public:
    explicit WeekScheduleView(std::shared_ptr<app::DatabaseSession> session, QWidget* parent = nullptr);
    // A non-modal window of `parent` holding a view of this week; `open` opens an entry.
    static WeekScheduleView* openWindow(QWidget* parent, std::shared_ptr<app::DatabaseSession> session,
                                        std::function<void(const Unid&)> open);

    const schedule::WeekId& week() const { return m_week; }
    void showWeek(const schedule::WeekId& week);
    void showDate(const QDate& day) { showWeek(schedule::WeekId::of(day)); }

    QTableWidget* grid() const { return m_grid; }
    QLabel* heading() const { return m_heading; }
    QLabel* message() const { return m_message; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* publishButton() const { return m_publish; }
    QPushButton* repliesButton() const { return m_replies; }
    QPushButton* replyButton() const { return m_reply; }
    QPushButton* changeButton() const { return m_change; }
    QPushButton* cancelButton() const { return m_cancel; }
    // Selects the grid row of `entry` alone, whatever keys are held (false when the week does
    // not show it).
    bool selectEntry(const Unid& entry);
    // The dialogs the buttons open, shown and returned (for tests); nullptr when not offered.
    QDialog* openReplies();
    QDialog* openReply();
    QDialog* openChange();
    QDialog* openCancel();

Q_SIGNALS:
    void openRequested(const Unid& entry);

private:
    void reload();
    void act(bool publish);
    void updateButtons();
    // The entry of the selected row, or nullptr.
    const app::ScheduleEntry* selected() const;

    std::shared_ptr<app::DatabaseSession> m_session;
    app::WeekSchedule m_schedule;
    schedule::WeekId m_week;
    QLabel* m_heading = nullptr;
    QLabel* m_message = nullptr;
    QDateEdit* m_jump = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_publish = nullptr;
    QTableWidget* m_grid = nullptr;
    QPushButton* m_replies = nullptr;
    QPushButton* m_reply = nullptr;
    QPushButton* m_change = nullptr;
    QPushButton* m_cancel = nullptr;
    // What the grid shows: the entries by UNID, their invitations, what the user may do.
    std::map<Unid, app::ScheduleEntry> m_entries;
    std::map<Unid, app::InvitationView> m_invitations;
    bool m_mayChange = false;
};

} // namespace sen::gui
