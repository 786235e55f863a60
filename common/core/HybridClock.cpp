#include "common/core/HybridClock.h"

#include <algorithm>

namespace sen {

HlcTime HybridClock::now()
{
    const HlcTime wall = makeHlc(m_clock.nowMs(), 0);
    std::lock_guard lock(m_mutex);
    // Either the wall clock moved past everything seen (take it, logical 0), or it did not
    // (stay on the last physical time and count up; a full counter rolls into the next ms).
    m_last = std::max(wall, m_last + 1);
    return m_last;
}

void HybridClock::observe(HlcTime remote)
{
    std::lock_guard lock(m_mutex);
    m_last = std::max(m_last, remote);
}

HlcTime HybridClock::last() const
{
    std::lock_guard lock(m_mutex);
    return m_last;
}

} // namespace sen
