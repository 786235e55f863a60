#include "replication/session/ChangeReceiver.h"

#include "common/attachments/AttachmentStore.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicationLog.h"
#include "replication/merge/ApplyVersion.h"
#include "replication/session/PushedVersion.h"

#include <algorithm>

namespace sen {

using namespace protocol;

ChangeReceiver::ChangeReceiver(ReplicaStore& store, SendFn send, const InstanceId& peer, bool fetchChunks)
    : m_store(store), m_send(std::move(send)), m_peer(peer), m_fetchChunks(fetchChunks)
{}

Status ChangeReceiver::onChanges(const Changes& changes)
{
    if (m_done)
        return Status(ErrorCode::ProtocolError, QStringLiteral("CHANGES after the final batch"));
    if (!m_queue.empty() && changes.batch <= m_queue.back().changes.batch)
        return Status(ErrorCode::ProtocolError, QStringLiteral("CHANGES batches out of order"));
    // An honest sender keeps at most kMaxWindow batches unanswered (docs/protocol.md §Limits):
    // a peer that sends more would make us hold its batches without bound.
    if (static_cast<int>(m_queue.size()) >= kMaxWindow)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("more than %1 CHANGES batches await their DOCS").arg(kMaxWindow));
    Batch batch;
    batch.changes = changes;
    m_feedEnd = std::max(m_feedEnd, changes.feedEnd);
    for (std::uint32_t i = 0; i < changes.entries.size(); ++i) {
        const ChangeEntry& entry = changes.entries[i];
        if (entry.withdrawn && m_refuseWithdrawn)
            return Status(ErrorCode::ProtocolError,
                          QStringLiteral("CHANGES lists document %1 as withdrawn: only a server withdraws "
                                         "documents, and only from a client")
                              .arg(entry.unid.toHex()));
        if (m_check)
            SEN_TRY(m_check->checkEntry(entry));
        if (entry.withdrawn)
            continue; // never sent; handled when the batch is applied, in its transaction
        if (m_whole) {
            batch.wants.push_back({i, std::nullopt});
            continue;
        }
        // Only what this replica does not already include (merge rule 2), a stub included: a
        // stub echoed back (a client re-offering one it pulled again after dropping it) is
        // neither sent nor judged by access control as a new deletion.
        SEN_ASSIGN_OR_RETURN(const auto local, m_store.replication().findHeader(entry.unid));
        if (local && local->versions.dominatesOrEquals(entry.versions))
            continue;
        // A stub has dropped its items, so a delta against it could not be rebuilt: ask for
        // the whole version, as if we lacked the document.
        if (!local || local->isDeleted())
            batch.wants.push_back({i, std::nullopt});
        else
            batch.wants.push_back({i, local->versions});
    }
    // Answered even when nothing is wanted — the answer is what moves the sender's window —
    // except the empty final batch, which nothing waits on but our ACK.
    if (!m_whole && !(changes.final && changes.entries.empty()))
        m_send(MessageType::Want, encode(Want{changes.batch, batch.wants}), true);
    m_queue.push_back(std::move(batch));
    return drain();
}

Status ChangeReceiver::onDocs(const Docs& docs)
{
    const auto waiting =
        std::find_if(m_queue.begin(), m_queue.end(), [](const Batch& b) { return !b.ready(); });
    if (waiting == m_queue.end() || waiting->changes.batch != docs.batch)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("DOCS for batch %1, which is not awaited").arg(docs.batch));
    waiting->docs = docs;
    return drain();
}

Status ChangeReceiver::drain()
{
    while (!m_queue.empty() && m_queue.front().ready()) {
        Batch& batch = m_queue.front();
        std::int64_t checkpoint = 0;
        m_refusals.clear();
        SEN_TRY(m_store.batch([&] { return apply(batch, checkpoint); }));
        ++m_batchesApplied;
        m_position = std::max(m_position, batch.changes.lastSeq);
        Ack ack{batch.changes.batch, checkpoint, std::exchange(m_refusals, {})};
        m_refusedCount += static_cast<qint64>(ack.refused.size());
        if (batch.changes.final) {
            // The final ACK tells the sender the direction is complete, so it waits until
            // the attachment chunks have arrived too.
            m_done = true;
            m_finalAck = std::move(ack);
        } else {
            m_send(MessageType::Ack, encode(ack), true);
        }
        m_queue.pop_front();
    }
    // Chunks are asked for as batches land, so they flow alongside the documents.
    SEN_TRY(askForChunks());
    if (isDone() && m_finalAck) {
        m_send(MessageType::Ack, encode(*m_finalAck), true);
        m_finalAck.reset();
    }
    return Status::ok();
}

