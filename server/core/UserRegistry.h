#pragma once

// users.json: the users this server has registered, their certificates and whether they
// were revoked (docs/server.md, "users.json"). A value loaded, changed and saved whole;
// callers hold the data directory's lock between load and save.
//
// A name has at most one active registration. Revoking ends it; registering the name again
// adds a new registration, so the history of who held which certificate stays.

#include "common/core/Result.h"
#include "common/identity/HierarchicalName.h"

#include <QDateTime>
#include <QList>

#include <vector>

namespace sen::server {

struct RegisteredCertificate
{
    QString serialHex; // lower-case hex, as CertificateInfo::serialHex
    QDateTime issued;  // UTC
    QDateTime notAfter;
};

struct RegisteredUser
{
    identity::HierarchicalName name;
    QList<RegisteredCertificate> certificates;
    QDateTime registered; // UTC
    QDateTime revoked;    // UTC; invalid while the registration is active
    // Registered at the hub and written here from its authority record (docs/servers.md);
    // "fromHub": true in the file. A spoke's users.json holds only these.
    bool fromHub = false;

    bool isActive() const { return !revoked.isValid(); }
};

class UserRegistry
{
public:
    // Corruption naming the file and the entry for anything malformed; Unsupported for a
    // newer format.
    [[nodiscard]] static Result<UserRegistry> load(const QString& path);
    // Atomically (QSaveFile), owner-only.
    [[nodiscard]] Status save(const QString& path) const;

    const std::vector<RegisteredUser>& users() const { return m_users; }
    // The active registration of `name` or of a name with the same ACL key (acl/NameMatch.h),
    // or null.
    const RegisteredUser* findActive(const identity::HierarchicalName& name) const;
    RegisteredUser* findActive(const identity::HierarchicalName& name);
    // Conflict if the name already has an active registration.
    [[nodiscard]] Status add(RegisteredUser user);

private:
    std::vector<RegisteredUser> m_users; // in order of registration
};

} // namespace sen::server
