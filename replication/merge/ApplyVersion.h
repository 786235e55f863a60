#pragma once

// Stores a version received from elsewhere (a session or a bundle) through the merge rules:
// the merged version, and the conflict document a contested merge makes. Runs in the
// caller's transaction.

#include "merge/Merge.h"
#include "store/ReplicaStore.h"

namespace sen::merge {

struct Applied
{
    bool stored = false;         // the local version changed
    bool peerVersion = false;    // what was stored is the remote version as received
    bool conflictStored = false; // a new conflict document was stored
};

Result<Applied> applyVersion(ReplicaStore& store, const Document& remote,
                             const std::optional<Document>& local);
// The same with the local row as ReplicaStore::findStored() read it in this transaction:
// stored without looking it up again.
Result<Applied> applyVersion(ReplicaStore& store, const Document& remote,
                             const std::optional<store::StoredDocument>& current);

} // namespace sen::merge
