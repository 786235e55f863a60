// sen-server server add: the hub issues the ID of a further server of the organisation
// (docs/servers.md).

#include "common/crypto/Wipe.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/IdFile.h"
#include "server/admin/AdminCommands.h"
#include "server/core/UserRegistry.h"

#include <QFile>
#include <QFileInfo>

namespace sen::server {

namespace {

const QString kUsage = QStringLiteral("server add NAME --id FILE [--host HOST]... [--password-file F]");

// localhost and the loopback address, as the hub's own certificate, then each --host.
QStringList hostNames(const AdminContext& ctx)
{
    QStringList names = {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")};
    for (const QString& host : ctx.args.values(QStringLiteral("--host"))) {
        if (!names.contains(host.trimmed().toLower()))
            names << host.trimmed().toLower();
    }
    return names;
}

} // namespace

Status runServerAdd(AdminContext& ctx)
{
    const QString idPath = ctx.args.value(QStringLiteral("--id"));
    if (ctx.operands.size() != 1 || idPath.isEmpty())
        return usageError(kUsage);
    if (ctx.args.values(QStringLiteral("--host")).size() > 16)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("at most 16 --host names"));
    SEN_ASSIGN_OR_RETURN(const QString password, newIdPassword(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::KdfCost cost, kdfCost(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::HierarchicalName name,
                         ctx.dir->qualifiedName(ctx.operands.constFirst()));
    SEN_TRY(name.checkRegistrable().withContext(
        QStringLiteral("%1 cannot be a server name").arg(name.toString())));
    if (name == ctx.dir->serverName())
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 is this server's own name").arg(name.toString()));
    if (QFileInfo::exists(idPath))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 already exists; choose another file for the ID").arg(idPath));

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::Certifier certifier, ctx.dir->loadCertifier());
    // One name, one party: a server may not take a registered user's name, nor a server's twice.
    SEN_ASSIGN_OR_RETURN(const UserRegistry users, UserRegistry::load(ctx.dir->usersPath()));
    if (users.findActive(name))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 is a registered user's name").arg(name.toString()));
    UserRegistry servers;
    if (QFileInfo::exists(ctx.dir->serversPath())) {
        SEN_ASSIGN_OR_RETURN(servers, UserRegistry::load(ctx.dir->serversPath()));
    }
    if (servers.findActive(name))
        return Status(ErrorCode::Conflict, QStringLiteral("%1 already has a server ID").arg(name.toString()));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    SEN_ASSIGN_OR_RETURN(
        identity::Credentials credentials,
        certifier.issue(name, identity::CertificateRole::Server,
                        identity::Validity::days(DataDirectory::kServerValidityDays, now.addSecs(-3600)),
                        hostNames(ctx)));
    SEN_ASSIGN_OR_RETURN(const identity::CertificateInfo info,
                         identity::CertificateInfo::fromDer(credentials.leafDer()));
    const Result<QByteArray> sealed = identity::IdFile::seal(credentials, password, cost);
    crypto::wipe(credentials.privateKeyPem);
    SEN_ASSIGN_OR_RETURN(const QByteArray file, sealed);
    SEN_TRY(identity::IdFile::save(idPath, file));

    // Recorded, or the file goes again: no certificate is handed out unrecorded.
    Status recorded = servers.add(RegisteredUser{name, {{info.serialHex, now, info.notAfter}}, now, {}});
    if (recorded.isOk())
        recorded = servers.save(ctx.dir->serversPath());
    if (recorded.isOk())
        recorded =
            ctx.dir->appendAudit(adminEvent(ctx, QStringLiteral("server_add"),
                                            QStringLiteral("issued the server ID of %1, certificate %2")
                                                .arg(name.toString(), info.serialHex)),
                                 lock);
    if (!recorded.isOk()) {
        QFile::remove(idPath);
        return recorded;
    }
    ctx.out << "server " << name.toString() << " (certificate " << info.serialHex << ") in " << idPath
            << '\n';
    return Status::ok();
}

} // namespace sen::server
