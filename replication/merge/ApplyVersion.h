#pragma once

// Stores a version received from elsewhere (a session or a bundle) through the merge rules:
// the merged version, and the conflict document a contested merge makes. Runs in the
// caller's transaction.

#include "common/store/ReplicaStore.h"
#include "replication/merge/Merge.h"

namespace sen::merge {

struct Applied
{
    bool stored = false;         // the local version changed
    bool peerVersion = false;    // what was stored is the remote version as received
    bool conflictStored = false; // a new conflict document was stored
};

Result<Applied> applyVersion(ReplicaStore& store, const Document& remote,
                             const std::optional<Document>& local);
// The same with the local row as ReplicaSync::findStored() read it in this transaction:
// stored without looking it up again. `remoteItems`, when not empty, are exactly
// encodeItems(remote.items) (a whole version as received, checked canonical): when the remote
// version is stored as is (inserted or fast-forwarded) these bytes are, without encoding
// the items again.
Result<Applied> applyVersion(ReplicaStore& store, const Document& remote,
                             const std::optional<store::StoredDocument>& current,
                             const QByteArray& remoteItems = {});
// The same with `planned`, exactly merge(current's document, remote), already computed (a
// server judges what the merge would store before storing it: PushedVersion.h).
Result<Applied> applyMerge(ReplicaStore& store, const Document& remote, const MergeResult& planned,
                           const std::optional<store::StoredDocument>& current,
                           const QByteArray& remoteItems = {});

} // namespace sen::merge
