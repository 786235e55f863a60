#pragma once

// Lays the phiếu giải quyết văn bản đến (client/app/SlipReport.h; ND 30/2020 Phụ lục IV) out
// on A4 portrait: the office's name at the top left with a short rule under it, the title
// centred; the document's block (tên loại, số, ký hiệu, ngày, cơ quan ban hành, trích yếu, số
// đến, ngày đến, where it stands and its deadline); then the three parts — 1. ý kiến của lãnh
// đạo cơ quan, 2. ý kiến của lãnh đạo đơn vị, 3. ý kiến đề xuất của người giải quyết — each
// opinion with its chủ trì, phối hợp and hạn (a direction) or its part, status and reply (a
// report), and at its right the day and time it was given over its author's name. A part
// nobody has written yet keeps dotted lines and "Ngày … tháng … năm …" to be filled by hand,
// as the paper form is. A heading stays with what follows it; a long slip goes on to further
// pages, each numbered "Trang N/M". Text is DejaVu Sans (Vietnamese glyphs), which a PDF embeds.
//
// One painter on any paged device: QPdfWriter for `senctl print slip`, the QPrinter of `sen`'s
// print preview. Needs a QGuiApplication (fonts).

#include "client/app/SlipReport.h"
#include "common/core/Result.h"

class QPagedPaintDevice;

namespace sen::print {

// Sets `device` to A4 portrait with the slip's margins and paints every page; returns the
// number of pages. Fails when the device cannot be painted on.
Result<int> paintSlip(const app::SlipReport& slip, QPagedPaintDevice& device);

// Writes the slip as a PDF file at `path` (fonts embedded); returns the number of pages.
Result<int> writeSlipPdf(const app::SlipReport& slip, const QString& path);

// The document's name in a PDF's properties and a print queue: "Phiếu giải quyết văn bản đến
// số 125".
QString slipDocumentName(const app::SlipReport& slip);

} // namespace sen::print
