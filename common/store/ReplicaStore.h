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
// Two APIs on one file. ReplicaStore is the document API: what an application does with
// documents (read, save, delete, search, follow the change feed, attachments, settings, the
// ACL). replication() is the replication API (ReplicaSync.h): what the replication engine,
// the server and the client's sync do besides — store versions as received without a new
// dot, checkpoints and filters per peer, the peers and session history, refused versions,
// purges. A document window needs only the first; the engine holds a ReplicaStore and reaches
// the second through it. Both share one connection and one clock (a ReplicaSync write inside
// batch() is part of the batch); neither hands the SQLite connection out: it stays inside
// common/store (ReplicaFile.h).
//
// Thread-safety: none; use one ReplicaStore per thread (each is its own connection).

#include "common/acl/Acl.h"
#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/fts/FullTextIndex.h"
#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"
#include "common/model/ReplicaInfo.h"
#include "common/store/DocumentTable.h"
#include "common/store/ReplicaOptions.h"
#include "common/store/ReplicaSync.h"

#include <QString>

#include <functional>
#include <memory>

namespace sen {

class AttachmentStore;
class AttachmentTextStore;
namespace workflow {
class WorkflowIndexTable;
}
namespace store {
class ReplicaFile;
}

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

    const ReplicaInfo& info() const;
    const QString& path() const;

    // The document (a deletion stub included), or NotFound.
    Result<Document> get(const Unid& unid) const;
    // The same, or nullopt.
    Result<std::optional<Document>> find(const Unid& unid) const;
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
    // The same, each with the document as ReplicaSync::findEncoded() returns it, from the
    // same scan.
    Result<std::vector<store::StoredChange>> storedChangesSince(std::int64_t since, int limit) const;
    // The last counter this instance used in a dot (changes only with local saves).
    Result<std::uint64_t> localCounter() const;
    // The newest change-feed position (0 for an empty replica).
    Result<std::int64_t> lastSeq() const;
    Result<std::int64_t> documentCount(bool includeDeleted = false) const;
    // Every document in UNID order (stubs included when asked) until `visit` returns false.
    Status forEachDocument(const std::function<bool(const Document&)>& visit,
                           bool includeDeleted = false) const;
    // The live documents of `form`, in change-feed order (oldest change first): a scan of the
    // rows that decodes only that form's (registers, catalogues: a few documents).
    Result<std::vector<Document>> documentsOfForm(const QString& form) const;
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
    // A full-text index a whole first pull deferred (FullTextIndex.h, docs/search.md): how far
    // its build is (nullopt: complete, search() finds everything), and one bounded step of it
    // in its own transaction (true once complete). Until then search() finds only what is
    // indexed, and callers must say so.
    Result<std::optional<FullTextIndex::BuildProgress>> searchIndexProgress() const;
    Result<bool> buildSearchIndex(int maxDocs);
    AttachmentStore& attachments();
    const AttachmentStore& attachments() const;

    // The text of attachment files for the full-text index (docs/search.md §Attachments):
    // derived, local, never replicated. The files' texts and the indexer's checkpoint:
    AttachmentTextStore& attachmentText();
    const AttachmentTextStore& attachmentText() const;
    // The workflow index (common/workflow/WorkflowIndex.h; docs/workflow.md): derived, local,
    // never replicated; workflow::WorkflowIndexer keeps it in step with the change feed.
    workflow::WorkflowIndexTable& workflowIndex();
    const workflow::WorkflowIndexTable& workflowIndex() const;
    // Makes the full-text entry of document `unid` hold `text` after its items' text (see
    // FullTextIndex::setAttachmentText). A deletion stub's entry is emptied of attachment text
    // whatever `text` says; an absent document is left alone. One transaction, or the
    // caller's (batch()).
    Status indexAttachmentText(const Unid& unid, const FullTextIndex::AttachmentText& text);

    // Settings of this replica file, local to it (never replicated): where it replicates,
    // its selective-replication choices (docs/file-format.md, meta keys "setting.*").
    // An unset setting reads as an empty text.
    Result<QString> setting(const QString& name) const;
    Status setSetting(const QString& name, const QString& value);

    // The access control list of this replica (docs/access-control.md; acl_entries in
    // docs/file-format.md): what a server enforces. loadAcl() fails with Corruption, naming the
    // row, for a kind, level or right this version does not know. saveAcl() replaces every
    // entry in one transaction (joining an open batch()).
    Result<acl::Acl> loadAcl() const;
    Status saveAcl(const acl::Acl& acl);

    // PRAGMA integrity_check: Ok, or Corruption with SQLite's report.
    Status integrityCheck() const;

    // The replication API of this replica (ReplicaSync.h), owned by the store.
    ReplicaSync& replication() { return *m_sync; }
    const ReplicaSync& replication() const { return *m_sync; }

private:
    explicit ReplicaStore(std::unique_ptr<store::ReplicaFile> file);

    std::unique_ptr<store::ReplicaFile> m_file;
    std::unique_ptr<ReplicaSync> m_sync;
};

} // namespace sen
