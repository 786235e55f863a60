#include "client/app/DatabaseSession.h"

#include "client/app/AttachmentTextIndexer.h"
#include "client/core/DirectoryFile.h"
#include "client/core/ReplicaAccess.h"
#include "client/core/ReplicaStatus.h"
#include "client/forms/CatalogueFill.h"
#include "client/forms/ComputedAccess.h"
#include "client/forms/FormValidation.h"
#include "client/forms/Numbering.h"
#include "client/forms/Registration.h"
#include "client/forms/StepFill.h"
#include "client/sync/Replicator.h"
#include "client/views/ViewCacheFile.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewQuery.h"
#include "common/attachments/AttachmentStore.h"
#include "common/catalogues/DefaultCatalogues.h"
#include "common/schedule/Invitation.h"
#include "common/schedule/Schedule.h"
#include "common/schedule/ScheduleCheck.h"
#include "common/workflow/StepCheck.h"
#include "common/workflow/Steps.h"
#include "common/workflow/WorkflowIndex.h"
#include "common/workflow/WorkflowIndexer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <map>

namespace sen::app {

namespace {

// Documents per transaction of the deferred full-text index's build (about 0.1 s each).
constexpr int kSearchIndexStep = 5000;

const QString kDossierCode = QStringLiteral("SoKyHieuHoSo");
const QString kDossierTitle = QStringLiteral("TieuDeHoSo");

// The workspace name of the replica the caller named by name or by replica ID.
Result<QString> workspaceName(const client::Workspace& workspace, const QString& nameOrId,
                              const ReplicaStore& store)
{
    if (client::Workspace::isValidName(nameOrId) && QFileInfo::exists(workspace.replicaPath(nameOrId)))
        return nameOrId;
    SEN_ASSIGN_OR_RETURN(const auto entries, workspace.list());
    for (const client::ReplicaEntry& e : entries) {
        if (e.info.replicaId == store.info().replicaId && !e.name.endsWith(QStringLiteral("-nhap")))
            return e.name;
    }
    return Status(ErrorCode::NotFound, QStringLiteral("no database %1").arg(nameOrId));
}

void sortDossiers(std::vector<DossierEntry>& dossiers)
{
    std::stable_sort(dossiers.begin(), dossiers.end(), [](const DossierEntry& a, const DossierEntry& b) {
        if (a.code != b.code)
            return a.code < b.code;
        return a.title < b.title;
    });
}

} // namespace

DatabaseSession::DatabaseSession(const client::Workspace& workspace, QString name, QString userName,
                                 std::unique_ptr<ReplicaStore> store, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_name(std::move(name)), m_userName(std::move(userName)),
      m_store(std::move(store))
{}

DatabaseSession::~DatabaseSession() = default;

Result<std::unique_ptr<DatabaseSession>> DatabaseSession::open(const client::Workspace& workspace,
                                                               const QString& nameOrReplicaId,
                                                               const QString& userName, QObject* parent)
{
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, workspace.openDatabase(nameOrReplicaId));
    SEN_ASSIGN_OR_RETURN(QString name, workspaceName(workspace, nameOrReplicaId, *store));
    return std::unique_ptr<DatabaseSession>(
        new DatabaseSession(workspace, std::move(name), userName, std::move(store), parent));
}

const ReplicaInfo& DatabaseSession::info() const
{
    return m_store->info();
}

QString DatabaseSession::title() const
{
    return info().title.isEmpty() ? m_name : info().title;
}

const QString& DatabaseSession::path() const
{
    return m_store->path();
}

QString DatabaseSession::viewCachePath() const
{
    return views::ViewCacheFile::pathFor(path());
}

void DatabaseSession::committed()
{
    if (m_batchDepth > 0)
        m_batchWrote = true;
    else
        Q_EMIT changed();
}

// ---- Documents ---------------------------------------------------------------------------

Result<Document> DatabaseSession::document(const Unid& unid) const
{
    return m_store->get(unid);
}

Result<std::vector<Document>> DatabaseSession::responses(const Unid& parent) const
{
    return m_store->responses(parent);
}

Status DatabaseSession::forEachDocument(const std::function<bool(const Document&)>& visit,
                                        bool includeDeleted) const
{
    return m_store->forEachDocument(visit, includeDeleted);
}

Result<std::vector<Document>> DatabaseSession::documentsOfForm(const QString& form) const
{
    SEN_ASSIGN_OR_RETURN(std::vector<Document> docs, m_store->documentsOfForm(form));
    std::erase_if(docs, [](const Document& doc) { return doc.isDeleted(); });
    return docs;
}

Result<std::int64_t> DatabaseSession::documentCount() const
{
    return m_store->documentCount();
}

std::optional<acl::EffectiveAccess> DatabaseSession::access() const
{
    return client::ReplicaAccess::load(*m_store);
}

bool DatabaseSession::mayEdit(const Document& doc) const
{
    return client::ReplicaAccess::mayEdit(access(), doc);
}

bool DatabaseSession::mayDelete(const Document& doc) const
{
    return client::ReplicaAccess::mayDelete(access(), doc);
}

Result<std::vector<Registration>> DatabaseSession::duplicatesOf(const DocumentEdit& edit)
{
    Document base;
    if (!edit.isCreate()) {
        Result<Document> current = m_store->get(edit.unid());
        if (current && !current->isDeleted())
            base = std::move(*current);
    }
    const QString form = edit.isCreate() ? edit.form() : base.form;
    if (form != QLatin1String(forms::kIncomingForm) ||
        (edit.isCreate() ? edit.parent().has_value() : base.parent.has_value()))
        return std::vector<Registration>();
    DocumentEdit completed = edit;
    forms::completeRegistration(base, completed);
    // The same công văn: same fields, or same edXML DocumentId (forms::documentIdKey).
    const Document after = forms::applyEdit(base, completed);
    QString key = forms::duplicateKey(after);
    QString idKey = forms::documentIdKey(after);
    if (!edit.isCreate() && key == forms::duplicateKey(base))
        key.clear();
    if (!edit.isCreate() && idKey == forms::documentIdKey(base))
        idKey.clear();
    if (key.isEmpty() && idKey.isEmpty())
        return std::vector<Registration>();
    if (!m_duplicates)
        m_duplicates = std::make_unique<DuplicateIndex>();
    SEN_TRY(m_duplicates->update(*m_store));
    std::vector<Registration> found = m_duplicates->find(key, idKey);
    std::erase_if(found, [&](const Registration& r) { return r.unid == edit.unid(); });
    return found;
}

Result<std::vector<std::vector<Registration>>> DatabaseSession::duplicates()
{
    if (!m_duplicates)
        m_duplicates = std::make_unique<DuplicateIndex>();
    SEN_TRY(m_duplicates->update(*m_store));
    return m_duplicates->groups();
}

Result<Document> DatabaseSession::save(const DocumentEdit& edit, bool allowDuplicate)
{
    Document base;
    if (!edit.isCreate()) {
        const Result<Document> current = m_store->get(edit.unid());
        if (current && !current->isDeleted() && !mayEdit(*current))
            return Status(ErrorCode::PermissionDenied,
                          QStringLiteral("the access the server last reported does not let this user "
                                         "change this document"));
        if (current && !current->isDeleted())
            base = *current;
    }
    if (!allowDuplicate) {
        SEN_ASSIGN_OR_RETURN(const std::vector<Registration> existing, duplicatesOf(edit));
        if (!existing.empty())
            return Status(ErrorCode::Conflict,
                          QCoreApplication::translate("sen::app::DatabaseSession",
                                                      "this document is already registered: %1")
                              .arg(describeRegistration(existing.front())));
    }
    const QString form = edit.isCreate() ? edit.form() : base.form;
    if (form == QLatin1String(registers::kRegisterForm) || form == QLatin1String(catalogues::kEntryForm) ||
        form == QLatin1String(workdays::kDayForm)) {
        // The server takes registers and catalogues from Designers and Managers only
        // (docs/registers.md, docs/catalogues.md).
        const auto reported = access();
        if (reported && reported->level < acl::AccessLevel::Designer)
            return Status(ErrorCode::PermissionDenied,
                          QStringLiteral("only a Designer or Manager of the database may create or change %1")
                              .arg(form == QLatin1String(registers::kRegisterForm)
                                       ? QStringLiteral("a register")
                                   : form == QLatin1String(catalogues::kEntryForm)
                                       ? QStringLiteral("a catalogue entry")
                                       : QStringLiteral("the working calendar")));
    }
    DocumentEdit completed = edit;
    // Names first: the Authors item completeEditors computes must hold real names. The address
    // book is read only for an edit that sets a names field (an import of letters never does).
    if (hasNameFields(completed)) {
        SEN_ASSIGN_OR_RETURN(const client::AddressBook book, addressBook());
        if (!book.isEmpty()) {
            const std::vector<NameProblem> problems = resolveNameFields(book, base, completed);
            if (!problems.empty())
                return nameProblemStatus(problems.front());
        }
    }
    forms::completeRegistration(base, completed);
    forms::completeEditors(base, completed, m_userName); // docs/access-control.md "Who may edit what"
    const QDateTime now = QDateTime::currentDateTimeUtc();
    forms::completeStep(completed, m_userName, now); // docs/workflow.md
    if (workflow::isStepForm(form)) {
        // The server's own rule, at once: a step it would refuse is not written.
        if (const auto reported = access()) {
            const std::optional<Document> stored =
                base.unid.isNull() ? std::nullopt : std::optional<Document>(base);
            const ReplicaStore& store = *m_store;
            const workflow::StepContext context{*reported,
                                                [&store](const Unid& unid) { return store.find(unid); }, now};
            SEN_TRY(workflow::checkPushedStep(stored, forms::applyEdit(base, completed), context));
        }
    }
    if (form == QLatin1String(schedule::kEntryForm) || form == QLatin1String(schedule::kWeekActionForm) ||
        form == QLatin1String(schedule::kChangeForm) || form == QLatin1String(schedule::kReplyForm)) {
        // The weekly schedule's rule (docs/schedule.md), as the server will apply it.
        if (const auto reported = access()) {
            const std::optional<Document> stored =
                base.unid.isNull() ? std::nullopt : std::optional<Document>(base);
            const ReplicaStore& store = *m_store;
            const schedule::ScheduleContext context{
                *reported, [&store](const Unid& unid) { return store.find(unid); },
                [&store]() { return store.documentsOfForm(QLatin1String(schedule::kWeekActionForm)); }, now};
            SEN_TRY(schedule::checkPushedSchedule(stored, forms::applyEdit(base, completed), context));
        }
    }
    if (registers::directionOfForm(form)) {
        SEN_ASSIGN_OR_RETURN(const std::vector<registers::Register> books, registers());
        // Without a reported access (a local database) the server still judges the number.
        const auto reported = access();
        const bool mayRenumber = !reported || reported->level >= acl::AccessLevel::Manager;
        SEN_TRY(forms::prepareNumbering(base, completed, books, mayRenumber));
        SEN_ASSIGN_OR_RETURN(const std::vector<catalogues::Entry> entries, catalogue());
        if (forms::fillFromCatalogues(base, completed, entries, books))
            forms::completeRegistration(base, completed);
    }
    SEN_ASSIGN_OR_RETURN(Document saved, m_store->save(completed));
    committed();
    if (forms::isAwaitingNumber(saved))
        Q_EMIT awaitingNumber();
    return saved;
}

Result<client::AddressBook> DatabaseSession::addressBook() const
{
    SEN_ASSIGN_OR_RETURN(const client::ReplicaSettings settings, client::Replicator::settingsOf(*m_store));
    if (settings.server.isEmpty())
        return client::AddressBook();
    // Read again only when the file changed (a sync stored a new directory): a batch of saves
    // reads it once.
    const QString path = client::DirectoryFile::pathIn(m_workspace.home());
    QString stamp = settings.server;
    const QString files[] = {path, path + QStringLiteral("-wal")};
    for (const QString& file : files) {
        const QFileInfo about(file);
        stamp +=
            about.exists()
                ? QStringLiteral("|%1:%2").arg(about.lastModified().toMSecsSinceEpoch()).arg(about.size())
                : QStringLiteral("|-");
    }
    if (m_addressBook && m_addressBookStamp == stamp)
        return *m_addressBook;
    const client::DirectoryFile file(path);
    SEN_ASSIGN_OR_RETURN(const auto listing, file.load(settings.server, info().replicaId.toHex()));
    m_addressBook = listing ? client::AddressBook(*listing) : client::AddressBook();
    m_addressBookStamp = stamp;
    return *m_addressBook;
}

Result<std::vector<NameProblem>> DatabaseSession::nameProblems(const DocumentEdit& edit) const
{
    SEN_ASSIGN_OR_RETURN(const client::AddressBook book, addressBook());
    if (book.isEmpty())
        return std::vector<NameProblem>();
    Document base;
    if (!edit.isCreate()) {
        const Result<Document> current = m_store->get(edit.unid());
        if (current && !current->isDeleted())
            base = *current;
    }
    DocumentEdit copy = edit;
    return resolveNameFields(book, base, copy);
}

Result<std::vector<catalogues::Entry>>
DatabaseSession::catalogue(std::optional<catalogues::Catalogue> which) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_store->documentsOfForm(QLatin1String(catalogues::kEntryForm)));
    return catalogues::entriesFrom(docs, which);
}

