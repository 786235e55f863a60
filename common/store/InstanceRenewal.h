#pragma once

// Taking a new instance ID (docs/protocol.md §A session, step 1), for a replica file found
// to be a copy or a restored backup: a peer saw higher counters from its instance than the
// file has, so the edits it makes from now on — and those it made since the copy — would
// reuse dots that already name other edits.
//
// Every dot of the old instance above `keepUpTo` (the last counter known to have reached a
// peer from this file) is moved to the new instance, counter c becoming c - keepUpTo, in
// items and version vectors alike; those documents get new change-feed positions so they
// are sent again. Nothing is lost: the unsent edits simply become another replica's edits,
// and meet the original's through the merge rules. Runs in one transaction on a closed
// file; reopen the store afterwards.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QString>

namespace sen {

struct RenewalResult
{
    InstanceId oldInstance;
    InstanceId newInstance;
    std::uint64_t keptUpTo = 0; // the old instance's dots up to this counter stayed
    std::int64_t documentsRestamped = 0;
};

Result<RenewalResult> renewInstanceId(const QString& path, std::uint64_t keepUpTo);

} // namespace sen
