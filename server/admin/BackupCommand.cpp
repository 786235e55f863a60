// sen-server backup: an online, verified copy of one database.

#include "common/store/ReplicaBackup.h"
#include "server/admin/AdminCommands.h"

namespace sen::server {

Status runBackup(AdminContext& ctx)
{
    SEN_ASSIGN_OR_RETURN(const QString name, ctx.dir->findDatabase(ctx.operands.value(0)));
    const QString target = ctx.operands.value(1);
    // No lock while copying: the copy may take a while and must not hold up the daemon.
    SEN_ASSIGN_OR_RETURN(const store::BackupReport report,
                         store::backupReplica(ctx.dir->databasePath(name), target));
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, QStringLiteral("backup"),
                   QStringLiteral("backed up %1 (replica %2, %3 documents, %4 bytes) to %5")
                       .arg(name, report.info.replicaId.toHex())
                       .arg(report.documents)
                       .arg(report.bytes)
                       .arg(target)),
        lock));
    ctx.out << "backed up " << name << " (replica " << report.info.replicaId.toHex() << ", "
            << report.documents << " documents, " << report.bytes << " bytes) to " << target << '\n';
    return Status::ok();
}

} // namespace sen::server
