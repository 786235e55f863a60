#include "client/core/UserIdentity.h"

#include "common/crypto/Wipe.h"
#include "common/identity/IdFile.h"

#include <QFileInfo>

namespace sen::client {

QString UserIdentity::idPath(const Workspace& workspace)
{
    return workspace.home() + QStringLiteral("/user.id");
}

Result<QString> UserIdentity::login(const Workspace& workspace, const QString& idPath,
                                    const QString& password)
{
    SEN_ASSIGN_OR_RETURN(const identity::Credentials credentials, signIn(workspace, idPath, password));
    return credentials.name.toString();
}

Result<identity::Credentials> UserIdentity::signIn(const Workspace& workspace, const QString& idPath,
                                                   const QString& password)
{
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(idPath));
    SEN_ASSIGN_OR_RETURN(identity::Credentials credentials, identity::IdFile::open(file, password));
    if (credentials.role != identity::CertificateRole::User)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is not a user's ID file").arg(QFileInfo(idPath).fileName()));
    const QString own = UserIdentity::idPath(workspace);
    if (QFileInfo(idPath).canonicalFilePath() != QFileInfo(own).canonicalFilePath())
        SEN_TRY(identity::IdFile::save(own, file));
    return credentials;
}

Result<identity::Credentials> UserIdentity::unlock(const Workspace& workspace, const QString& password)
{
    const QString path = idPath(workspace);
    if (!QFileInfo::exists(path))
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no ID in %1: run login --id FILE first").arg(workspace.home()));
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(path));
    return identity::IdFile::open(file, password);
}

Status UserIdentity::changePassword(const Workspace& workspace, const QString& oldPassword,
                                    const QString& newPassword, identity::KdfCost cost)
{
    const QString path = idPath(workspace);
    if (!QFileInfo::exists(path))
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no ID in %1: run login --id FILE first").arg(workspace.home()));
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(path));
    SEN_ASSIGN_OR_RETURN(const QByteArray resealed,
                         identity::IdFile::changePassword(file, oldPassword, newPassword, cost));
    // Checked before it replaces the only copy: the new file must open with the new password.
    Result<identity::Credentials> reopened = identity::IdFile::open(resealed, newPassword);
    if (!reopened)
        return reopened.status();
    crypto::wipe(reopened->privateKeyPem);
    return identity::IdFile::save(path, resealed);
}

QString UserIdentity::userName(const Workspace& workspace)
{
    const QString path = idPath(workspace);
    if (!QFileInfo::exists(path))
        return {};
    const Result<QByteArray> file = identity::IdFile::load(path);
    if (!file)
        return {};
    const Result<identity::IdFileHeader> header = identity::IdFile::readHeader(*file);
    return header ? header->name.toString() : QString();
}

} // namespace sen::client
