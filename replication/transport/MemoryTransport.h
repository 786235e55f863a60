#pragma once

// Two transports joined in memory, for tests and benchmarks: a one-way latency, a bandwidth
// limit and a fault that cuts the link after N bytes (in both directions together). Bytes
// are delivered through the event loop, in order, never synchronously inside send().

#include "replication/transport/Transport.h"

#include <QElapsedTimer>
#include <QPointer>

#include <memory>

namespace sen {

struct LinkOptions
{
    int latencyMs = 0;         // one way
    qint64 bytesPerSecond = 0; // 0: unlimited
    qint64 cutAfterBytes = -1; // -1: never
};

class MemoryTransport;

// Owns both ends.
class MemoryLink
{
public:
    explicit MemoryLink(const LinkOptions& options = {});
    ~MemoryLink();
    MemoryTransport& a() { return *m_a; }
    MemoryTransport& b() { return *m_b; }
    // Bytes that crossed the link so far (both directions).
    qint64 bytesCarried() const;

private:
    friend class MemoryTransport;
    LinkOptions m_options;
    QElapsedTimer m_clock;
    qint64 m_carried = 0;
    bool m_cut = false;
    std::unique_ptr<MemoryTransport> m_a;
    std::unique_ptr<MemoryTransport> m_b;
};

class MemoryTransport final : public Transport
{
    Q_OBJECT
public:
    MemoryTransport(MemoryLink& link);
    void send(const QByteArray& bytes) override;
    void close() override;
    bool isOpen() const override { return m_open; }

private:
    friend class MemoryLink;
    void deliver(const QByteArray& bytes);
    void shut(const Status& reason);
    MemoryLink& m_link;
    MemoryTransport* m_peer = nullptr;
    bool m_open = true;
    qint64 m_nextFreeMs = 0; // when this direction's "wire" is free again (bandwidth)
};

} // namespace sen