Result<workdays::WorkCalendar> DatabaseSession::workCalendar() const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_store->documentsOfForm(QLatin1String(workdays::kDayForm)));
    return workdays::WorkCalendar(workdays::rulesFrom(docs));
}

Result<const workflow::WorkflowIndexTable*> DatabaseSession::workflowIndex(bool rebuild)
{
    if (rebuild)
        SEN_TRY(workflow::WorkflowIndexer::invalidate(*m_store));
    SEN_TRY(workflow::WorkflowIndexer::catchUp(*m_store).status());
    return &m_store->workflowIndex();
}

Result<int> DatabaseSession::addDefaultCatalogueEntries()
{
    const auto reported = access();
    if (reported && reported->level < acl::AccessLevel::Designer)
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("only a Designer or Manager of the database may create or change a "
                                     "catalogue entry"));
    SEN_ASSIGN_OR_RETURN(const int added, catalogues::addDefaultEntries(*m_store, m_store->info().kind));
    if (added > 0)
        committed();
    return added;
}

Result<std::vector<registers::Register>> DatabaseSession::registers() const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_store->documentsOfForm(QLatin1String(registers::kRegisterForm)));
    return registers::registersFrom(docs);
}

Result<std::vector<DatabaseSession::RegisterRun>> DatabaseSession::registerRuns() const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<registers::Register> books, registers());
    std::map<std::pair<Unid, qint64>, RegisterRun> runs;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString& form : registers::registrationForms()) {
        SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs, m_store->documentsOfForm(form));
        for (const Document& doc : docs) {
            const auto reg = registers::registrationOf(doc);
            if (!reg.isOk() || !*reg)
                continue;
            for (const registers::Register& book : books) {
                if (book.unid != (*reg)->registerUnid)
                    continue;
                RegisterRun& run = runs[{book.unid, registers::periodOf(book, (*reg)->dateMs, now)}];
                run.book = book;
                run.period = registers::periodOf(book, (*reg)->dateMs, now);
                if ((*reg)->number) {
                    ++run.numbered;
                    run.last = std::max(run.last, *(*reg)->number);
                } else {
                    ++run.awaiting;
                }
            }
        }
    }
    std::vector<RegisterRun> out;
    for (const registers::Register& book : books) {
        bool any = false;
        for (const auto& [key, run] : runs)
            if (key.first == book.unid) {
                out.push_back(run);
                any = true;
            }
        if (!any)
            out.push_back(RegisterRun{book, 0, 0, 0, 0});
    }
    return out;
}

