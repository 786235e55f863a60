#pragma once

// What a user asks a search for (issue #13), GUI-free: full-text words and the fields of a
// registration — số ký hiệu, cơ quan ban hành, a range of the document's date — each optional
// and combinable; the search box's fields and senctl's options both become one SearchQuery.
// Also what a hit shows of its document (SearchRecord): its số ký hiệu, date and abstract,
// read the same way for every database.
//
// How a field matches (diacritics and case ignored throughout, as in the full-text search):
// - number: a part of the document's SoKyHieu, or of So and KyHieu composed ("15/QĐ-UBND"),
//   spaces ignored: "qd-ubnd" and "15/QD" find "15/QĐ-UBND" ("15/QD" not "115/QĐ-UBND": a
//   part starting with a digit starts a number). A number alone ("15") is
//   compared with the document's number (So, else the leading digits of SoKyHieu), so it
//   does not find 115 or 215.
// - issuer: every word typed begins a word of CoQuanBanHanh, in any order: "ubnd ha noi" and
//   "UBND Hà" find "UBND thành phố Hà Nội".
// - from/to: the document's date (documentDate) is in the range, both ends included, either
//   end open; a document without a date is outside every range.
//
// Thread-safety: values and pure functions.

#include "common/core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace sen {
struct Document;
}

namespace sen::app {

struct SearchQuery
{
    QString words;  // full-text words (FullTextIndex::search syntax: quotes keep a phrase)
    QString number; // số ký hiệu
    QString issuer; // cơ quan ban hành
    QDate from;     // invalid: open
    QDate to;       // invalid: open

    // Nothing asked: no hits.
    bool isEmpty() const;
    // Whether a field (number, issuer, dates) narrows the hits.
    bool hasFields() const;
    // The words that every hit must contain for its fields to match, as index words (filter
    // words of SearchOptions): the issuer's words and the number's words that hold a letter
    // (a bare number may live only in the number item So, which the index does not hold).
    QStringList indexWords() const;
    // Whether `doc`'s fields match the number, issuer and date range (see above).
    bool matchesFields(const Document& doc) const;

    // A day typed by a user: "dd/MM/yyyy" (also d/M/yyyy) or "yyyy-MM-dd"; an empty text is
    // an invalid date (an open end); InvalidArgument for anything else.
    static Result<QDate> parseDay(const QString& text);
    // The query of the given texts (dates as parseDay takes them); InvalidArgument for a
    // malformed date or a range that ends before it starts.
    static Result<SearchQuery> fromTexts(const QString& words, const QString& number, const QString& issuer,
                                         const QString& from, const QString& to);
};

// What a hit shows of its document.
struct SearchRecord
{
    QString number;   // số ký hiệu as written (SoKyHieu, else So and KyHieu composed)
    QDate date;       // documentDate
    QString abstract; // trích yếu, else the form's title items (documentTitle), else empty
};

// The document's date: the first present of NgayBanHanh (issued), NgayDen (arrived), and for
// the other forms their own day (Ngay, NgayDang, NgayMoHoSo, NgayGiao, NgayGopY); local date.
QDate documentDate(const Document& doc);
// The number and symbol as written: SoKyHieu, else So and KyHieu composed.
QString documentNumber(const Document& doc);
SearchRecord recordOf(const Document& doc);

} // namespace sen::app
