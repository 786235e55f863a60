#include "replication/transport/MemoryTransport.h"

#include <QTimer>

#include <algorithm>

namespace sen {

MemoryLink::MemoryLink(const LinkOptions& options)
    : m_options(options), m_a(std::make_unique<MemoryTransport>(*this)),
      m_b(std::make_unique<MemoryTransport>(*this))
{
    m_a->m_peer = m_b.get();
    m_b->m_peer = m_a.get();
    m_clock.start();
}

MemoryLink::~MemoryLink() = default;

qint64 MemoryLink::bytesCarried() const
{
    return m_carried;
}

MemoryTransport::MemoryTransport(MemoryLink& link) : m_link(link) {}

void MemoryTransport::send(const QByteArray& bytes)
{
    if (!m_open || m_link.m_cut || bytes.isEmpty())
        return;
    QByteArray piece = bytes;
    bool cutNow = false;
    if (m_link.m_options.cutAfterBytes >= 0 &&
        m_link.m_carried + piece.size() >= m_link.m_options.cutAfterBytes) {
        piece.truncate(
            static_cast<qsizetype>(std::max<qint64>(0, m_link.m_options.cutAfterBytes - m_link.m_carried)));
        cutNow = true;
    }
    m_link.m_carried += piece.size();
    m_bytesSent += piece.size();

    // Serialise on the wire (bandwidth), then add the propagation delay (latency).
    const qint64 now = m_link.m_clock.elapsed();
    qint64 transmitMs = 0;
    if (m_link.m_options.bytesPerSecond > 0)
        transmitMs = piece.size() * 1000 / m_link.m_options.bytesPerSecond;
    m_nextFreeMs = std::max(m_nextFreeMs, now) + transmitMs;
    const qint64 deliverIn = m_nextFreeMs - now + m_link.m_options.latencyMs;

    QPointer<MemoryTransport> peer = m_peer;
    QPointer<MemoryTransport> self = this;
    QTimer::singleShot(static_cast<int>(deliverIn), Qt::PreciseTimer, peer, [peer, piece]() {
        if (peer && !piece.isEmpty())
            peer->deliver(piece);
    });
    if (cutNow) {
        m_link.m_cut = true;
        const Status cut(ErrorCode::IoError, QStringLiteral("the link was cut"));
        // Both ends learn of the cut after the last bytes have arrived.
        QTimer::singleShot(static_cast<int>(deliverIn), Qt::PreciseTimer, peer, [peer, cut]() {
            if (peer)
                peer->shut(cut);
        });
        QTimer::singleShot(0, self, [self, cut]() {
            if (self)
                self->shut(cut);
        });
    }
}

void MemoryTransport::deliver(const QByteArray& bytes)
{
    if (!m_open)
        return;
    m_bytesReceived += bytes.size();
    Q_EMIT received(bytes);
}

void MemoryTransport::shut(const Status& reason)
{
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT closed(reason);
}

void MemoryTransport::close()
{
    if (!m_open)
        return;
    m_open = false;
    QPointer<MemoryTransport> peer = m_peer;
    // The close travels behind the bytes already sent.
    const qint64 now = m_link.m_clock.elapsed();
    const qint64 delay = std::max<qint64>(m_nextFreeMs - now, 0) + m_link.m_options.latencyMs;
    QTimer::singleShot(static_cast<int>(delay), Qt::PreciseTimer, peer, [peer]() {
        if (peer)
            peer->shut(Status::ok());
    });
}

} // namespace sen
