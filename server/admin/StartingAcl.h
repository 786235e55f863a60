#pragma once

// The ACL a database starts with on this server (docs/server.md §Starting ACL), for
// `db create` and for `db replicate` until the hub's ACL arrives: the administrator named at
// init (a spoke has none), this server and the group LocalDomainServers
// (server/core/LocalDomainServers.h) as Managers, `-Default-` No Access.

#include "common/acl/Acl.h"

namespace sen::server {

class DataDirectory;

acl::Acl startingAcl(const DataDirectory& dir);

} // namespace sen::server
