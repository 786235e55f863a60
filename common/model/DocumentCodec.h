#pragma once

// The canonical CBOR form of a document version (docs/file-format.md §"Canonical document").
// The same document always encodes to the same bytes: fields in a fixed order, items sorted
// by name, version-vector entries sorted by instance, shortest integer encodings, doubles
// as 64-bit floats. Nothing local to a replica (row ids, sequence numbers) is included, so
// two replicas holding the same data produce identical bytes.

#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QByteArray>
#include <QCborArray>
#include <QCborValue>

namespace sen {

namespace codec {
constexpr int kDocumentFormatVersion = 1;
}

QCborValue documentToCbor(const Document& doc);
QByteArray encodeDocument(const Document& doc);

// Checks every field: types, item order and uniqueness, item value shapes, stamps, and that
// each item stamp is known to the document's version vector.
Result<Document> documentFromCbor(const QCborValue& value);
Result<Document> decodeDocument(QByteArrayView bytes);

// The items of a document as a CBOR array (sorted, validated against `versions` when read).
QCborArray itemsToCbor(const std::vector<Item>& items);
Result<std::vector<Item>> itemsFromCbor(const QCborArray& array, const VersionVector& versions);

// The items of a document as stored in its row: the canonical CBOR array of items (the
// `items` field of the canonical document). Decoding checks what documentFromCbor checks of
// items, against the document's version vector.
QByteArray encodeItems(const std::vector<Item>& items);
Result<std::vector<Item>> decodeItems(QByteArrayView bytes, const VersionVector& versions);
// The same, and Corruption ("not in canonical form") unless `bytes` are exactly
// encodeItems() of the items returned: shortest integer and length encodings, 64-bit floats,
// values as CborWriter writes them. Bytes that pass may be stored as they are.
Result<std::vector<Item>> decodeCanonicalItems(QByteArrayView bytes, const VersionVector& versions);
// The same as decodeItems, decoding the values of the items named in `only` (sorted) alone,
// for a reader that needs a few items of many documents (the view indexer). Every other item
// keeps its name, type, flags and stamp (Document::modifiedTime() is unchanged) but comes back
// without its value, as a tombstone does; its value is skipped over, not checked. Null: all.
Result<std::vector<Item>> decodeItems(QByteArrayView bytes, const VersionVector& versions,
                                      const QStringList* only);

// A version vector in its canonical CBOR (VersionVector::toCbor, the `versions` column and
// the wire), read straight from the bytes with the checks of VersionVector::fromCbor.
Result<VersionVector> decodeVersions(QByteArrayView bytes);

// The encoded form of one value (version vectors in their column).
QByteArray encodeValue(const QCborValue& value);
Result<QCborValue> decodeValue(QByteArrayView bytes);

} // namespace sen
