#pragma once

// One open database of the user's workspace as the application sees it (the application
// layer, docs/architecture.md "Layers"): everything `sen` and `senctl` do with one replica
// goes through here — documents and their responses, saves and deletions with the user's
// access checked, dossiers, refused changes and their restore, conflict resolution, full-text
// search, attachments and the replication history — so the office's rules live in one
// GUI-free place, the widgets only draw and forward, and a test can drive it all alone.
//
// Notifications: changed() is emitted exactly once after every commit made through this
// session (save, remove, file, unfile, restore, resolve, a whole batch), and once after a
// sync stored what it brought (OpenDatabases forwards SyncController::replicaChanged). Every
// view of the database re-reads on it; no caller announces its own changes. An operation
// that fails or is refused wrote nothing and emits nothing.
//
// Access: saving an existing document and deleting one run the server's own check against
// the access the server last reported (client/core/ReplicaAccess.h) and are refused with
// PermissionDenied before anything is written. A new document is not checked here (the
// server decides, and a refusal shows as a refused change). Without a reported access
// everything is offered, as before.
//
// Threads: a QObject of the thread that opened it (the GUI thread in `sen`); its connection
// to the replica belongs to that thread (ReplicaStore: one connection per thread). Attachment
// transfers run on a worker with their own connection (client/app/AttachmentTransfer.h);
// the view index is kept by client/app/IndexUpdater.h on its own thread.

#include "client/app/DuplicateIndex.h"
#include "client/app/NameFields.h"
#include "client/app/ReplicaTypes.h"
#include "client/core/ConflictResolution.h"
#include "client/core/Dossiers.h"
#include "client/core/RefusedChanges.h"
#include "client/core/Workspace.h"
#include "common/acl/EffectiveAccess.h"
#include "common/catalogues/Catalogues.h"
#include "common/core/Result.h"
#include "common/model/AttachmentRef.h"
#include "common/model/Document.h"
#include "common/registers/Registers.h"
#include "common/workdays/WorkCalendar.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sen::workflow {
class WorkflowIndexTable;
}

namespace sen::app {

// A dossier of the database as the dossier picker lists it.
struct DossierEntry
{
    Unid unid;
    QString code;  // số và ký hiệu hồ sơ (SoKyHieuHoSo)
    QString title; // tiêu đề hồ sơ (TieuDeHoSo)
};

class DatabaseSession : public QObject
{
    Q_OBJECT
public:
    // Opens the replica `nameOrReplicaId` of `workspace` for `userName` (the logged-in user,
    // whose view of the index the dossier list reads; empty: the store is read instead).
    static Result<std::unique_ptr<DatabaseSession>> open(const client::Workspace& workspace,
                                                         const QString& nameOrReplicaId,
                                                         const QString& userName = {},
                                                         QObject* parent = nullptr);
    ~DatabaseSession() override;

    // ---- The database -------------------------------------------------------------------
    // Its workspace name (a replica ID given to open() is resolved to the name).
    const QString& name() const { return m_name; }
    const ReplicaInfo& info() const;
    // Its title, or its name when it has none.
    QString title() const;
    DatabaseKind kind() const { return info().kind; }
    const QString& path() const;
    // The view cache next to the replica (client/views/ViewCacheFile.h).
    QString viewCachePath() const;
    const QString& userName() const { return m_userName; }
    const client::Workspace& workspace() const { return m_workspace; }
    // The replica itself, for the read-only readers of common that take a store (the week's
    // schedule, common/schedule/WeekView.h): reads only; every write goes through here.
    const ReplicaStore& store() const { return *m_store; }

    // ---- Documents -------------------------------------------------------------------------
    // The document (a deletion stub included), or NotFound.
    Result<Document> document(const Unid& unid) const;
    // The live responses of `parent`, oldest change first (an index range, not a scan).
    Result<std::vector<Document>> responses(const Unid& parent) const;
    // Every document in UNID order (stubs when asked) until `visit` returns false.
    Status forEachDocument(const std::function<bool(const Document&)>& visit,
                           bool includeDeleted = false) const;
    Result<std::int64_t> documentCount() const;
    // The live documents of `form` (conflicts included), in the order they were last changed.
    Result<std::vector<Document>> documentsOfForm(const QString& form) const;

    // The access the server last reported for this user (read afresh: a sync may bring a new
    // one), and whether it lets them change or delete the stored document `doc`.
    std::optional<acl::EffectiveAccess> access() const;
    bool mayEdit(const Document& doc) const;
    bool mayDelete(const Document& doc) const;

