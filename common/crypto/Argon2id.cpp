#include "common/crypto/Argon2id.h"

#include <botan/argon2.h>
#include <exception>
#include <sodium.h>

namespace sen::crypto {

namespace {

// Argon2's type byte: 0 = Argon2d, 1 = Argon2i, 2 = Argon2id.
constexpr std::uint8_t kArgon2idType = 2;

const std::uint8_t* bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t*>(view.data());
}

Status checkParams(QByteArrayView salt, const Argon2idParams& params, qsizetype length)
{
    if (params.parallelism < 1 || params.iterations < 1 || params.memoryKiB < 8 * params.parallelism)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("Argon2id parameters out of range"));
    if (length < 4 || salt.size() < 8)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("Argon2id needs a salt of 8 bytes or more"));
    return Status::ok();
}

// sodium_init picks the fastest Argon2 block function this CPU runs (AVX-512F, AVX2, SSSE3
// or portable); it is idempotent and thread-safe, and this runs it once.
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

bool sodiumTakes(QByteArrayView password, QByteArrayView salt, QByteArrayView secret,
                 QByteArrayView associatedData, const Argon2idParams& params, qsizetype length)
{
    const quint64 memoryBytes = quint64(params.memoryKiB) * 1024;
    return secret.isEmpty() && associatedData.isEmpty() && params.parallelism == 1 &&
           salt.size() == crypto_pwhash_argon2id_SALTBYTES &&
           quint64(length) >= crypto_pwhash_argon2id_BYTES_MIN &&
           quint64(length) <= crypto_pwhash_argon2id_BYTES_MAX &&
           quint64(password.size()) <= crypto_pwhash_argon2id_PASSWD_MAX &&
           params.iterations >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
           params.iterations <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
           memoryBytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
           memoryBytes <= crypto_pwhash_argon2id_MEMLIMIT_MAX;
}

Result<QByteArray> deriveSodium(QByteArrayView password, QByteArrayView salt, const Argon2idParams& params,
                                qsizetype length)
{
    if (!sodiumReady())
        return Status(ErrorCode::Internal, QStringLiteral("libsodium could not be initialised"));
    QByteArray out(length, Qt::Uninitialized);
    // memlimit in bytes; libsodium divides it by 1024 back to m, exactly.
    if (crypto_pwhash_argon2id(reinterpret_cast<unsigned char*>(out.data()), static_cast<quint64>(length),
                               password.data(), static_cast<quint64>(password.size()), bytes(salt),
                               params.iterations, std::size_t(params.memoryKiB) * 1024,
                               crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Status(ErrorCode::Internal,
                      QStringLiteral("Argon2id failed: %1 KiB could not be allocated").arg(params.memoryKiB));
    return out;
}

Result<QByteArray> deriveBotan(QByteArrayView password, QByteArrayView salt, QByteArrayView secret,
                               QByteArrayView associatedData, const Argon2idParams& params, qsizetype length)
{
    QByteArray out(length, Qt::Uninitialized);
    try {
        Botan::argon2(reinterpret_cast<std::uint8_t*>(out.data()), static_cast<std::size_t>(length),
                      password.data(), static_cast<std::size_t>(password.size()), bytes(salt),
                      static_cast<std::size_t>(salt.size()), bytes(secret),
                      static_cast<std::size_t>(secret.size()), bytes(associatedData),
                      static_cast<std::size_t>(associatedData.size()), kArgon2idType, params.parallelism,
                      params.memoryKiB, params.iterations);
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal,
                      QStringLiteral("Argon2id failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return out;
}

} // namespace

Result<QByteArray> Argon2id::derive(QByteArrayView password, QByteArrayView salt,
                                    const Argon2idParams& params, qsizetype length)
{
    return derive(password, salt, {}, {}, params, length);
}

Result<QByteArray> Argon2id::derive(QByteArrayView password, QByteArrayView salt, QByteArrayView secret,
                                    QByteArrayView associatedData, const Argon2idParams& params,
                                    qsizetype length)
{
    const Implementation implementation =
        sodiumTakes(password, salt, secret, associatedData, params, length) && sodiumReady()
            ? Implementation::Sodium
            : Implementation::Botan;
    return deriveWith(implementation, password, salt, secret, associatedData, params, length);
}

Argon2id::Implementation Argon2id::implementationFor(QByteArrayView salt, QByteArrayView secret,
                                                     QByteArrayView associatedData,
                                                     const Argon2idParams& params, qsizetype length)
{
    return sodiumTakes({}, salt, secret, associatedData, params, length) && sodiumReady()
               ? Implementation::Sodium
               : Implementation::Botan;
}

Result<QByteArray> Argon2id::deriveWith(Implementation implementation, QByteArrayView password,
                                        QByteArrayView salt, QByteArrayView secret,
                                        QByteArrayView associatedData, const Argon2idParams& params,
                                        qsizetype length)
{
    SEN_TRY(checkParams(salt, params, length));
    if (implementation == Implementation::Botan)
        return deriveBotan(password, salt, secret, associatedData, params, length);
    if (!sodiumTakes(password, salt, secret, associatedData, params, length))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("libsodium's Argon2id takes one lane, a 16-byte salt and no secret "
                                     "or associated data"));
    return deriveSodium(password, salt, params, length);
}

} // namespace sen::crypto
