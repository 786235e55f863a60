#pragma once

// "Print register…" of a documents database (DatabasePage): a small dialog asking which
// register (incoming or outgoing documents) and which period (a year, or a range of dates),
// then Qt's print preview of it. The widget only asks and forwards: the rows come from
// client/app/RegisterReport.h, the pages from client/print/RegisterPrinter.h, the same code
// as `senctl print register` (docs/registers.md).

#include "client/app/RegisterReport.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDateEdit;
class QRadioButton;
class QSpinBox;

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

class RegisterPrintDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RegisterPrintDialog(QWidget* parent = nullptr);

    app::RegisterDirection direction() const;
    // The period chosen (the current year at first); nullopt when the range ends before it starts.
    std::optional<app::RegisterPeriod> period() const;

    // Test hooks: the choices as a user makes them.
    void chooseDirection(app::RegisterDirection direction);
    void chooseYear(int year);
    void chooseRange(const QDate& from, const QDate& to);

    // Asks, then shows the print preview of the register of `session`; messages on failure.
    static void run(QWidget* parent, const app::DatabaseSession& session);

private:
    void accept() override;

    QComboBox* m_direction = nullptr;
    QRadioButton* m_byYear = nullptr;
    QRadioButton* m_byRange = nullptr;
    QSpinBox* m_year = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

} // namespace sen::gui
