#pragma once

// The replication side of one replica (docs/protocol.md, docs/merge.md): what the replication
// engine (replication/session, merge, bundle), the server and the client's sync read and
// write besides documents — versions stored as received (no new dot), checkpoints and pull
// filters per peer, the peers and session history (ReplicationLog), who could read a deleted
// document (StubReaders), the versions a peer refused, purges, and the deletion stubs every
// peer has acknowledged.
//
// Owned by its ReplicaStore (ReplicaStore::replication()) and lives as long as it; shares its
// connection, transactions, clock and change feed, so a write here inside ReplicaStore::batch()
// commits or rolls back with the rest of the batch. Thread-safety: that of the store (none).

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/model/Document.h"
#include "common/store/DocumentTable.h"
#include "common/store/RefusedVersions.h"
#include "common/store/RegisterNumbers.h"
#include "common/store/ReplicationLog.h"
#include "common/store/StubReaders.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace sen {

class ReplicaStore;

namespace store {
class ReplicaFile;
}

class ReplicaSync
{
public:
    ReplicaSync(const ReplicaSync&) = delete;
    ReplicaSync& operator=(const ReplicaSync&) = delete;

    // ---- Versions as they travel -------------------------------------------------------------

    // The stored version without its items (form, parent, flags, version vector), or nullopt:
    // enough to decide whether a version is new, without decoding the items.
    Result<std::optional<Document>> findHeader(const Unid& unid) const;
    // The stored version with its items left as stored (`items`: the canonical CBOR of
    // encodeItems, `doc.items` empty), for sending a whole version without re-encoding it.
    Result<std::optional<store::StoredDocument>> findEncoded(const Unid& unid) const;
    // The stored row with its items decoded, for a merge whose result goes to
    // putReplicated(doc, current).
    Result<std::optional<store::StoredDocument>> findStored(const Unid& unid) const;
    // Stores a version received from a peer or made by a merge, as is (no new dot): one row,
    // a new change-feed position so it travels on to other peers, the full-text index, and
    // the clock moved past its stamps. Meant to run inside ReplicaStore::batch().
    Status putReplicated(const Document& doc);
    // The same, given the row as findStored() read it earlier in the current transaction
    // (nullopt: there was none), which spares looking it up again. Passing anything else
    // (a row read in another transaction, or before a write to it) corrupts the index.
    // `encodedItems`, when not empty, must be exactly encodeItems(doc.items) — e.g. items
    // received whole and checked by decodeCanonicalItems() — and are stored as they are
    // instead of being encoded again (debug builds assert it).
    Status putReplicated(const Document& doc, const std::optional<store::StoredDocument>& current,
                         const QByteArray& encodedItems = {});
    // Stores a received version of a document this replica lacks, as putReplicated(doc,
    // nullopt, encodedItems) would, in one step: false, with nothing written, when the
    // replica holds its UNID after all (the caller then merges as usual). Spares looking
    // up each document of a whole pull (docs/protocol.md), which are almost never there.
    Result<bool> insertReplicated(const Document& doc, const QByteArray& encodedItems = {});

    // Leaves the full-text indexing of the documents stored from now on to a build after
    // the pull (FullTextIndex::deferBuild, ReplicaStore::buildSearchIndex): for a whole first
    // pull, whose critical path it then leaves. In its own transaction.
    Status deferFullText();

    // Calls `visit` for each live document whose attachments name chunk `hash` (the chunk
    // index, docs/file-format.md), in row order, items decoded, until it returns false: what a
    // server asks before it serves a chunk to a peer or lets a peer's document name one.
    Status forEachDocumentReferencing(const crypto::Sha256Digest& hash,
                                      const std::function<bool(const Document&)>& visit) const;

    // Removes a document from this replica only: no stub, no change-feed entry, nothing
    // replicated — for a document its user may no longer read (withdrawn by the server).
    // Absent: nothing to do. Purging an incoming document or a processing step empties the
    // workflow index (rebuilt on its next use: no feed entry tells it).
    Status purge(const Unid& unid);

