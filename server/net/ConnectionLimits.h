#pragma once

// Limits per source address on connections that have not yet earned a session (issue #11,
// point 16; docs/protocol.md §Transport), and the counts of connections closed before TLS
// completed, which the server logs in aggregate instead of one audit record each.
//
// Thread-safety: every function may be called from any thread.

#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <atomic>

namespace sen::server {

// Connections from one address still in the handshake or waiting for their HELLO. Beyond
// it a new connection from that address is closed at once (counted, not audited).
constexpr int kMaxPendingPerAddress = 32;
// Sessions (past HELLO) from one address at a time. Generous, for an office behind one NAT
// address; beyond it a HELLO is refused with Busy (audited: the peer has a certificate).
constexpr int kMaxSessionsPerAddress = 256;
// How often the aggregate of connections closed before TLS is written to the audit log.
constexpr int kDroppedReportMs = 60'000;

class ConnectionLimits
{
public:
    explicit ConnectionLimits(int maxPendingPerAddress = kMaxPendingPerAddress,
                              int maxSessionsPerAddress = kMaxSessionsPerAddress)
        : m_maxPending(maxPendingPerAddress), m_maxSessions(maxSessionsPerAddress)
    {}

    // The address an accepted socket's peer connects from (null when it cannot be read).
    static QHostAddress peerOf(qintptr socketDescriptor);

    // A new connection from `address`: false when the address already has the most pending
    // connections allowed (the caller closes it and it is counted as refused).
    bool admit(const QHostAddress& address);
    // The connection admitted from `address` got its session, or ended.
    void release(const QHostAddress& address);
    // A session from `address` is about to start: false when the address has the most
    // sessions allowed. releaseSession() when it ends.
    bool admitSession(const QHostAddress& address);
    void releaseSession(const QHostAddress& address);
    // A connection closed by its peer before TLS completed.
    void countDropped() { ++m_dropped; }
    // A connection closed at once because its worker ran the most it may.
    void countOverCapacity() { ++m_overCapacity; }

    struct Counts
    {
        qint64 dropped = 0;      // closed by the peer before TLS completed
        qint64 refused = 0;      // closed at once: over the per-address limit
        qint64 overCapacity = 0; // closed at once: the worker was full
    };
    // The counts since the last call.
    Counts take();

private:
    static bool take(QHash<QHostAddress, int>& counts, const QHostAddress& address, int max);
    static void give(QHash<QHostAddress, int>& counts, const QHostAddress& address);

    const int m_maxPending;
    const int m_maxSessions;
    QMutex m_mutex;
    QHash<QHostAddress, int> m_pending;
    QHash<QHostAddress, int> m_sessions;
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_refused{0};
    std::atomic<qint64> m_overCapacity{0};
};

} // namespace sen::server
