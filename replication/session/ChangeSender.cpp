#include "replication/session/ChangeSender.h"

#include "common/attachments/AttachmentStore.h"
#include "common/model/DocumentCodec.h"
#include "replication/protocol/BoundedCbor.h"
#include "replication/session/ChunkAccess.h"
#include "replication/session/ReaderFilter.h"

#include <limits>

namespace sen {

using namespace protocol;

ChangeSender::ChangeSender(ReplicaStore& store, SendFn send, ScheduleFn schedule, const InstanceId& peer,
                           int batchSize, int window)
    : m_store(store), m_send(std::move(send)), m_schedule(std::move(schedule)), m_peer(peer),
      m_batchSize(std::max(1, batchSize)), m_window(std::clamp(window, 1, kMaxWindow))
{}

Status ChangeSender::start(std::int64_t since, const Filter& filter, bool whole)
{
    m_readPos = since;
    m_since = since;
    m_ackedSeq = since;
    m_filter = filter;
    m_whole = whole;
    SEN_ASSIGN_OR_RETURN(m_feedEnd, m_store.lastSeq());
    return fill();
}

int ChangeSender::inFlight() const
{
    // Whole batches need no WANT: the receiver's ACKs pace them instead, so a sender never
    // runs more than the window ahead of what the receiver has committed.
    return m_whole ? static_cast<int>(m_nextBatch - 1 - m_acked) : static_cast<int>(m_unanswered.size());
}

bool ChangeSender::passes(const store::Change& change) const
{
    if (!m_filter.forms.isEmpty() && !m_filter.forms.contains(change.form))
        return false;
    if (m_filter.sinceMs > 0 && hlcPhysicalMs(change.modified) < m_filter.sinceMs)
        return false;
    return true;
}

Result<ChangeEntry> ChangeSender::entryFor(const store::Change& c, const store::StoredDocument* row) const
{
    ChangeEntry entry{c.unid, c.versions, c.seq, c.deleted, false};
    if (m_access) {
        SEN_ASSIGN_OR_RETURN(const bool readable, peerMayReceive(m_store, *m_access, c, row));
        entry.withdrawn = !readable;
    }
    return entry;
}

bool ChangeSender::congested() const
{
    return m_unsent && m_unsent() > kSendBacklogBytes;
}

bool ChangeSender::writing() const
{
    // A transport writes what it was given once the event loop runs. A whole pull makes
    // its next batch only after the last one went out (resume()): the receiver then stores a
    // batch while this side reads and encodes the next, instead of waiting until the whole
    // window has been made, and the frames go out as they are made. Not while attachment
    // chunks are queued: then batches go between them up to the backlog, as before, so a
    // large attachment on a slow link never holds documents up.
    return m_whole && m_chunkQueue.empty() && m_unsent && m_unsent() > 0;
}

Status ChangeSender::resume()
{
    if (!m_chunkQueue.empty() && !m_pumpScheduled) {
        m_pumpScheduled = true;
        m_schedule([this] { pumpChunks(); });
    }
    return fill();
}

bool ChangeSender::fits(qint64& bytes, qint64& items, std::size_t vectorEntries, qint64 itemsBytes,
                        qint64 cborItems)
{
    // A CHANGES entry is [unid, vv, seq, deleted]; its DOCS entry [index, delta, form, parent,
    // flags, vv, items]: the vector travels in both, the items once. Without the items' own
    // count (not read yet), every byte is taken for an item: an upper bound.
    constexpr qint64 kEntryCborItems = 8;
    constexpr qint64 kEntryBytes = 128; // UNID, form, parent, flags and CBOR heads, generously
    const qint64 vector = vectorCborItems(static_cast<qint64>(vectorEntries));
    const qint64 entryItems = kEntryCborItems + vector +
                              std::min<qint64>(cborItems > 0 ? cborItems : itemsBytes, kMaxDocumentCborItems);
    const qint64 entryBytes = kEntryBytes + 24 * static_cast<qint64>(vectorEntries) + itemsBytes;
    if (bytes > 0 && (bytes + entryBytes > kBatchBytes || items + entryItems > kBatchCborItems))
        return false; // a batch always takes its first entry: the store bounds one document
    bytes += entryBytes;
    items += entryItems;
    return true;
}

Status ChangeSender::fill()
{
    // Back-pressure: nothing more while the peer has not taken what it was sent (the first
    // batch always goes: it may be the final one a session waits for).
    while (!m_finalSent && inFlight() < m_window && !(m_nextBatch > 1 && (congested() || writing()))) {
        // A whole pull sends every entry's current version at once: read with the feed, in
        // the same range scan, rather than looked up one by one.
        std::vector<store::StoredChange> changes;
        if (m_whole) {
            SEN_ASSIGN_OR_RETURN(changes, m_store.storedChangesSince(m_readPos, m_batchSize));
        } else {
            SEN_ASSIGN_OR_RETURN(const auto feed, m_store.changesSince(m_readPos, m_batchSize));
            changes.reserve(feed.size());
            for (const store::Change& c : feed)
                changes.push_back({c, {}});
        }
        Changes batch;
        batch.batch = m_nextBatch++;
        std::vector<store::StoredDocument> rows; // a whole pull's, by entry
        // The batch ends early when its DOCS would outgrow a frame (docs/protocol.md §Limits):
        // the rest of what was read is read again for the next batch.
        qint64 bytes = 0;
        qint64 items = 0;
        bool cut = false;
        for (store::StoredChange& c : changes) {
            if (passes(c.change)) {
                qint64 cborItems = 0;
                if (m_whole && !c.stored.items.isEmpty()) {
                    CborLimits unbounded{kMaxCborDepth, std::numeric_limits<std::uint32_t>::max()};
                    cborItems = static_cast<qint64>(countBoundedCbor(c.stored.items, unbounded).valueOr(0));
                }
                if (!fits(bytes, items, c.change.versions.entries().size(), c.change.itemsBytes, cborItems)) {
                    cut = true;
                    break;
                }
                SEN_ASSIGN_OR_RETURN(ChangeEntry entry, entryFor(c.change, m_whole ? &c.stored : nullptr));
                batch.entries.push_back(std::move(entry));
                if (m_whole)
                    rows.push_back(std::move(c.stored));
            }
            m_readPos = c.change.seq;
        }
        batch.lastSeq = m_readPos;
        batch.final = !cut && static_cast<int>(changes.size()) < m_batchSize;
        if (m_announceFeedEnd)
            batch.feedEnd = std::max<std::int64_t>(feedEnd(), 1);
        m_send(MessageType::Changes, encode(batch), true);
        const auto entries = static_cast<std::uint32_t>(batch.entries.size());
        m_unanswered[batch.batch] = Pending{std::move(batch.entries), batch.lastSeq, batch.final};
        if (batch.final) {
            m_finalSent = true;
            m_finalBatch = batch.batch;
        }
        if (m_whole) {
            // The receiver holds nothing: it wants every entry whole, as if it had said so.
            const Pending& sent = m_unanswered[batch.batch];
            Want all{batch.batch, {}};
            all.entries.reserve(entries);
            for (std::uint32_t i = 0; i < entries; ++i) {
                if (!sent.entries[i].withdrawn)
                    all.entries.push_back({i, std::nullopt});
            }
            SEN_TRY(answer(all, &rows));
        }
    }
    return Status::ok();
}

Status ChangeSender::onWant(const Want& want)
{
    if (m_whole)
        return Status(ErrorCode::ProtocolError, QStringLiteral("WANT in a pull of whole documents"));
    SEN_TRY(answer(want));
    return fill();
}

Status ChangeSender::answer(const Want& want, std::vector<store::StoredDocument>* rows)
{
    const auto it = m_unanswered.find(want.batch);
    if (it == m_unanswered.end())
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("WANT for batch %1, which is not open").arg(want.batch));
    const Pending pending = std::move(it->second);
    m_unanswered.erase(it);

