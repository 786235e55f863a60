#pragma once

// The table of contents of a dossier (mục lục văn bản trong hồ sơ, ND 30/2020 Art. 28–29 and
// Phụ lục V; docs/registers.md "Dossier table of contents") as rows ready to print: one row
// per document filed in the dossier (client/core/Dossiers.h) that is still live here (no
// deletion stubs, no conflict documents), in chronological order by the document's date — its
// issue date NgayBanHanh, else its arrival date NgayDen, else the day it was created (its
// oldest item stamp, as the views' $Created) — documents of one day in the order they were
// filed. GUI-free: client/print lays the rows out on paper.
//
// Columns: STT | Số, ký hiệu văn bản | Ngày tháng năm văn bản (the date it is ordered by) |
// Tên loại và trích yếu nội dung văn bản | Tác giả văn bản (CoQuanBanHanh, else the signer
// NguoiKy) | Tờ số (the sheet the document starts on, counting one sheet per page of the
// documents before it, from their page count SoTrang; empty from the first document whose
// count is missing on, to be written by hand) | Ghi chú (GhiChu).
//
// As with the registers, the words of the table (title, headings, period) are the decree's,
// in Vietnamese whatever the interface language: the printed page is an archive record.

#include "client/app/DatabaseSession.h"
#include "client/app/ReportCells.h"
#include "common/core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sen {
struct Document;
}

namespace sen::app {

struct DossierReport
{
    QString office;       // the office's name printed at the top
    QString code;         // the dossier's số và ký hiệu (SoKyHieuHoSo), may be empty
    QString dossierTitle; // its title (TieuDeHoSo)
    QDate first;          // the date of its earliest document (invalid when it has none)
    QDate last;           // the date of its latest document
    std::vector<ReportColumn> columns;
    std::vector<QStringList> rows; // one cell per column, in order

    // The table of contents of the dossier `dossier` of `session`'s database. The office's
    // name is the database's title (its name when it has none) unless `office` is given.
    // NotFound when there is no such document (or it is deleted); InvalidArgument when it is
    // not a dossier.
    static Result<DossierReport> build(const DatabaseSession& session, const Unid& dossier,
                                       const QString& office = {});

    // "MỤC LỤC VĂN BẢN".
    static QString title();
    static std::vector<ReportColumn> columnsOf();
    // The date a document is ordered by and shown with (see above).
    static QDate dateOf(const Document& doc);
    // The cells of `doc`, the `position`-th row (1-based), starting on sheet `firstSheet`.
    static QStringList cellsOf(const Document& doc, int position, std::optional<int> firstSheet);

    // "Từ ngày 05/01/2026 đến ngày 20/03/2026" (one date when the dossier's documents are
    // all of one day); empty for an empty dossier.
    QString periodText() const;
    // "Hồ sơ số: 01.TCCB", empty without a code.
    QString codeText() const;
};

} // namespace sen::app
