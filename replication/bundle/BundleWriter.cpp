#include "common/attachments/AttachmentStore.h"
#include "common/crypto/Signature.h"
#include "common/model/AttachmentRef.h"
#include "common/model/DocumentCodec.h"
#include "replication/bundle/Bundle.h"
#include "replication/bundle/BundleFormat.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "replication/session/AccessPolicy.h"
#include "replication/session/ChunkAccess.h"
#include "replication/session/ReaderFilter.h"

#include <QCborArray>
#include <QDateTime>

#include <set>

namespace sen {

using namespace protocol;

namespace {

constexpr int kDocsPerFrame = 200;

// A first bundle's facts (BundleFormat.h): the user's access as WELCOME encodes it.
QCborValue databaseFacts(const BundleDatabase& db)
{
    QCborValue access(nullptr);
    if (db.access)
        access = QCborArray{db.access->level, db.access->rights, QCborArray::fromStringList(db.access->roles),
                            QCborArray::fromStringList(db.access->groups)};
    return QCborArray{db.database, db.kind, db.title, db.user, db.serverName, access};
}

QByteArray headerPayload(int format, const BundleInfo& info, const identity::Credentials& signer,
                         const BundleWriteOptions& options)
{
    const QByteArray& crlDer = options.crlDer;
    QCborArray header{format,
                      info.replicaId.toBytes(),
                      info.author.toBytes(),
                      info.recipient ? QCborValue(info.recipient->toBytes()) : QCborValue(nullptr),
                      static_cast<qint64>(info.since),
                      static_cast<qint64>(info.lastSeq),
                      static_cast<qint64>(info.ack),
                      QDateTime::currentMSecsSinceEpoch(),
                      static_cast<qint64>(info.counter),
                      signer.leafDer(),
                      crlDer.isEmpty() ? QCborValue(nullptr) : QCborValue(crlDer)};
    if (options.database)
        header.append(databaseFacts(*options.database));
    return header.toCborValue().toCbor();
}

// Writes a frame and adds it to the running digest that the end frame carries and the signer
// signs: a USB stick has no TLS to notice a flipped bit, and a damaged compressed frame can
// still decode.
Status writeFrame(QIODevice& out, FrameEncoder& encoder, crypto::Sha256& digest, MessageType type,
                  const QByteArray& payload, bool compress = true)
{
    const QByteArray frame = encoder.encode(type, 0, payload, compress);
    digest.update(frame);
    if (out.write(frame) != frame.size())
        return Status(ErrorCode::IoError, QStringLiteral("cannot write the bundle: ") + out.errorString());
    return Status::ok();
}

// Whether the recipient may receive the change: everything without a policy.
Result<bool> passes(const ReplicaStore& store, const BundleWriteOptions& options, const store::Change& change)
{
    if (!options.readers)
        return true;
    return peerMayReceive(store, *options.readers, change);
}

} // namespace

Result<BundleInfo> writeBundle(ReplicaStore& store, const identity::Credentials& signer, QIODevice& out,
                               const BundleWriteOptions& options)
{
    if (signer.privateKeyPem.isEmpty() || signer.leafDer().isEmpty())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a bundle is signed by an ID: none was given"));
    BundleInfo info;
    info.replicaId = store.info().replicaId;
    info.author = store.info().instanceId;
    info.recipient = options.recipient;
    info.signer = signer.name.toString();
    if (options.recipient) {
        SEN_ASSIGN_OR_RETURN(
            info.since, store.replication().checkpoint(*options.recipient, ReplicaSync::Direction::Push));
        SEN_ASSIGN_OR_RETURN(
            info.ack, store.replication().checkpoint(*options.recipient, ReplicaSync::Direction::Pull));
    }
    SEN_ASSIGN_OR_RETURN(info.lastSeq, store.lastSeq());
    SEN_ASSIGN_OR_RETURN(info.counter, store.localCounter());

    // Format 3 only for what format 2 cannot say: an office of an older Sen reads the rest.
    const int format = options.database ? kBundleFormatVersion : kBundleFormatSigned;
    FrameEncoder encoder;
    crypto::Sha256 digest;
    SEN_TRY(writeFrame(out, encoder, digest, MessageType::BundleHeader,
                       headerPayload(format, info, signer, options)));
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
            SEN_ASSIGN_OR_RETURN(const bool readable, passes(store, options, c));
            if (!readable)
                continue;
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
                if (!options.withChunks || item.type != ItemType::Attachment || item.isTombstone())
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
        if (options.readers) {
            // Chunks only for readers, as a session serves them (session/ChunkAccess.h).
            SEN_ASSIGN_OR_RETURN(const bool allowed, ChunkAccess(store, *options.readers).mayFetch(hash));
            if (!allowed)
                continue;
        }
        auto bytes = store.attachments().chunk(hash);
        if (!bytes)
            continue; // a summary-only replica may lack it: the recipient will ask someone else
        const bool compressible = store.attachments().isCompressible(hash).valueOr(true);
        SEN_TRY(writeFrame(out, encoder, digest, MessageType::Chunks,
                           encode(Chunks{{ChunkData{hash, std::move(bytes).value()}}}), compressible));
        ++info.chunks;
    }
    if (!options.refusals.empty()) {
        // The refusals of the recipient's bundle, as a session's ACK carries them.
        SEN_TRY(
            writeFrame(out, encoder, digest, MessageType::Ack, encode(Ack{0, info.ack, options.refusals})));
    }
    info.numberRequests = static_cast<qint64>(options.numberRequests.size());
    // Numbers asked for or given, at most kMaxNumberRequests a frame, as a session sends them.
    for (std::size_t at = 0; at < options.numberRequests.size(); at += kMaxNumberRequests) {
        const auto first = options.numberRequests.begin() + static_cast<std::ptrdiff_t>(at);
        const std::vector<NumberRequest> part(
            first, first + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                               kMaxNumberRequests, options.numberRequests.size() - at)));
        SEN_TRY(writeFrame(out, encoder, digest, MessageType::Number, encodeNumberRequests(part)));
    }
    for (std::size_t at = 0; at < options.numberAnswers.size(); at += kMaxNumberRequests) {
        const auto first = options.numberAnswers.begin() + static_cast<std::ptrdiff_t>(at);
        const std::vector<NumberAnswer> part(
            first, first + static_cast<std::ptrdiff_t>(
                               std::min<std::size_t>(kMaxNumberRequests, options.numberAnswers.size() - at)));
        SEN_TRY(writeFrame(out, encoder, digest, MessageType::Numbers, encodeNumberAnswers(part)));
    }
    const QByteArray sum = digest.finish().toBytes();
    SEN_ASSIGN_OR_RETURN(const QByteArray signature,
                         crypto::sign(signer.privateKeyPem, bundle::signedPart(format, sum)));
    crypto::Sha256 unused;
    SEN_TRY(
        writeFrame(out, encoder, unused, MessageType::BundleEnd,
                   QCborArray{static_cast<qint64>(info.lastSeq), info.documents, info.chunks, sum, signature}
                       .toCborValue()
                       .toCbor()));
    return info;
}

} // namespace sen
