#include "common/core/OwnerOnly.h"

#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_WIN
#include <QDir>
#include <qt_windows.h>

#include <aclapi.h>
#include <memory>
#include <string>
#endif

namespace sen {

namespace {

#ifdef Q_OS_WIN
// The current user's SID, from the process token; empty on failure.
QByteArray currentUserSid()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return {};
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    QByteArray buffer(static_cast<qsizetype>(size), '\0');
    const bool ok = size > 0 && GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    CloseHandle(token);
    if (!ok)
        return {};
    const auto* user = reinterpret_cast<const TOKEN_USER*>(buffer.constData());
    const DWORD sidLength = GetLengthSid(user->User.Sid);
    QByteArray sid(static_cast<qsizetype>(sidLength), '\0');
    if (!CopySid(sidLength, sid.data(), user->User.Sid))
        return {};
    return sid;
}

Status restrictWithAcl(const QString& path, bool folder)
{
    QByteArray sid = currentUserSid();
    if (sid.isEmpty())
        return Status(ErrorCode::IoError, QStringLiteral("%1: cannot find the current user").arg(path));
    EXPLICIT_ACCESS_W access = {};
    access.grfAccessPermissions = GENERIC_ALL;
    access.grfAccessMode = SET_ACCESS;
    access.grfInheritance = folder ? (SUB_CONTAINERS_AND_OBJECTS_INHERIT) : NO_INHERITANCE;
    access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
    access.Trustee.TrusteeType = TRUSTEE_IS_USER;
    access.Trustee.ptstrName = reinterpret_cast<LPWSTR>(sid.data());
    PACL acl = nullptr;
    if (SetEntriesInAclW(1, &access, nullptr, &acl) != ERROR_SUCCESS)
        return Status(ErrorCode::IoError, QStringLiteral("%1: cannot build an owner-only ACL").arg(path));
    const std::unique_ptr<void, decltype(&LocalFree)> freeAcl(acl, &LocalFree);
    // PROTECTED: entries inherited from the parent folder (Users, Everyone, ...) are dropped.
    std::wstring native = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()).toStdWString();
    const DWORD rc = SetNamedSecurityInfoW(native.data(), SE_FILE_OBJECT,
                                           DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                           nullptr, nullptr, acl, nullptr);
    if (rc != ERROR_SUCCESS)
        return Status(ErrorCode::IoError,
                      QStringLiteral("%1: cannot restrict access to the owner (error %2)").arg(path).arg(rc));
    return Status::ok();
}
#endif

} // namespace

Status restrictToOwner(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("%1: no such file or folder").arg(path));
    const bool folder = info.isDir();
#ifdef Q_OS_WIN
    return restrictWithAcl(path, folder);
#else
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (folder)
        permissions |= QFileDevice::ExeOwner;
    if (!QFile::setPermissions(path, permissions))
        return Status(ErrorCode::IoError,
                      QStringLiteral("%1: cannot restrict the permissions to the owner").arg(path));
    return Status::ok();
#endif
}

} // namespace sen
