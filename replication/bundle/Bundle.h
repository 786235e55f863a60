#pragma once

// Bundles: the replication exchange written to a file and carried — on a USB stick — to an
// office with no link at all, imported there, and answered with a return bundle the same
// way. The file is a stream of protocol frames (docs/protocol.md §Bundles): a header naming
// the database, the author and how far the author has imported the recipient's changes;
// whole document versions from the author's change feed since what the recipient last
// acknowledged; the attachment chunks they reference; an end frame.
//
// Import is all or nothing (one transaction) and idempotent: importing the same bundle again
// changes nothing. A truncated or damaged file is refused with a clear error.

#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

#include <QIODevice>

#include <optional>

namespace sen {

class AccessPolicy;

struct BundleInfo
{
    ReplicaId replicaId;
    InstanceId author;
    std::optional<InstanceId> recipient; // none: a first bundle for anyone
    std::int64_t since = 0;              // the author's feed position it starts after
    std::int64_t lastSeq = 0;            // the author's feed position it covers
    std::int64_t ack = 0;                // the recipient's feed position the author has imported
    qint64 documents = 0;
    qint64 chunks = 0;
    qint64 stored = 0;    // import: versions that changed the replica
    qint64 conflicts = 0; // import: conflict documents made
    qint64 refused = 0;   // import: versions the access policy or the secrecy rule refused
};

// Writes every change since what `recipient` acknowledged (all of them for none), with the
// chunks their attachments reference (unless `withChunks` is false: summary-only).
Result<BundleInfo> writeBundle(ReplicaStore& store, const std::optional<InstanceId>& recipient,
                               QIODevice& out, bool withChunks = true);

// Imports a bundle written by another replica of the same database. Every version goes
// through the checks a pushed one does: `access` when given (the importing side's policy, as
// a server session has: AclAccessPolicy, hence decidePush), else the secrecy rule with the
// classification of the version's ancestors (acl/ParentSecrecy.h) — a bundle is nobody's
// authenticated push. A refused version is not stored and is counted in `refused`.
Result<BundleInfo> importBundle(ReplicaStore& store, QIODevice& in, const AccessPolicy* access = nullptr);

} // namespace sen
