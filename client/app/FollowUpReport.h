#pragma once

// The sổ theo dõi giải quyết văn bản đến (ND 30/2020 Phụ lục IV; docs/workflow.md "Printing")
// of a documents database for a period, and its "overdue only" variant, the báo cáo văn bản
// quá hạn, as rows ready to print (client/print/FollowUpPrinter.h lays them out).
//
// Rows: the live incoming documents (VanBanDen) whose arrival date (NgayDen) falls in the
// period, ordered as the incoming register orders them (by year, số đến, date). Seven columns,
// each from the document and its processing (app::Workflow::processing), as of a day:
//   (1) Số đến; (2) Tên loại, số, ký hiệu, ngày, cơ quan ban hành (and the trích yếu under
//   them); (3) Đơn vị hoặc người nhận: the chủ trì of the directions in force, then their phối
//   hợp; (4) Thời hạn giải quyết: the deadline in force; (5) Tiến độ giải quyết: the state,
//   then the newest report (its author, day, status unless it is the state's, and text); (6) Số, ký hiệu văn
//   bản trả lời: the reply named by the newest "done" report, else by the newest report naming one; (7) Ghi
//   chú: overdue (by how many days, the deadline), due soon, not presented in time, or done after the
//   deadline — from app::Workflow::deadlineState and the office's working calendar.
// The overdue variant keeps only the rows overdue on that day. Like the registers
// (client/app/RegisterReport.h) the words are the decree's, in Vietnamese whatever the
// interface language. GUI-free.

#include "client/app/DatabaseSession.h"
#include "client/app/RegisterReport.h"
#include "client/app/ReportCells.h"
#include "common/core/Result.h"
#include "common/workdays/WorkCalendar.h"
#include "common/workflow/Processing.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace sen::app {

struct FollowUpReport
{
    RegisterPeriod period;
    QDate asOf;               // the day deadlines are judged on
    bool overdueOnly = false; // the báo cáo văn bản quá hạn
    QString office;
    QString title; // "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN" / "BÁO CÁO VĂN BẢN ĐẾN QUÁ HẠN GIẢI QUYẾT"
    std::vector<ReportColumn> columns;
    std::vector<QStringList> rows; // seven cells each

    // The register of `session`'s documents database for `period` as of `asOf`. The office's
    // name is the database's title unless `office` is given. InvalidArgument when the
    // database is not a documents database or `asOf` is not a date.
    static Result<FollowUpReport> build(DatabaseSession& session, const RegisterPeriod& period,
                                        const QDate& asOf, bool overdueOnly, const QString& office = {});

    static QString titleOf(bool overdueOnly);
    static std::vector<ReportColumn> columnsOf();
    // The lines under the title: the period, and "Tính đến ngày dd/MM/yyyy".
    QStringList subtitles() const;
    // The cells of `incoming` whose processing is `processing`, as of `asOf`.
    static QStringList cellsOf(const Document& incoming, const workflow::Processing& processing,
                               const workdays::WorkCalendar& calendar, const QDate& asOf);
    // Whether `processing` is overdue on `asOf`.
    static bool isOverdue(const workflow::Processing& processing, const workdays::WorkCalendar& calendar,
                          const QDate& asOf);
};

} // namespace sen::app
