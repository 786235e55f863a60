#pragma once

// What a server checks of every version a peer pushes, beyond the peer's access rights
// (docs/protocol.md §"What a server refuses"; issue #11): the limits no honest client comes
// near and the claims a peer could otherwise make about other replicas' edits.
//
// - A CHANGES entry flagged withdrawn is a protocol error: only a server withdraws, and only
//   towards a client (ChangeReceiver::refuseWithdrawn, set for every responder).
// - A vector longer than kMaxVectorEntries is a protocol error.
// - An item stamped more than kMaxClockSkewMs ahead of the server's wall clock is refused (the
//   version is listed in the ACK) before anything observes its time.
// - A user peer (User role certificate) may only add its own dots: every entry in which the
//   pushed vector exceeds the stored version's (every entry, for a new document; for a new
//   conflict document, those beyond its parent's stored vector) must be the session's instance
//   or an instance the server has seen HELLO from under the same name (`peers`). Else the
//   version is refused. Server peers relay other replicas' edits and are exempt.
// - The session's own instance may not count past the counter it declared in HELLO: such a
//   version is deferred, not refused — not stored, and the ACK's checkpoint stays before it —
//   because an honest client that saves during a session pushes exactly that; its next
//   session declares the higher counter and the version goes through.
//
// One object per session, used from the session's thread.

#include "common/core/Clock.h"
#include "common/model/Document.h"
#include "replication/protocol/Messages.h"

#include <map>
#include <optional>

namespace sen {

class ReplicaStore;

// What a peer declares its instance's last counter to be (a session's HELLO, a bundle's
// header), against what this replica received: beyond kMaxCounter is a ProtocolError; behind
// the highest counter received in that instance's dots, the peer's file is a copy or a
// restored backup whose new edits would reuse dots (StaleInstance: it must take a new
// instance ID). What earlier declarations claimed does not count (docs/protocol.md
// §Instances): naming someone else's instance with a huge counter must not lock it out.
Status checkDeclaredCounter(ReplicaStore& store, const InstanceId& instance, std::uint64_t counter,
                            const QString& peerName);

struct PushPeer
{
    InstanceId instance;       // the session's instance (HELLO)
    QString name;              // as its certificate names it
    std::uint64_t counter = 0; // the last counter it declared it used (HELLO)
    bool isServer = false;     // Server role certificate: exempt from the own-dots rule
};

class PushCheck
{
public:
    enum class Verdict
    {
        Store,  // go on (access control still decides)
        Refuse, // not stored; reported in the ACK with `status`
        Defer,  // not stored; the checkpoint stays before it (offered again next session)
    };
    struct Outcome
    {
        Verdict verdict = Verdict::Store;
        Status status;
    };

    // `clock` (null: the system clock) must outlive this object.
    PushCheck(ReplicaStore& store, PushPeer peer, const Clock* clock = nullptr);

    // A CHANGES entry: ProtocolError if no peer may send it.
    Status checkEntry(const protocol::ChangeEntry& entry) const;
    // A received version (rebuilt from a delta if it was one) against the stored one.
    // ProtocolError ends the session; otherwise the outcome says what to do with it.
    Result<Outcome> checkVersion(const std::optional<Document>& stored, const Document& incoming);

private:
    Result<bool> isOwnInstance(const InstanceId& instance);

    ReplicaStore& m_store;
    PushPeer m_peer;
    const Clock& m_clock;
    std::map<InstanceId, bool> m_own; // instances looked up in `peers`
};

} // namespace sen
