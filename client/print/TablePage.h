#pragma once

// The printed tables of a client (the registers of client/print/RegisterPrinter.h, the
// dossier's table of contents of client/print/DossierPrinter.h) share one page layout, laid
// out here: A4 with 12 mm margins, the office's name at the top left with a short rule under
// it, a bold centred title and centred lines under it on the first page, one running line at
// the top of every other page; the column headings (and the column numbers (1)…(n), as the
// forms of ND 30 have) repeated on every page; a grid of rows, each at least `minRowLines`
// lines high; "Trang N/M" at the foot of every page. Text is DejaVu Sans (Vietnamese glyphs),
// which a PDF embeds; a cell wraps at word boundaries, or anywhere inside an over-long word,
// and a row never splits across pages (a row taller than a page is cut at its foot).
//
// One painter on any paged device: QPdfWriter for senctl, the QPrinter of sen's print
// preview. Rows are measured first (only their heights kept), so that every page knows the
// page count. Needs a QGuiApplication (fonts).

#include "client/app/ReportCells.h"
#include "common/core/Result.h"

#include <QPageLayout>
#include <QString>
#include <QStringList>

#include <vector>

class QPagedPaintDevice;

namespace sen::print {

struct TableHeading
{
    QString office;        // printed upper case at the top left of the first page
    QString title;         // large and bold, centred
    QStringList subtitles; // centred lines under the title (empty ones are left out)
    QString running;       // the one line at the top of every other page
};

struct TableSpec
{
    TableHeading heading;
    const std::vector<app::ReportColumn>& columns;
    const std::vector<QStringList>& rows; // one cell per column
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    double fontPoints = 8; // the cells' and headings' size
    int minRowLines = 1;   // rows are at least this many lines high (room to write by hand)
};

// Sets `device` to A4 in the spec's orientation with the margins and paints every page;
// returns the number of pages. Fails when the device cannot be painted on.
Result<int> paintTable(const TableSpec& spec, QPagedPaintDevice& device);

// Writes the table as a PDF file at `path` (fonts embedded, `documentTitle` in its
// properties); returns the number of pages.
Result<int> writeTablePdf(const TableSpec& spec, const QString& path, const QString& documentTitle);

} // namespace sen::print