Result<Document> DatabaseSession::remove(const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(const Document current, m_store->get(unid));
    if (current.isDeleted())
        return current; // deleted meanwhile (a sync): nothing to do
    if (!mayDelete(current))
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("the access the server last reported does not let this user "
                                     "delete this document"));
    if (const auto reported = access();
        reported && (current.form == QLatin1String(schedule::kEntryForm) ||
                     current.form == QLatin1String(schedule::kWeekActionForm) ||
                     current.form == QLatin1String(schedule::kChangeForm) ||
                     current.form == QLatin1String(schedule::kReplyForm))) {
        // The weekly schedule's rule (docs/schedule.md): a published entry is cancelled, not deleted.
        Document stub = current;
        stub.flags |= Deleted;
        stub.items.clear();
        const ReplicaStore& store = *m_store;
        const schedule::ScheduleContext context{
            *reported, [&store](const Unid& id) { return store.find(id); },
            [&store]() { return store.documentsOfForm(QLatin1String(schedule::kWeekActionForm)); },
            QDateTime::currentDateTimeUtc()};
        SEN_TRY(schedule::checkPushedSchedule(current, stub, context));
    }
    SEN_ASSIGN_OR_RETURN(Document removed, m_store->remove(unid));
    committed();
    return removed;
}

Status DatabaseSession::batch(const std::function<Status()>& work)
{
    const bool outer = m_batchDepth == 0;
    if (outer)
        m_batchWrote = false;
    ++m_batchDepth;
    const Status status = m_store->batch(work);
    --m_batchDepth;
    if (outer) {
        const bool wrote = m_batchWrote;
        m_batchWrote = false;
        if (status.isOk() && wrote)
            Q_EMIT changed();
    }
    return status;
}

