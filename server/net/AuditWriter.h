#pragma once

// Writes audit events off the network threads (issue #11, point 16): the workers post an
// event and go on; one thread of its own hands the events, in the order posted, to the
// sink (ServerContext::auditBatch as built by `sen-server run`: AuditLog behind the data
// directory's lock). The records are those the workers would write themselves; only who waits
// for the disk, and how often, differs.
//
// The events are handed on in batches: whatever is queued, up to kMaxAuditBatch, in one call
// (one turn of the lock, one opening of the log, one head update), then a pause of
// kAuditBatchPauseMs before the next batch, so the lock is free most of the time for admin
// commands of other processes (which look at it every 5-20 ms). One event at a time, an
// office pushing thousands of numbered documents queued far more events than the thread
// could write (each paid for the lock file, opening the log, checking and signing its head
// and an fsync, about 10 ms on a loaded machine): the queue filled, the lock was taken back
// within a millisecond of every release (an admin `backup` could not get it for 10 s), and a
// stop waited for thousands of queued events (more than 30 s).
//
// Thread-safety: post() from any thread. A full queue (kMaxQueuedAuditEvents) makes post()
// wait: the network slows down rather than losing records. The destructor writes what is
// queued, without pauses, then joins.

#include "server/audit/AuditEvent.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <span>
#include <thread>

namespace sen::server {

constexpr int kMaxQueuedAuditEvents = 4096;
constexpr int kMaxAuditBatch = 512;
// Longer than the 20 ms at most between two looks of DataDirectoryLock::acquire.
constexpr int kAuditBatchPauseMs = 25;

class AuditWriter
{
public:
    using Sink = std::function<void(std::span<const AuditEvent>)>;
    explicit AuditWriter(Sink sink);
    ~AuditWriter();
    AuditWriter(const AuditWriter&) = delete;
    AuditWriter& operator=(const AuditWriter&) = delete;

    void post(AuditEvent event);
    // Waits until everything posted so far is written.
    void flush();

private:
    void run();

    Sink m_sink;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<AuditEvent> m_queue;
    qint64 m_posted = 0;
    qint64 m_written = 0;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once the rest is built
};

} // namespace sen::server