Status ChangeReceiver::askForChunks()
{
    if (!m_fetchChunks || m_chunksAsked)
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(const auto wanted, m_store.attachments().wantedChunks(
                                                kChunkWantMax + static_cast<int>(m_unavailable.size())));
    ChunkWant want;
    for (const auto& hash : wanted) {
        if (!m_unavailable.count(hash) && static_cast<int>(want.hashes.size()) < kChunkWantMax)
            want.hashes.push_back(hash);
    }
    m_chunksSettled = want.hashes.empty();
    if (want.hashes.empty())
        return Status::ok();
    m_asked = want.hashes;
    m_chunksAsked = true;
    m_send(MessageType::ChunkWant, encode(want), true);
    return Status::ok();
}

Status ChangeReceiver::onChunks(const Chunks& chunks)
{
    for (const ChunkData& c : chunks.chunks) {
        const auto asked = std::find(m_asked.begin(), m_asked.end(), c.hash);
        if (asked == m_asked.end())
            return Status(ErrorCode::ProtocolError,
                          QStringLiteral("CHUNKS carries %1, which was not asked for").arg(c.hash.toHex()));
        m_asked.erase(asked);
        if (!c.bytes) {
            m_unavailable.insert(c.hash);
            continue;
        }
        // putChunk verifies the bytes against the name: a damaged chunk is refused.
        const Status stored = m_store.attachments().putChunk(c.hash, *c.bytes);
        if (!stored.isOk())
            return stored.code() == ErrorCode::Corruption
                       ? Status(ErrorCode::ProtocolError,
                                QStringLiteral("the peer sent chunk %1 with wrong bytes").arg(c.hash.toHex()))
                       : stored;
        ++m_chunksReceived;
    }
    if (m_asked.empty()) {
        m_chunksAsked = false;
        return drain(); // asks for more, or sends the final ACK once all have come
    }
    return Status::ok();
}