// ---- Dossiers ----------------------------------------------------------------------------

Result<std::vector<DossierEntry>> DatabaseSession::dossiers() const
{
    if (kind() != DatabaseKind::Documents)
        return std::vector<DossierEntry>{};
    // The dossiers' view when the index has it (a few rows of an index), else the store.
    if (!m_userName.isEmpty()) {
        auto listed = dossiersFromView();
        if (listed || listed.code() != ErrorCode::NotFound)
            return listed;
    }
    return dossiersFromStore();
}

Result<std::vector<DossierEntry>> DatabaseSession::dossiersFromView() const
{
    const auto view = views::ViewCatalog::find(DatabaseKind::Documents, QStringLiteral("dossiers"));
    if (!view)
        return Status(ErrorCode::NotFound, QStringLiteral("no dossier view"));
    SEN_ASSIGN_OR_RETURN(auto query, views::ViewQuery::open(viewCachePath(), *view, m_userName));
    constexpr int kPage = 1000;
    std::vector<DossierEntry> out;
    for (std::int64_t offset = 0;; offset += kPage) {
        SEN_ASSIGN_OR_RETURN(const auto rows, query->rows(views::ViewSort{0, false}, offset, kPage));
        for (const views::ViewRow& row : rows)
            out.push_back({row.unid, row.values.value(0), row.values.value(1)});
        if (static_cast<int>(rows.size()) < kPage)
            break;
    }
    return out;
}

