#include "server/net/AuditWriter.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <vector>

namespace sen::server {

AuditWriter::AuditWriter(Sink sink) : m_sink(std::move(sink)), m_thread([this] { run(); }) {}

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
    std::vector<AuditEvent> batch;
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and everything is written
        const std::size_t count = std::min<std::size_t>(m_queue.size(), kMaxAuditBatch);
        batch.assign(std::make_move_iterator(m_queue.begin()),
                     std::make_move_iterator(m_queue.begin() + static_cast<std::ptrdiff_t>(count)));
        m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(count));
        lock.unlock();
        m_changed.notify_all(); // a poster waiting for room
        m_sink(batch);
        lock.lock();
        m_written += static_cast<qint64>(count);
        m_changed.notify_all();
        // Leaves the lock to other processes before the next batch; what is posted meanwhile
        // goes in that batch.
        m_changed.wait_for(lock, std::chrono::milliseconds(kAuditBatchPauseMs),
                           [this] { return m_stopping; });
    }
}

} // namespace sen::server
