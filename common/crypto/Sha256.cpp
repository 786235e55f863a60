#include "common/crypto/Sha256.h"

#include <botan/hash.h>

namespace sen::crypto {

struct Sha256::Impl
{
    // "SHA-256" is always compiled into Botan; create_or_throw cannot fail in practice and the
    // self-test at start-up proves it.
    std::unique_ptr<Botan::HashFunction> hash = Botan::HashFunction::create_or_throw("SHA-256");
};

Sha256::Sha256() : d(std::make_unique<Impl>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(QByteArrayView data)
{
    d->hash->update(reinterpret_cast<const std::uint8_t*>(data.data()),
                    static_cast<std::size_t>(data.size()));
}

void Sha256::update(const void* data, std::size_t length)
{
    d->hash->update(static_cast<const std::uint8_t*>(data), length);
}

Sha256Digest Sha256::finish()
{
    Sha256Digest digest;
    d->hash->final(digest.data());
    return digest;
}

Sha256Digest Sha256::hash(QByteArrayView data)
{
    Sha256 h;
    h.update(data);
    return h.finish();
}

} // namespace sen::crypto