Result<std::vector<DossierEntry>> DatabaseSession::dossiersFromStore() const
{
    std::vector<DossierEntry> out;
    const QStringList items{kDossierCode, kDossierTitle}; // sorted, as forEachChange wants
    SEN_TRY(m_store->readSnapshot([&] {
        return m_store->forEachChange(0, items, [&](const store::StoredDocument& s) {
            if (client::Dossiers::isDossier(s.doc))
                out.push_back({s.doc.unid, s.doc.text(kDossierCode), s.doc.text(kDossierTitle)});
            return true;
        });
    }));
    sortDossiers(out);
    return out;
}

Status DatabaseSession::file(const Unid& dossier, const Unid& document)
{
    const auto before = m_store->lastSeq();
    SEN_TRY(client::Dossiers::file(*m_store, dossier, document));
    if (!before || m_store->lastSeq().valueOr(-1) != *before)
        committed(); // filed again: nothing was written
    return Status::ok();
}

Status DatabaseSession::unfile(const Unid& dossier, const Unid& document)
{
    const auto before = m_store->lastSeq();
    SEN_TRY(client::Dossiers::unfile(*m_store, dossier, document));
    if (!before || m_store->lastSeq().valueOr(-1) != *before)
        committed();
    return Status::ok();
}

Result<std::vector<client::Dossiers::Member>> DatabaseSession::dossierMembers(const Unid& dossier) const
{
    return client::Dossiers::members(*m_store, dossier);
}

