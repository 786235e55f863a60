#include "common/crypto/Aes256Gcm.h"

#include <botan/aead.h>
#include <botan/exceptn.h>
#include <exception>

namespace sen::crypto {

namespace {

const std::uint8_t* bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t*>(view.data());
}

Status checkSizes(QByteArrayView key, QByteArrayView nonce)
{
    if (key.size() != Aes256Gcm::kKeySize)
        return {ErrorCode::InvalidArgument, QStringLiteral("AES-256/GCM needs a 32-byte key")};
    if (nonce.size() != Aes256Gcm::kNonceSize)
        return {ErrorCode::InvalidArgument, QStringLiteral("AES-256/GCM needs a 12-byte nonce")};
    return Status::ok();
}

// Runs the whole message through one AEAD object; the buffer is Botan's secure_vector so the
// plaintext copy Botan works on is wiped when it goes out of scope.
QByteArray run(Botan::Cipher_Dir direction, QByteArrayView key, QByteArrayView nonce,
               QByteArrayView associatedData, QByteArrayView input)
{
    auto mode = Botan::AEAD_Mode::create_or_throw("AES-256/GCM", direction);
    mode->set_key(bytes(key), static_cast<std::size_t>(key.size()));
    mode->set_associated_data(bytes(associatedData), static_cast<std::size_t>(associatedData.size()));
    mode->start(bytes(nonce), static_cast<std::size_t>(nonce.size()));
    Botan::secure_vector<std::uint8_t> buffer(bytes(input), bytes(input) + input.size());
    mode->finish(buffer);
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), static_cast<qsizetype>(buffer.size()));
}

} // namespace

Result<QByteArray> Aes256Gcm::encrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView associatedData,
                                      QByteArrayView plaintext)
{
    SEN_TRY(checkSizes(key, nonce));
    try {
        return run(Botan::ENCRYPTION, key, nonce, associatedData, plaintext);
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal,
                      QStringLiteral("AES-256/GCM encryption failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<QByteArray> Aes256Gcm::decrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView associatedData,
                                      QByteArrayView sealed)
{
    SEN_TRY(checkSizes(key, nonce));
    if (sealed.size() < kTagSize)
        return Status(ErrorCode::PermissionDenied, QStringLiteral("the sealed data is shorter than its tag"));
    try {
        return run(Botan::DECRYPTION, key, nonce, associatedData, sealed);
    } catch (const Botan::Invalid_Authentication_Tag&) {
        return Status(ErrorCode::PermissionDenied, QStringLiteral("the authentication tag does not verify"));
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal,
                      QStringLiteral("AES-256/GCM decryption failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace sen::crypto
