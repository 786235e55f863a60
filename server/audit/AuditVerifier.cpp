#include "audit/AuditVerifier.h"

#include "audit/AuditHead.h"
#include "audit/AuditRecord.h"
#include "audit/AuditTail.h"

#include <QFile>

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
               const QString& hashAtHeadSeq)
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

Result<AuditVerifyReport> verifyAuditLog(const QString& path)
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
    }
    if (file.error() != QFileDevice::NoError)
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));
    checkHead(headPath, head, report, hashAtHeadSeq);
    return report;
}

} // namespace sen::server
