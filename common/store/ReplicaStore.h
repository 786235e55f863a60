#pragma once

// One replica of one database: a single SQLite file (docs/file-format.md).
//
// Guarantees:
// - Every local change (save or delete) is one transaction that writes the document, its
//   changed items with the new dot, its change-feed position, the full-text index and the
//   instance's counter; it commits whole or not at all.
// - Opening refuses, without modifying the file, anything that is not a Sen replica, a
//   truncated file, and a file from a newer schema version.
// - Counters and change-feed positions are read inside each write transaction, so several
//   processes may open the same file (the GUI and senctl) without handing out a dot twice.
//
// Thread-safety: none; use one ReplicaStore per thread (each is its own connection).

#include "common/core/Clock.h"
#include "common/core/HybridClock.h"
#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/fts/FullTextIndex.h"
#include "common/model/Document.h"
#include "common/store/DocumentEdit.h"
#include "common/store/DocumentTable.h"
#include "common/store/RefusedVersions.h"

#include <QString>

#include <functional>
#include <memory>

namespace sen {

class AttachmentStore;
namespace sql {
class SqlDatabase;
}

// Persisted: the numbers never change.
enum class DatabaseKind : int
{
    Documents = 1, // văn bản: incoming, outgoing and internal documents
    Calendar = 2,  // lịch công tác: the weekly work schedule
    News = 3,      // tin tức: the internal news site
};
QString databaseKindName(DatabaseKind kind); // "documents", "calendar", "news"
std::optional<DatabaseKind> databaseKindFromName(const QString& name);

struct ReplicaInfo
{
    ReplicaId replicaId;
    InstanceId instanceId;
    QString title;
    DatabaseKind kind = DatabaseKind::Documents;
    qint64 createdMs = 0;
};

struct ReplicaCreateOptions
{
    ReplicaId replicaId; // null: a new database with a fresh replica ID
    QString title;
    DatabaseKind kind = DatabaseKind::Documents;
};

struct ReplicaOpenOptions
{
    bool readOnly = false;
    const Clock* clock = nullptr; // null: the system clock
    QByteArray vfs;               // a registered SQLite VFS name (tests: "sen-fault")
};

class ReplicaStore
{
public:
    using CreateOptions = ReplicaCreateOptions;
    using OpenOptions = ReplicaOpenOptions;

    // Creates a new replica file; fails with Conflict when `path` exists.
    static Result<std::unique_ptr<ReplicaStore>> create(const QString& path, const CreateOptions& create,
                                                        const OpenOptions& options = {});
    static Result<std::unique_ptr<ReplicaStore>> open(const QString& path, const OpenOptions& options = {});
    ~ReplicaStore();

    const ReplicaInfo& info() const { return m_info; }
    const QString& path() const;

    // The document (a deletion stub included), or NotFound.
    Result<Document> get(const Unid& unid) const;
    // Applies a local edit in one transaction and returns the new version. An edit that
    // changes nothing returns the current version without a new dot. Editing a deleted or
    // absent document fails with NotFound; creating an existing UNID with Conflict; a
    // classified document (Mật, Tối mật, Tuyệt mật) with anything but register fields with
    // PermissionDenied (acl/SecrecyRule.h), before anything is written.
    Result<Document> save(const DocumentEdit& edit);
    // Deletes a document, leaving a stub; deleting a stub again is a no-op.
    Result<Document> remove(const Unid& unid);

    // Runs `work` in one transaction: much faster for many saves. All or nothing: rolls back
    // if `work` fails, if a save inside it failed after writing (see SqlTransaction), or if
    // the commit does. A save refused before writing (invalid, NotFound, Conflict) does not
    // spoil the batch.
    Status batch(const std::function<Status()>& work);

    // Up to `limit` changes after `since` in change-feed order (an index range scan).
    Result<std::vector<store::Change>> changesSince(std::int64_t since, int limit) const;
    // The same, each with the document as findEncoded() returns it, from the same scan.
    Result<std::vector<store::StoredChange>> storedChangesSince(std::int64_t since, int limit) const;
    // The last counter this instance used in a dot (changes only with local saves).
    Result<std::uint64_t> localCounter() const;
    // The newest change-feed position (0 for an empty replica).
    Result<std::int64_t> lastSeq() const;
    Result<std::int64_t> documentCount(bool includeDeleted = false) const;
    // Every document in UNID order (stubs included when asked) until `visit` returns false.
    Status forEachDocument(const std::function<bool(const Document&)>& visit,
                           bool includeDeleted = false) const;
    // The live responses of `parent` (documents whose parent it is, conflict documents
    // included), oldest modification first: one range of the index documents_by_parent, not
    // a walk of the replica.
    Result<std::vector<Document>> responses(const Unid& parent) const;

