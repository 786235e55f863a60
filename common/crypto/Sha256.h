#pragma once

// SHA-256, one-shot or incremental. The Botan object stays behind a d-pointer so no Botan
// header leaks out of common/crypto.

#include "common/core/Ids.h"

#include <QByteArrayView>

#include <memory>

namespace sen::crypto {

struct Sha256Tag;
using Sha256Digest = FixedId<32, Sha256Tag>;

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;

    void update(QByteArrayView data);
    void update(const void* data, std::size_t length);
    // Returns the digest and resets the object for reuse.
    Sha256Digest finish();

    static Sha256Digest hash(QByteArrayView data);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace sen::crypto
