#pragma once

// The weekly work schedule as it is printed (docs/schedule.md "Print"): the customary layout
// of a published lịch công tác tuần — A4 landscape, the office's name, the title "LỊCH CÔNG
// TÁC", the week "Tuần 50 (từ 07/12/2026 đến 13/12/2026)", and one row per entry under the
// columns Thứ/ngày | Buổi, giờ | Nội dung | Chủ trì | Thành phần | Địa điểm. The day is written
// on its first row only; the content carries the preparing unit, the serving office leader
// and the note, and a changed or cancelled entry its mark ("Thay đổi", "Hoãn/Hủy") with the
// newest reason. A week not yet published says so under the title. The texts are the paper
// form's own (Vietnamese); GUI-free, laid out by client/print/SchedulePrinter.h.

#include "client/app/ReportCells.h"
#include "client/app/WeekSchedule.h"

#include <vector>

namespace sen::app {

struct ScheduleReport
{
    QString office;
    QString title;     // "LỊCH CÔNG TÁC"
    QString weekText;  // "Tuần 50 (từ 07/12/2026 đến 13/12/2026)"
    QString stateText; // empty when published, else "(Dự thảo)" / "(Đã duyệt, chưa công bố)"
    std::vector<ReportColumn> columns;
    std::vector<QStringList> rows;

    static ScheduleReport of(const ScheduleWeek& week, const QString& office);
};

} // namespace sen::app
