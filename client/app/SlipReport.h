#pragma once

// The phiếu giải quyết văn bản đến (ND 30/2020 Phụ lục IV; docs/workflow.md "Printing") of one
// incoming document, as text ready to print (client/print/SlipPrinter.h lays it out): the
// office's name and the title; the document (tên loại, số, ký hiệu, ngày, cơ quan ban hành,
// trích yếu, số đến, ngày đến) and where its processing stands; then the three parts of the
// slip from its steps (app::Workflow::processing), each opinion with its author and time:
//   1. ý kiến của lãnh đạo cơ quan — the level-1 directions (direction, chủ trì, phối hợp, hạn);
//   2. ý kiến của lãnh đạo đơn vị — the level-2 directions;
//   3. ý kiến đề xuất của người giải quyết — the reports (as lead or co-ordinator, status,
//      text, the reply's số, ký hiệu).
// Every opinion given is printed, oldest first: none is ever rewritten, a change of mind is a
// later one. Like the registers (client/app/RegisterReport.h), the words are the decree's, in
// Vietnamese whatever the interface language. GUI-free.

#include "client/app/DatabaseSession.h"
#include "common/core/Result.h"
#include "common/workflow/Processing.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <vector>

namespace sen::app {

// The Vietnamese word of a processing state as the printed books write it ("Đã vào sổ", "Đã
// trình", "Đã cho ý kiến", "Đang xử lý", "Hoàn thành", "Trả lại").
QString processingStateWord(workflow::State state);

struct SlipOpinion
{
    QString text;         // the direction, or the report
    QString lead;         // a direction's chủ trì: common names, ", "-joined
    QString coordinating; // a direction's phối hợp
    QDate deadline;       // a direction's hạn giải quyết (null: none)
    QString part;         // a report's "Chủ trì" / "Phối hợp"
    QString status;       // a report's "Đang xử lý" / "Hoàn thành" / "Trả lại"
    QString reply;        // a report's số, ký hiệu of the reply
    QString author;       // the common name of who gave it
    QDateTime time;       // when (local time)
};

struct SlipReport
{
    QString office; // printed at the top left
    QString title;  // "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"
    // The document.
    QString type;   // tên loại (LoaiVanBan)
    QString number; // số, ký hiệu
    QDate issued;   // ngày văn bản (NgayBanHanh)
    QString issuer; // cơ quan ban hành
    QString abstract;
    QString arrivalNumber; // số đến
    QDate arrived;         // ngày đến
    // Where it stands.
    QString state;  // processingStateWord
    QDate deadline; // the deadline in force, null when none
    // The three parts.
    std::vector<SlipOpinion> agency;  // 1. lãnh đạo cơ quan
    std::vector<SlipOpinion> unit;    // 2. lãnh đạo đơn vị
    std::vector<SlipOpinion> handler; // 3. người giải quyết

    // The slip of the incoming document `incoming` of `session`'s database. The office's name
    // is the database's title unless `office` is given. NotFound for an absent or deleted
    // document, InvalidArgument for one that is not an incoming document.
    static Result<SlipReport> build(DatabaseSession& session, const Unid& incoming,
                                    const QString& office = {});
    // The slip of `incoming` whose processing is `processing`.
    static SlipReport of(const Document& incoming, const workflow::Processing& processing,
                         const QString& office);
};

} // namespace sen::app
