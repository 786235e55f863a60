#pragma once

// The weekly work schedule of a calendar database as sen shows it (docs/schedule.md): one
// ISO week as a grid — a row per entry, the day (Thứ Hai … Chủ nhật and its date) spanning its
// rows, then the session (Sáng / Chiều), time, content, presiding, participants, place and the
// mark ("Thay đổi", "Hoãn/Hủy", its change log as tooltip; a cancelled entry struck through);
// a day or session without entries shows one empty row, so the grid is always days × Sáng /
// Chiều. Above it: previous / this / next week, a jump to the week of a date, the week and its
// state, and Approve / Publish offered by role (app::WeekSchedule::offers). It re-reads on
// every change the session announces (a save, a sync). Double-clicking an entry asks for it
// to be opened. GUI thread only.

#include "client/app/WeekSchedule.h"

#include <QWidget>

#include <functional>
#include <memory>

class QDateEdit;
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

Q_SIGNALS:
    void openRequested(const Unid& entry);

private:
    void reload();
    void act(bool publish);

    std::shared_ptr<app::DatabaseSession> m_session;
    app::WeekSchedule m_schedule;
    schedule::WeekId m_week;
    QLabel* m_heading = nullptr;
    QLabel* m_message = nullptr;
    QDateEdit* m_jump = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_publish = nullptr;
    QTableWidget* m_grid = nullptr;
};

} // namespace sen::gui
