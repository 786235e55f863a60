#pragma once

// Lays a dossier's table of contents (mục lục văn bản trong hồ sơ, client/app/DossierReport.h)
// out on paper, in the page layout of client/print/TablePage.h: A4 portrait (the mục lục is
// bound with the dossier, whose papers are A4 portrait; its seven columns fit the width at
// 9 pt), the office's name, "MỤC LỤC VĂN BẢN", the dossier's số và ký hiệu, its title and the
// dates of its documents at the top of the first page, one running line (office, title and
// the dossier's code, or its title without one) at the top of every other, the column
// headings and numbers (1)…(7) on every page, "Trang N/M" at the foot; a row never splits.
//
// One painter on any paged device: QPdfWriter for `senctl print dossier`, the QPrinter of
// `sen`'s print preview. Needs a QGuiApplication (fonts).

#include "client/app/DossierReport.h"
#include "common/core/Result.h"

class QPagedPaintDevice;

namespace sen::print {

// Sets `device` to A4 portrait with the margins and paints every page; returns the number of
// pages. Fails when the device cannot be painted on.
Result<int> paintDossier(const app::DossierReport& report, QPagedPaintDevice& device);

// Writes the table of contents as a PDF file at `path` (fonts embedded); returns the number
// of pages.
Result<int> writeDossierPdf(const app::DossierReport& report, const QString& path);

// The name of the printed table ("MỤC LỤC VĂN BẢN – 01.TCCB"), for a PDF's or print job's title.
QString dossierDocumentName(const app::DossierReport& report);

} // namespace sen::print