    // Saves a local edit (one transaction) and returns the new version; an update the user's
    // access does not allow is refused with PermissionDenied, before writing (see above).
    // An incoming, outgoing or internal document whose edit sets So or KyHieu gets SoKyHieu
    // composed from them (client/forms/Registration.h). An incoming registration (VanBanDen)
    // that is new, or whose issuer, số, ký hiệu, issue date or edXML DocumentId change, and
    // whose duplicate key or DocumentId another live registration holds (the same công văn,
    // DuplicateIndex.h) is refused with Conflict naming that registration (its
    // số đến and arrival date; duplicatesOf() gives them), unless `allowDuplicate`: the văn
    // thư registers it deliberately (docs/forms.md "Duplicates").
    //
    // Names fields (client/app/NameFields.h): when the database has an address book, each new
    // value of a Names, Readers or Authors item is resolved first — a unique short name becomes
    // the hierarchical name — and a value that is ambiguous or unknown refuses the save
    // (InvalidArgument naming it and the candidates), before anything is written. Without an
    // address book (a local database, one never synced) values are kept as typed.
    Result<Document> save(const DocumentEdit& edit, bool allowDuplicate = false);
    // The address book of this database (its server's people, groups and units, its ACL's
    // roles) as the last sync brought it; empty when none came (client/core/AddressBook.h).
    Result<client::AddressBook> addressBook() const;
    // The values of `edit`'s names fields that would not resolve on save (empty: none, or no
    // address book): the desktop client asks the user which one is meant before saving.
    Result<std::vector<NameProblem>> nameProblems(const DocumentEdit& edit) const;
    // The live registrations other than the edited document that the incoming registration
    // `edit` would duplicate (empty when none or not an incoming registration).
    Result<std::vector<Registration>> duplicatesOf(const DocumentEdit& edit);
    // Every group of two live incoming registrations or more sharing a duplicate key or an
    // edXML DocumentId (DuplicateIndex::groups): after a
    // sync, those made on different replicas (senctl duplicates).
    Result<std::vector<std::vector<Registration>>> duplicates();
    // Deletes a document, leaving a stub (a stub already: nothing is written); NotFound when
    // absent, PermissionDenied when the user may not delete it.
    Result<Document> remove(const Unid& unid);
    // The entries of this database's catalogue `which` (all of them for none), in their order,
    // retired ones included (docs/catalogues.md).
    Result<std::vector<catalogues::Entry>>
    catalogue(std::optional<catalogues::Catalogue> which = std::nullopt) const;
    // The office's working calendar: the statutory holidays and this database's LichNghi days
    // (docs/workdays.md).
    Result<workdays::WorkCalendar> workCalendar() const;
    // The workflow index of this database (common/workflow/WorkflowIndex.h; docs/workflow.md
    // "The workflow index") brought up to date with its documents first, rebuilt when
    // missing; with `rebuild`, cleared and built from scratch (a read found it damaged).
    // Derived data: emits nothing. The table stays valid as long as the session.
    Result<const workflow::WorkflowIndexTable*> workflowIndex(bool rebuild = false);
    // Adds the default entries a database of this kind starts with that its catalogues lack
    // (catalogues::addDefaultEntries); how many. PermissionDenied below Designer.
    Result<int> addDefaultCatalogueEntries();
    // The registers of this database (docs/registers.md), in the order they were made. A
    // registration saved here names one and awaits its number from the server
    // (forms/Numbering.h; the number comes with the next sync).
    Result<std::vector<registers::Register>> registers() const;
    // Each register's run of numbers as this replica knows it, per period: how many
    // registrations carry a number, the highest, and how many await one (period of their date).
    struct RegisterRun
    {
        registers::Register book;
        qint64 period = 0;
        qint64 numbered = 0;
        qint64 last = 0;
        qint64 awaiting = 0;
    };
    Result<std::vector<RegisterRun>> registerRuns() const;
    // Runs `work` (saves, attachment imports through this session) as one transaction,
    // all or nothing; changed() comes once, after the commit, when something was written.
    Status batch(const std::function<Status()>& work);

    // ---- Dossiers (client/core/Dossiers.h) -----------------------------------------------
    // Every live dossier of the database, by code then title; no cap.
    Result<std::vector<DossierEntry>> dossiers() const;
    Status file(const Unid& dossier, const Unid& document);
    Status unfile(const Unid& dossier, const Unid& document);
    Result<std::vector<client::Dossiers::Member>> dossierMembers(const Unid& dossier) const;

