#include "client/gui/print/DossierPrintPreview.h"

#include "client/app/DatabaseSession.h"
#include "client/app/DossierReport.h"
#include "client/gui/app/ErrorBox.h"
#include "client/print/DossierPrinter.h"

#include <QPageLayout>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace sen::gui {

void DossierPrintPreview::run(QWidget* parent, const app::DatabaseSession& session, const Unid& dossier)
{
    const auto context =
        client::ErrorContext::forDatabase(client::Situation::PrintingDossier, session.title());
    const auto report = app::DossierReport::build(session, dossier);
    if (!report) {
        ErrorBox::show(parent, tr("Print table of contents"), report.status(), context);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setDocName(print::dossierDocumentName(*report));
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(tr("Print table of contents"));
    Status failure;
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* target) {
        if (const auto pages = print::paintDossier(*report, *target); !pages)
            failure = pages.status();
    });
    preview.exec();
    if (!failure.isOk())
        ErrorBox::show(parent, tr("Print table of contents"), failure, context);
}

} // namespace sen::gui
