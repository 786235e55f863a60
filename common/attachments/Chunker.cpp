#include "common/attachments/Chunker.h"

#include <algorithm>
#include <array>
#include <bit>

namespace sen {

namespace {

// ---- Format constants: changing any of them changes where every file is cut. ----
//
// Gear table: 256 values from splitmix64 (Steele, Lea, Flood 2014) seeded with
// 0x53656E4745415231 ("SenGEAR1" in ASCII):
//     state += 0x9E3779B97F4A7C15
//     z = state
//     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//     gear[i] = z ^ (z >> 31)            for i = 0, 1, ..., 255 in order
// All arithmetic is unsigned 64-bit, wrapping.
constexpr std::uint64_t kGearSeed = 0x53656E4745415231ull;

constexpr std::array<std::uint64_t, 256> makeGear(int shift)
{
    std::array<std::uint64_t, 256> gear{};
    std::uint64_t state = kGearSeed;
    for (std::uint64_t& g : gear) {
        state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        g = (z ^ (z >> 31)) << shift;
    }
    return gear;
}

constexpr std::array<std::uint64_t, 256> kGear = makeGear(0);
// gear[i] << 1, for the two-bytes-per-step loop below.
constexpr std::array<std::uint64_t, 256> kGearShifted = makeGear(1);

// Normalised chunking, level 2 (FastCDC 2016, §3.3): before the average size the hash must
// match 16 + 2 = 18 bits, after it 16 - 2 = 14. The one-bits are spread over bits 12..47
// rather than packed at the bottom, which widens the window of bytes a cut depends on (these
// are the published FastCDC masks for 256 KiB and 16 KiB, as used by the reference
// implementations). Bit 63 is clear in both, which the two-byte loop relies on.
constexpr std::uint64_t kMaskS = 0x0000d90707537000ull;
constexpr std::uint64_t kMaskL = 0x0000d90313530000ull;
static_assert(std::popcount(kMaskS) == 18 && std::popcount(kMaskL) == 14);
static_assert((kMaskS >> 63) == 0 && (kMaskL >> 63) == 0);
static_assert(Chunker::kAverageSize == 1u << 16);

// Rolls bytes [i, end) into `hash` (starting from its current value) and returns the chunk
// length at the first position whose hash has all of `mask`'s bits clear, or 0.
//
// The cut test is the plain gear one, hash = (hash << 1) + gear[byte], checked after each
// byte. It runs two bytes per step (FastCDC 2020, "rolling two bytes"): after the first byte
// it holds hash << 1, built as (hash << 2) + (gear << 1), and tests it against mask << 1,
// which is the same test because bit 63 of the mask is clear. So the cuts are exactly those
// of the one-byte loop, for one shift less per pair.
template <std::uint64_t Mask>
inline std::size_t scan(const std::uint8_t* p, std::size_t i, std::size_t end, std::uint64_t& hash)
{
    std::uint64_t h = hash;
    for (; i + 2 <= end; i += 2) {
        h = (h << 2) + kGearShifted[p[i]];
        if ((h & (Mask << 1)) == 0)
            return i + 1;
        h += kGear[p[i + 1]];
        if ((h & Mask) == 0)
            return i + 2;
    }
    if (i < end) {
        h = (h << 1) + kGear[p[i]];
        if ((h & Mask) == 0)
            return i + 1;
    }
    hash = h;
    return 0;
}

} // namespace

std::size_t Chunker::nextCut(QByteArrayView data, bool atEnd)
{
    const auto size = static_cast<std::size_t>(data.size());
    // No cut can fall in the first kMinSize bytes, so they are not hashed at all: the first
    // hashed byte is at offset kMinSize, and the earliest cut is after it.
    if (size <= kMinSize)
        return atEnd ? size : 0;

    const auto* p = reinterpret_cast<const std::uint8_t*>(data.data());
    const std::size_t limit = std::min(size, kMaxSize);
    // The mask switches at kAverageSize whatever the data length, so a cut found in a short
    // buffer is the one the whole file would have there: streaming and split() agree.
    const std::size_t normal = std::min(limit, kAverageSize);

    std::uint64_t hash = 0;
    if (const std::size_t cut = scan<kMaskS>(p, kMinSize, normal, hash))
        return cut;
    if (const std::size_t cut = scan<kMaskL>(p, normal, limit, hash))
        return cut;
    if (limit == kMaxSize || atEnd)
        return limit;
    return 0;
}

std::vector<std::size_t> Chunker::split(QByteArrayView data)
{
    std::vector<std::size_t> lengths;
    lengths.reserve(static_cast<std::size_t>(data.size()) / kAverageSize + 1);
    while (!data.isEmpty()) {
        const std::size_t cut = nextCut(data, true);
        lengths.push_back(cut);
        data = data.sliced(static_cast<qsizetype>(cut));
    }
    return lengths;
}

} // namespace sen