    // ---- Checkpoints and filters ---------------------------------------------------------------

    // Persisted: the numbers never change.
    enum class Direction : int
    {
        Pull = 1, // what we have received from the peer: the peer's change-feed position
        Push = 2, // what the peer has received from us: our change-feed position
    };
    // The change-feed position covered so far with `peer` in `direction` (0 when none).
    Result<std::int64_t> checkpoint(const InstanceId& peer, Direction direction) const;
    // Whether any pull checkpoint is past 0: this replica has received changes from some peer.
    Result<bool> hasPulled() const;
    // Advances it; meant to run in the transaction that stored what it covers.
    Status setCheckpoint(const InstanceId& peer, Direction direction, std::int64_t seq);

    // The selective-replication filter the pull checkpoint with `peer` was reached under
    // (opaque bytes, empty for none: everything).
    Result<QByteArray> pullFilter(const InstanceId& peer) const;
    // Records the filter pulls from `peer` now use; with `restart` the pull checkpoint goes
    // back to 0 (the new filter admits versions the old one hid: walk the feed again).
    Status setPullFilter(const InstanceId& peer, const QByteArray& filter, bool restart);

    // ---- Refused versions ----------------------------------------------------------------------

    // A peer refused to store our current version of `unid` (access control): remembered so
    // the user sees it, while the edit stays here (nothing is lost).
    Status noteRefused(const Unid& unid, const QString& peer, ErrorCode code, const QString& message);
    using Refusal = store::RefusedVersion;
    Result<std::vector<Refusal>> refusals() const;
    // The refusal of `unid` no longer matters: the peer that refused it has since shown that it
    // holds that version or a later one (ChangeReceiver, docs/protocol.md §"What a client
    // offers"). The record goes, and with it what kept a refused deletion's stub.
    Status forgetRefusal(const Unid& unid);

    // Gives up this replica's version of `unid` so that the next pull brings the peers'
    // (a refused edit or deletion restored to the server's version, client/core/RefusedChanges.h):
    // in one transaction the row goes as purge() removes it, its refused_versions record goes,
    // and every pull checkpoint goes back to 0 (filters kept). A pull cannot be targeted at one
    // UNID and the replica does not know at which feed position the peer holds it, so the next
    // pull walks the peer's whole feed again — entries only, since a version this replica
    // already includes is never wanted; only `unid` travels whole. Absent: only the record and
    // the checkpoints change.
    Status dropForRefetch(const Unid& unid);

    // Drops the deletion stubs that every peer this replica has pushed to has acknowledged
    // (change-feed position at or below the lowest push checkpoint) and returns how many.
    // For clients only (docs/protocol.md): a server keeps every stub, so a replica that comes back
    // after any time offline cannot bring a deleted document back. With no push peer yet,
    // nothing is dropped; a stub whose deletion a peer refused (noteRefused) is kept.
    Result<std::int64_t> dropAcknowledgedStubs();

    // ---- Bookkeeping tables --------------------------------------------------------------------

    // The peers and the session history (ReplicationLog.h).
    ReplicationLog& log() { return m_log; }
    const ReplicationLog& log() const { return m_log; }
    // Who could read each deletion stub's live version (StubReaders.h; servers).
    StubReaders& stubReaders() { return m_stubReaders; }
    const StubReaders& stubReaders() const { return m_stubReaders; }
    // The numbers this replica gave in its registers (RegisterNumbers.h; servers).
    RegisterNumbers& numbers() { return m_numbers; }
    const RegisterNumbers& numbers() const { return m_numbers; }

private:
    friend class ReplicaStore;
    explicit ReplicaSync(store::ReplicaFile& file);

    store::ReplicaFile& m_file;
    ReplicationLog m_log;
    StubReaders m_stubReaders;
    RegisterNumbers m_numbers;
    store::RefusedVersions m_refused;
};

} // namespace sen
