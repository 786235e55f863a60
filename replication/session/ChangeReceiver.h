#pragma once

// The receiving half of one replication direction (docs/protocol.md §A session, steps 3 and
// 6): answers each CHANGES batch with the versions it lacks and its own vector for each,
// then applies the batch's documents through the merge rules in one transaction that also
// advances the checkpoint — so a session cut off at any point resumes where it stopped and
// never applies anything twice.

#include "common/store/ReplicaStore.h"
#include "replication/merge/ApplyVersion.h"
#include "replication/protocol/Messages.h"
#include "replication/session/AccessPolicy.h"
#include "replication/session/PushCheck.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace sen {

class ChangeReceiver
{
public:
    using SendFn = std::function<void(protocol::MessageType, const QByteArray&, bool compress)>;

    // With `fetchChunks` false (summary-only), attachment chunks are left for later.
    ChangeReceiver(ReplicaStore& store, SendFn send, const InstanceId& peer, bool fetchChunks = true);

    // Never records a checkpoint past `seq` in this session: for a pull that asked for the
    // changes after a later position than this replica holds from the peer (a PULL sent
    // before WELCOME, for another instance than the one that answered).
    void limitCheckpoint(std::int64_t seq) { m_cap = std::min(m_cap, seq); }
    // The PULL asked for whole documents (this replica held none, docs/protocol.md §"Whole
    // pull"): every entry of a batch counts as wanted, and no WANT is sent; its DOCS follow.
    void receiveWhole() { m_whole = true; }

    // With a policy (server side), each received version is authorised before it is stored;
    // a refused one is skipped and reported in the batch's ACK.
    void setAccessPolicy(std::shared_ptr<const AccessPolicy> access) { m_access = std::move(access); }
    // With a check (server side), each CHANGES entry and each received version also passes the
    // server's limits (session/PushCheck.h) before access control; null checks nothing.
    void setPushCheck(std::shared_ptr<PushCheck> check) { m_check = std::move(check); }
    // A CHANGES entry flagged withdrawn is then a protocol error instead of a reason to drop our
    // copy: only a server withdraws documents, and only towards a client (the responder side).
    void refuseWithdrawn() { m_refuseWithdrawn = true; }
    // The peer is `name` (an initiator's pull): a refusal it made of a version it now lists at
    // that version or a later one no longer matters — the edit reached it after all (through
    // another server) — so the record goes, in the transaction of the batch that listed it
    // (ReplicaSync::forgetRefusal; docs/protocol.md §"What a client offers").
    void settleRefusalsOf(const QString& name) { m_settlePeer = name; }

    Status onChanges(const protocol::Changes& changes);
    Status onDocs(const protocol::Docs& docs);
    Status onChunks(const protocol::Chunks& chunks);

    // Every batch applied and every wanted chunk the peer has received.
    bool isDone() const { return m_done && !m_chunksAsked && m_chunksSettled; }
    qint64 chunksReceived() const { return m_chunksReceived; }
    qint64 received() const { return m_received; }
    qint64 conflicts() const { return m_conflicts; }
    qint64 refused() const { return m_refusedCount; }
    qint64 withdrawn() const { return m_withdrawn; }
    // Progress: batches committed so far, the sender's feed position the last of them
    // covered, and the sender's newest position as it last told it (0: not told, a
    // version 1 peer).
    qint64 batchesApplied() const { return m_batchesApplied; }
    std::int64_t position() const { return m_position; }
    std::int64_t feedEnd() const { return m_feedEnd; }
    // True while every version stored was the peer's own (inserted or fast-forwarded): then
    // the peer already has everything this direction stored, and nothing needs echoing back.
    bool storedOnlyPeerVersions() const { return m_onlyPeerVersions; }

private:
    struct Batch
    {
        protocol::Changes changes;
        std::vector<protocol::WantEntry> wants;
        std::optional<protocol::Docs> docs;
        bool ready() const { return wants.empty() || docs.has_value(); }
    };
    Status drain();
    Status askForChunks();
    Status apply(Batch& batch, std::int64_t& checkpoint);
    // Counts a version stored through receivePushedVersion (session/PushedVersion.h).
    void count(const merge::Applied& applied);
    Status withdraw(const protocol::ChangeEntry& change);
    // settleRefusalsOf: forgets the refusals the batch's entries show the peer got over.
    Status settleRefusals(const protocol::Changes& changes);

    ReplicaStore& m_store;
    SendFn m_send;
    InstanceId m_peer;
    std::deque<Batch> m_queue;
    std::int64_t m_cap = std::numeric_limits<std::int64_t>::max();
    bool m_done = false;
    bool m_whole = false;
    bool m_fetchChunks;
    bool m_chunksAsked = false;                   // a CHUNK_WANT is unanswered
    bool m_chunksSettled = true;                  // nothing left to ask this peer for
    std::set<crypto::Sha256Digest> m_unavailable; // the peer lacks these too
    std::vector<crypto::Sha256Digest> m_asked;
    qint64 m_chunksReceived = 0;
    std::optional<protocol::Ack> m_finalAck; // held until the chunks are in
    bool m_onlyPeerVersions = true;
    qint64 m_received = 0;
    qint64 m_conflicts = 0;
    std::shared_ptr<const AccessPolicy> m_access;
    std::shared_ptr<PushCheck> m_check;
    bool m_refuseWithdrawn = false;
    QString m_settlePeer;                                         // settleRefusalsOf
    std::optional<std::map<Unid, VersionVector>> m_refusedByPeer; // read at the first batch
    std::vector<protocol::Refusal> m_refusals;                    // of the batch being applied
    qint64 m_refusedCount = 0;
    qint64 m_withdrawn = 0;
    qint64 m_batchesApplied = 0;
    std::int64_t m_position = 0;
    std::int64_t m_feedEnd = 0;
};

} // namespace sen
