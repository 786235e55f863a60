#pragma once

// "Print table of contents…" of a dossier (DocumentPage of a HoSo document): Qt's print
// preview of the dossier's mục lục văn bản, as it is stored (the dossier's members and their
// documents as last saved), from which the user prints or saves a PDF. The widget only
// forwards: the rows come from client/app/DossierReport.h, the pages from
// client/print/DossierPrinter.h, the same code as `senctl print dossier` (docs/registers.md).

#include "common/core/Ids.h"

#include <QCoreApplication>

class QWidget;

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

class DossierPrintPreview
{
    Q_DECLARE_TR_FUNCTIONS(DossierPrintPreview)
public:
    // Shows the print preview of the table of contents of `dossier`; messages on failure.
    static void run(QWidget* parent, const app::DatabaseSession& session, const Unid& dossier);
};

} // namespace sen::gui
