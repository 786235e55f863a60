#include "server/audit/AuditLog.h"

#include "common/crypto/Signature.h"
#include "server/audit/AuditHead.h"
#include "server/audit/AuditTail.h"

#include <QDateTime>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace sen::server {

namespace {

bool syncToDisk(QFile& file)
{
#ifdef Q_OS_WIN
    return ::_commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

// At most `max` characters, the last of them '…' when cut; a surrogate pair stays whole.
QString cut(const QString& text, int max)
{
    if (text.size() <= max)
        return text;
    qsizetype keep = max - 1;
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + u'…';
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

Status ioError(const QFile& file, const QString& what)
{
    return Status(ErrorCode::IoError,
                  QStringLiteral("%1: %2: %3").arg(file.fileName(), what, file.errorString()));
}

} // namespace

AuditLog::AuditLog(QString path, const AuditLogOptions& options)
    : m_path(std::move(path)), m_options(options),
      m_clock(options.clock ? *options.clock : SystemClock::instance()), m_log(m_path),
      m_head(AuditHead::pathFor(m_path)), m_lastHash(zeroAuditHash())
{}

AuditLog::~AuditLog() = default;

Result<std::unique_ptr<AuditLog>> AuditLog::open(const QString& path, const AuditLogOptions& options)
{
    std::unique_ptr<AuditLog> log(new AuditLog(path, options));
    const std::lock_guard lock(log->m_mutex);
    SEN_TRY(log->recover());
    return log;
}

QString AuditLog::headPath() const
{
    return m_head.fileName();
}

qint64 AuditLog::lastSeq() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastSeq;
}

QString AuditLog::lastHash() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastHash;
}

Status AuditLog::recover()
{
    if (!m_log.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        return ioError(m_log, QStringLiteral("cannot open"));
    SEN_ASSIGN_OR_RETURN(const AuditTail tail, readAuditTail(m_log));
    if (tail.tornBytes > 0 && !m_log.resize(tail.completeSize))
        return ioError(m_log, QStringLiteral("cannot cut off the incomplete last line"));
    if (!tail.lastLine.isEmpty()) {
        auto last = AuditRecord::parse(tail.lastLine);
        if (!last)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("%1: the last record is damaged (%2)").arg(m_path, last.message()));
        if (last->computeHash() != last->hash)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("%1: the last record is damaged (hash mismatch)").arg(m_path));
        m_lastSeq = last->seq;
        m_lastHash = last->hash;
    } else if (tail.completeSize > 0) {
        return Status(ErrorCode::Corruption, QStringLiteral("%1: the last line is empty").arg(m_path));
    }
    m_log.close();
    if (!m_log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return ioError(m_log, QStringLiteral("cannot open for appending"));
    m_size = tail.completeSize;

    // What the head file says, before it is brought up to date.
    QString headProblem;
    const char16_t* headKind = audit::kLogHeadMissing;
    auto head = AuditHead::read(m_head.fileName());
    const bool signing = !m_options.signingKeyPem.isEmpty();
    if (head.isOk()) {
        const Status trusted = signing && !m_options.certificateDer.isEmpty()
                                   ? head->verify(m_options.certificateDer)
                                   : Status::ok();
        if (!trusted.isOk()) {
            headKind = audit::kLogHeadInvalid;
            headProblem = QStringLiteral("%1; the log ends at seq %2 and the head file said seq %3: the "
                                         "records after the last trusted head may have been removed")
                              .arg(trusted.message())
                              .arg(m_lastSeq)
                              .arg(head->seq);
        } else if (head->seq > m_lastSeq || (head->seq == m_lastSeq && head->hash != m_lastHash)) {
            headKind = audit::kLogTailMissing;
            headProblem = QStringLiteral("the log ends at seq %1 but its head file said seq %2 (hash %3): "
                                         "records were removed from the end")
                              .arg(m_lastSeq)
                              .arg(head->seq)
                              .arg(head->hash);
        }
    } else if (head.code() == ErrorCode::NotFound) {
        if (m_lastSeq > 0)
            headProblem = QStringLiteral("the head file was missing; recreated at seq %1").arg(m_lastSeq);
    } else if (head.code() == ErrorCode::Corruption) {
        headProblem = QStringLiteral("the head file was damaged; rewritten at seq %1").arg(m_lastSeq);
    } else {
        return head.status();
    }
    if (!m_head.open(QIODevice::ReadWrite | QIODevice::Unbuffered))
        return ioError(m_head, QStringLiteral("cannot open"));
    if ((!head.isOk() || head->isSigned() != signing) && !m_head.resize(0))
        return ioError(m_head, QStringLiteral("cannot reset"));

    if (tail.tornBytes > 0) {
        const AuditEvent torn{QString::fromUtf16(audit::kLogTornTail),
                              {},
                              {},
                              QStringLiteral("cut off an incomplete last record of %1 bytes after seq %2")
                                  .arg(tail.tornBytes)
                                  .arg(m_lastSeq)};
        SEN_TRY(writeRecord(torn));
        SEN_TRY(syncLog());
    }
    if (!headProblem.isEmpty()) {
        SEN_TRY(writeRecord(AuditEvent{QString::fromUtf16(headKind), {}, {}, headProblem}));
        SEN_TRY(syncLog());
    }
    return writeHead(true);
}

