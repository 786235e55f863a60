#pragma once

// What the printed reports of a documents database (the registers of client/app/RegisterReport.h,
// the table of contents of a dossier of client/app/DossierReport.h) share: a column of the
// printed table, and the texts their cells take from a document's items. Plain text only,
// dates dd/MM/yyyy (local dates), lists one entry a line. GUI-free (Qt Core only).

#include <QDate>
#include <QString>

namespace sen {
struct Document;
}

namespace sen::app {

struct ReportColumn
{
    QString title; // the heading the decree's form gives it
    double weight; // its share of the page's width
    bool centred;  // numbers and dates are centred, texts start left
};

namespace cells {

// "dd/MM/yyyy", or empty for an invalid date.
QString dayText(const QDate& day);
// The local date of the date-time item `item`, or an invalid date.
QDate dateOf(const Document& doc, const QString& item);
// A text, a list (one entry a line) or a number (whole numbers without decimals) of the
// document, as plain text; empty when it has no such item.
QString textOf(const Document& doc, const QString& item);
// The common name of a hierarchical name ("Nguyễn Văn A" of "Nguyễn Văn A/VPTU/HaNoi" or
// "CN=Nguyễn Văn A/O=HaNoi"); a group or a role ("[LanhDao]") as it is.
QString commonName(const QString& name);
// The common names of a names item, one a line.
QString commonNames(const Document& doc, const QString& item);
// "Tên loại và trích yếu": the type name (LoaiVanBan), then the abstract (TrichYeu).
QString typeAndAbstract(const Document& doc);
// The document's "số, ký hiệu": SoKyHieu, or So and KyHieu joined ("127-QĐ/TW").
QString numberAndSymbol(const Document& doc);

} // namespace cells

} // namespace sen::app