    if (!want.entries.empty()) {
        Docs docs;
        docs.batch = want.batch;
        docs.docs.reserve(want.entries.size());
        for (const WantEntry& w : want.entries) {
            if (w.index >= pending.entries.size())
                return Status(ErrorCode::ProtocolError, QStringLiteral("WANT names entry %1 of a batch of %2")
                                                            .arg(w.index)
                                                            .arg(pending.entries.size()));
            // The one place a version is chosen for sending: the current one, whole or as
            // a delta against the receiver's.
            if (pending.entries[w.index].withdrawn)
                return Status(ErrorCode::ProtocolError, QStringLiteral("WANT for a withdrawn document"));
            std::optional<store::StoredDocument> current;
            if (rows) {
                current = std::move((*rows)[w.index]);
            } else {
                SEN_ASSIGN_OR_RETURN(current,
                                     m_store.replication().findEncoded(pending.entries[w.index].unid));
            }
            if (!current)
                continue; // gone since (cannot happen while stubs are kept; harmless if it does)
            if (m_access && !current->doc.isDeleted() && !m_access->mayRead(current->doc))
                continue; // its Readers changed since the CHANGES: the next session withdraws it
            if (m_self && !offers(current->doc, w.have)) {
                ++m_notOffered; // another replica's edit: it reaches the receiver from its own server
                continue;
            }
            DocEntry entry;
            entry.index = w.index;
            entry.doc = std::move(current->doc);
            if (w.have && entry.doc.versions.dominatesOrEquals(*w.have)) {
                if (entry.doc.versions == *w.have)
                    continue; // the receiver has exactly this version
                // Field-level: only the items the receiver's version does not know.
                entry.delta = true;
                SEN_ASSIGN_OR_RETURN(entry.doc.items, decodeItems(current->items, entry.doc.versions));
                std::erase_if(entry.doc.items,
                              [&](const Item& item) { return w.have->knows(item.stamp.dot); });
            } else {
                // The whole version: its items go out as the bytes stored (canonical).
                entry.encodedItems = std::move(current->items);
            }
            if (!m_numberedStubs && entry.doc.isDeleted()) {
                // A peer of protocol 6 or older takes a stub with no live item.
                if (!entry.encodedItems.isEmpty()) {
                    SEN_ASSIGN_OR_RETURN(entry.doc.items,
                                         decodeItems(entry.encodedItems, entry.doc.versions));
                    entry.encodedItems.clear();
                }
                for (Item& item : entry.doc.items)
                    item.value = QCborValue();
            }
            docs.docs.push_back(std::move(entry));
        }
        m_sent += static_cast<qint64>(docs.docs.size());
        m_send(MessageType::Docs, encode(docs), true);
    }
    return Status::ok();
}