    // Every document changed after `since` (deletion stubs included), in change-feed order,
    // with its row data (seq, first-sighting time) and decoded items, until `visit` returns
    // false: what an indexer that follows the feed reads (client/views). One statement; run
    // it inside readSnapshot() to see one consistent state.
    Status forEachChange(std::int64_t since,
                         const std::function<bool(const store::StoredDocument&)>& visit) const;
    // The same, decoding only the values of the items named in `items` (sorted): the others
    // come back valueless, their stamps kept (decodeItems), and StoredDocument::items is
    // empty. Much cheaper when a reader needs a few summary items of large documents.
    Status forEachChange(std::int64_t since, const QStringList& items,
                         const std::function<bool(const store::StoredDocument&)>& visit) const;
    // Runs `work` inside one read transaction: every read in it sees the same state of the
    // file (WAL snapshot), whatever other connections commit meanwhile. Fails if a
    // transaction is already open on this connection.
    Status readSnapshot(const std::function<Status()>& work) const;

    Result<std::vector<SearchHit>> search(const QString& query, const SearchOptions& options = {}) const;
    AttachmentStore& attachments();
    const AttachmentStore& attachments() const;

    // Settings of this replica file, local to it (never replicated): where it replicates,
    // its selective-replication choices (docs/file-format.md, meta keys "setting.*").
    // An unset setting reads as an empty text.
    Result<QString> setting(const QString& name) const;
    Status setSetting(const QString& name, const QString& value);

    // PRAGMA integrity_check: Ok, or Corruption with SQLite's report.
    Status integrityCheck() const;

    // ---- For the replication engine -------------------------------------------------------

    // The stored version (a stub included), or nullopt.
    Result<std::optional<Document>> find(const Unid& unid) const;
    // The same without its items (form, parent, flags, version vector): enough to decide
    // whether a version is new, without decoding the items.
    Result<std::optional<Document>> findHeader(const Unid& unid) const;
    // The stored version with its items left as stored (`items`: the canonical CBOR of
    // encodeItems, `doc.items` empty), for sending a whole version without re-encoding it.
    Result<std::optional<store::StoredDocument>> findEncoded(const Unid& unid) const;
    // The stored row with its items decoded, for a merge whose result goes to
    // putReplicated(doc, current).
    Result<std::optional<store::StoredDocument>> findStored(const Unid& unid) const;
    // Stores a version received from a peer or made by a merge, as is (no new dot): one row,
    // a new change-feed position so it travels on to other peers, the full-text index, and
    // the clock moved past its stamps. Meant to run inside batch().
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

    // Calls `visit` for each live document whose attachments name chunk `hash` (the chunk
    // index, docs/file-format.md), in row order, items decoded, until it returns false: what a
    // server asks before it serves a chunk to a peer or lets a peer's document name one.
    Status forEachDocumentReferencing(const crypto::Sha256Digest& hash,
                                      const std::function<bool(const Document&)>& visit) const;

    // Removes a document from this replica only: no stub, no change-feed entry, nothing
    // replicated — for a document its user may no longer read (withdrawn by the server).
    // Absent: nothing to do.
    Status purge(const Unid& unid);

    // A peer refused to store our current version of `unid` (access control): remembered so
    // the user sees it, while the edit stays here (nothing is lost).
    Status noteRefused(const Unid& unid, const QString& peer, ErrorCode code, const QString& message);
    using Refusal = store::RefusedVersion;
    Result<std::vector<Refusal>> refusals() const;

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

    // Internal seams for the replication engine (same library family): the connection,
    // the row-level table, and the clock.
    sql::SqlDatabase& database() { return *m_db; }
    HybridClock& hybridClock() { return m_hlc; }

private:
    ReplicaStore(std::unique_ptr<sql::SqlDatabase> db, const Clock& clock);
    static Result<std::unique_ptr<ReplicaStore>> openConnection(const QString& path,
                                                                const OpenOptions& options, bool create);
    Status configure(bool readOnly);
    Status loadInfo();
    // Inside a write transaction: the next seq and time from this instance's local_state row,
    // and with `newDot` the next counter (else counter is 0). nextAllocation() writes
    // nothing; recordAllocation() writes what it handed out; allocate() does both.
    struct Allocation
    {
        std::uint64_t counter;
        std::int64_t seq;
        HlcTime time;
    };
    Result<Allocation> nextAllocation(bool newDot);
    Status recordAllocation(const Allocation& a, bool newDot);
    Result<Allocation> allocate(bool newDot = true);
    // The attachment chunks a stored version references and this file lacks become wanted.
    Status noteWantedChunks(const Document& doc);
    // The local_state row as of the last allocate() in the current transaction (valid while
    // the connection's transactionSerial() is `transaction`).
    struct LocalState
    {
        bool valid = false;
        std::uint64_t transaction = 0;
        std::uint64_t counter = 0;
        std::int64_t seq = 0;
        HlcTime hlc = 0;
    };
    LocalState m_localState;

    std::unique_ptr<sql::SqlDatabase> m_db;
    HybridClock m_hlc;
    ReplicaInfo m_info;
    store::DocumentTable m_table;
    FullTextIndex m_fts;
    std::unique_ptr<AttachmentStore> m_attachments;
};

} // namespace sen