Status ChangeReceiver::apply(Batch& batch, std::int64_t& checkpoint)
{
    std::uint64_t peerCounter = 0; // the highest counter of the peer's own dots stored
    for (const ChangeEntry& change : batch.changes.entries) {
        if (change.withdrawn)
            SEN_TRY(withdraw(change));
    }
    if (!m_settlePeer.isEmpty())
        SEN_TRY(settleRefusals(batch.changes));
    if (batch.docs) {
        for (DocEntry& entry : batch.docs->docs) {
            const auto want = std::find_if(batch.wants.begin(), batch.wants.end(),
                                           [&](const WantEntry& w) { return w.index == entry.index; });
            if (want == batch.wants.end())
                return Status(ErrorCode::ProtocolError,
                              QStringLiteral("DOCS carries entry %1, which was not wanted").arg(entry.index));
            const ChangeEntry& change = batch.changes.entries[entry.index];
            // A whole pull (this replica held nothing) inserts each version as received,
            // without looking it up first; one that is here after all (say, another session
            // brought it meanwhile) goes the usual way below. Not with an access policy,
            // which authorises every version before it is stored.
            if (m_whole && !entry.delta && !m_access && !m_check) {
                entry.doc.unid = change.unid;
                SEN_ASSIGN_OR_RETURN(const bool inserted,
                                     m_store.replication().insertReplicated(entry.doc, entry.encodedItems));
                if (inserted) {
                    ++m_received; // a peer version: storedOnlyPeerVersions() stays as it was
                    peerCounter = std::max(peerCounter, entry.doc.versions.get(m_peer));
                    continue;
                }
            }
            // The one place a received version is applied: rebuilt from a delta if need
            // be, then merged with the row read here (once) and stored.
            SEN_ASSIGN_OR_RETURN(const auto current, m_store.replication().findStored(change.unid));
            const Document* local = current ? &current->doc : nullptr;
            Document remote = std::move(entry.doc);
            remote.unid = change.unid;
            // A whole version's items as received (checked canonical when decoded): stored as
            // they are if the version is, instead of being encoded again.
            QByteArray remoteItems;
            if (!entry.delta)
                remoteItems = std::move(entry.encodedItems);
            if (entry.delta) {
                // Rebuild the sender's version from ours: valid only if ours is still the
                // version the delta was cut against. A local save in between (rare) means
                // we cannot; leave this change for the next session.
                if (!local || !want->have || local->versions != *want->have) {
                    m_cap = std::min(m_cap, change.seq - 1);
                    continue;
                }
                Document rebuilt = *local;
                rebuilt.flags = remote.flags;
                rebuilt.versions = remote.versions;
                for (Item& item : remote.items)
                    rebuilt.putItem(std::move(item));
                remote = std::move(rebuilt);
                // A deletion turns every live item into a tombstone of its dot, all of them
                // unknown to our vector, so an honest deleted delta leaves nothing live but a
                // registration's number (docs/merge.md, rule 5).
                if (remote.isDeleted()) {
                    const auto live =
                        std::find_if(remote.items.begin(), remote.items.end(), [&](const Item& item) {
                            return !item.isTombstone() && !registers::isNumberingItem(remote.form, item.name);
                        });
                    if (live != remote.items.end())
                        return Status(ErrorCode::ProtocolError,
                                      QStringLiteral("the deletion of document %1 leaves item %2 live")
                                          .arg(change.unid.toHex(), live->name));
                }
            }
            SEN_ASSIGN_OR_RETURN(
                const PushedVersion outcome,
                receivePushedVersion(m_store, m_access.get(), m_check.get(), current, remote, remoteItems));
            if (outcome.verdict == PushedVersion::Verdict::Refused) {
                m_refusals.push_back({change.unid, outcome.why.code(), outcome.why.message()});
                continue;
            }
            if (outcome.verdict == PushedVersion::Verdict::Deferred) {
                m_cap = std::min(m_cap, change.seq - 1);
                continue;
            }
            count(outcome.applied);
            peerCounter = std::max(peerCounter, remote.versions.get(m_peer));
        }
    }
    // The peer's own dots this replica now holds: a later HELLO from that instance with a
    // smaller counter comes from a copy or a restored backup (Session, StaleInstance).
    if (peerCounter > 0)
        SEN_TRY(m_store.replication().log().noteReceivedCounter(m_peer, peerCounter));
    checkpoint = std::min(batch.changes.lastSeq, m_cap);
    return m_store.replication().setCheckpoint(m_peer, ReplicaSync::Direction::Pull, checkpoint);
}

Status ChangeReceiver::withdraw(const ChangeEntry& change)
{
    // The peer no longer lets us read this document. Our copy goes, unless it holds edits the
    // peer has not seen: those stay (nothing is lost) and their push will be refused.
    SEN_ASSIGN_OR_RETURN(const auto local, m_store.replication().findHeader(change.unid));
    if (!local || local->isDeleted() || !change.versions.dominatesOrEquals(local->versions))
        return Status::ok();
    SEN_TRY(m_store.replication().purge(change.unid));
    ++m_withdrawn;
    return Status::ok();
}

Status ChangeReceiver::settleRefusals(const Changes& changes)
{
    if (!m_refusedByPeer) {
        // Few rows, read once: most pulls find none and cost nothing more.
        SEN_ASSIGN_OR_RETURN(const auto refusals, m_store.replication().refusals());
        m_refusedByPeer.emplace();
        for (const ReplicaSync::Refusal& refusal : refusals) {
            if (refusal.peer == m_settlePeer)
                m_refusedByPeer->emplace(refusal.unid, refusal.versions);
        }
    }
    if (m_refusedByPeer->empty())
        return Status::ok();
    // An entry is what the peer holds now, whether we want it or not (equal vectors: it took
    // our very version from another server); a withdrawn one too (it holds it, we may not read
    // it). The peer never stores a version it refused, so holding its dots means another
    // server took the edit and relayed it.
    for (const ChangeEntry& change : changes.entries) {
        const auto it = m_refusedByPeer->find(change.unid);
        if (it == m_refusedByPeer->end() || !change.versions.dominatesOrEquals(it->second))
            continue;
        SEN_TRY(m_store.replication().forgetRefusal(change.unid));
        m_refusedByPeer->erase(it);
    }
    return Status::ok();
}

void ChangeReceiver::count(const merge::Applied& applied)
{
    if (!applied.stored)
        return;
    ++m_received;
    if (!applied.peerVersion)
        m_onlyPeerVersions = false;
    if (applied.conflictStored)
        ++m_conflicts;
}

} // namespace sen
