#pragma once

// Which server numbers a database's registers (docs/servers.md §Authority across servers):
// the one the replica's setting `registers.numbered_by` names (registers::kNumberedBySetting,
// set by `db create --numbered-by` at the hub and carried to the spokes), else the
// organisation's hub. Only that server answers NUMBER, so two servers never give one number
// twice; the others refuse each request saying where numbers come from, and take the numbers
// other servers relay (RegisterRights::acceptsRelayedNumbers).

#include "common/core/Result.h"
#include "common/identity/HierarchicalName.h"

#include <optional>

namespace sen {
class ReplicaStore;
}

namespace sen::server {

// Nullopt when `self` numbers `store`'s registers; else the server that does, as a name to
// show ("the organisation's hub" when the setting is empty).
[[nodiscard]] Result<std::optional<QString>>
numberingElsewhere(const ReplicaStore& store, const identity::HierarchicalName& self, bool selfIsHub);

} // namespace sen::server
