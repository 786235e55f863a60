#include "replication/bundle/Bundle.h"

#include "common/acl/ParentSecrecy.h"
#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "common/model/DocumentCodec.h"
#include "replication/merge/ApplyVersion.h"
#include "replication/protocol/BoundedCbor.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "replication/session/AccessPolicy.h"

#include <QCborArray>
#include <QDateTime>

#include <set>

namespace sen {

using namespace protocol;

namespace {

constexpr int kDocsPerFrame = 200;

Status bad(const QString& what)
{
    return Status(ErrorCode::Corruption, QStringLiteral("not a valid bundle: ") + what);
}

QByteArray headerPayload(const BundleInfo& info)
{
    return QCborArray{kBundleFormatVersion,
                      info.replicaId.toBytes(),
                      info.author.toBytes(),
                      info.recipient ? QCborValue(info.recipient->toBytes()) : QCborValue(nullptr),
                      static_cast<qint64>(info.since),
                      static_cast<qint64>(info.lastSeq),
                      static_cast<qint64>(info.ack),
                      QDateTime::currentMSecsSinceEpoch()}
        .toCborValue()
        .toCbor();
}

// Writes a frame and adds it to the running digest that the end frame carries: a USB stick
// has no TLS to notice a flipped bit, and a damaged compressed frame can still decode.
Status writeFrame(QIODevice& out, FrameEncoder& encoder, crypto::Sha256& digest, MessageType type,
                  const QByteArray& payload, bool compress = true)
{
    const QByteArray frame = encoder.encode(type, 0, payload, compress);
    digest.update(frame);
    if (out.write(frame) != frame.size())
        return Status(ErrorCode::IoError, QStringLiteral("cannot write the bundle: ") + out.errorString());
    return Status::ok();
}

} // namespace

Result<BundleInfo> writeBundle(ReplicaStore& store, const std::optional<InstanceId>& recipient,
                               QIODevice& out, bool withChunks)
{
    BundleInfo info;
    info.replicaId = store.info().replicaId;
    info.author = store.info().instanceId;
    info.recipient = recipient;
    if (recipient) {
        SEN_ASSIGN_OR_RETURN(info.since,
                             store.replication().checkpoint(*recipient, ReplicaSync::Direction::Push));
        SEN_ASSIGN_OR_RETURN(info.ack,
                             store.replication().checkpoint(*recipient, ReplicaSync::Direction::Pull));
    }
    SEN_ASSIGN_OR_RETURN(info.lastSeq, store.lastSeq());

    FrameEncoder encoder;
    crypto::Sha256 digest;
    SEN_TRY(writeFrame(out, encoder, digest, MessageType::BundleHeader, headerPayload(info)));
    std::set<crypto::Sha256Digest> chunks;
    std::int64_t position = info.since;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const auto changes, store.changesSince(position, kDocsPerFrame));
        if (changes.empty())
            break;
        QCborArray docs;
        // A frame also ends before the document that would take it past kBatchBytes
        // (docs/protocol.md §Limits), so large documents never make a frame the importer
        // refuses. (Each document is one CBOR byte string here: the item count stays small.)
        qint64 bytes = 0;
        for (const store::Change& c : changes) {
            position = c.seq;
            if (c.seq > info.lastSeq)
                break; // written while we were writing: the next bundle takes it
            SEN_ASSIGN_OR_RETURN(const auto doc, store.find(c.unid));
            if (!doc)
                continue;
            QByteArray encoded = encodeDocument(*doc);
            if (!docs.isEmpty() && bytes + encoded.size() > kBatchBytes) {
                SEN_TRY(
                    writeFrame(out, encoder, digest, MessageType::BundleDocs, docs.toCborValue().toCbor()));
                docs = QCborArray();
                bytes = 0;
            }
            bytes += encoded.size();
            docs.append(QCborValue(std::move(encoded)));
            ++info.documents;
            for (const Item& item : doc->items) {
                if (!withChunks || item.type != ItemType::Attachment || item.isTombstone())
                    continue;
                SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, AttachmentRef::fromCbor(item.value));
                for (const ChunkRef& chunk : ref.chunks)
                    chunks.insert(chunk.hash);
            }
        }
        if (!docs.isEmpty())
            SEN_TRY(writeFrame(out, encoder, digest, MessageType::BundleDocs, docs.toCborValue().toCbor()));
        if (position >= info.lastSeq)
            break;
    }
    for (const auto& hash : chunks) {
        auto bytes = store.attachments().chunk(hash);
        if (!bytes)
            continue; // a summary-only replica may lack it: the recipient will ask someone else
        const bool compressible = store.attachments().isCompressible(hash).valueOr(true);
        SEN_TRY(writeFrame(out, encoder, digest, MessageType::Chunks,
                           encode(Chunks{{ChunkData{hash, std::move(bytes).value()}}}), compressible));
        ++info.chunks;
    }
    const QByteArray sum = digest.finish().toBytes();
    crypto::Sha256 unused;
    SEN_TRY(writeFrame(out, encoder, unused, MessageType::BundleEnd,
                       QCborArray{static_cast<qint64>(info.lastSeq), info.documents, info.chunks, sum}
                           .toCborValue()
                           .toCbor()));
    return info;
}

