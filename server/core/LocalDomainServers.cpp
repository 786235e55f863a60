#include "server/core/LocalDomainServers.h"

namespace sen::server {

acl::Directory withLocalDomainServer(acl::Directory groups, const QString& serverName)
{
    const QString group = QString::fromUtf16(kLocalDomainServers);
    QStringList members = groups.members(group);
    members.append(serverName);
    groups.setGroup(group, members);
    return groups;
}

} // namespace sen::server