bool AuditLog::syncs(const AuditEvent& event) const
{
    return m_options.sync == AuditSyncPolicy::Always ||
           (m_options.sync == AuditSyncPolicy::AdminEvents &&
            (isAdminAuditKind(event.kind) || isLogAuditKind(event.kind)));
}

Status AuditLog::append(const AuditEvent& event)
{
    return append(std::span<const AuditEvent>(&event, 1));
}

Status AuditLog::append(std::span<const AuditEvent> events)
{
    const std::lock_guard lock(m_mutex);
    Status first = Status::ok();
    bool wrote = false;
    bool sync = false;
    for (const AuditEvent& event : events) {
        Status written = isValidAuditKind(event.kind)
                             ? writeRecord(event)
                             : Status(ErrorCode::InvalidArgument,
                                      QStringLiteral("\"%1\" is not an audit event kind").arg(event.kind));
        if (written.isOk()) {
            wrote = true;
            sync = sync || syncs(event);
        } else if (first.isOk()) {
            first = std::move(written);
        }
    }
    if (!wrote)
        return first;
    Status done = sync ? syncLog() : Status::ok();
    if (done.isOk())
        done = writeHead(sync);
    return first.isOk() ? done : first;
}

Status AuditLog::writeRecord(const AuditEvent& event)
{
    AuditRecord record;
    record.seq = m_lastSeq + 1;
    record.time = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).toString(Qt::ISODateWithMs);
    record.kind = event.kind;
    record.actor = orDash(cut(event.actor, AuditEvent::kMaxActorChars));
    record.peer = orDash(cut(event.peer, AuditEvent::kMaxPeerChars));
    record.detail = cut(event.detail, AuditEvent::kMaxDetailChars);
    record.prev = m_lastHash;
    record.hash = record.computeHash();

    const QByteArray line = record.toLine() + '\n';
    if (m_log.write(line) != line.size()) {
        const Status failed = ioError(m_log, QStringLiteral("cannot append"));
        // Cut a partial line back off so the next append does not chain onto garbage.
        if (!m_log.resize(m_size))
            return failed.withContext(QStringLiteral("and cannot cut the partial line off"));
        return failed;
    }
    m_size += line.size();
    m_lastSeq = record.seq;
    m_lastHash = record.hash;
    return Status::ok();
}

Status AuditLog::syncLog()
{
    return syncToDisk(m_log) ? Status::ok() : ioError(m_log, QStringLiteral("cannot sync"));
}

Status AuditLog::writeHead(bool sync)
{
    AuditHead head{m_lastSeq, m_lastHash, {}};
    if (!m_options.signingKeyPem.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(head.signature, crypto::sign(m_options.signingKeyPem, head.signedPart()));
    }
    const QByteArray bytes = head.toBytes();
    if (!m_head.seek(0) || m_head.write(bytes) != bytes.size())
        return ioError(m_head, QStringLiteral("cannot write"));
    if (sync && !syncToDisk(m_head))
        return ioError(m_head, QStringLiteral("cannot sync"));
    return Status::ok();
}

} // namespace sen::server
