#include "client/gui/print/FollowUpPrintDialog.h"

#include "client/app/DatabaseSession.h"
#include "client/app/FollowUpReport.h"
#include "client/gui/app/ErrorBox.h"
#include "client/print/FollowUpPrinter.h"

#include <QCheckBox>
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

namespace sen::gui {

namespace {

QDateEdit* dateEdit(const QDate& date, const QString& name, QWidget* parent)
{
    auto* edit = new QDateEdit(date, parent);
    edit->setObjectName(name);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

FollowUpPrintDialog::FollowUpPrintDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Print follow-up register"));
    const QDate today = QDate::currentDate();
    m_from = dateEdit(QDate(today.year(), today.month(), 1), QStringLiteral("from"), this);
    m_to = dateEdit(today, QStringLiteral("to"), this);
    m_overdue = new QCheckBox(tr("Only the documents overdue (báo cáo văn bản quá hạn)"), this);
    m_overdue->setObjectName(QStringLiteral("overdueOnly"));
    m_asOf = dateEdit(today, QStringLiteral("asOf"), this);
    auto* range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Preview…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FollowUpPrintDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("Arrived from:"), range);
    form->addRow(QString(), m_overdue);
    form->addRow(tr("Deadlines as of:"), m_asOf);
    form->addRow(buttons);
}

std::optional<app::RegisterPeriod> FollowUpPrintDialog::period() const
{
    auto period = app::RegisterPeriod::between(m_from->date(), m_to->date());
    if (!period)
        return std::nullopt;
    return *period;
}

bool FollowUpPrintDialog::overdueOnly() const
{
    return m_overdue->isChecked();
}

QDate FollowUpPrintDialog::asOf() const
{
    return m_asOf->date();
}

void FollowUpPrintDialog::choose(const QDate& from, const QDate& to, bool overdueOnly, const QDate& asOf)
{
    m_from->setDate(from);
    m_to->setDate(to);
    m_overdue->setChecked(overdueOnly);
    m_asOf->setDate(asOf);
}

void FollowUpPrintDialog::accept()
{
    if (!period()) {
        QMessageBox::warning(this, windowTitle(), tr("The period ends before it starts."));
        return;
    }
    QDialog::accept();
}

void FollowUpPrintDialog::run(QWidget* parent, app::DatabaseSession& session)
{
    FollowUpPrintDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto report =
        app::FollowUpReport::build(session, *dialog.period(), dialog.asOf(), dialog.overdueOnly());
    const auto context =
        client::ErrorContext::forDatabase(client::Situation::PrintingRegister, session.title());
    if (!report) {
        ErrorBox::show(parent, tr("Print follow-up register"), report.status(), context);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(print::followUpDocumentName(*report));
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(tr("Print follow-up register"));
    Status failure;
    connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* target) {
        if (const auto pages = print::paintFollowUp(*report, *target); !pages)
            failure = pages.status();
    });
    preview.exec();
    if (!failure.isOk())
        ErrorBox::show(parent, tr("Print follow-up register"), failure, context);
}

} // namespace sen::gui
