#pragma once

// Lays the sổ theo dõi giải quyết văn bản đến, or its overdue variant (client/app/FollowUpReport.h),
// out on paper with the registers' page (client/print/TablePage.h): A4 landscape, the office's
// name, the title, the period and the day deadlines are judged on; the seven columns of Phụ
// lục IV with their numbers on every page; "Trang N/M" at every foot. One painter on any paged
// device: QPdfWriter for `senctl print followup`, the QPrinter of `sen`'s print preview. Needs
// a QGuiApplication (fonts).

#include "client/app/FollowUpReport.h"
#include "common/core/Result.h"

class QPagedPaintDevice;

namespace sen::print {

// Paints every page on `device`; returns the number of pages.
Result<int> paintFollowUp(const app::FollowUpReport& report, QPagedPaintDevice& device);

// Writes the register as a PDF file at `path`; returns the number of pages.
Result<int> writeFollowUpPdf(const app::FollowUpReport& report, const QString& path);

// The document's name in a PDF's properties and a print queue.
QString followUpDocumentName(const app::FollowUpReport& report);

} // namespace sen::print
