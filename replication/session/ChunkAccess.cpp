#include "replication/session/ChunkAccess.h"

#include "common/attachments/AttachmentStore.h"
#include "common/store/ChunkRefs.h"
#include "common/store/ReplicaStore.h"
#include "replication/session/AccessPolicy.h"

#include <set>

namespace sen {

Result<bool> ChunkAccess::mayFetch(const crypto::Sha256Digest& hash) const
{
    bool readable = false;
    SEN_TRY(m_store.replication().forEachDocumentReferencing(hash, [&](const Document& doc) {
        readable = m_policy.mayRead(doc);
        return !readable;
    }));
    return readable;
}

Status ChunkAccess::mayReference(const std::optional<Document>& stored, const Document& incoming) const
{
    SEN_ASSIGN_OR_RETURN(const auto named, store::ChunkRefs::chunksOf(incoming));
    if (named.empty())
        return Status::ok();
    // What the version it replaces names, the peer may keep naming if it may read that version
    // (the usual edit of a document with attachments: no lookup per chunk).
    std::set<crypto::Sha256Digest> granted;
    if (stored && !stored->isDeleted() && m_policy.mayRead(*stored)) {
        SEN_ASSIGN_OR_RETURN(const auto known, store::ChunkRefs::chunksOf(*stored));
        granted.insert(known.begin(), known.end());
    }
    for (const crypto::Sha256Digest& hash : named) {
        if (granted.count(hash) || !m_store.attachments().hasChunk(hash))
            continue; // a chunk not here is asked of the pusher, who must send its bytes
        SEN_ASSIGN_OR_RETURN(const bool readable, mayFetch(hash));
        if (!readable)
            return Status(ErrorCode::PermissionDenied,
                          QStringLiteral("document %1: an attachment names file contents held only by "
                                         "documents you may not read")
                              .arg(incoming.unid.toHex()));
        granted.insert(hash);
    }
    return Status::ok();
}

} // namespace sen
