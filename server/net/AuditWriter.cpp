#include "server/net/AuditWriter.h"

namespace sen::server {

AuditWriter::AuditWriter(std::function<void(const AuditEvent&)> sink)
    : m_sink(std::move(sink)), m_thread([this] { run(); })
{}

AuditWriter::~AuditWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void AuditWriter::post(AuditEvent event)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return static_cast<int>(m_queue.size()) < kMaxQueuedAuditEvents; });
    m_queue.push_back(std::move(event));
    ++m_posted;
    lock.unlock();
    m_changed.notify_all();
}

void AuditWriter::flush()
{
    std::unique_lock lock(m_mutex);
    const qint64 target = m_posted;
    m_changed.wait(lock, [&] { return m_written >= target; });
}

void AuditWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and everything is written
        AuditEvent event = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_changed.notify_all(); // a poster waiting for room
        m_sink(event);
        lock.lock();
        ++m_written;
        m_changed.notify_all();
    }
}

} // namespace sen::server
