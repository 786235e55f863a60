#pragma once

// Argon2id (RFC 9106), the memory-hard password KDF that protects ID files. Parameters are
// explicit so a file records exactly what was used to seal it.

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
    // Derives `length` bytes. InvalidArgument for parameters outside Argon2's ranges.
    // Deterministic; it takes as long and as much memory as the parameters say.
    [[nodiscard]] static Result<QByteArray> derive(QByteArrayView password, QByteArrayView salt,
                                                   const Argon2idParams& params, qsizetype length);

    // The full RFC 9106 form with a secret key and associated data; used by the self-test.
    [[nodiscard]] static Result<QByteArray> derive(QByteArrayView password, QByteArrayView salt,
                                                   QByteArrayView secret, QByteArrayView associatedData,
                                                   const Argon2idParams& params, qsizetype length);
};

} // namespace sen::crypto
