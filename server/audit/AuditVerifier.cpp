#include "server/audit/AuditVerifier.h"

#include "server/audit/AuditEvent.h"
#include "server/audit/AuditHead.h"
#include "server/audit/AuditRecord.h"
#include "server/audit/AuditTail.h"

#include <QFile>
#include <QRegularExpression>

#include <set>

namespace sen::server {

QString AuditVerifyReport::summary() const
{
    if (!ok)
        return QStringLiteral("FAILED after %1 good records: %2").arg(records).arg(problem);
    return QStringLiteral("ok: %1 records, last seq %2").arg(records).arg(lastSeq);
}

namespace {

// Checks one line against the chain so far; returns the problem, or empty.
QString checkLine(const QByteArray& line, const AuditVerifyReport& report, AuditRecord& record)
{
    auto parsed = AuditRecord::parse(line);
    if (!parsed)
        return parsed.message();
    record = std::move(parsed).value();
    if (record.computeHash() != record.hash)
        return QStringLiteral("hash mismatch");
    if (record.prev != report.lastHash)
        return QStringLiteral("chain broken (prev is not the hash of the record before)");
    if (record.seq != report.lastSeq + 1)
        return QStringLiteral("sequence number %1 after %2").arg(record.seq).arg(report.lastSeq);
    return QString();
}

// `head` was read before the log, so a log appended to meanwhile never looks short.
void checkHead(const QString& headPath, const Result<AuditHead>& head, AuditVerifyReport& report,
               const QString& hashAtHeadSeq, const AuditVerifyOptions& options)
{
    if (!head) {
        if (head.code() == ErrorCode::NotFound && report.records == 0)
            return;
        report.ok = false;
        report.problem = head.code() == ErrorCode::NotFound
                             ? QStringLiteral("the head file %1 is missing").arg(headPath)
                             : head.message();
        return;
    }
    report.headSeq = head->seq;
    if (!options.certificateDer.isEmpty()) {
        if (const Status trusted = head->verify(options.certificateDer); !trusted.isOk()) {
            report.ok = false;
            report.problem = trusted.message();
            return;
        }
    }
    if (head->seq > report.lastSeq) {
        report.ok = false;
        report.problem = QStringLiteral("the log ends at seq %1 but its head file says seq %2: records were "
                                        "removed from the end")
                             .arg(report.lastSeq)
                             .arg(head->seq);
    } else if (head->hash != hashAtHeadSeq) {
        report.ok = false;
        report.problem = QStringLiteral("the record with seq %1 does not match the head file").arg(head->seq);
    }
}

} // namespace

qint64 acknowledgedSeq(const QString& detail)
{
    static const QRegularExpression kSeq(QStringLiteral("^seq (\\d{1,19})(:|$)"));
    const auto match = kSeq.match(detail);
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

Result<AuditVerifyReport> verifyAuditLog(const QString& path, const AuditVerifyOptions& options)
{
    QFile file(path);
    if (!file.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("%1: no such audit log").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));

    // The head's seq is needed while streaming, to remember the hash the log has there.
    const QString headPath = AuditHead::pathFor(path);
    const auto head = AuditHead::read(headPath);
    const qint64 headSeq = head.isOk() ? head->seq : -1;

    AuditVerifyReport report;
    report.lastHash = zeroAuditHash();
    QString hashAtHeadSeq = headSeq == 0 ? zeroAuditHash() : QString();
    qint64 lineNumber = 0;
    std::set<qint64> unacknowledged; // bounded by the records that need it, a handful
    while (!file.atEnd()) {
        ++lineNumber;
        QByteArray line = file.readLine(kMaxAuditLineBytes + 1);
        QString problem;
        if (!line.endsWith('\n'))
            problem = line.size() > kMaxAuditLineBytes
                          ? QStringLiteral("line too long")
                          : QStringLiteral("incomplete last record (no line end)");
        line.chop(1);
        AuditRecord record;
        if (problem.isEmpty())
            problem = checkLine(line, report, record);
        if (!problem.isEmpty()) {
            report.ok = false;
            report.badLine = lineNumber;
            report.problem = QStringLiteral("line %1: %2").arg(lineNumber).arg(problem);
            return report;
        }
        ++report.records;
        report.lastSeq = record.seq;
        report.lastHash = record.hash;
        if (record.seq == headSeq)
            hashAtHeadSeq = record.hash;
        if (needsAcknowledgement(record.kind))
            unacknowledged.insert(record.seq);
        else if (record.kind == QStringView(audit::kAuditAcknowledge))
            unacknowledged.erase(acknowledgedSeq(record.detail));
    }
    if (file.error() != QFileDevice::NoError)
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));
    checkHead(headPath, head, report, hashAtHeadSeq, options);
    report.unacknowledged = QList<qint64>(unacknowledged.begin(), unacknowledged.end());
    if (report.ok && !report.unacknowledged.isEmpty()) {
        report.ok = false;
        report.problem = QStringLiteral("the log records that it may have lost records (seq %1) and no "
                                        "administrator has acknowledged it: check the log against your "
                                        "copies, then run `sen-server audit acknowledge %2 --note TEXT`")
                             .arg(report.unacknowledged.constFirst())
                             .arg(report.unacknowledged.constFirst());
    }
    return report;
}

} // namespace sen::server
