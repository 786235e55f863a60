#pragma once

// The sending half of one replication direction (docs/protocol.md §A session, steps 2 and
// 4): streams the change feed in batches of (UNID, vector), keeps up to `window` batches
// unanswered, and answers each WANT with the wanted versions — as deltas of the items the
// receiver does not know when its version is an ancestor of ours, whole otherwise. A user
// peer pushing to a server sends only the versions that carry an edit of its own the server
// lacks (setOwnEditsOnly; docs/protocol.md §"What a client offers").

#include "common/store/ReplicaStore.h"
#include "replication/protocol/Messages.h"
#include "replication/session/AccessPolicy.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace sen {

class ChangeSender
{
public:
    using SendFn = std::function<void(protocol::MessageType, const QByteArray&, bool compress)>;
    // Runs a function soon, from the event loop (so chunk frames interleave with others).
    using ScheduleFn = std::function<void(std::function<void()>)>;

    ChangeSender(ReplicaStore& store, SendFn send, ScheduleFn schedule, const InstanceId& peer, int batchSize,
                 int window);

    // With a policy (server side), documents the peer may not read are never sent: a change
    // to one goes out as withdrawn.
    void setAccessPolicy(std::shared_ptr<const AccessPolicy> access) { m_access = std::move(access); }
    // Who the peer is, for the record of what it refused.
    void setPeerName(const QString& name) { m_peerName = name; }
    // A user peer pushing to a server: a wanted version goes out only if it carries an edit
    // of `self` the receiver lacks (its counter for `self` above the receiver's `have`), or
    // is a conflict document the receiver lacks (judged there against its parent). Others'
    // edits are not ours to relay (PushCheck's own-dots rule would refuse them): they reach
    // the server from their own; the checkpoint moves past them like past any other change.
    void setOwnEditsOnly(const InstanceId& self) { m_self = self; }
    // Tell the receiver our newest feed position in each CHANGES (for its progress
    // estimate): only in a session whose protocol version has the field (kVersionFeedEnd).
    void setAnnounceFeedEnd(bool announce) { m_announceFeedEnd = announce; }
    // Whether the peer takes a stub that keeps a registration's number live (merge rule 5):
    // only in a session of kVersionNumberedStubs or later. An older peer refuses a stub with
    // a live item, so it is sent such a stub with its number a tombstone of the same stamp.
    void setNumberedStubs(bool numbered) { m_numberedStubs = numbered; }
    // Bytes waiting to be written to the peer: while more than kSendBacklogBytes wait, no
    // further CHANGES or CHUNKS frames are made, and in a whole pull no further batch while
    // any wait and no chunk is queued; call resume() as they drain. Unset: none.
    void setBacklog(std::function<qint64()> unsent) { m_unsent = std::move(unsent); }
    // Goes on after the backlog drained (more CHANGES, the next chunk).
    Status resume();

    // Starts streaming changes after `since` that pass `filter`. With `whole` (a receiver that
    // holds nothing, docs/protocol.md §"Whole pull") each CHANGES is followed at once by DOCS
    // of all its entries, whole, and the window counts batches not yet acknowledged.
    Status start(std::int64_t since, const protocol::Filter& filter, bool whole = false);
    Status onWant(const protocol::Want& want);
    // Records the receiver's checkpoint (our Push checkpoint for this peer).
    Status onAck(const protocol::Ack& ack);
    // Queues the chunks asked for; they go out one frame at a time between other messages,
    // so a large attachment never holds documents up.
    Status onChunkWant(const protocol::ChunkWant& want);

    bool finalSent() const { return m_finalSent; }
    bool isDone() const { return m_done; }
    qint64 sent() const { return m_sent; }
    qint64 refused() const { return m_refused; }
    // Versions wanted but not sent: not ours to relay (setOwnEditsOnly).
    qint64 notOffered() const { return m_notOffered; }
    // The feed position this direction started after, and the last one the receiver
    // acknowledged (its checkpoint); with feedEnd() (our newest position when the direction
    // started, or the furthest read since) they make a progress estimate.
    std::int64_t startedAfter() const { return m_since; }
    std::int64_t acknowledged() const { return m_ackedSeq; }
    std::int64_t feedEnd() const { return std::max(m_feedEnd, m_readPos); }

private:
    Status fill();
    // Sends DOCS with the versions `want` names (no DOCS when it names none); closes its batch.
    // `rows`, when given, are the batch's documents as findEncoded() would read them now, by
    // entry index (a whole pull answers as it reads the feed).
    Status answer(const protocol::Want& want, std::vector<store::StoredDocument>* rows = nullptr);
    int inFlight() const;
    bool passes(const store::Change& change) const;
    // `row`: the change's row as read with the feed (a whole pull), else null.
    Result<protocol::ChangeEntry> entryFor(const store::Change& change,
                                           const store::StoredDocument* row = nullptr) const;
    void pumpChunks();
    Status queueChunks(const std::vector<crypto::Sha256Digest>& hashes);
    bool congested() const;
    // A whole pull's last batch still waits in the transport (see fill()).
    bool writing() const;
    // Whether an entry of `vectorEntries` entries and `itemsBytes` stored bytes (`cborItems`
    // CBOR items, or 0 when unknown) still fits in the batch that holds `bytes` and `items`
    // (docs/protocol.md §Limits); adds it when it does.
    static bool fits(qint64& bytes, qint64& items, std::size_t vectorEntries, qint64 itemsBytes,
                     qint64 cborItems);
    // Whether `doc`, wanted against the receiver's `have`, may go (setOwnEditsOnly).
    bool offers(const Document& doc, const std::optional<VersionVector>& have) const;
    // The bytes of a chunk the peer asked for, if this replica holds it and the peer may have it.
    Result<QByteArray> servableChunk(const crypto::Sha256Digest& hash) const;

    struct Pending
    {
        std::vector<protocol::ChangeEntry> entries;
        std::int64_t lastSeq = 0;
        bool final = false;
    };

    ReplicaStore& m_store;
    SendFn m_send;
    ScheduleFn m_schedule;
    InstanceId m_peer;
    std::deque<crypto::Sha256Digest> m_chunkQueue;
    std::set<crypto::Sha256Digest> m_chunkQueued; // the same hashes, to ask once
    std::function<qint64()> m_unsent;
    bool m_pumpScheduled = false;
    int m_batchSize;
    int m_window;
    protocol::Filter m_filter;
    std::map<std::uint32_t, Pending> m_unanswered;
    std::uint32_t m_nextBatch = 1;
    std::uint32_t m_finalBatch = 0;
    std::int64_t m_readPos = 0;
    std::int64_t m_since = 0;
    std::int64_t m_ackedSeq = 0;
    std::int64_t m_feedEnd = 0;
    bool m_announceFeedEnd = false;
    bool m_numberedStubs = true;
    bool m_whole = false;
    std::uint32_t m_acked = 0; // the last batch the receiver acknowledged
    bool m_finalSent = false;
    bool m_done = false;
    qint64 m_sent = 0;
    qint64 m_refused = 0;
    qint64 m_notOffered = 0;
    std::optional<InstanceId> m_self; // setOwnEditsOnly
    std::shared_ptr<const AccessPolicy> m_access;
    QString m_peerName;
};

} // namespace sen
