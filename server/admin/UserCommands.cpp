// sen-server register and revoke.

#include "server/admin/AdminCommands.h"
#include "server/admin/UserIdIssuer.h"

#include <QFileInfo>

namespace sen::server {

Status runRegister(AdminContext& ctx)
{
    const QString userName = ctx.args.value(QStringLiteral("--user"));
    const QString idPath = ctx.args.value(QStringLiteral("--id"));
    if (userName.isEmpty() || idPath.isEmpty())
        return usageError(QStringLiteral("register --user NAME --id FILE [--password-file F]"));
    SEN_ASSIGN_OR_RETURN(const QString password, newIdPassword(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::KdfCost cost, kdfCost(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::HierarchicalName name, ctx.dir->qualifiedName(userName));

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::Certifier certifier, ctx.dir->loadCertifier());
    SEN_ASSIGN_OR_RETURN(const RegisteredUser user,
                         issueUserId(*ctx.dir, certifier, {name, idPath, password, cost}, lock));
    const QString serial = user.certificates.constFirst().serialHex;
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, QStringLiteral("user_register"),
                   QStringLiteral("registered %1, certificate %2").arg(name.toString(), serial)),
        lock));
    ctx.out << "registered " << name.toString() << " (certificate " << serial << ") in " << idPath << '\n';
    return Status::ok();
}

Status runRevoke(AdminContext& ctx)
{
    // A user (users.json) or, at the hub, a further server (servers.json, docs/servers.md).
    const bool server = ctx.args.has(QStringLiteral("--server"));
    const QString given = ctx.args.value(server ? QStringLiteral("--server") : QStringLiteral("--user"));
    if (given.isEmpty() || (server && ctx.args.has(QStringLiteral("--user"))))
        return usageError(QStringLiteral("revoke --user NAME | --server NAME"));
    const QString what = server ? QStringLiteral("server") : QStringLiteral("user");
    const QString registryPath = server ? ctx.dir->serversPath() : ctx.dir->usersPath();
    SEN_ASSIGN_OR_RETURN(const identity::HierarchicalName name, ctx.dir->qualifiedName(given));
    SEN_ASSIGN_OR_RETURN(const identity::KdfCost cost, kdfCost(ctx));

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    if (!ctx.dir->holdsCertifier())
        return ctx.dir->loadCertifier().status(); // says it is the hub's to do
    UserRegistry registry;
    if (!server || QFileInfo::exists(registryPath)) {
        SEN_ASSIGN_OR_RETURN(registry, UserRegistry::load(registryPath));
    }
    RegisteredUser* user = registry.findActive(name);
    if (!user) {
        for (const RegisteredUser& past : registry.users()) {
            if (past.name == name)
                return Status(ErrorCode::Conflict,
                              QStringLiteral("%1 is already revoked").arg(name.toString()));
        }
        return Status(ErrorCode::NotFound,
                      QStringLiteral("%1 is not a registered %2").arg(name.toString(), what));
    }

    // The certifier's state and the published CRL first: from then on the revocation holds,
    // even if marking the registry fails (running revoke again finishes the job).
    SEN_ASSIGN_OR_RETURN(identity::Certifier certifier, ctx.dir->loadCertifier());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList serials;
    for (const RegisteredCertificate& certificate : user->certificates) {
        SEN_TRY(certifier.revoke(certificate.serialHex, now));
        serials << certificate.serialHex;
    }
    SEN_TRY(ctx.dir->saveCertifier(certifier, cost));
    user->revoked = now;
    SEN_TRY(registry.save(registryPath));
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, server ? QStringLiteral("server_revoke") : QStringLiteral("user_revoke"),
                   QStringLiteral("revoked %1, certificates %2").arg(name.toString(), serials.join(u','))),
        lock));
    ctx.out << "revoked " << name.toString() << " (certificates " << serials.join(u',') << ")\n";
    return Status::ok();
}

} // namespace sen::server
