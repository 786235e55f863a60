// sen-server init: a new data directory, its certifier and server ID, and the administrator.

#include "common/crypto/Wipe.h"
#include "common/identity/IdFile.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/UserIdIssuer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sen::server {

namespace {

const QString kInitUsage =
    QStringLiteral("init --org ORG --admin NAME --admin-id FILE [--server NAME] [--password-file F]");

// init --server-id FILE: a further server of the organisation from the ID the hub issued
// (docs/servers.md). The ID is opened with the password, checked to be a server's, and sealed
// again under the new directory's secret; FILE is left as it was.
Status runInitSpoke(AdminContext& ctx)
{
    for (const char* hubOnly : {"--org", "--admin", "--admin-id", "--server"}) {
        if (ctx.args.has(QString::fromLatin1(hubOnly)))
            return usageError(QStringLiteral("init --server-id FILE [--password-file F] (the name and the "
                                             "organisation come from the ID; %1 is for the hub's init)")
                                  .arg(QString::fromLatin1(hubOnly)));
    }
    const QString idPath = ctx.args.value(QStringLiteral("--server-id"));
    SEN_ASSIGN_OR_RETURN(const QString password, newIdPassword(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::KdfCost cost, kdfCost(ctx));
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(idPath));
    auto opened = identity::IdFile::open(file, password);
    if (!opened)
        return opened.status().withContext(idPath);
    identity::Credentials server = std::move(opened).value();
    if (server.role != identity::CertificateRole::Server)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is the ID of %2 (%3), not a server's: the hub's `server add` issues "
                                     "server IDs")
                          .arg(idPath, server.name.toString(), identity::roleName(server.role)));
    if (!QDir().mkpath(ctx.dataPath))
        return Status(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(ctx.dataPath));
    auto lock = DataDirectoryLock::acquire(ctx.dataPath, 0);
    if (!lock && lock.code() == ErrorCode::Busy)
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 already holds a data directory (another sen-server is using it)")
                          .arg(ctx.dataPath));
    SEN_TRY(lock.status());
    auto created =
        DataDirectory::createSpoke(ctx.dataPath, server, cost, *lock, [&](const DataDirectory& dir) {
            return dir.appendAudit(
                adminEvent(ctx, QStringLiteral("init"),
                           QStringLiteral("created the data directory of %1, a further server of %2, from %3")
                               .arg(dir.serverName().toString(), dir.org().toString(), idPath)),
                *lock);
        });
    crypto::wipe(server.privateKeyPem);
    SEN_TRY(created.status());
    ctx.out << "server: " << created->serverName().toString() << '\n'
            << "certifier: " << created->org().toString() << " (held by the organisation's hub)\n";
    return Status::ok();
}

} // namespace

Status runInit(AdminContext& ctx)
{
    if (ctx.args.has(QStringLiteral("--server-id")))
        return runInitSpoke(ctx);
    for (const char* required : {"--org", "--admin", "--admin-id"}) {
        if (ctx.args.value(QString::fromLatin1(required)).isEmpty())
            return usageError(kInitUsage);
    }
    // Everything that can be refused is checked before anything is written.
    SEN_ASSIGN_OR_RETURN(const QString password, newIdPassword(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::KdfCost cost, kdfCost(ctx));
    const auto org = identity::HierarchicalName::parse(ctx.args.value(QStringLiteral("--org")));
    if (!org)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("--org: ") + org.message());
    const QString adminId = ctx.args.value(QStringLiteral("--admin-id"));
    if (QFileInfo::exists(adminId))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 already exists; choose another file for the ID").arg(adminId));
    if (!QDir().mkpath(ctx.dataPath))
        return Status(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(ctx.dataPath));

    auto lock = DataDirectoryLock::acquire(ctx.dataPath, 0);
    if (!lock && lock.code() == ErrorCode::Busy)
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 already holds a data directory (another sen-server is using it)")
                          .arg(ctx.dataPath));
    SEN_TRY(lock.status());

    DataDirectoryCreateOptions options;
    options.org = *org;
    if (ctx.args.has(QStringLiteral("--server")))
        options.serverCommonName = ctx.args.value(QStringLiteral("--server"));
    options.kdfCost = cost;
    auto admin = identity::HierarchicalName::parse(ctx.args.value(QStringLiteral("--admin")).trimmed() +
                                                   u'/' + org->toString());
    if (!admin)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("--admin: ") + admin.message());
    options.admin = *admin;

    RegisteredUser registered;
    bool idWritten = false;
    auto created =
        DataDirectory::create(ctx.dataPath, options, *lock, [&](const DataDirectory& dir) -> Status {
            SEN_ASSIGN_OR_RETURN(const identity::Certifier certifier, dir.loadCertifier());
            SEN_ASSIGN_OR_RETURN(
                registered, issueUserId(dir, certifier, {options.admin, adminId, password, cost}, *lock));
            idWritten = true;
            return dir.appendAudit(
                adminEvent(ctx, QStringLiteral("init"),
                           QStringLiteral("created the data directory of %1 for %2; administrator "
                                          "%3, certificate %4")
                               .arg(dir.serverName().toString(), options.org.toString(),
                                    options.admin.toString(),
                                    registered.certificates.constFirst().serialHex)),
                *lock);
        });
    if (!created) {
        if (idWritten)
            QFile::remove(adminId);
        return created.status();
    }
    ctx.out << "server: " << created->serverName().toString() << '\n'
            << "certifier: " << created->org().toString() << '\n'
            << "admin: " << options.admin.toString() << " (" << adminId << ")\n";
    return Status::ok();
}

} // namespace sen::server
