#include "common/crypto/Random.h"

#include <QtGlobal>

#include <botan/system_rng.h>
#include <exception>

namespace sen::crypto {

void fillRandom(std::uint8_t* out, std::size_t length)
{
    try {
        Botan::system_rng().randomize(out, length);
    } catch (const std::exception& e) {
        qFatal("sen: the system random number generator failed: %s", e.what());
    }
}

QByteArray randomBytes(qsizetype length)
{
    QByteArray bytes(length, Qt::Uninitialized);
    fillRandom(reinterpret_cast<std::uint8_t*>(bytes.data()), static_cast<std::size_t>(length));
    return bytes;
}

std::uint64_t randomUInt64()
{
    std::uint64_t value = 0;
    fillRandom(reinterpret_cast<std::uint8_t*>(&value), sizeof value);
    return value;
}

} // namespace sen::crypto
