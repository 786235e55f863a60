#include "client/gui/print/RegisterPrintDialog.h"

#include "client/app/DatabaseSession.h"
#include "client/gui/app/ErrorBox.h"
#include "client/print/RegisterPrinter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace sen::gui {

RegisterPrintDialog::RegisterPrintDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Print register"));
    m_direction = new QComboBox(this);
    m_direction->addItem(tr("Register of incoming documents"), int(app::RegisterDirection::Incoming));
    m_direction->addItem(tr("Register of outgoing documents"), int(app::RegisterDirection::Outgoing));

    const QDate today = QDate::currentDate();
    m_byYear = new QRadioButton(tr("Year"), this);
    m_byYear->setChecked(true);
    m_year = new QSpinBox(this);
    m_year->setRange(1900, 9999);
    m_year->setValue(today.year());
    m_byRange = new QRadioButton(tr("From"), this);
    m_from = new QDateEdit(QDate(today.year(), 1, 1), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        edit->setCalendarPopup(true);
    }
    auto* range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    auto enable = [this] {
        m_year->setEnabled(m_byYear->isChecked());
        m_from->setEnabled(m_byRange->isChecked());
        m_to->setEnabled(m_byRange->isChecked());
    };
    connect(m_byYear, &QRadioButton::toggled, this, enable);
    enable();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Preview…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RegisterPrintDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Register:"), m_direction);
    form->addRow(m_byYear, m_year);
    form->addRow(m_byRange, range);
    form->addRow(buttons);
}

app::RegisterDirection RegisterPrintDialog::direction() const
{
    return app::RegisterDirection(m_direction->currentData().toInt());
}

std::optional<app::RegisterPeriod> RegisterPrintDialog::period() const
{
    if (m_byYear->isChecked())
        return app::RegisterPeriod::ofYear(m_year->value());
    auto period = app::RegisterPeriod::between(m_from->date(), m_to->date());
    if (!period)
        return std::nullopt;
    return *period;
}

void RegisterPrintDialog::chooseDirection(app::RegisterDirection direction)
{
    m_direction->setCurrentIndex(m_direction->findData(int(direction)));
}

void RegisterPrintDialog::chooseYear(int year)
{
    m_byYear->setChecked(true);
    m_year->setValue(year);
}

void RegisterPrintDialog::chooseRange(const QDate& from, const QDate& to)
{
    m_byRange->setChecked(true);
    m_from->setDate(from);
    m_to->setDate(to);
}

void RegisterPrintDialog::accept()
{
    if (!period()) {
        QMessageBox::warning(this, windowTitle(), tr("The period ends before it starts."));
        return;
    }
    QDialog::accept();
}

void RegisterPrintDialog::run(QWidget* parent, const app::DatabaseSession& session)
{
    RegisterPrintDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto report = app::RegisterReport::build(session, dialog.direction(), *dialog.period());
    const auto context =
        client::ErrorContext::forDatabase(client::Situation::PrintingRegister, session.title());
    if (!report) {
        ErrorBox::show(parent, tr("Print register"), report.status(), context);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(report->title + QStringLiteral(" – ") + report->period.text());
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(tr("Print register"));
    Status failure;
    connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* target) {
        if (const auto pages = print::paintRegister(*report, *target); !pages)
            failure = pages.status();
    });
    preview.exec();
    if (!failure.isOk())
        ErrorBox::show(parent, tr("Print register"), failure, context);
}

} // namespace sen::gui
