#pragma once

// Issues a user an ID file and records the registration in users.json: what `init` does for
// the administrator and `register` for everyone else.

#include "server/core/DataDirectory.h"
#include "server/core/UserRegistry.h"

namespace sen::server {

struct UserIdRequest
{
    identity::HierarchicalName name; // NAME/ORG
    QString idPath;                  // where the ID file goes; must not exist
    QString password;
    identity::KdfCost kdfCost = identity::KdfCost::Interactive;
};

// Conflict if the name has an active registration or `idPath` exists. The ID file is
// written first and removed again if users.json cannot be updated, so a certificate is
// never handed out unrecorded. The caller holds the directory's lock.
[[nodiscard]] Result<RegisteredUser> issueUserId(const DataDirectory& dir,
                                                 const identity::Certifier& certifier,
                                                 const UserIdRequest& request, const DataDirectoryLock& held);

} // namespace sen::server
