#pragma once

// Cryptographically secure random bytes from the operating system (through Botan).
// Thread-safe. Failure to read the OS generator is fatal: there is no safe fallback.

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace sen::crypto {

void fillRandom(std::uint8_t* out, std::size_t length);
QByteArray randomBytes(qsizetype length);
std::uint64_t randomUInt64();

} // namespace sen::crypto
