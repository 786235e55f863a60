#include "common/store/ReplicaStore.h"

#include "common/acl/AclTable.h"
#include "common/acl/SecrecyRule.h"
#include "common/attachments/AttachmentStore.h"
#include "common/fts/IndexedText.h"
#include "common/model/DocumentCodec.h"
#include "common/model/DocumentLimits.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/ReplicaFile.h"

#include <algorithm>

namespace sen {

ReplicaStore::ReplicaStore(std::unique_ptr<store::ReplicaFile> file)
    : m_file(std::move(file)), m_sync(new ReplicaSync(*m_file))
{}

ReplicaStore::~ReplicaStore() = default;

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::create(const QString& path, const CreateOptions& create,
                                                           const OpenOptions& options)
{
    SEN_ASSIGN_OR_RETURN(auto file, store::ReplicaFile::create(path, create, options));
    return std::unique_ptr<ReplicaStore>(new ReplicaStore(std::move(file)));
}

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::open(const QString& path, const OpenOptions& options)
{
    SEN_ASSIGN_OR_RETURN(auto file, store::ReplicaFile::open(path, options));
    return std::unique_ptr<ReplicaStore>(new ReplicaStore(std::move(file)));
}

const ReplicaInfo& ReplicaStore::info() const
{
    return m_file->info();
}

const QString& ReplicaStore::path() const
{
    return m_file->path();
}

Result<Document> ReplicaStore::get(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stored, m_file->table().find(unid));
    if (!stored)
        return Status(ErrorCode::NotFound, QStringLiteral("no document %1").arg(unid.toHex()));
    return std::move(stored->doc);
}

Result<Document> ReplicaStore::save(const DocumentEdit& edit)
{
    SEN_TRY(edit.validate());
    sql::SqlTransaction tx(m_file->db());
    SEN_TRY(tx.beginStatus());

    // A create is not looked up first: its insert finds an existing UNID, writing nothing.
    std::optional<store::StoredDocument> stored;
    if (!edit.isCreate()) {
        SEN_ASSIGN_OR_RETURN(stored, m_file->table().find(edit.unid()));
        if (!stored || stored->doc.isDeleted())
            return Status(ErrorCode::NotFound, QStringLiteral("no document %1").arg(edit.unid().toHex()));
    }

    Document doc;
    if (stored) {
        doc = std::move(stored->doc);
    } else {
        doc.unid = edit.unid();
        doc.form = edit.form();
        doc.parent = edit.parent();
    }

    // Which items does the edit really change? Unchanged ones keep their stamps, so they
    // are neither rewritten nor replicated. (A new document takes every item it sets.)
    std::vector<const Item*> changedSets;
    std::vector<QString> changedRemoves;
    if (stored) {
        for (const Item& item : edit.sets()) {
            const Item* current = doc.anyItem(item.name);
            if (!current || current->isTombstone() || !current->sameContent(item))
                changedSets.push_back(&item);
        }
        for (const QString& name : edit.removes()) {
            if (doc.item(name))
                changedRemoves.push_back(name);
        }
        if (changedSets.empty() && changedRemoves.empty())
            return doc;
    }

    SEN_ASSIGN_OR_RETURN(const store::ReplicaFile::Allocation a, m_file->nextAllocation(true));
    const Stamp stamp{Dot{m_file->info().instanceId, a.counter}, a.time};
    if (stored) {
        for (const Item* item : changedSets) {
            Item stamped = *item;
            stamped.stamp = stamp;
            doc.putItem(std::move(stamped));
        }
        for (const QString& name : changedRemoves) {
            Item tombstone = *doc.anyItem(name);
            tombstone.value = QCborValue();
            tombstone.stamp = stamp;
            doc.putItem(std::move(tombstone));
        }
    } else {
        // The edit holds each name once, so sorting gives what putItem() one by one would.
        doc.items = edit.sets();
        std::sort(doc.items.begin(), doc.items.end(),
                  [](const Item& x, const Item& y) { return x.name < y.name; });
        for (Item& item : doc.items)
            item.stamp = stamp;
    }
    doc.versions.set(m_file->info().instanceId, a.counter);
    // Classified: a register entry only (docs/access-control.md), refused before any write.
    SEN_TRY(acl::checkSecrecy(doc));

    // Encoded once: the row stores these bytes and the index reads its text from them.
    const QByteArray items = encodeItems(doc.items);
    // Whatever is stored must be able to travel in one DOCS frame (docs/protocol.md §Limits).
    SEN_TRY(checkDocumentLimits(doc, items.size()));
    if (stored) {
        SEN_TRY(m_file->recordAllocation(a, true));
        SEN_TRY(m_file->table().update(stored->id, doc, items, a.seq, a.time));
        SEN_TRY(m_file->fts().update(stored->id, stored->items, items));
    } else {
        SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> id,
                             m_file->table().insertIfAbsent(doc, items, a.seq, a.time, a.time));
        if (!id)
            return Status(ErrorCode::Conflict, QStringLiteral("document %1 exists").arg(edit.unid().toHex()));
        SEN_TRY(m_file->recordAllocation(a, true));
        SEN_TRY(m_file->fts().add(*id, items));
    }
    SEN_TRY(tx.commit());
    return doc;
}

