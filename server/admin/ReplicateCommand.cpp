// sen-server replicate HOST:PORT [DB]: one session now with another server of the organisation
// for DB, or for every database both hold (docs/servers.md §Connections).

#include "server/admin/AdminCommands.h"
#include "server/net/ServerAuthority.h"
#include "server/peers/PeerReplication.h"

namespace sen::server {

Status runReplicate(AdminContext& ctx)
{
    PeerRunOptions options;
    options.address = ctx.operands.value(0);
    if (ctx.operands.size() > 1)
        options.databases << ctx.operands.at(1);
    const auto auditFailed = std::make_shared<Status>();
    options.audit = lockedAuditAppender(ctx, auditFailed);
    options.authority = ServerAuthority::forDirectory(*ctx.dir, options.audit);
    SEN_ASSIGN_OR_RETURN(const QSslConfiguration tls, peerTlsConfiguration(*ctx.dir));
    SEN_ASSIGN_OR_RETURN(const std::vector<PeerDatabaseResult> results,
                         replicateWithPeer(*ctx.dir, tls, options));

    int failed = 0;
    int replicated = 0;
    Status first;
    for (const PeerDatabaseResult& result : results) {
        if (result.absent) {
            ctx.out << result.database << ": not held by " << options.address << '\n';
        } else if (result.status.isOk()) {
            ++replicated;
            ctx.out << result.database << ": " << describeStats(result.stats) << '\n';
        } else {
            ++failed;
            if (first.isOk())
                first = result.status.withContext(QStringLiteral("database %1").arg(result.database));
            ctx.out << result.database << ": failed after " << describeStats(result.stats) << ": "
                    << result.status.toString() << '\n';
        }
    }
    ctx.out.flush();
    options.audit(adminEvent(ctx, QStringLiteral("replicate"),
                             QStringLiteral("replicated with %1: %2 databases, %3 failed")
                                 .arg(options.address)
                                 .arg(replicated)
                                 .arg(failed)));
    if (!auditFailed->isOk())
        return auditFailed->withContext(QStringLiteral("the audit log"));
    if (failed > 0)
        return Status(first.code(), QStringLiteral("%1 of %2 databases failed with %3; first: %4")
                                        .arg(failed)
                                        .arg(results.size())
                                        .arg(options.address, first.message()));
    if (replicated == 0)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("%1 holds none of this server's databases").arg(options.address));
    return Status::ok();
}

} // namespace sen::server
