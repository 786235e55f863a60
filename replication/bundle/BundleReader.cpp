#include "common/crypto/Sha256.h"
#include "common/crypto/Signature.h"
#include "common/identity/PeerVerifier.h"
#include "replication/bundle/Bundle.h"
#include "replication/bundle/BundleFormat.h"
#include "replication/protocol/BoundedCbor.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Numbers.h"

#include <QCborArray>

#include <algorithm>

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

// A list of at most kMaxAccessNames strings of at most kMaxAccessNameLength characters, as
// WELCOME bounds its roles and groups.
std::optional<QStringList> accessNames(const QCborValue& v)
{
    if (!v.isArray() || v.toArray().size() > kMaxAccessNames)
        return std::nullopt;
    QStringList names;
    for (const QCborValue& name : v.toArray()) {
        if (!name.isString() || name.toString().size() > kMaxAccessNameLength)
            return std::nullopt;
        names << name.toString();
    }
    return names;
}

// Format 3's database facts (BundleFormat.h).
Result<BundleDatabase> parseDatabase(const QCborValue& value)
{
    const QCborArray a = value.toArray();
    constexpr qsizetype kMaxText = 4096;
    const auto text = [](const QCborValue& v) {
        return v.isString() && v.toString().size() <= kMaxText;
    };
    if (!value.isArray() || a.size() != bundle::kDatabaseFields || !text(a[0]) || !a[1].isInteger() ||
        !text(a[2]) || !text(a[3]) || !text(a[4]) || !(a[5].isNull() || a[5].isArray()))
        return bad(QStringLiteral("malformed database facts"));
    BundleDatabase db;
    db.database = a[0].toString();
    db.kind = static_cast<int>(std::clamp<qint64>(a[1].toInteger(), -1, 1 << 16));
    db.title = a[2].toString();
    db.user = a[3].toString();
    db.serverName = a[4].toString();
    if (a[5].isArray()) {
        const QCborArray access = a[5].toArray();
        if (access.size() != 4 || !access[0].isInteger() || !access[1].isInteger() ||
            access[0].toInteger() < 0 || access[0].toInteger() > kMaxAccessLevel ||
            access[1].toInteger() < 0 || access[1].toInteger() > kMaxAccessLevel)
            return bad(QStringLiteral("malformed access"));
        const auto roles = accessNames(access[2]);
        const auto groups = accessNames(access[3]);
        if (!roles || !groups)
            return bad(QStringLiteral("malformed access"));
        db.access = WelcomeAccess{static_cast<int>(access[0].toInteger()),
                                  static_cast<int>(access[1].toInteger()), *roles, *groups};
    }
    return db;
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
    const qint64 format = a[0].toInteger();
    if (format < kBundleFormatSigned || format > kBundleFormatVersion)
        return Status(
            ErrorCode::Unsupported,
            QStringLiteral("bundle format %1 is not supported (this version reads formats %2 to %3): "
                           "it was written by a newer Sen")
                .arg(format)
                .arg(kBundleFormatSigned)
                .arg(kBundleFormatVersion));
    bundle.format = static_cast<int>(format);
    if (a.size() != (format == 2 ? bundle::kHeaderFields : bundle::kHeaderFieldsFormat3))
        return bad(QStringLiteral("malformed header"));
    if (format >= 3) {
        SEN_ASSIGN_OR_RETURN(bundle.database, parseDatabase(a[bundle::kHeaderFields]));
    }
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
    // An office: the newer of the CRL it kept and the one the bundle carries (an older one
    // carried by a revoked signer must not undo a revocation the office has seen).
    QByteArray crl = trust.crlDer.isEmpty() ? bundle.crlDer : trust.crlDer;
    if (trust.crlDer.isEmpty() && !trust.keptCrlDer.isEmpty() &&
        (crl.isEmpty() || identity::PeerVerifier::create(trust.certifierDer, crl).isOk()))
        crl = identity::PeerVerifier::newerCrl(trust.certifierDer, trust.keptCrlDer, crl).valueOr(crl);
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
    bundle.checkedCrlDer = crl;
    const Status signature =
        crypto::verifySignature(certificate, bundle::signedPart(bundle.format, digest), a[4].toByteArray());
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
