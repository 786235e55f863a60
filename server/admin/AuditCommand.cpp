// sen-server audit verify: checks the audit log's hash chain end to end, its head file's
// signature and that every record saying records may have been lost was acknowledged.
// sen-server audit acknowledge SEQ --note TEXT: an administrator's acknowledgement of one.

#include "server/admin/AdminCommands.h"
#include "server/audit/AuditRecord.h"
#include "server/audit/AuditTail.h"
#include "server/audit/AuditVerifier.h"

#include <QFile>

namespace sen::server {

namespace {

// The record `seq` of the log, read by streaming it (NotFound past its end).
Result<AuditRecord> recordAt(const QString& path, qint64 seq)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(path, file.errorString()));
    while (!file.atEnd()) {
        QByteArray line = file.readLine(kMaxAuditLineBytes + 1);
        line.chop(1);
        auto record = AuditRecord::parse(line);
        if (record && record->seq == seq)
            return record;
    }
    return Status(ErrorCode::NotFound, QStringLiteral("the audit log has no record with seq %1").arg(seq));
}

} // namespace

Status runAuditVerify(AdminContext& ctx)
{
    AuditVerifyOptions options;
    SEN_ASSIGN_OR_RETURN(options.certificateDer, ctx.dir->serverCertificateDer());
    SEN_ASSIGN_OR_RETURN(const AuditVerifyReport report, verifyAuditLog(ctx.dir->auditLogPath(), options));
    ctx.out << report.summary() << '\n';
    if (report.ok)
        ctx.out << "last hash: " << report.lastHash << '\n';

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    const Status appended =
        ctx.dir->appendAudit(adminEvent(ctx, QStringLiteral("audit_verify"),
                                        QStringLiteral("verified the audit log: ") + report.summary()),
                             lock);
    // A broken chain is the answer, whether or not the log still takes a record.
    if (!report.ok)
        return Status(ErrorCode::Corruption, QStringLiteral("the audit log is broken: ") + report.problem);
    return appended;
}

Status runAuditAcknowledge(AdminContext& ctx)
{
    const QString usage = QStringLiteral("audit acknowledge SEQ --note TEXT");
    bool ok = false;
    const qint64 seq = ctx.operands.value(0).toLongLong(&ok);
    const QString note = ctx.args.value(QStringLiteral("--note")).trimmed();
    if (!ok || seq <= 0 || note.isEmpty())
        return usageError(usage);
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_ASSIGN_OR_RETURN(const AuditRecord record, recordAt(ctx.dir->auditLogPath(), seq));
    if (!needsAcknowledgement(record.kind))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("record %1 is a %2 record, which needs no acknowledgement")
                          .arg(seq)
                          .arg(record.kind));
    SEN_TRY(
        ctx.dir->appendAudit(adminEvent(ctx, QStringLiteral("audit_acknowledge"),
                                        QStringLiteral("seq %1: %2 (%3)").arg(seq).arg(note, record.kind)),
                             lock));
    ctx.out << "acknowledged record " << seq << " (" << record.kind << ")\n";
    return Status::ok();
}

} // namespace sen::server
