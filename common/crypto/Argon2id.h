#pragma once

// Argon2id (RFC 9106), the memory-hard password KDF that protects ID files. Parameters are
// explicit so a file records exactly what was used to seal it.
//
// Two implementations give the same bytes: libsodium's (SIMD code chosen at run time, about
// twice as fast as Botan's on x86-64) for what it supports — one lane, a 16-byte salt, no
// secret or associated data, an output of 16 bytes or more, which is every ID file Sen seals
// — and Botan's portable code for everything else (the RFC 9106 vector, other salts).

#include "common/core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace sen::crypto {

struct Argon2idParams
{
    quint32 memoryKiB = 0;   // m, at least 8 * parallelism
    quint32 iterations = 0;  // t, at least 1
    quint32 parallelism = 0; // p, at least 1
};

class Argon2id
{
public:
    enum class Implementation
    {
        Sodium, // libsodium's crypto_pwhash (Argon2id v1.3)
        Botan,  // Botan 2's argon2
    };

    // Derives `length` bytes. InvalidArgument for parameters outside Argon2's ranges.
    // Deterministic; it takes as long and as much memory as the parameters say.
    [[nodiscard]] static Result<QByteArray> derive(QByteArrayView password, QByteArrayView salt,
                                                   const Argon2idParams& params, qsizetype length);

    // The full RFC 9106 form with a secret key and associated data; used by the self-test.
    [[nodiscard]] static Result<QByteArray> derive(QByteArrayView password, QByteArrayView salt,
                                                   QByteArrayView secret, QByteArrayView associatedData,
                                                   const Argon2idParams& params, qsizetype length);

    // Which implementation derive() takes for these inputs: Sodium where it can, else Botan.
    static Implementation implementationFor(QByteArrayView salt, QByteArrayView secret,
                                            QByteArrayView associatedData, const Argon2idParams& params,
                                            qsizetype length);

    // The derivation through one named implementation, for the self-test and the tests that
    // hold the two to the same bytes. InvalidArgument where that implementation cannot take
    // the inputs (Sodium: see implementationFor).
    [[nodiscard]] static Result<QByteArray> deriveWith(Implementation implementation, QByteArrayView password,
                                                       QByteArrayView salt, QByteArrayView secret,
                                                       QByteArrayView associatedData,
                                                       const Argon2idParams& params, qsizetype length);
};

} // namespace sen::crypto
