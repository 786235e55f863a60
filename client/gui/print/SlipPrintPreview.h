#pragma once

// "Print processing slip…" of an incoming document (DocumentPage, Ctrl+P): Qt's print preview
// of its phiếu giải quyết văn bản đến as the replica holds it now, from which the user prints
// or saves a PDF. The widget only forwards: the text comes from client/app/SlipReport.h, the
// page from client/print/SlipPrinter.h, the same code as `senctl print slip`
// (docs/workflow.md "Printing").

#include "common/core/Ids.h"

#include <QCoreApplication>

class QWidget;

namespace sen::app {
class DatabaseSession;
}

namespace sen::gui {

class SlipPrintPreview
{
    Q_DECLARE_TR_FUNCTIONS(SlipPrintPreview)
public:
    // Shows the print preview of the slip of `incoming`; messages on failure.
    static void run(QWidget* parent, app::DatabaseSession& session, const Unid& incoming);
};

} // namespace sen::gui