Result<Document> ReplicaStore::remove(const Unid& unid)
{
    sql::SqlTransaction tx(m_file->db());
    SEN_TRY(tx.beginStatus());
    // With items: the index needs the text it holds to take it out.
    SEN_ASSIGN_OR_RETURN(auto stored, m_file->table().find(unid));
    if (!stored)
        return Status(ErrorCode::NotFound, QStringLiteral("no document %1").arg(unid.toHex()));
    if (stored->doc.isDeleted())
        return std::move(stored->doc);

    SEN_ASSIGN_OR_RETURN(const store::ReplicaFile::Allocation a, m_file->allocate());
    SEN_TRY(m_file->fts().remove(stored->id, stored->items));
    Document& doc = stored->doc;
    doc.flags |= Deleted;
    // Every live item becomes a tombstone of the deletion: the stub then holds what its
    // vector claims, which merging it with a concurrent edit relies on (docs/merge.md).
    const Stamp stamp{Dot{m_file->info().instanceId, a.counter}, a.time};
    for (Item& item : doc.items) {
        if (!item.isTombstone()) {
            item.value = QCborValue();
            item.stamp = stamp;
        }
    }
    doc.versions.set(m_file->info().instanceId, a.counter);
    SEN_TRY(m_file->table().update(stored->id, doc, encodeItems(doc.items), a.seq, a.time));
    SEN_TRY(tx.commit());
    return std::move(doc);
}

Result<std::optional<Document>> ReplicaStore::find(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stored, m_file->table().find(unid));
    if (!stored)
        return std::optional<Document>();
    return std::optional<Document>(std::move(stored->doc));
}

Result<QString> ReplicaStore::setting(const QString& name) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_file->db().cached("SELECT value FROM meta WHERE key = ?1"));
    stmt->bind(1, QStringLiteral("setting.") + name);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->text(0) : QString();
}

Status ReplicaStore::setSetting(const QString& name, const QString& value)
{
    return m_file->putMeta(QStringLiteral("setting.") + name, value);
}

Status ReplicaStore::batch(const std::function<Status()>& work)
{
    sql::SqlTransaction tx(m_file->db());
    SEN_TRY(tx.beginStatus());
    SEN_TRY(work());
    return tx.commit();
}

Result<std::vector<store::Change>> ReplicaStore::changesSince(std::int64_t since, int limit) const
{
    return m_file->table().changesSince(since, limit);
}

Result<std::vector<store::StoredChange>> ReplicaStore::storedChangesSince(std::int64_t since, int limit) const
{
    return m_file->table().storedChangesSince(since, limit);
}

Result<std::uint64_t> ReplicaStore::localCounter() const
{
    SEN_ASSIGN_OR_RETURN(const std::int64_t counter,
                         m_file->db().queryInt("SELECT counter FROM local_state WHERE id = 1"));
    return static_cast<std::uint64_t>(counter);
}

Result<std::int64_t> ReplicaStore::lastSeq() const
{
    return m_file->db().queryInt("SELECT coalesce(max(seq), 0) FROM documents");
}

Result<std::int64_t> ReplicaStore::documentCount(bool includeDeleted) const
{
    return m_file->table().count(includeDeleted);
}

Status ReplicaStore::forEachDocument(const std::function<bool(const Document&)>& visit,
                                     bool includeDeleted) const
{
    return m_file->table().forEach([&](const store::StoredDocument& s) { return visit(s.doc); },
                                   includeDeleted);
}

Result<std::vector<Document>> ReplicaStore::documentsOfForm(const QString& form) const
{
    std::vector<Document> out;
    SEN_TRY(m_file->table().forEachOfForm(form, [&](const store::StoredDocument& s) {
        if (!s.doc.isDeleted())
            out.push_back(s.doc);
        return true;
    }));
    return out;
}

