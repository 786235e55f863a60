// sen-server audit verify: checks the audit log's hash chain end to end.

#include "admin/AdminCommands.h"
#include "audit/AuditVerifier.h"

namespace sen::server {

Status runAuditVerify(AdminContext& ctx)
{
    SEN_ASSIGN_OR_RETURN(const AuditVerifyReport report, verifyAuditLog(ctx.dir->auditLogPath()));
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

} // namespace sen::server
