#pragma once

// The text the full-text index holds for a document's items (docs/file-format.md §fulltext):
// the text of its live items of text, text list, names and rich text types (rich text stripped
// of markup and its entities decoded), encrypted items left out, in item order, joined by
// newlines, empty parts left out. Part of the file format: the index is contentless, so the
// text taken out of it must be recomputed from the stored items exactly as it was put in.
// Pure functions; internal to common/fts.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sen::fts {

// The words a reader sees in Qt's rich-text HTML: tags, comments and the content of
// head/style/script go, entities are decoded, whitespace simplified.
QString plainTextFromHtml(QStringView html);

// The indexed text of `items` (the canonical CBOR of a document's items, encodeItems), in
// UTF-8; nullopt when the bytes are not an items array.
std::optional<QByteArray> indexedText(QByteArrayView items);
// The same, Corruption when the bytes are not an items array.
Result<QByteArray> indexedTextOf(QByteArrayView items);
// The items the index reads for a row: none for a deletion stub, which has nothing to find
// (it may keep a registration's number and SoKyHieu live, docs/merge.md rule 5).
QByteArrayView indexedItems(bool deleted, QByteArrayView items);

} // namespace sen::fts