Result<std::vector<Document>> ReplicaStore::responses(const Unid& parent) const
{
    std::vector<Document> out;
    SEN_TRY(m_file->table().forEachChild(parent, [&](const store::StoredDocument& s) {
        if (!s.doc.isDeleted())
            out.push_back(s.doc);
        return true;
    }));
    std::stable_sort(out.begin(), out.end(), [](const Document& a, const Document& b) {
        return a.modifiedTime() < b.modifiedTime();
    });
    return out;
}

Status ReplicaStore::forEachChange(std::int64_t since,
                                   const std::function<bool(const store::StoredDocument&)>& visit) const
{
    return m_file->table().forEachSince(since, visit);
}

Status ReplicaStore::forEachChange(std::int64_t since, const QStringList& items,
                                   const std::function<bool(const store::StoredDocument&)>& visit) const
{
    return m_file->table().forEachSince(since, visit, &items);
}

Status ReplicaStore::readSnapshot(const std::function<Status()>& work) const
{
    if (m_file->db().inTransaction())
        return Status(ErrorCode::Internal, QStringLiteral("readSnapshot inside a transaction"));
    SEN_TRY(m_file->db().exec("BEGIN DEFERRED"));
    Status status = work();
    // A read transaction has nothing to keep: ROLLBACK ends it as well as COMMIT would.
    const Status end = m_file->db().exec("ROLLBACK");
    if (!status.isOk())
        return status;
    return end;
}

Result<std::vector<SearchHit>> ReplicaStore::search(const QString& query, const SearchOptions& options) const
{
    return m_file->fts().search(query, options);
}

Result<std::optional<FullTextIndex::BuildProgress>> ReplicaStore::searchIndexProgress() const
{
    return m_file->fts().buildProgress();
}

Result<bool> ReplicaStore::buildSearchIndex(int maxDocs)
{
    sql::SqlTransaction tx(m_file->db());
    SEN_TRY(tx.beginStatus());
    SEN_ASSIGN_OR_RETURN(const bool complete, m_file->fts().buildSome(maxDocs));
    SEN_TRY(tx.commit());
    return complete;
}

AttachmentStore& ReplicaStore::attachments()
{
    return m_file->attachments();
}

const AttachmentStore& ReplicaStore::attachments() const
{
    return m_file->attachments();
}

workflow::WorkflowIndexTable& ReplicaStore::workflowIndex()
{
    return m_file->workflowIndex();
}

const workflow::WorkflowIndexTable& ReplicaStore::workflowIndex() const
{
    return m_file->workflowIndex();
}

AttachmentTextStore& ReplicaStore::attachmentText()
{
    return m_file->attachmentText();
}

const AttachmentTextStore& ReplicaStore::attachmentText() const
{
    return m_file->attachmentText();
}

Status ReplicaStore::indexAttachmentText(const Unid& unid, const FullTextIndex::AttachmentText& text)
{
    sql::SqlTransaction tx(m_file->db());
    SEN_TRY(tx.beginStatus());
    // The items as stored now, in this transaction: the row's own text comes from them.
    SEN_ASSIGN_OR_RETURN(const auto stored, m_file->table().find(unid, store::ItemsRead::Bytes));
    if (!stored)
        return tx.commit();
    // A stub holds no text. A local deletion took its entry out already; one that came by
    // sync replaced the items' text only, and its attachment text goes now.
    SEN_TRY(
        m_file->fts().setAttachmentText(stored->id, fts::indexedItems(stored->doc.isDeleted(), stored->items),
                                        stored->doc.isDeleted() ? FullTextIndex::AttachmentText() : text));
    return tx.commit();
}

Status ReplicaStore::integrityCheck() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_file->db().prepare("PRAGMA integrity_check"));
    QStringList problems;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt.step());
        if (!row)
            break;
        const QString line = stmt.text(0);
        if (line != u"ok")
            problems << line;
    }
    if (!problems.isEmpty())
        return Status(ErrorCode::Corruption, problems.join(QStringLiteral("; ")));
    return Status::ok();
}

Result<acl::Acl> ReplicaStore::loadAcl() const
{
    return acl::AclTable(m_file->db()).load();
}

Status ReplicaStore::saveAcl(const acl::Acl& acl)
{
    return acl::AclTable(m_file->db()).save(acl);
}

} // namespace sen
