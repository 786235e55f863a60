#pragma once

// ECDSA P-256 with SHA-256 signatures, the one kind Sen's keys make (identity/Certifier.h):
// a signer from a private key, a check against a certificate's public key. Signatures are
// IEEE 1363 (r ‖ s, 64 bytes), so they have a fixed length wherever they are written down.
// Botan stays behind this header; its exceptions end here.

#include "common/core/Result.h"

#include <QByteArray>

namespace sen::crypto {

constexpr int kSignatureSize = 64;

// Signs `message` with the unencrypted PKCS#8 PEM key `privateKeyPem` (an EC P-256 key).
// InvalidArgument when the key cannot be read or is not such a key.
[[nodiscard]] Result<QByteArray> sign(const QByteArray& privateKeyPem, QByteArrayView message);

// Ok when `signature` is a valid signature of `message` by the key of the X.509 certificate
// `certificateDer`; PermissionDenied when it is not (a wrong, altered or truncated signature);
// InvalidArgument when the certificate cannot be read. The certificate's own validity is not
// looked at: the caller decides whom to believe.
[[nodiscard]] Status verifySignature(const QByteArray& certificateDer, QByteArrayView message,
                                     QByteArrayView signature);

} // namespace sen::crypto
