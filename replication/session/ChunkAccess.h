#pragma once

// Chunks only for readers (docs/access-control.md §Attachments): with an access policy (the
// server), which attachment chunks a peer may receive and which its pushed documents may name.
// A chunk belongs to the documents that reference it (the replica's chunk index), so:
// - a chunk is served only if some live document referencing it is one the peer may read;
//   otherwise the answer is the one for a chunk this replica lacks, so its existence does
//   not leak either;
// - a pushed version may name a chunk this replica holds only if the peer may read a
//   document that already references it. A chunk this replica lacks may be named: it is then
//   asked of the pusher (CHUNK_WANT), and only bytes that hash to it are stored.
//
// One indexed lookup per chunk; documents referencing it are read until the first the peer
// may read. Used on the session's thread; holds references only.

#include "common/core/Result.h"
#include "common/crypto/Sha256.h"
#include "common/model/Document.h"

#include <optional>

namespace sen {

class AccessPolicy;
class ReplicaStore;

class ChunkAccess
{
public:
    ChunkAccess(const ReplicaStore& store, const AccessPolicy& policy) : m_store(store), m_policy(policy) {}

    // Whether the peer may receive chunk `hash` (false when no live document here names it).
    Result<bool> mayFetch(const crypto::Sha256Digest& hash) const;

    // Ok, or PermissionDenied when `incoming` names a chunk stored here that the peer may read
    // no document referencing. `stored` is the version `incoming` would replace (its row is what
    // the index holds for that document).
    Status mayReference(const std::optional<Document>& stored, const Document& incoming) const;

private:
    const ReplicaStore& m_store;
    const AccessPolicy& m_policy;
};

} // namespace sen
