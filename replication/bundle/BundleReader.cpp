#include "common/crypto/Sha256.h"
#include "common/crypto/Signature.h"
#include "common/identity/PeerVerifier.h"
#include "replication/bundle/Bundle.h"
#include "replication/bundle/BundleFormat.h"
#include "replication/protocol/BoundedCbor.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Numbers.h"

#include <QCborArray>

namespace sen {

using namespace protocol;

namespace {

Status bad(const QString& what)
{
    return Status(ErrorCode::Corruption, QStringLiteral("not a valid bundle: ") + what);
}

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

Status parseHeader(const Frame& frame, SignedBundle& bundle, QByteArray& certificate)
{
    if (frame.type != MessageType::BundleHeader)
        return bad(QStringLiteral("it does not start with a bundle header"));
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(frame.payload));
    const QCborArray a = value.toArray();
    if (!value.isArray() || a.size() < 1 || !a[0].isInteger())
        return bad(QStringLiteral("malformed header"));
    if (a[0].toInteger() == 1)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("the bundle is not signed (format 1, written by an older Sen): write it "
                                     "again with this version"));
    if (a[0].toInteger() != kBundleFormatVersion)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("bundle format %1 is not supported (this version reads %2)")
                          .arg(a[0].toInteger())
                          .arg(kBundleFormatVersion));
    if (a.size() != bundle::kHeaderFields)
        return bad(QStringLiteral("malformed header"));
    const auto replica = a[1].isByteArray() ? ReplicaId::fromBytes(a[1].toByteArray()) : std::nullopt;
    const auto author = a[2].isByteArray() ? InstanceId::fromBytes(a[2].toByteArray()) : std::nullopt;
    if (!replica || !author || !(a[3].isNull() || a[3].isByteArray()) || !a[4].isInteger() ||
        !a[5].isInteger() || !a[6].isInteger() || !a[8].isInteger() || a[8].toInteger() < 0 ||
        !a[9].isByteArray() || !(a[10].isNull() || a[10].isByteArray()))
        return bad(QStringLiteral("malformed header"));
    BundleInfo& info = bundle.info;
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
    info.counter = static_cast<std::uint64_t>(a[8].toInteger());
    certificate = a[9].toByteArray();
    bundle.crlDer = a[10].isByteArray() ? a[10].toByteArray() : QByteArray();
    return Status::ok();
}

} // namespace

Result<SignedBundle> readBundle(QIODevice& in, const BundleTrust& trust)
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
    SignedBundle bundle;
    QByteArray certificate;
    // The header first: a bundle of an older format is named as such, not as damaged.
    SEN_TRY(parseHeader(frames.front(), bundle, certificate));
    if (frames.back().type != MessageType::BundleEnd || decoder.pendingBytes() > 0 || frames.size() < 2)
        return bad(QStringLiteral("the file is cut short (no end frame)"));
    SEN_ASSIGN_OR_RETURN(const QCborValue end, parseBoundedCbor(frames.back().payload));
    const QCborArray a = end.toArray();
    if (!end.isArray() || a.size() != bundle::kEndFields || !a[3].isByteArray() || !a[4].isByteArray())
        return bad(QStringLiteral("malformed end frame"));
    // The end frame is the last one; everything before it is what the digest covers.
    const qsizetype covered = bytes.size() - lastFrameSize(bytes);
    const QByteArray digest = a[3].toByteArray();
    if (covered < 0 || crypto::Sha256::hash(QByteArrayView(bytes).first(covered)).toBytes() != digest)
        return bad(QStringLiteral("its checksum does not match: the file is damaged"));

    // Who signed it: a certificate of this organisation's certifier, not revoked, valid now
    // (as a TLS peer is checked), and the signature of the digest by its key.
    const QByteArray crl = trust.crlDer.isEmpty() ? bundle.crlDer : trust.crlDer;
    if (crl.isEmpty())
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("the bundle carries no revocation list of the certifier, so its signer "
                                     "cannot be checked"));
    SEN_ASSIGN_OR_RETURN(const identity::PeerVerifier verifier,
                         identity::PeerVerifier::create(trust.certifierDer, crl));
    Result<identity::CertificateInfo> signer = verifier.verify({certificate}, trust.now);
    if (!signer)
        return signer.status().withContext(QStringLiteral("the bundle's signer is not trusted"));
    bundle.signer = std::move(signer).value();
    const Status signature =
        crypto::verifySignature(certificate, bundle::signedPart(digest), a[4].toByteArray());
    if (!signature.isOk())
        return Status(
            ErrorCode::PermissionDenied,
            QStringLiteral("the bundle's signature does not match its content: it was altered after "
                           "%1 signed it")
                .arg(bundle.signer.name.toString()));
    bundle.info.signer = bundle.signer.name.toString();

    for (std::size_t i = 1; i + 1 < frames.size(); ++i) {
        Frame& frame = frames[i];
        if (frame.type == MessageType::Ack) {
            SEN_ASSIGN_OR_RETURN(const Ack ack, decodeAck(frame.payload));
            bundle.refusals.insert(bundle.refusals.end(), ack.refused.begin(), ack.refused.end());
        } else if (frame.type == MessageType::Number) {
            SEN_ASSIGN_OR_RETURN(const auto requests, decodeNumberRequests(frame.payload));
            bundle.numberRequests.insert(bundle.numberRequests.end(), requests.begin(), requests.end());
        } else if (frame.type == MessageType::Numbers) {
            SEN_ASSIGN_OR_RETURN(const auto answers, decodeNumberAnswers(frame.payload));
            bundle.numberAnswers.insert(bundle.numberAnswers.end(), answers.begin(), answers.end());
        } else if (frame.type == MessageType::BundleDocs || frame.type == MessageType::Chunks) {
            bundle.frames.push_back(std::move(frame));
        } else {
            return bad(QStringLiteral("unexpected frame type %1").arg(static_cast<int>(frame.type)));
        }
    }
    return bundle;
}

} // namespace sen
