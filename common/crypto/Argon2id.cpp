#include "common/crypto/Argon2id.h"

#include <botan/argon2.h>
#include <exception>

namespace sen::crypto {

namespace {

// Argon2's type byte: 0 = Argon2d, 1 = Argon2i, 2 = Argon2id.
constexpr std::uint8_t kArgon2idType = 2;

const std::uint8_t* bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t*>(view.data());
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
    if (params.parallelism < 1 || params.iterations < 1 || params.memoryKiB < 8 * params.parallelism)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("Argon2id parameters out of range"));
    if (length < 4 || salt.size() < 8)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("Argon2id needs a salt of 8 bytes or more"));
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

} // namespace sen::crypto
