#pragma once

// A hybrid logical clock (Kulkarni et al., 2014). A time is 64 bits: 48 bits of Unix
// milliseconds, then a 16-bit logical counter. Times it hands out never go backwards, even
// when the wall clock does, and stay close to the wall clock while it is sane, so a PC whose
// clock is wrong cannot make its edits win every conflict for long (docs/architecture.md
// §Documents and versions).

#include "common/core/Clock.h"

#include <QtGlobal>

#include <cstdint>
#include <mutex>

namespace sen {

using HlcTime = std::uint64_t;

constexpr HlcTime makeHlc(qint64 physicalMs, std::uint16_t logical)
{
    return (static_cast<std::uint64_t>(physicalMs) << 16) | logical;
}
constexpr qint64 hlcPhysicalMs(HlcTime t)
{
    return static_cast<qint64>(t >> 16);
}
constexpr std::uint16_t hlcLogical(HlcTime t)
{
    return static_cast<std::uint16_t>(t & 0xffff);
}

// The latest physical time any decoder accepts in a stamp: the start of the year 6400. Stamps
// travel and are stored as signed 64-bit integers, so only 47 of the 48 bits of milliseconds
// are usable (up to the year 6429); the bound leaves the next local time, and many after it,
// inside them. A larger time is malformed wherever it is read: a stamp of 2^63 - 1 made the
// next local time overflow into a negative one, which no replica could read back.
constexpr qint64 kMaxHlcPhysicalMs = 139'797'273'600'000; // 6400-01-01T00:00:00Z
constexpr HlcTime kMaxHlcTime = makeHlc(kMaxHlcPhysicalMs, 0xffff);
static_assert(kMaxHlcTime < (HlcTime(1) << 63)); // with about 29 years of milliseconds to spare

class HybridClock
{
public:
    // `clock` must outlive this object.
    explicit HybridClock(const Clock& clock, HlcTime last = 0) : m_clock(clock), m_last(last) {}

    // A new time, greater than every time handed out or observed so far. Thread-safe.
    HlcTime now();
    // Takes in a time seen on a received edit, so later local times order after it.
    void observe(HlcTime remote);
    // The greatest time handed out or observed (what to persist).
    HlcTime last() const;

    // True when `t` is more than `maxSkewMs` ahead of the wall clock: such a time is refused
    // at the server rather than allowed to drag every clock forward.
    static bool isTooFarAhead(HlcTime t, qint64 wallMs, qint64 maxSkewMs)
    {
        return hlcPhysicalMs(t) > wallMs + maxSkewMs;
    }

private:
    const Clock& m_clock;
    mutable std::mutex m_mutex;
    HlcTime m_last;
};

} // namespace sen
