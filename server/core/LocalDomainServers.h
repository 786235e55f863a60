#pragma once

// The group every server of the organisation belongs to, as Domino's LocalDomainServers
// (docs/servers.md §Connections): a peer that presents a certificate of role *server* from
// our certifier is a member of it, whatever groups.json says, so one ACL entry
// `LocalDomainServers` (Manager in every new database's starting ACL) lets the hub and its
// spokes replicate each database without an entry per server. A user's certificate never is
// a member, even under a server's name pattern. Members groups.json gives the group are kept.

#include "common/acl/Directory.h"

#include <QString>

namespace sen::server {

inline constexpr char16_t kLocalDomainServers[] = u"LocalDomainServers";

// `groups` with `serverName` added to LocalDomainServers. Only for a peer whose certificate
// was verified as a server's.
acl::Directory withLocalDomainServer(acl::Directory groups, const QString& serverName);

} // namespace sen::server
