#pragma once

// How large a stored document may be (docs/protocol.md §Limits): what one replication
// frame can carry, so that whatever a replica stores, every other
// replica can receive. ReplicaStore refuses to save a larger document (InvalidArgument).

#include "common/core/Result.h"
#include "common/model/Document.h"

namespace sen {

// The document's items as stored (encodeItems), in bytes.
constexpr qint64 kMaxDocumentBytes = 8 << 20;
// CBOR items of the document as it travels: its version vector and its items.
constexpr qint64 kMaxDocumentCborItems = 1 << 19;

// An upper bound of the CBOR items `doc` takes on the wire (vector and items).
qint64 documentCborItems(const Document& doc);
// CBOR items a version vector of `entries` entries takes ([[instance, counter], ...]).
constexpr qint64 vectorCborItems(qint64 entries)
{
    return 1 + 3 * entries;
}
// InvalidArgument, saying what to do, when `doc` (whose items encode to `itemsBytes`) is
// over either limit.
Status checkDocumentLimits(const Document& doc, qint64 itemsBytes);

} // namespace sen
