#pragma once

// Options, progress and results of a replication session.

#include "replication/protocol/Messages.h"
#include "replication/session/AccessPolicy.h"
#include "replication/session/AuthorityExchange.h"
#include "replication/session/DirectoryExchange.h"
#include "replication/session/Numbering.h"
#include "replication/session/PushCheck.h"

#include <QString>

#include <memory>

namespace sen {

struct SessionOptions
{
    QString database;        // the responder's name for the database (initiator only)
    QString localName;       // this side's name, told to the peer (user or server name)
    protocol::Filter filter; // selective replication of what this side pulls
    int batchSize = protocol::kDefaultBatchSize;
    int window = protocol::kDefaultWindow;
    bool pull = true; // initiator: receive the responder's changes
    bool push = true; // initiator: send ours
    // Initiator: after a complete push, drop the deletion stubs every push peer has
    // acknowledged (ReplicaSync::dropAcknowledgedStubs). Clients set it; servers keep stubs.
    bool dropAcknowledgedStubs = false;
    // Initiator: this side is a user peer (User role certificate) and the responder a server,
    // which lets a user add only their own dots (PushCheck): the push sends only versions that
    // carry an edit of this replica's instance the server lacks, and leaves others' edits
    // (a failover client's, pulled from another server) to reach it from their own servers
    // (ChangeSender::setOwnEditsOnly; docs/protocol.md §"What a client offers"). Clients set
    // it; a server relays every replica's edits and leaves it unset.
    bool pushOwnEditsOnly = false;
    // Initiator: a whole first pull (this replica empty) stores the documents without
    // full-text indexing them; the index is built after, in bulk (ReplicaSync::deferFullText,
    // ReplicaStore::buildSearchIndex; docs/search.md §"The first pull"). Clients set it and
    // build the index in the background; without it every document is indexed as it lands.
    bool deferFullText = false;
    // Responder: the peer's access rights (server side); null allows everything.
    std::shared_ptr<const AccessPolicy> access;
    // Responder: the server's limits on what the peer pushes (session/PushCheck.h); null: none.
    std::shared_ptr<PushCheck> pushCheck;
    // Responder: the peer's effective access as told in WELCOME when the session chose
    // version 3 or later (kVersionWelcomeAccess); unset, WELCOME carries none.
    std::optional<protocol::WelcomeAccess> reportAccess;
    // Initiator: the responder's instance ID from the last session with it
    // (Session::peerInstance()). With it, or when this replica has pulled from no one yet (the
    // pull then starts at 0 whoever answers), PULL goes out right after HELLO instead of after
    // WELCOME, a round trip sooner (docs/protocol.md §"A session"). A wrong guess costs bytes,
    // never a change: the checkpoint for the peer that answered does not move past what it was.
    InstanceId expectedPeer;
    // Initiator: asks the responder for the numbers of the registrations awaiting one, right
    // after HELLO, and writes them before the push (docs/protocol.md §Numbers); null: none.
    std::shared_ptr<NumberingClient> numbering;
    // Responder: the authority over this database's registers; null: a NUMBER is refused.
    std::shared_ptr<NumberingAuthority> numberingAuthority;
    // Initiator: asks a responder of protocol version 5 or later for the database's directory
    // after WELCOME and hands it over before the push (docs/protocol.md §Directory); null: not
    // asked. A responder of an older version is not asked.
    std::shared_ptr<DirectoryClient> directory;
    // Responder: answers DIRECTORY_REQUEST; null: the request is refused (Unsupported).
    std::shared_ptr<DirectoryProvider> directoryProvider;
    // Both sides, only in a session between two servers of the organisation: the hub's
    // authority record this server holds (docs/protocol.md §Authority, version 6). Initiator:
    // told after WELCOME, the push waits for the exchange; a responder of an older version is
    // not asked. Responder: null refuses either authority message (ProtocolError).
    std::shared_ptr<AuthorityKeeper> authority;
};

struct SessionStats
{
    qint64 received = 0;            // versions stored from the peer
    qint64 sent = 0;                // versions sent to the peer
    qint64 conflicts = 0;           // conflict documents made here
    qint64 refused = 0;             // versions the peer refused (access control); they stay here
    qint64 notOffered = 0;          // versions the peer lacks that are not ours to relay (pushOwnEditsOnly)
    qint64 stubsDropped = 0;        // acknowledged deletion stubs dropped after the push
    qint64 withdrawn = 0;           // documents removed here because we may no longer read them
    qint64 numbered = 0;            // registrations given a number (initiator) or numbers given (responder)
    qint64 numberRefused = 0;       // number requests refused
    bool directory = false;         // the directory was received (initiator) or sent (responder)
    bool authorityReceived = false; // a newer authority record was taken from the peer
    bool authoritySent = false;     // ours went to the peer
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 framesIn = 0;
    qint64 framesOut = 0;
};

// Where a running session is, as Session::progressed() reports it (after the handshake and
// after each committed batch, never more often): for a progress bar, not for deciding anything.
struct SessionProgress
{
    enum class Phase
    {
        Connecting, // TCP, TLS and the handshake
        Pulling,    // receiving the peer's changes
        Pushing,    // sending ours
    };
    Phase phase = Phase::Connecting;
    qint64 received = 0; // versions stored from the peer so far
    qint64 sent = 0;     // versions sent so far
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    // The current direction in change-feed positions of its sender: it started after `from`,
    // has reached `position` (committed by the receiver) and the sender's feed ends at `end`
    // (0: unknown — a peer speaking protocol version 1 does not tell).
    std::int64_t from = 0;
    std::int64_t position = 0;
    std::int64_t end = 0;

    // The share of the current direction done, 0 to 1; negative when the end is unknown.
    // Feed positions are not document counts (a document edited twice leaves a gap), so this
    // is an estimate that only moves forward within a direction.
    double fraction() const
    {
        if (end <= 0 || phase == Phase::Connecting)
            return -1.0;
        if (end <= from || position >= end)
            return 1.0;
        return position <= from ? 0.0 : double(position - from) / double(end - from);
    }
};

} // namespace sen