namespace {

// The size of the last frame of a well-formed stream: frames are length-prefixed, so walk them.
qsizetype lastFrameSize(const QByteArray& bytes)
{
    qsizetype at = 0;
    qsizetype last = -1;
    while (at + kLengthFieldSize <= bytes.size()) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData() + at);
        const qsizetype size = kLengthFieldSize + ((qsizetype(p[0]) << 24) | (qsizetype(p[1]) << 16) |
                                                   (qsizetype(p[2]) << 8) | p[3]);
        last = size;
        at += size;
    }
    return at == bytes.size() ? last : bytes.size() + 1;
}

Result<BundleInfo> parseHeader(const Frame& frame)
{
    if (frame.type != MessageType::BundleHeader)
        return bad(QStringLiteral("it does not start with a bundle header"));
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(frame.payload));
    const QCborArray a = value.toArray();
    if (!value.isArray() || a.size() != 8 || !a[0].isInteger())
        return bad(QStringLiteral("malformed header"));
    if (a[0].toInteger() != kBundleFormatVersion)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("bundle format %1 is not supported (this version reads %2)")
                          .arg(a[0].toInteger())
                          .arg(kBundleFormatVersion));
    const auto replica = a[1].isByteArray() ? ReplicaId::fromBytes(a[1].toByteArray()) : std::nullopt;
    const auto author = a[2].isByteArray() ? InstanceId::fromBytes(a[2].toByteArray()) : std::nullopt;
    if (!replica || !author || !(a[3].isNull() || a[3].isByteArray()) || !a[4].isInteger() ||
        !a[5].isInteger() || !a[6].isInteger())
        return bad(QStringLiteral("malformed header"));
    BundleInfo info;
    info.replicaId = *replica;
    info.author = *author;
    if (a[3].isByteArray()) {
        info.recipient = InstanceId::fromBytes(a[3].toByteArray());
        if (!info.recipient)
            return bad(QStringLiteral("malformed header"));
    }
    info.since = a[4].toInteger();
    info.lastSeq = a[5].toInteger();
    info.ack = a[6].toInteger();
    return info;
}

} // namespace

namespace {

// The same checks as a pushed version (docs/protocol.md §Bundles): false for a refusal
// (PermissionDenied), an error for anything else.
Result<bool> mayImport(const ReplicaStore& store, const AccessPolicy* access,
                       const std::optional<Document>& local, const Document& remote)
{
    Status allowed;
    if (access) {
        allowed = access->mayStore(local, remote);
    } else if (!remote.isDeleted()) {
        SEN_ASSIGN_OR_RETURN(const acl::Secrecy inherited, acl::parentSecrecy(store, remote));
        allowed = acl::checkSecrecy(remote, inherited);
    }
    if (allowed.code() == ErrorCode::PermissionDenied)
        return false;
    SEN_TRY(allowed);
    return true;
}

} // namespace

