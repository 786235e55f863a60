#pragma once

// The registration rules of incoming and outgoing documents (ND 30 Phụ lục VI, docs/forms.md
// "Number and symbol" and "Duplicates"), GUI-free and shared by the application layer, the
// views and senctl:
// - the số and ký hiệu are two items (`So`, `KyHieu`); the composed `SoKyHieu` is what people
//   read and what old documents hold. composeSoKyHieu writes it the customary way: the ký
//   hiệu carries the style — a party ký hiệu names type and issuer with a slash (`NQ/TW`,
//   giving `36-NQ/TW`), a state one with a hyphen (`QĐ-UBND`, giving `15/QĐ-UBND`); numbers
//   below 10 take a leading zero (`05/BNV-VP`).
// - two incoming registrations are the same công văn when issuer, số, ký hiệu and issue date
//   agree, compared folded (case and diacritics ignored, whitespace trimmed and collapsed,
//   the number as a number); an old document's SoKyHieu is split into its số and ký hiệu.
//   A document received through the national exchange (edXML, QCVN 102:2016) carries the
//   sender's DocumentId (`MaVanBanDienTu`): two registrations with the same ID (trimmed,
//   case ignored) are the same công văn whatever their other fields say or lack.

#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"

#include <QString>

namespace sen::forms {

// The item names of the registration fields.
inline constexpr const char* kItemNumber = "So";         // số của văn bản (Number)
inline constexpr const char* kItemSymbol = "KyHieu";     // ký hiệu (Text)
inline constexpr const char* kItemComposed = "SoKyHieu"; // số và ký hiệu as printed (Text)
inline constexpr const char* kItemIssuer = "CoQuanBanHanh";
inline constexpr const char* kItemIssued = "NgayBanHanh";
inline constexpr const char* kIncomingForm = "VanBanDen";
// The edXML DocumentId of a document received through the exchange (Text).
inline constexpr const char* kItemDocumentId = "MaVanBanDienTu";

// "36-NQ/TW", "15/QĐ-UBND", "05/BNV-VP"; the number alone without a ký hiệu, the ký hiệu
// alone without a number (number <= 0), empty when both are.
QString composeSoKyHieu(qint64 number, const QString& symbol);

// Adds SoKyHieu to `edit` (of a document whose stored version is `base`, empty for a new
// one) composed from So and KyHieu when the edit sets either of them and the document is an
// incoming, outgoing or internal document. Nothing changes otherwise: an old document
// without So/KyHieu keeps its typed SoKyHieu.
void completeRegistration(const Document& base, DocumentEdit& edit);

// Case- and diacritics-insensitive form of `text`, whitespace trimmed and collapsed.
QString foldForCompare(const QString& text);

// The duplicate key of a registration (issuer, số, ký hiệu, issue date, folded), or empty when
// the document lacks the issuer, the number and symbol, or the issue date.
QString duplicateKey(const Document& doc);
// The key of the edXML DocumentId (MaVanBanDienTu): "edxml:" and the ID trimmed and
// case-folded; empty without one.
QString documentIdKey(const Document& doc);
// The category of a registration in the "duplicates" view, one per document: its
// documentIdKey when it has one, else its duplicateKey.
QString duplicateCategory(const Document& doc);
// The items duplicateKey, documentIdKey and duplicateTitle read, sorted.
const QStringList& duplicateKeyItems();
// A duplicate key made readable, the same for every document holding it (a view's category):
// "125-QD/TU · TINH UY HA NAM · 16/11/2026" (folded, so in capitals without diacritics); a
// documentIdKey as "edXML 000.00.00.H14,2026/11/16,1" (the ID in capitals).
QString duplicateKeyTitle(const QString& key);
// The key made readable for a category title: "Tỉnh ủy Hà Nam · 125-QĐ/TU · 16/11/2026"
// (the texts of `doc`, not folded; empty parts left out), then "edXML ID" when it has one.
QString duplicateTitle(const Document& doc);

} // namespace sen::forms
