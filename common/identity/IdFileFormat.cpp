#include "common/identity/IdFileFormat.h"

#include "common/crypto/Aes256Gcm.h"
#include "common/identity/ByteReader.h"

namespace sen::identity {

namespace {

Status damaged(const QString& detail)
{
    return {ErrorCode::Corruption, QStringLiteral("the ID file is damaged (%1)").arg(detail)};
}

} // namespace

QByteArray IdFileHeader::encode() const
{
    detail::ByteWriter out;
    const QByteArray nameUtf8 = name.toString().toUtf8();
    out.u16(static_cast<quint16>(nameUtf8.size()));
    out.raw(nameUtf8);
    out.u8(static_cast<quint8>(role));
    out.u8(static_cast<quint8>(chainDer.size()));
    for (const QByteArray& der : chainDer) {
        out.u32(static_cast<quint32>(der.size()));
        out.raw(der);
    }
    out.u8(static_cast<quint8>(kdf));
    out.u32(kdfParams.memoryKiB);
    out.u32(kdfParams.iterations);
    out.u32(kdfParams.parallelism);
    out.u8(static_cast<quint8>(salt.size()));
    out.raw(salt);
    out.u8(static_cast<quint8>(nonce.size()));
    out.raw(nonce);
    return out.bytes();
}

Result<IdFileHeader> IdFileHeader::decode(QByteArrayView bytes)
{
    detail::ByteReader in(bytes);
    IdFileHeader header;

    const QByteArrayView nameUtf8 = in.view(in.u16(), HierarchicalName::kMaxUtf8Size);
    const quint8 role = in.u8();
    const quint8 chainLength = in.u8();
    if (!in.ok())
        return damaged(QStringLiteral("its header is cut short"));
    if (!isKnownRole(role))
        return damaged(QStringLiteral("unknown role %1").arg(role));
    if (chainLength < 1 || chainLength > kMaxChainLength)
        return damaged(QStringLiteral("a certificate chain of %1").arg(chainLength));
    header.role = static_cast<CertificateRole>(role);
    for (quint8 i = 0; i < chainLength; ++i)
        header.chainDer.append(in.bytes(in.u32(), kMaxCertificateSize));

    const quint8 kdf = in.u8();
    header.kdfParams.memoryKiB = in.u32();
    header.kdfParams.iterations = in.u32();
    header.kdfParams.parallelism = in.u32();
    header.salt = in.bytes(in.u8(), kSaltSize);
    header.nonce = in.bytes(in.u8(), crypto::Aes256Gcm::kNonceSize);
    if (!in.ok())
        return damaged(QStringLiteral("a field runs past its bound or the header's end"));
    if (!in.atEnd())
        return damaged(QStringLiteral("trailing bytes after the header"));
    if (kdf != static_cast<quint8>(KdfAlgorithm::Argon2id))
        return damaged(QStringLiteral("unknown key derivation %1").arg(kdf));
    const crypto::Argon2idParams& p = header.kdfParams;
    if (p.parallelism < 1 || p.parallelism > kMaxKdfParallelism || p.iterations < 1 ||
        p.iterations > kMaxKdfIterations || p.memoryKiB < 8 * p.parallelism || p.memoryKiB > kMaxKdfMemoryKiB)
        return damaged(QStringLiteral("Argon2id parameters out of bounds"));
    if (header.salt.size() != kSaltSize || header.nonce.size() != crypto::Aes256Gcm::kNonceSize)
        return damaged(QStringLiteral("a salt or nonce of the wrong size"));

    const auto name = HierarchicalName::parse(QString::fromUtf8(nameUtf8));
    if (!name.isOk())
        return damaged(name.message());
    header.name = name.value();
    return header;
}

} // namespace sen::identity
