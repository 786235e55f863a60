#include "server/net/InstanceClaim.h"

#include "common/acl/NameMatch.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"

namespace sen::server {

Status claimInstance(ReplicaStore& store, const InstanceId& instance, const QString& peerName)
{
    SEN_ASSIGN_OR_RETURN(const QString owner, store.replication().log().claimInstance(instance, peerName));
    if (acl::namesEqual(owner, peerName))
        return Status::ok();
    // Who owns it is none of the claimant's business.
    return Status(ErrorCode::PermissionDenied,
                  QStringLiteral("instance %1 belongs to another user of this database; a replica's "
                                 "instance ID cannot be taken over")
                      .arg(instance.toHex()));
}

} // namespace sen::server
