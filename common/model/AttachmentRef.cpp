#include "common/model/AttachmentRef.h"

#include <QCborArray>
#include <QCborMap>

namespace sen {

QCborValue AttachmentRef::toCbor() const
{
    QCborArray chunkArray;
    for (const ChunkRef& c : chunks)
        chunkArray.append(QCborArray{c.hash.toBytes(), static_cast<qint64>(c.size)});
    QCborMap map;
    map.insert(0, fileName);
    map.insert(1, static_cast<qint64>(size));
    map.insert(2, sha256.toBytes());
    map.insert(3, chunkArray);
    return map;
}

Result<AttachmentRef> AttachmentRef::fromCbor(const QCborValue& value)
{
    const auto bad = [](const char* what) {
        return Status(ErrorCode::Corruption, QStringLiteral("attachment reference: ") + QLatin1String(what));
    };
    if (!value.isMap())
        return bad("not a map");
    const QCborMap map = value.toMap();
    if (map.size() != 4 || !map.value(0).isString() || !map.value(1).isInteger() ||
        !map.value(2).isByteArray() || !map.value(3).isArray())
        return bad("wrong fields");
    AttachmentRef ref;
    ref.fileName = map.value(0).toString();
    const qint64 size = map.value(1).toInteger();
    if (size < 0 || static_cast<std::uint64_t>(size) > kMaxFileSize)
        return bad("size out of range");
    ref.size = static_cast<std::uint64_t>(size);
    const auto digest = crypto::Sha256Digest::fromBytes(map.value(2).toByteArray());
    if (!digest)
        return bad("bad file hash");
    ref.sha256 = *digest;
    std::uint64_t sum = 0;
    const QCborArray chunkArray = map.value(3).toArray();
    ref.chunks.reserve(static_cast<std::size_t>(chunkArray.size()));
    for (const QCborValue& c : chunkArray) {
        const QCborArray pair = c.toArray();
        if (!c.isArray() || pair.size() != 2 || !pair[0].isByteArray() || !pair[1].isInteger())
            return bad("bad chunk entry");
        const auto hash = crypto::Sha256Digest::fromBytes(pair[0].toByteArray());
        const qint64 chunkSize = pair[1].toInteger();
        if (!hash || chunkSize <= 0 || chunkSize > kMaxChunkSize)
            return bad("bad chunk entry");
        sum += static_cast<std::uint64_t>(chunkSize);
        ref.chunks.push_back({*hash, static_cast<std::uint32_t>(chunkSize)});
    }
    if (sum != ref.size)
        return bad("chunk sizes do not add up to the file size");
    return ref;
}

} // namespace sen
