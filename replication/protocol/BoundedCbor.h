#pragma once

// Parses untrusted CBOR with limits: nesting depth, number of items, and every declared
// length checked against the bytes actually present, before QCborValue allocates anything.
// Indefinite-length items, tags and simple values other than false/true/null are refused:
// Sen's messages never use them.

#include "common/core/Result.h"
#include "replication/protocol/ProtocolConstants.h"

#include <QCborValue>

namespace sen::protocol {

struct CborLimits
{
    int maxDepth = kMaxCborDepth;
    std::uint32_t maxItems = kMaxCborItems;
};

Result<QCborValue> parseBoundedCbor(QByteArrayView bytes, const CborLimits& limits = {});
// The same checks without building the value: for decoders that then read the bytes
// themselves (model/CborReader.h).
Status checkBoundedCbor(QByteArrayView bytes, const CborLimits& limits = {});
// The same checks, returning how many items (containers and elements) the bytes hold: what
// they count for against kMaxCborItems inside a message.
Result<std::uint32_t> countBoundedCbor(QByteArrayView bytes, const CborLimits& limits = {});

} // namespace sen::protocol