bool ChangeSender::offers(const Document& doc, const std::optional<VersionVector>& have) const
{
    // A conflict document is judged against its parent's vector at the receiver (PushCheck),
    // which we do not know: one made here may carry only the losing side's dots, others', and
    // still be ours to send, since no other replica may have met that pair.
    if (!have && doc.isConflict())
        return true;
    // Without `have` the receiver lacks the document or holds a stub (whose vector it does not
    // tell): any edit of ours in it may be new there.
    return doc.versions.get(*m_self) > (have ? have->get(*m_self) : 0);
}

Status ChangeSender::onAck(const Ack& ack)
{
    // Refused versions stay here, remembered so the user sees them (nothing is lost); the
    // checkpoint moves past them like past any other: only a new edit offers them again.
    for (const Refusal& refusal : ack.refused) {
        SEN_TRY(m_store.replication().noteRefused(refusal.unid, m_peerName, refusal.code, refusal.message));
        ++m_refused;
    }
    SEN_TRY(m_store.replication().setCheckpoint(m_peer, ReplicaSync::Direction::Push, ack.seq));
    m_ackedSeq = std::max(m_ackedSeq, ack.seq);
    if (m_finalSent && ack.batch == m_finalBatch)
        m_done = true;
    if (!m_whole)
        return Status::ok();
    if (ack.batch <= m_acked || ack.batch >= m_nextBatch)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("ACK for batch %1 out of order").arg(ack.batch));
    m_acked = ack.batch;
    return fill();
}

Status ChangeSender::queueChunks(const std::vector<crypto::Sha256Digest>& hashes)
{
    // Bounded and deduplicated (docs/protocol.md §Limits): a hash already queued is queued
    // once; an honest receiver asks again only when all it asked for has come, so more than
    // kMaxQueuedChunks outstanding is a peer flooding us.
    for (const crypto::Sha256Digest& hash : hashes) {
        if (!m_chunkQueued.insert(hash).second)
            continue;
        if (static_cast<int>(m_chunkQueue.size()) >= kMaxQueuedChunks)
            return Status(
                ErrorCode::ProtocolError,
                QStringLiteral("more than %1 chunks asked for and not yet sent").arg(kMaxQueuedChunks));
        m_chunkQueue.push_back(hash);
    }
    return Status::ok();
}

Status ChangeSender::onChunkWant(const ChunkWant& want)
{
    SEN_TRY(queueChunks(want.hashes));
    if (!m_pumpScheduled && !m_chunkQueue.empty()) {
        m_pumpScheduled = true;
        m_schedule([this] { pumpChunks(); });
    }
    return Status::ok();
}

void ChangeSender::pumpChunks()
{
    m_pumpScheduled = false;
    if (m_chunkQueue.empty() || congested())
        return; // resume() starts again once the peer has taken what it was sent
    // One chunk a frame: a CHUNKS frame is at most one chunk (<= 1 MiB), and whatever else
    // is ready to go (DOCS for the next batch) goes out between two of them.
    const crypto::Sha256Digest hash = m_chunkQueue.front();
    m_chunkQueue.pop_front();
    m_chunkQueued.erase(hash);
    Chunks chunks;
    bool compressible = true;
    auto bytes = servableChunk(hash);
    if (bytes) {
        compressible = m_store.attachments().isCompressible(hash).valueOr(true);
        chunks.chunks.push_back({hash, std::move(bytes).value()});
    } else {
        chunks.chunks.push_back({hash, std::nullopt}); // missing or damaged here: say so
    }
    m_send(MessageType::Chunks, encode(chunks), compressible);
    if (!m_chunkQueue.empty()) {
        m_pumpScheduled = true;
        m_schedule([this] { pumpChunks(); });
    }
}

Result<QByteArray> ChangeSender::servableChunk(const crypto::Sha256Digest& hash) const
{
    // Chunks only for readers (session/ChunkAccess.h): one the peer may not have is answered
    // exactly as one this replica lacks.
    if (m_access) {
        const Result<bool> allowed = ChunkAccess(m_store, *m_access).mayFetch(hash);
        if (!allowed.isOk() || !*allowed)
            return Status(ErrorCode::NotFound, QStringLiteral("no chunk %1 for this peer").arg(hash.toHex()));
    }
    return m_store.attachments().chunk(hash);
}

} // namespace sen
