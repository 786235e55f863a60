#include "net/ConnectionLimits.h"

namespace sen::server {

bool ConnectionLimits::admit(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    int& pending = m_pending[address];
    if (pending >= m_maxPending) {
        if (pending == 0)
            m_pending.remove(address);
        ++m_refused;
        return false;
    }
    ++pending;
    return true;
}

void ConnectionLimits::release(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_pending.find(address);
    if (it == m_pending.end())
        return;
    if (--it.value() <= 0)
        m_pending.erase(it);
}

ConnectionLimits::Counts ConnectionLimits::take()
{
    return Counts{m_dropped.exchange(0), m_refused.exchange(0), m_overCapacity.exchange(0)};
}

} // namespace sen::server
