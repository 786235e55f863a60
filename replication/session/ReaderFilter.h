#pragma once

// What a peer may receive of a replica's change feed (docs/access-control.md §Documents): a
// live document only if its Readers let the peer read it; a deletion stub only if the peer
// could read the live version the stub replaced (StubReaders.h), as it then had the document.
// One rule for a session's sender (a change the peer may not receive goes out as withdrawn)
// and for a bundle written for a user (such a change is left out).

#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

namespace sen {

class AccessPolicy;

// `row`, when given, is the change's row as read with the feed (items as stored): a live
// document is then judged from it instead of being looked up again.
Result<bool> peerMayReceive(const ReplicaStore& store, const AccessPolicy& access,
                            const store::Change& change, const store::StoredDocument* row = nullptr);

} // namespace sen
