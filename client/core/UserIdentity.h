#pragma once

// The user a workspace acts as (Notes' "current ID"): `login` checks an ID file opens with
// the password and keeps a copy in the home (`user.id`, owner-only); `unlock` opens that copy
// for a sync. The password itself is never stored.

#include "client/core/Workspace.h"
#include "common/core/Result.h"
#include "common/identity/Credentials.h"
#include "common/identity/IdFile.h"

namespace sen::client {

class UserIdentity
{
public:
    // Opens `idPath` with `password` (wrong password: PermissionDenied; a damaged file:
    // Corruption) and makes it the workspace's ID. Returns the user's name.
    static Result<QString> login(const Workspace& workspace, const QString& idPath, const QString& password);
    // The same, returning the opened credentials (the desktop client keeps them unlocked
    // for the session, as Notes keeps its ID, so that syncing does not ask again). Opening
    // the workspace's own `user.id` only unlocks it.
    static Result<identity::Credentials> signIn(const Workspace& workspace, const QString& idPath,
                                                const QString& password);
    // The workspace's credentials; NotFound before a login.
    static Result<identity::Credentials> unlock(const Workspace& workspace, const QString& password);
    // Re-seals the workspace's ID under `newPassword` (IdFile::changePassword): a new password
    // weaker than identity/PasswordPolicy.h allows is InvalidArgument, a wrong `oldPassword`
    // PermissionDenied, both before anything is written. The new file replaces the old one
    // atomically (IdFile::save): on any failure the ID still opens with the old password.
    // `cost` is the KDF cost of the new sealing (tests use KdfCost::Test).
    static Status changePassword(const Workspace& workspace, const QString& oldPassword,
                                 const QString& newPassword,
                                 identity::KdfCost cost = identity::KdfCost::Interactive);

    static QString idPath(const Workspace& workspace);
    // The name of the workspace's ID, read from its clear header without the password (who
    // `senctl` acts as when it saves: docs/workflow.md); empty before a login or when the
    // file cannot be read.
    static QString userName(const Workspace& workspace);
};

} // namespace sen::client
