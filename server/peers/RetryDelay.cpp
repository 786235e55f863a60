#include "server/peers/RetryDelay.h"

#include <algorithm>

namespace sen::server {

qint64 retryDelayMs(int failures, qint64 intervalMs, qint64 minuteMs, double jitter)
{
    const qint64 base = std::max<qint64>(1, minuteMs / 2);
    const int doublings = std::clamp(failures - 1, 0, 30);
    const qint64 delay = std::min(base << doublings, intervalMs);
    const double spread = std::clamp(jitter, -1.0, 1.0) * 0.2;
    return std::clamp<qint64>(qint64(double(delay) * (1.0 + spread)), 1, intervalMs);
}

} // namespace sen::server
