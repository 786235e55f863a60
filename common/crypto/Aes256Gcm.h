#pragma once

// AES-256 in GCM mode with a 12-byte nonce and a 16-byte tag, one-shot. The caller chooses
// the nonce and must never reuse one under the same key (Sen derives a fresh key per sealing,
// and draws a fresh random nonce too).

#include "common/core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sen::crypto {

class Aes256Gcm
{
public:
    static constexpr qsizetype kKeySize = 32;
    static constexpr qsizetype kNonceSize = 12;
    static constexpr qsizetype kTagSize = 16;

    // Ciphertext followed by the tag. InvalidArgument if the key or nonce has the wrong size.
    [[nodiscard]] static Result<QByteArray> encrypt(QByteArrayView key, QByteArrayView nonce,
                                                    QByteArrayView associatedData, QByteArrayView plaintext);

    // PermissionDenied when the tag does not verify (wrong key, or altered ciphertext or
    // associated data: GCM cannot tell these apart). The caller wipes the plaintext when done.
    [[nodiscard]] static Result<QByteArray> decrypt(QByteArrayView key, QByteArrayView nonce,
                                                    QByteArrayView associatedData, QByteArrayView sealed);
};

} // namespace sen::crypto
