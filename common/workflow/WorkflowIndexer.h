#pragma once

// Keeps the workflow index of one replica file (WorkflowIndex.h) in step with its documents
// (docs/workflow.md "The workflow index"). catchUp() follows the change feed from the index's
// checkpoint: every changed document is mapped to the incoming document it concerns — an
// incoming document itself, a presentation or direction its parent, a report its direction's
// parent — and each of those is derived again (workflow::derive on its steps, read through
// the index documents_by_parent) and its entry rewritten, or dropped when the document is no
// longer a live incoming document. The index is rebuilt from scratch when it has no
// checkpoint (a file just migrated, an index cleared or built by other rules) or its
// checkpoint lies beyond the feed (a file restored from an older copy), so a stale index is
// never read as if current.
//
// Callers run catchUp() before they read the index (client/app/MyWork.h does): with nothing
// new it costs one read of the feed's position and takes no write lock. Otherwise it writes
// in one transaction (joining the caller's batch, if any). Thread-safety: the store's.

#include "common/core/Result.h"
#include "common/workflow/Processing.h"

namespace sen {
class ReplicaStore;
}

namespace sen::workflow {

class WorkflowIndexer
{
public:
    struct Outcome
    {
        bool rebuilt = false; // the index was built from scratch
        int documents = 0;    // incoming documents derived again
    };
    static Result<Outcome> catchUp(ReplicaStore& store);
    // Empties the index: the next catchUp() rebuilds it.
    static Status invalidate(ReplicaStore& store);
};

// The steps of the incoming document `incoming` as stored in `store` (its live presentations
// and directions, and the live reports on those directions; malformed ones left out), and
// its processing derived from them.
Result<std::vector<Step>> storedSteps(const ReplicaStore& store, const Unid& incoming);
Result<Processing> storedProcessing(const ReplicaStore& store, const Document& incoming);

} // namespace sen::workflow
