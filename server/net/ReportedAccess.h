#pragma once

// What a server tells a user of their access (a session's WELCOME, a first bundle's facts):
// the level, rights, roles and groups, or nothing when the roles or groups exceed what the
// protocol carries (protocol::kMaxAccessNames names of at most kMaxAccessNameLength each) —
// the client then works out its access itself.

#include "common/acl/EffectiveAccess.h"
#include "replication/protocol/Messages.h"

#include <optional>

namespace sen::server {

std::optional<protocol::WelcomeAccess> reportedAccess(const acl::EffectiveAccess& access);

} // namespace sen::server
