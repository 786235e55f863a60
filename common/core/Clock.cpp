#include "common/core/Clock.h"

#include <QDateTime>

namespace sen {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

SystemClock& SystemClock::instance()
{
    static SystemClock* clock = new SystemClock; // intentionally leaked: outlives every user
    return *clock;
}

} // namespace sen
