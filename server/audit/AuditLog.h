#pragma once

// The server's append-only, hash-chained audit log (format and limits in
// docs/audit-log.md): logins, refusals and admin actions, one JSON line each, every line
// carrying the hash of the one before. A head file beside the log remembers the last
// record, so cutting records off the end shows too.
//
// Guarantees:
// - append() writes one whole line and flushes it to the operating system before it
//   returns; with the default SyncPolicy it also fsyncs admin events and the log's own
//   events, so they survive a power cut. A failed write is cut back off the file.
// - open() finds the last record by reading backwards from the end (the whole log is never
//   read). An incomplete last line (the process died mid-write) is cut off and the cut is
//   recorded as a log_torn_tail event; a log shorter than its head file says is recorded
//   as log_tail_missing; a missing head file as log_head_missing; with a signing key, an
//   unsigned head or one whose signature does not verify as log_head_invalid. A damaged last
//   complete record makes open() fail with Corruption: the server must not chain onto it.
// - The chain detects edits, reordering and removal of records; it cannot stop someone
//   with write access to both files from replacing the whole history.
//
// Thread-safety: append() and the accessors may be called from any thread; appends are
// serialised by a mutex and take sequence numbers in the order they write. One AuditLog
// per file per process; two processes appending to one file break the chain.

#include "common/core/Clock.h"
#include "common/core/Result.h"
#include "server/audit/AuditEvent.h"
#include "server/audit/AuditRecord.h"

#include <QFile>

#include <memory>
#include <mutex>
#include <span>

namespace sen::server {

// Persisted in the server's configuration: the numbers never change.
enum class AuditSyncPolicy : int
{
    FlushOnly = 0,   // flush to the operating system; a power cut may lose the newest lines
    AdminEvents = 1, // also fsync admin events and the log's own events (the default)
    Always = 2,      // fsync every record
};

struct AuditLogOptions
{
    AuditSyncPolicy sync = AuditSyncPolicy::AdminEvents;
    const Clock* clock = nullptr; // null: the system clock
    // The server's private key (PKCS#8 PEM) and certificate (DER). With them every head
    // written is signed (format 2), and open() requires the head it finds to carry a valid
    // signature: an unsigned or forged head is recorded as log_head_invalid. Without them
    // heads are unsigned (format 1) and not checked (tests of the chain alone).
    QByteArray signingKeyPem;
    QByteArray certificateDer;
};

class AuditLog
{
public:
    // Opens or creates the log at `path` (its folder must exist) and its head file
    // (AuditHead::pathFor). IoError when a file cannot be opened or written; Corruption
    // when the last complete record is damaged.
    static Result<std::unique_ptr<AuditLog>> open(const QString& path, const AuditLogOptions& options = {});
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Appends one record. InvalidArgument for a malformed kind (nothing written); fields
    // longer than AuditEvent's limits are cut, ending in "…". IoError when the write, flush,
    // sync or head update fails; a record that reached the log stays in the chain even if
    // the head update then failed.
    Status append(const AuditEvent& event);
    // Appends `events` in order, each as append() would, but writes the head file once, after
    // the last record that reached the log, and syncs at most once (when one of them is synced
    // by the policy): a busy server's audit thread appends what it has queued at the cost of
    // one record. A malformed kind or a failed write does not stop the records after it; the
    // first failure is returned.
    Status append(std::span<const AuditEvent> events);

    const QString& path() const { return m_path; }
    QString headPath() const;
    qint64 lastSeq() const;
    QString lastHash() const;

private:
    AuditLog(QString path, const AuditLogOptions& options);
    Status recover();
    bool syncs(const AuditEvent& event) const;
    // Writes the record of `event` (no head, no sync).
    Status writeRecord(const AuditEvent& event);
    Status syncLog();
    Status writeHead(bool sync);

    const QString m_path;
    const AuditLogOptions m_options;
    const Clock& m_clock;
    mutable std::mutex m_mutex;
    QFile m_log;
    QFile m_head;
    qint64 m_size = 0;
    qint64 m_lastSeq = 0;
    QString m_lastHash;
};

} // namespace sen::server
