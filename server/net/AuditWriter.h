#pragma once

// Writes audit events off the network threads (issue #11, point 16): the workers post an
// event and go on; one thread of its own hands the events, in the order posted, to the
// sink (ServerContext::audit as built by `sen-server run`: AuditLog behind the data
// directory's lock). AuditLog's API and content are unchanged; only who waits for the disk is.
//
// Thread-safety: post() from any thread. A full queue (kMaxQueuedAuditEvents) makes post()
// wait: the network slows down rather than losing records. The destructor writes what is
// queued, then joins.

#include "server/audit/AuditEvent.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace sen::server {

constexpr int kMaxQueuedAuditEvents = 4096;

class AuditWriter
{
public:
    explicit AuditWriter(std::function<void(const AuditEvent&)> sink);
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    void post(AuditEvent event);
    // Waits until everything posted so far is written.
    void flush();

private:
    void run();

    std::function<void(const AuditEvent&)> m_sink;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<AuditEvent> m_queue;
    qint64 m_posted = 0;
    qint64 m_written = 0;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once the rest is built
};

} // namespace sen::server
