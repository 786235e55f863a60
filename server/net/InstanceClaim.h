#pragma once

// Instances belong to the name that first used them (docs/protocol.md §Instances, issue
// #11): the server records, per database, which certificate name first said HELLO with an
// instance ID, and refuses that instance to any other name. Names compare by the ACL's key
// (acl/NameMatch.h), so "an/vptu/hanoi" is still An.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QString>

namespace sen {
class ReplicaStore;
}

namespace sen::server {

// Ok when `instance` is new (it is now `peerName`'s) or already `peerName`'s; else
// PermissionDenied naming neither the owner nor anything else about them.
[[nodiscard]] Status claimInstance(ReplicaStore& store, const InstanceId& instance, const QString& peerName);

} // namespace sen::server
