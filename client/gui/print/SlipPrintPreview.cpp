#include "client/gui/print/SlipPrintPreview.h"

#include "client/app/DatabaseSession.h"
#include "client/app/SlipReport.h"
#include "client/gui/app/ErrorBox.h"
#include "client/print/SlipPrinter.h"

#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace sen::gui {

void SlipPrintPreview::run(QWidget* parent, app::DatabaseSession& session, const Unid& incoming)
{
    const auto context = client::ErrorContext::forDatabase(client::Situation::PrintingSlip, session.title());
    const auto slip = app::SlipReport::build(session, incoming);
    if (!slip) {
        ErrorBox::show(parent, tr("Print processing slip"), slip.status(), context);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setDocName(print::slipDocumentName(*slip));
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(tr("Print processing slip"));
    Status failure;
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* target) {
        if (const auto pages = print::paintSlip(*slip, *target); !pages)
            failure = pages.status();
    });
    preview.exec();
    if (!failure.isOk())
        ErrorBox::show(parent, tr("Print processing slip"), failure, context);
}

} // namespace sen::gui
