#include "server/admin/UserIdIssuer.h"

#include "common/crypto/Wipe.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/IdFile.h"

#include <QFile>
#include <QFileInfo>

namespace sen::server {

Result<RegisteredUser> issueUserId(const DataDirectory& dir, const identity::Certifier& certifier,
                                   const UserIdRequest& request, const DataDirectoryLock& held)
{
    Q_UNUSED(held);
    SEN_TRY(request.name.checkRegistrable().withContext(
        QStringLiteral("%1 cannot be registered").arg(request.name.toString())));
    SEN_ASSIGN_OR_RETURN(UserRegistry registry, UserRegistry::load(dir.usersPath()));
    if (registry.findActive(request.name))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 is already registered").arg(request.name.toString()));
    if (QFileInfo::exists(request.idPath))
        return Status(
            ErrorCode::Conflict,
            QStringLiteral("%1 already exists; choose another file for the ID").arg(request.idPath));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    SEN_ASSIGN_OR_RETURN(
        identity::Credentials credentials,
        certifier.issue(request.name, identity::CertificateRole::User,
                        identity::Validity::days(DataDirectory::kUserValidityDays, now.addSecs(-3600))));
    SEN_ASSIGN_OR_RETURN(const identity::CertificateInfo info,
                         identity::CertificateInfo::fromDer(credentials.leafDer()));
    const Result<QByteArray> sealed = identity::IdFile::seal(credentials, request.password, request.kdfCost);
    crypto::wipe(credentials.privateKeyPem);
    SEN_ASSIGN_OR_RETURN(const QByteArray file, sealed);
    SEN_TRY(identity::IdFile::save(request.idPath, file));

    RegisteredUser user{request.name, {{info.serialHex, now, info.notAfter}}, now, {}};
    Status recorded = registry.add(user);
    if (recorded.isOk())
        recorded = registry.save(dir.usersPath());
    if (!recorded.isOk()) {
        QFile::remove(request.idPath);
        return recorded;
    }
    return user;
}

} // namespace sen::server
