#include "common/identity/IdFile.h"

#include "common/core/OwnerOnly.h"
#include "common/crypto/Aes256Gcm.h"
#include "common/crypto/Random.h"
#include "common/crypto/Sha256.h"
#include "common/crypto/Wipe.h"
#include "common/identity/ByteReader.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/PasswordPolicy.h"
#include "common/identity/X509Support.h"

#include <QFile>
#include <QSaveFile>

#include <botan/pkcs8.h>
#include <botan/x509cert.h>

namespace sen::identity {

namespace {

constexpr qsizetype kMagicSize = sizeof kIdFileMagic;
constexpr qsizetype kChecksumSize = 32;
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Status notAnIdFile()
{
    return {ErrorCode::Corruption, QStringLiteral("this is not a Sen ID file")};
}

Status damaged(const QString& detail)
{
    return {ErrorCode::Corruption, QStringLiteral("the ID file is damaged (%1)").arg(detail)};
}

// The key derived from the password: NFC, UTF-8, Argon2id. The intermediate UTF-8 is wiped.
Result<QByteArray> deriveKey(const QString& password, const IdFileHeader& header)
{
    QByteArray utf8 = password.normalized(QString::NormalizationForm_C).toUtf8();
    Result<QByteArray> key =
        crypto::Argon2id::derive(utf8, header.salt, header.kdfParams, crypto::Aes256Gcm::kKeySize);
    crypto::wipe(utf8);
    return key;
}

// The parts of a file whose checksum has been verified.
struct Parsed
{
    IdFileHeader header;
    QByteArrayView associatedData; // magic .. end of header
    QByteArrayView sealedKey;
};

Result<Parsed> parse(QByteArrayView file)
{
    if (file.size() < kMagicSize || file.first(kMagicSize) != QByteArrayView(kIdFileMagic, kMagicSize))
        return notAnIdFile();
    if (file.size() > kMaxIdFileSize)
        return damaged(QStringLiteral("larger than any ID file"));
    detail::ByteReader in(file.first(std::max<qsizetype>(file.size() - kChecksumSize, kMagicSize)));
    in.view(kMagicSize, kMagicSize);
    const quint16 version = in.u16();
    if (!in.ok() || file.size() < kMagicSize + 2 + kChecksumSize)
        return damaged(QStringLiteral("cut short"));
    if (version > kIdFileVersion)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("the ID file has version %1; this Sen reads up to version %2")
                          .arg(version)
                          .arg(kIdFileVersion));
    if (version == 0)
        return damaged(QStringLiteral("version 0"));
    const QByteArrayView body = file.first(file.size() - kChecksumSize);
    if (crypto::Sha256::hash(body).toBytes() != file.last(kChecksumSize))
        return damaged(QStringLiteral("its checksum does not match"));

    const QByteArrayView headerBytes = in.view(in.u32(), kMaxHeaderSize);
    const qsizetype headerEnd = in.position();
    const QByteArrayView sealedKey = in.view(in.u32(), kMaxSealedKeySize);
    if (!in.ok() || !in.atEnd())
        return damaged(QStringLiteral("a length runs past its bound or the file's end"));
    if (sealedKey.size() < crypto::Aes256Gcm::kTagSize)
        return damaged(QStringLiteral("the sealed key is shorter than its tag"));
    SEN_ASSIGN_OR_RETURN(IdFileHeader header, IdFileHeader::decode(headerBytes));
    return Parsed{std::move(header), file.first(headerEnd), sealedKey};
}

// Checks the key is the one the leaf certificate certifies, and that the certificate names
// the holder the header names. Returns the key as PKCS#8 DER (secret: the caller wipes it).
Result<QByteArray> checkedKeyDer(const QByteArray& keyPem, const QList<QByteArray>& chainDer,
                                 const HierarchicalName& name)
{
    SEN_ASSIGN_OR_RETURN(const auto key, detail::parsePrivateKey(keyPem));
    SEN_ASSIGN_OR_RETURN(const auto leaf, detail::parseCertificate(chainDer.value(0)));
    SEN_ASSIGN_OR_RETURN(const CertificateInfo info, CertificateInfo::fromDer(chainDer.value(0)));
    if (!info.name.matches(name))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("the certificate names %1, not %2").arg(info.name.toString(), name.toString()));
    try {
        if (key->subject_public_key() != leaf->subject_public_key_info())
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("the private key does not match %1's certificate").arg(name.toString()));
        return detail::toByteArray(Botan::PKCS8::BER_encode(*key));
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal, detail::exceptionMessage(e));
    }
}

Result<QByteArray> pemFromDer(const QByteArray& der)
{
    try {
        SEN_ASSIGN_OR_RETURN(const auto key, detail::parsePrivateKey(der));
        return QByteArray::fromStdString(Botan::PKCS8::PEM_encode(*key));
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal, detail::exceptionMessage(e));
    }
}

} // namespace

crypto::Argon2idParams kdfParams(KdfCost cost)
{
    switch (cost) {
    case KdfCost::Interactive:
        return {64 * 1024, 3, 1};
    case KdfCost::Test:
        return {256, 1, 1};
    }
    return {64 * 1024, 3, 1};
}

