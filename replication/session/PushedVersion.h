#pragma once

// The one path a pushed version takes on the receiving side (docs/protocol.md §"What a server
// refuses", §Bundles): a session's ChangeReceiver and a bundle import both call it, so a
// version carried on a USB stick meets exactly the checks of one sent over TLS.
//
// In order: the form and parent of a document already held may not change (ProtocolError);
// the server's limits (PushCheck: clock skew, own dots, declared counter), when given; the
// access policy (the user's ACL rights, Readers/Authors, the secrecy rule, the registers'
// numbers) and the chunks it may name (ChunkAccess), when given, and — when the version is
// concurrent with the one stored — what the merge would store (AccessPolicy::mayStoreMerged);
// a refusal is told to the policy for the audit log; then the merge rules store it, and a deletion that took
// effect is told to the policy and its readers remembered (StubReaders). Runs in the caller's transaction.

#include "common/store/ReplicaStore.h"
#include "replication/merge/ApplyVersion.h"
#include "replication/session/AccessPolicy.h"
#include "replication/session/PushCheck.h"

#include <optional>

namespace sen {

struct PushedVersion
{
    enum class Verdict
    {
        Stored,   // went through the merge rules (`applied` says what changed)
        Refused,  // not stored; `why` is what the pusher is told
        Deferred, // not stored; the checkpoint must stay before it (PushCheck::Verdict::Defer)
    };
    Verdict verdict = Verdict::Stored;
    Status why;
    merge::Applied applied;
};

// `current` is the row as ReplicaSync::findStored() read it in this transaction; `remoteItems`
// as for merge::applyVersion. `access` and `check` may be null (nothing to check). An error is
// not about this version (a failed read, an audit log that cannot be written, ProtocolError):
// the caller's transaction must not commit.
Result<PushedVersion> receivePushedVersion(ReplicaStore& store, const AccessPolicy* access, PushCheck* check,
                                           const std::optional<store::StoredDocument>& current,
                                           const Document& remote, const QByteArray& remoteItems = {});

} // namespace sen
