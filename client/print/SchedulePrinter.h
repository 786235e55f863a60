#pragma once

// Lays the weekly work schedule (client/app/ScheduleReport.h) out on paper with the page of
// client/print/TablePage.h: A4 landscape, the office's name, "LỊCH CÔNG TÁC", the week and,
// for a week not yet published, its state; the columns Thứ/ngày | Buổi, giờ | Nội dung |
// Chủ trì | Thành phần | Địa điểm on every page. One painter on any paged device (QPdfWriter
// for `senctl print schedule`, a QPrinter for sen). Needs a QGuiApplication (fonts).

#include "client/app/ScheduleReport.h"
#include "common/core/Result.h"

class QPagedPaintDevice;

namespace sen::print {

Result<int> paintSchedule(const app::ScheduleReport& report, QPagedPaintDevice& device);
// Writes the week as a PDF file at `path`; returns the number of pages.
Result<int> writeSchedulePdf(const app::ScheduleReport& report, const QString& path);

} // namespace sen::print
