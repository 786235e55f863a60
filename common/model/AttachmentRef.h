#pragma once

// The value of an attachment item: a file is its name, size, whole-file SHA-256 and the
// ordered list of content-defined chunks it is made of (docs/file-format.md §Attachments).
// The bytes live in the replica's chunk store, each chunk once, named by its SHA-256.

#include "common/core/Result.h"
#include "common/crypto/Sha256.h"

#include <QCborValue>
#include <QString>

#include <vector>

namespace sen {

struct ChunkRef
{
    crypto::Sha256Digest hash;
    std::uint32_t size = 0;
    friend bool operator==(const ChunkRef&, const ChunkRef&) = default;
};

struct AttachmentRef
{
    // Largest chunk accepted from a file or the wire (the chunker's maximum is smaller).
    static constexpr std::uint32_t kMaxChunkSize = 1u << 20;
    // Largest attachment accepted: 4 GiB.
    static constexpr std::uint64_t kMaxFileSize = 1ull << 32;

    QString fileName;
    std::uint64_t size = 0;
    crypto::Sha256Digest sha256;
    std::vector<ChunkRef> chunks;

    // Canonical CBOR: {0: name, 1: size, 2: sha256, 3: [[hash, size], ...]}.
    QCborValue toCbor() const;
    // Checks the shape, that chunk sizes add up to `size`, and the limits above.
    static Result<AttachmentRef> fromCbor(const QCborValue& value);

    friend bool operator==(const AttachmentRef&, const AttachmentRef&) = default;
};

} // namespace sen