Result<BundleInfo> importBundle(ReplicaStore& store, QIODevice& in, const AccessPolicy* access)
{
    // Decode everything first: a truncated or damaged file is refused before anything is
    // stored. Bundles are bounded by what an office carries; frames are bounded one by one.
    const QByteArray bytes = in.readAll();
    FrameDecoder decoder;
    std::vector<Frame> frames;
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype piece = std::min<qsizetype>(bytes.size() - at, 64 * 1024);
        SEN_TRY(decoder.feed(QByteArrayView(bytes).sliced(at, piece))
                    .withContext(QStringLiteral("reading the bundle")));
        at += piece;
        while (auto frame = decoder.next())
            frames.push_back(std::move(*frame));
        SEN_TRY(Status(decoder.error()).withContext(QStringLiteral("reading the bundle")));
    }
    if (frames.empty())
        return bad(QStringLiteral("the file is empty"));
    if (frames.back().type != MessageType::BundleEnd || decoder.pendingBytes() > 0)
        return bad(QStringLiteral("the file is cut short (no end frame)"));
    {
        SEN_ASSIGN_OR_RETURN(const QCborValue end, parseBoundedCbor(frames.back().payload));
        const QCborArray a = end.toArray();
        if (!end.isArray() || a.size() != 4 || !a[3].isByteArray())
            return bad(QStringLiteral("malformed end frame"));
        // The end frame is the last one; everything before it is what the digest covers.
        const qsizetype covered = bytes.size() - lastFrameSize(bytes);
        if (covered < 0 ||
            crypto::Sha256::hash(QByteArrayView(bytes).first(covered)).toBytes() != a[3].toByteArray())
            return bad(QStringLiteral("its checksum does not match: the file is damaged"));
    }

    SEN_ASSIGN_OR_RETURN(BundleInfo info, parseHeader(frames.front()));
    if (info.replicaId != store.info().replicaId)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the bundle is for another database"));
    if (info.author == store.info().instanceId)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the bundle was written by this replica"));

    SEN_TRY(store.batch([&]() -> Status {
        for (std::size_t i = 1; i + 1 < frames.size(); ++i) {
            const Frame& frame = frames[i];
            if (frame.type == MessageType::BundleDocs) {
                SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(frame.payload));
                if (!value.isArray())
                    return bad(QStringLiteral("malformed documents"));
                const QCborArray docs = value.toArray();
                for (const QCborValue& encoded : docs) {
                    if (!encoded.isByteArray())
                        return bad(QStringLiteral("malformed documents"));
                    auto remote = decodeDocument(encoded.toByteArray());
                    if (!remote)
                        return bad(remote.message());
                    SEN_ASSIGN_OR_RETURN(const auto local, store.find(remote->unid));
                    ++info.documents;
                    SEN_ASSIGN_OR_RETURN(const bool allowed, mayImport(store, access, local, *remote));
                    if (!allowed) {
                        ++info.refused;
                        continue;
                    }
                    SEN_ASSIGN_OR_RETURN(const merge::Applied applied,
                                         merge::applyVersion(store, *remote, local));
                    info.stored += applied.stored ? 1 : 0;
                    info.conflicts += applied.conflictStored ? 1 : 0;
                }
            } else if (frame.type == MessageType::Chunks) {
                SEN_ASSIGN_OR_RETURN(const Chunks chunks, decodeChunks(frame.payload));
                for (const ChunkData& c : chunks.chunks) {
                    if (!c.bytes)
                        continue;
                    SEN_TRY(store.attachments().putChunk(c.hash, *c.bytes));
                    ++info.chunks;
                }
            } else {
                return bad(QStringLiteral("unexpected frame type %1").arg(static_cast<int>(frame.type)));
            }
        }
        // The author's feed is ours up to lastSeq only if the bundle continues where we were:
        // after a lost bundle, its versions are merged but the checkpoint waits.
        SEN_ASSIGN_OR_RETURN(const std::int64_t pulled,
                             store.replication().checkpoint(info.author, ReplicaSync::Direction::Pull));
        if (info.since <= pulled && info.lastSeq > pulled)
            SEN_TRY(
                store.replication().setCheckpoint(info.author, ReplicaSync::Direction::Pull, info.lastSeq));
        // What the author has imported of ours, when the bundle is addressed to us.
        if (info.recipient == store.info().instanceId) {
            SEN_ASSIGN_OR_RETURN(const std::int64_t pushed,
                                 store.replication().checkpoint(info.author, ReplicaSync::Direction::Push));
            if (info.ack > pushed)
                SEN_TRY(
                    store.replication().setCheckpoint(info.author, ReplicaSync::Direction::Push, info.ack));
        }
        return Status::ok();
    }));
    return info;
}

} // namespace sen