    // ---- Refused changes (client/core/RefusedChanges.h) ----------------------------------
    Result<std::vector<client::RefusedChange>> refusedChanges() const;
    Result<std::optional<client::RefusedChange>> refusedChange(const Unid& unid) const;
    // Restores the server's version of `unid` (the refused edit goes to the drafts database,
    // created when missing): changed() here, draftsChanged() for the drafts database. The
    // next sync brings the server's version.
    Result<client::RestoredChange> restoreServerVersion(const Unid& unid);
    // The drafts database's name (RefusedChanges::draftsName).
    QString draftsName() const;

    // ---- Conflicts (client/core/ConflictResolution.h) ------------------------------------
    Result<client::ConflictResolution> loadConflict(const Unid& conflict) const;
    // Applies `kind` (with `choices` for Combine) in one transaction.
    Result<client::ResolutionOutcome>
    resolveConflict(const client::ConflictResolution& resolution, client::ResolutionKind kind,
                    const QHash<QString, client::ConflictSide>& choices = {});

    // ---- Search and history -------------------------------------------------------------
    // Full-text search (diacritics ignored), best first, at most `limit` hits.
    Result<std::vector<SearchHit>> search(const QString& query, int limit) const;
    // The same with every option (a page, filter words): client/app/Search.h.
    Result<std::vector<SearchHit>> search(const QString& query, const SearchOptions& options) const;
    // Reads the text of every PDF attachment not yet read into the full-text index, on this
    // thread, until none remains (client/app/AttachmentTextIndexer.h): `senctl search` before
    // it searches (`sen` does it on its index worker). Derived data: emits nothing.
    Status indexAttachmentText();
    // Builds the full-text index a first pull deferred (docs/search.md §"The first pull"), on
    // this thread, until it is complete, telling `progress` the percentage built after each
    // step: `senctl search` before it searches (`sen` does it on its index worker).
    Status finishSearchIndex(const std::function<void(int percent)>& progress = {});
    // The newest `limit` replication sessions, newest first.
    Result<std::vector<HistoryEntry>> history(int limit) const;

    // ---- Attachments (large files: client/app/AttachmentTransfer.h) -----------------------
    // Whether this replica holds every chunk of `ref` (a summary-only replica may not).
    bool holdsAttachment(const AttachmentRef& ref) const;
    Result<QByteArray> readAttachment(const AttachmentRef& ref) const;
    // Stores the file's bytes in the chunk store (on this thread: small files, or inside a
    // batch) and returns the reference a document item takes; the document is saved later.
    Result<AttachmentRef> importAttachment(const QString& filePath, const QString& name);
    // Writes `ref` to `targetPath` (replaced only once written and verified).
    Status exportAttachment(const AttachmentRef& ref, const QString& targetPath) const;
    // Whether `path` is a file of the workspace's replica folder (never attached nor
    // overwritten, client/core/Workspace.h).
    bool isWorkspaceFile(const QString& path) const;

Q_SIGNALS:
    // Documents of this database changed (a commit here, or a sync stored what it brought).
    void changed();
    // A registration was saved awaiting its number (docs/registers.md §Numbering): the
    // desktop client syncs at once (SyncScheduler::numberSoon) so the number comes now.
    void awaitingNumber();
    // A restore wrote a draft into the drafts database `name` of the same workspace.
    void draftsChanged(const QString& name);

private:
    friend class OpenDatabases;
    DatabaseSession(const client::Workspace& workspace, QString name, QString userName,
                    std::unique_ptr<ReplicaStore> store, QObject* parent);
    // After a commit: changed(), or once at the end of the batch that holds it.
    void committed();
    // Another connection committed changes to this database: a sync, a restore's draft
    // (OpenDatabases).
    void externalChange() { Q_EMIT changed(); }
    Result<std::vector<DossierEntry>> dossiersFromView() const;
    Result<std::vector<DossierEntry>> dossiersFromStore() const;

    client::Workspace m_workspace;
    QString m_name;
    QString m_userName;
    std::unique_ptr<ReplicaStore> m_store;
    std::unique_ptr<DuplicateIndex> m_duplicates;
    int m_batchDepth = 0;
    bool m_batchWrote = false;
    // The address book as last read, and the directory file's state then (addressBook()).
    mutable std::optional<client::AddressBook> m_addressBook;
    mutable QString m_addressBookStamp;
};

} // namespace sen::app