Result<QByteArray> IdFile::seal(const Credentials& credentials, const QString& password, KdfCost cost)
{
    if (credentials.name.isNull() || credentials.chainDer.isEmpty() || credentials.privateKeyPem.isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("incomplete credentials cannot be sealed"));
    if (credentials.chainDer.size() > kMaxChainLength)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the certificate chain is too long"));
    for (const QByteArray& der : credentials.chainDer) {
        if (der.size() > kMaxCertificateSize)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("a certificate is too large"));
    }
    SEN_ASSIGN_OR_RETURN(QByteArray keyDer,
                         checkedKeyDer(credentials.privateKeyPem, credentials.chainDer, credentials.name));

    IdFileHeader header;
    header.name = credentials.name;
    header.role = credentials.role;
    header.chainDer = credentials.chainDer;
    header.kdf = KdfAlgorithm::Argon2id;
    header.kdfParams = kdfParams(cost);
    header.salt = crypto::randomBytes(kSaltSize);
    header.nonce = crypto::randomBytes(crypto::Aes256Gcm::kNonceSize);

    detail::ByteWriter out;
    out.raw(QByteArrayView(kIdFileMagic, kMagicSize));
    out.u16(kIdFileVersion);
    const QByteArray headerBytes = header.encode();
    out.u32(static_cast<quint32>(headerBytes.size()));
    out.raw(headerBytes);

    Result<QByteArray> key = deriveKey(password, header);
    if (!key.isOk()) {
        crypto::wipe(keyDer);
        return key.status();
    }
    Result<QByteArray> sealed = crypto::Aes256Gcm::encrypt(key.value(), header.nonce, out.bytes(), keyDer);
    crypto::wipe(key.value());
    crypto::wipe(keyDer);
    SEN_TRY(sealed.status());
    out.u32(static_cast<quint32>(sealed->size()));
    out.raw(sealed.value());
    out.raw(crypto::Sha256::hash(out.bytes()).toBytes());
    return out.bytes();
}

Result<IdFileHeader> IdFile::readHeader(QByteArrayView file)
{
    SEN_ASSIGN_OR_RETURN(Parsed parsed, parse(file));
    return parsed.header;
}

Result<Credentials> IdFile::open(QByteArrayView file, const QString& password)
{
    SEN_ASSIGN_OR_RETURN(const Parsed parsed, parse(file));
    SEN_ASSIGN_OR_RETURN(QByteArray key, deriveKey(password, parsed.header));
    Result<QByteArray> keyDer =
        crypto::Aes256Gcm::decrypt(key, parsed.header.nonce, parsed.associatedData, parsed.sealedKey);
    crypto::wipe(key);
    if (keyDer.code() == ErrorCode::PermissionDenied)
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("wrong password for %1's ID file").arg(parsed.header.name.toString()));
    SEN_TRY(keyDer.status());

    Credentials credentials;
    credentials.name = parsed.header.name;
    credentials.role = parsed.header.role;
    credentials.chainDer = parsed.header.chainDer;
    Result<QByteArray> pem = pemFromDer(keyDer.value());
    crypto::wipe(keyDer.value());
    if (!pem.isOk())
        return damaged(pem.message());
    credentials.privateKeyPem = std::move(pem.value());
    // The checksum and the tag passed, so a mismatch here means the file was made wrongly.
    Result<QByteArray> check =
        checkedKeyDer(credentials.privateKeyPem, credentials.chainDer, credentials.name);
    if (!check.isOk()) {
        crypto::wipe(credentials.privateKeyPem);
        return damaged(check.message());
    }
    crypto::wipe(check.value());
    return credentials;
}

Result<QByteArray> IdFile::changePassword(QByteArrayView file, const QString& oldPassword,
                                          const QString& newPassword, KdfCost cost)
{
    SEN_TRY(checkPasswordStrength(newPassword));
    SEN_ASSIGN_OR_RETURN(Credentials credentials, open(file, oldPassword));
    Result<QByteArray> resealed = seal(credentials, newPassword, cost);
    crypto::wipe(credentials.privateKeyPem);
    return resealed;
}

Status IdFile::save(const QString& path, const QByteArray& file)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(path, out.errorString())};
    // The temporary file gets the permissions before any byte is written to it.
    if (!out.setPermissions(kOwnerOnly))
        return {ErrorCode::IoError, QStringLiteral("cannot restrict the permissions of %1").arg(path)};
    if (out.write(file) != file.size() || !out.commit())
        return {ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(path, out.errorString())};
    // On Windows too (a user-only ACL), not only the POSIX mode QSaveFile set.
    return restrictToOwner(path);
}

Result<QByteArray> IdFile::load(const QString& path)
{
    QFile in(path);
    if (!in.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("%1 does not exist").arg(path));
    if (!in.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
    if (in.size() > kMaxIdFileSize)
        return Status(ErrorCode::Corruption, QStringLiteral("%1 is too large to be a Sen ID file").arg(path));
    const QByteArray bytes = in.read(kMaxIdFileSize + 1);
    if (in.error() != QFileDevice::NoError)
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
    return bytes;
}

} // namespace sen::identity
