#include "server/net/ConnectionLimits.h"

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

bool ConnectionLimits::take(QHash<QHostAddress, int>& counts, const QHostAddress& address, int max)
{
    int& count = counts[address];
    if (count >= max) {
        if (count == 0)
            counts.remove(address);
        return false;
    }
    ++count;
    return true;
}

void ConnectionLimits::give(QHash<QHostAddress, int>& counts, const QHostAddress& address)
{
    const auto it = counts.find(address);
    if (it == counts.end())
        return;
    if (--it.value() <= 0)
        counts.erase(it);
}

bool ConnectionLimits::admit(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    if (take(m_pending, address, m_maxPending))
        return true;
    ++m_refused;
    return false;
}

void ConnectionLimits::release(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    give(m_pending, address);
}

bool ConnectionLimits::admitSession(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    return take(m_sessions, address, m_maxSessions);
}

void ConnectionLimits::releaseSession(const QHostAddress& address)
{
    QMutexLocker lock(&m_mutex);
    give(m_sessions, address);
}

ConnectionLimits::Counts ConnectionLimits::take()
{
    return Counts{m_dropped.exchange(0), m_refused.exchange(0), m_overCapacity.exchange(0)};
}

} // namespace sen::server
