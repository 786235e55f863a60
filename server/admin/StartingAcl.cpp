#include "server/admin/StartingAcl.h"

#include "server/core/DataDirectory.h"
#include "server/core/LocalDomainServers.h"

namespace sen::server {

acl::Acl startingAcl(const DataDirectory& dir)
{
    acl::Acl acl;
    if (!dir.config().admin.isNull())
        (void)acl.setEntry(acl::AclEntry::make(dir.config().admin.toString(), acl::AccessLevel::Manager,
                                               acl::EntryKind::Person));
    (void)acl.setEntry(
        acl::AclEntry::make(dir.serverName().toString(), acl::AccessLevel::Manager, acl::EntryKind::Server));
    (void)acl.setEntry(acl::AclEntry::make(QString::fromUtf16(kLocalDomainServers), acl::AccessLevel::Manager,
                                           acl::EntryKind::Group));
    (void)acl.setEntry(acl::AclEntry::make(acl::defaultEntryName(), acl::AccessLevel::NoAccess));
    return acl;
}

} // namespace sen::server
