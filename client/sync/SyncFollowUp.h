#pragma once

// What the client does around one session with its server, the same in senctl (Replicator)
// and the desktop client (SyncWorker): keep the access the server reported in WELCOME
// (docs/access-control.md, "What the client offers"), and give a replica the server found to
// be a copy or a restored backup a new instance ID (docs/protocol.md §A session, step 1).
//
// GUI-free; each function runs on the caller's thread with its own store connections.

#include "common/acl/EffectiveAccess.h"
#include "common/core/Result.h"
#include "common/store/InstanceRenewal.h"

#include <QString>

#include <optional>

namespace sen::protocol {
struct WelcomeAccess;
}

namespace sen {
class RemoteSession;
class ReplicaStore;
} // namespace sen

namespace sen::client {

class SyncFollowUp
{
public:
    // After a session, whatever its outcome: when its handshake was done, stores the access
    // the server reported for `userName` in the replica (ReplicaAccess), or forgets a stored
    // one when the server reported none (a version 2 server, or a report the client cannot
    // read). Writes only when the stored access changes.
    static Status keepReportedAccess(ReplicaStore& store, const RemoteSession& session,
                                     const QString& userName);
    // The access a server reported (WELCOME, or a first bundle) as the client keeps it;
    // nullopt for a report the client cannot read.
    static std::optional<acl::EffectiveAccess> toAccess(const protocol::WelcomeAccess& reported,
                                                        const QString& userName);

    // Whether a session ended because the server saw this replica behind its own instance's
    // counters (ERROR StaleInstance): a copy or a restored backup.
    static bool needsNewInstance(const Status& status);

    // Gives the replica file at `path` a new instance ID (renewInstanceId), moving every dot
    // made after its last acknowledged push (ReplicationLog::ackedCounter) to it, and records
    // the renewal in the replica's history (status StaleInstance, with `server` as the peer's
    // name). The caller closes its connections to the file first and reopens it afterwards;
    // other connections (another thread's, another process's) stamp their next saves with the
    // new instance (ReplicaStore reads it in each write transaction). Nothing written is lost.
    static Result<RenewalResult> renewInstance(const QString& path, const QString& server);
    // The sentence the history and senctl show for a renewal.
    static QString describe(const RenewalResult& renewal);
};

} // namespace sen::client
