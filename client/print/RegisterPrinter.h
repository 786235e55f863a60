#pragma once

// Lays a register (client/app/RegisterReport.h) out on paper: A4 landscape, the office's name,
// the register's title and its period at the top of the first page and in one line at the
// top of every other, the column headings (and the column numbers (1)…(10), as the forms of
// ND 30 Phụ lục IV have) repeated on every page, a grid of rows at least two lines high so
// the hand-filled columns (Ngày chuyển, Ký nhận) have room, and "Trang N/M" at the foot of
// every page. Text is DejaVu Sans (Vietnamese glyphs), which a PDF embeds; a cell wraps at
// word boundaries, or anywhere inside an over-long word, and a row never splits across
// pages (a row taller than a page is cut at its foot). The page layout is client/print/TablePage.h's.
//
// One painter on any paged device: QPdfWriter for `senctl print register`, the QPrinter of
// `sen`'s print preview. Needs a QGuiApplication (fonts); sen_print is the only library of
// the client besides client/gui that links Qt Gui (docs/architecture.md "Layers").

#include "client/app/RegisterReport.h"
#include "common/core/Result.h"

class QPagedPaintDevice;

namespace sen::print {

// Sets `device` to A4 landscape with the register's margins and paints every page; returns
// the number of pages. Fails when the device cannot be painted on.
Result<int> paintRegister(const app::RegisterReport& report, QPagedPaintDevice& device);

// Writes the register as a PDF file at `path` (fonts embedded); returns the number of pages.
Result<int> writeRegisterPdf(const app::RegisterReport& report, const QString& path);

} // namespace sen::print
