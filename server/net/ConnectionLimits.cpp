#include "net/ConnectionLimits.h"

#if defined(Q_OS_WIN)
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <sys/socket.h>
#endif

namespace sen::server {

QHostAddress ConnectionLimits::peerOf(qintptr socketDescriptor)
{
    // Read before any QTcpSocket takes the descriptor: the listener decides here, cheaply,
    // whether the connection may go to a worker at all.
    sockaddr_storage address{};
#if defined(Q_OS_WIN)
    int length = sizeof address;
    if (::getpeername(static_cast<SOCKET>(socketDescriptor), reinterpret_cast<sockaddr*>(&address),
                      &length) != 0)
        return {};
#else
    socklen_t length = sizeof address;
    if (::getpeername(static_cast<int>(socketDescriptor), reinterpret_cast<sockaddr*>(&address), &length) !=
        0)
        return {};
#endif
    return QHostAddress(reinterpret_cast<const sockaddr*>(&address));
}

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
