#pragma once

// The registers of ND 30/2020 Phụ lục IV kept by the documents database, as rows ready to
// print: the sổ đăng ký văn bản đến (incoming documents, form VanBanDen, by arrival date
// NgayDen, ordered by arrival number SoDen) and the sổ đăng ký văn bản đi (outgoing documents,
// form VanBanDi, by issue date NgayBanHanh, ordered by the number of SoKyHieu or So), for a
// year or a date range (both ends included, local dates). GUI-free: client/print lays the
// rows out on paper (docs/registers.md).
//
// The words of the register (title, column headings, period) are the decree's, in
// Vietnamese whatever the interface language: the printed book is an archive record of the
// form Phụ lục IV fixes, not a screen. Columns the forms have no item for (Ngày chuyển, Ký
// nhận) stay empty, to be filled by hand on paper as ND 30's books are.
//
// Which documents: live documents of the form (no deletion stubs, no conflict documents)
// whose register date falls in the period; one without that date is in no period and is
// left out. Rows go by the year of their date, then by number (a document awaiting its
// number last in its year), then by date; every cell is plain text, dates dd/MM/yyyy.

#include "client/app/DatabaseSession.h"
#include "client/app/ReportCells.h"
#include "common/core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace sen {
struct Document;
}

namespace sen::app {

enum class RegisterDirection
{
    Incoming, // sổ đăng ký văn bản đến
    Outgoing, // sổ đăng ký văn bản đi
};

// The dates a register covers, both included.
struct RegisterPeriod
{
    QDate from;
    QDate to;
    bool wholeYear = false;

    static RegisterPeriod ofYear(int year);
    // InvalidArgument when a date is invalid or `to` is before `from`.
    static Result<RegisterPeriod> between(const QDate& from, const QDate& to);
    bool contains(const QDate& day) const { return day >= from && day <= to; }
    // "Năm 2026", or "Từ ngày 01/01/2026 đến ngày 31/03/2026".
    QString text() const;
};

// A column of the register: its heading as Phụ lục IV gives it (client/app/ReportCells.h).
using RegisterColumn = ReportColumn;

struct RegisterReport
{
    RegisterDirection direction = RegisterDirection::Incoming;
    RegisterPeriod period;
    QString office; // the office's name printed at the top
    QString title;  // "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" / "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
    std::vector<RegisterColumn> columns;
    std::vector<QStringList> rows; // one cell per column, in order

    // The register of `session`'s documents database for `period`. The office's name is
    // the database's title (its name when it has none) unless `office` is given.
    // InvalidArgument when the database is not a documents database.
    static Result<RegisterReport> build(const DatabaseSession& session, RegisterDirection direction,
                                        const RegisterPeriod& period, const QString& office = {});

    // The form whose documents the register lists, the title and the columns.
    static QString formOf(RegisterDirection direction);
    static QString titleOf(RegisterDirection direction);
    static std::vector<RegisterColumn> columnsOf(RegisterDirection direction);
    // The cells of `doc` in the register of `direction`.
    static QStringList cellsOf(const Document& doc, RegisterDirection direction);
    // The document's "số, ký hiệu": SoKyHieu, or So and KyHieu joined ("127-QĐ/TW").
    static QString numberAndSymbol(const Document& doc);
};

} // namespace sen::app