// ---- Refused changes ---------------------------------------------------------------------

Result<std::vector<client::RefusedChange>> DatabaseSession::refusedChanges() const
{
    return client::RefusedChanges::list(*m_store);
}

Result<std::optional<client::RefusedChange>> DatabaseSession::refusedChange(const Unid& unid) const
{
    return client::RefusedChanges::find(*m_store, unid);
}

QString DatabaseSession::draftsName() const
{
    return client::RefusedChanges::draftsName(m_name);
}

Result<client::RestoredChange> DatabaseSession::restoreServerVersion(const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(client::RestoredChange restored,
                         client::RefusedChanges::restore(m_workspace, m_name, *m_store, unid));
    committed();
    if (restored.draft)
        Q_EMIT draftsChanged(draftsName());
    return restored;
}

// ---- Conflicts ---------------------------------------------------------------------------

Result<client::ConflictResolution> DatabaseSession::loadConflict(const Unid& conflict) const
{
    return client::ConflictResolution::load(*m_store, conflict);
}

Result<client::ResolutionOutcome>
DatabaseSession::resolveConflict(const client::ConflictResolution& resolution, client::ResolutionKind kind,
                                 const QHash<QString, client::ConflictSide>& choices)
{
    Result<client::ResolutionOutcome> outcome = resolution.resolve(*m_store, kind, choices);
    if (outcome)
        committed();
    return outcome;
}

// ---- Search and history ------------------------------------------------------------------

Status DatabaseSession::indexAttachmentText()
{
    return AttachmentTextIndexer::runAll(*m_store);
}

Status DatabaseSession::finishSearchIndex(const std::function<void(int percent)>& progress)
{
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const auto built, m_store->searchIndexProgress());
        if (!built)
            return Status::ok();
        if (progress)
            progress(built->percent());
        SEN_TRY(m_store->buildSearchIndex(kSearchIndexStep).status());
    }
}

Result<std::vector<SearchHit>> DatabaseSession::search(const QString& query, int limit) const
{
    SearchOptions options;
    options.limit = limit;
    return m_store->search(query, options);
}

Result<std::vector<SearchHit>> DatabaseSession::search(const QString& query,
                                                       const SearchOptions& options) const
{
    return m_store->search(query, options);
}

Result<std::vector<HistoryEntry>> DatabaseSession::history(int limit) const
{
    return client::ReplicaStatus::history(*m_store, limit);
}

// ---- Attachments -------------------------------------------------------------------------

bool DatabaseSession::holdsAttachment(const AttachmentRef& ref) const
{
    const auto missing = m_store->attachments().missingChunks(ref.chunks);
    return missing.isOk() && missing->empty();
}

Result<QByteArray> DatabaseSession::readAttachment(const AttachmentRef& ref) const
{
    return m_store->attachments().readAll(ref);
}

Result<AttachmentRef> DatabaseSession::importAttachment(const QString& filePath, const QString& name)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(filePath, file.errorString()));
    return m_store->attachments().importFile(file, name);
}

Status DatabaseSession::exportAttachment(const AttachmentRef& ref, const QString& targetPath) const
{
    // QSaveFile: the target appears only once every chunk has been verified.
    QSaveFile out(targetPath);
    if (!out.open(QIODevice::WriteOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(out.fileName(), out.errorString()));
    const Status status = m_store->attachments().exportFile(ref, out);
    if (!status) {
        out.cancelWriting();
        return status;
    }
    if (!out.commit())
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(out.fileName(), out.errorString()));
    return Status::ok();
}

bool DatabaseSession::isWorkspaceFile(const QString& filePath) const
{
    return client::Workspace::isInReplicasFolder(m_workspace.replicasFolder(), filePath);
}

} // namespace sen::app
