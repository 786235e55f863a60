#include "common/store/ReplicaSync.h"

#include "common/attachments/AttachmentStore.h"
#include "common/fts/IndexedText.h"
#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/ChunkRefs.h"
#include "common/store/ReplicaFile.h"
#include "common/workflow/Steps.h"
#include "common/workflow/WorkflowIndex.h"

#include <algorithm>
#include <cassert>

namespace sen {

ReplicaSync::ReplicaSync(store::ReplicaFile& file)
    : m_file(file), m_log(file.db()), m_stubReaders(file.db()), m_numbers(file.db()), m_refused(file.db())
{}

Result<std::optional<Document>> ReplicaSync::findHeader(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stored, m_file.table().find(unid, store::ItemsRead::None));
    if (!stored)
        return std::optional<Document>();
    return std::optional<Document>(std::move(stored->doc));
}

Result<std::optional<store::StoredDocument>> ReplicaSync::findEncoded(const Unid& unid) const
{
    return m_file.table().find(unid, store::ItemsRead::Bytes);
}

Result<std::optional<store::StoredDocument>> ReplicaSync::findStored(const Unid& unid) const
{
    return m_file.table().find(unid, store::ItemsRead::Decoded);
}

Status ReplicaSync::putReplicated(const Document& doc)
{
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    // With items: the index needs the text it holds to replace it.
    SEN_ASSIGN_OR_RETURN(const auto stored, m_file.table().find(doc.unid, store::ItemsRead::Bytes));
    SEN_TRY(putReplicated(doc, stored));
    return tx.commit();
}

Status ReplicaSync::putReplicated(const Document& doc, const std::optional<store::StoredDocument>& stored,
                                  const QByteArray& encodedItems)
{
    assert(encodedItems.isEmpty() || encodedItems == encodeItems(doc.items));
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    // Later local edits must order after every edit we hold, whatever our wall clock says.
    m_file.clock().observe(doc.modifiedTime());
    SEN_ASSIGN_OR_RETURN(const store::ReplicaFile::Allocation a, m_file.allocate(false));
    const HlcTime modified = std::max(doc.modifiedTime(), stored ? HlcTime(0) : a.time);
    // Encoded once (or not at all, when the caller has the bytes): the row stores these bytes
    // and the index reads its text from them.
    const QByteArray items = encodedItems.isEmpty() ? encodeItems(doc.items) : encodedItems;
    if (stored) {
        if (stored->doc.form != doc.form || stored->doc.parent != doc.parent)
            return Status(
                ErrorCode::Conflict,
                QStringLiteral("document %1 arrived with a different form or parent").arg(doc.unid.toHex()));
        SEN_TRY(m_file.table().update(stored->id, doc, items, a.seq, modified));
        SEN_TRY(m_file.fts().update(stored->id, fts::indexedItems(stored->doc.isDeleted(), stored->items),
                                    fts::indexedItems(doc.isDeleted(), items)));
    } else {
        SEN_ASSIGN_OR_RETURN(const std::int64_t id,
                             m_file.table().insert(doc, items, a.seq, a.time, modified));
        SEN_TRY(m_file.fts().add(id, fts::indexedItems(doc.isDeleted(), items)));
    }
    SEN_TRY(m_file.noteWantedChunks(doc));
    return tx.commit();
}

Result<bool> ReplicaSync::insertReplicated(const Document& doc, const QByteArray& encodedItems)
{
    assert(encodedItems.isEmpty() || encodedItems == encodeItems(doc.items));
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    // As putReplicated() for a document that has no row; the insert itself finds out.
    m_file.clock().observe(doc.modifiedTime());
    SEN_ASSIGN_OR_RETURN(const store::ReplicaFile::Allocation a, m_file.nextAllocation(false));
    const QByteArray items = encodedItems.isEmpty() ? encodeItems(doc.items) : encodedItems;
    SEN_ASSIGN_OR_RETURN(
        const std::optional<std::int64_t> id,
        m_file.table().insertIfAbsent(doc, items, a.seq, a.time, std::max(doc.modifiedTime(), a.time)));
    if (!id)
        return false;
    SEN_TRY(m_file.recordAllocation(a, false));
    SEN_TRY(m_file.fts().add(*id, fts::indexedItems(doc.isDeleted(), items)));
    SEN_TRY(m_file.noteWantedChunks(doc));
    SEN_TRY(tx.commit());
    return true;
}

Status ReplicaSync::deferFullText()
{
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    SEN_TRY(m_file.fts().deferBuild());
    return tx.commit();
}

Result<std::int64_t> ReplicaSync::checkpoint(const InstanceId& peer, Direction direction) const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_file.db().cached("SELECT seq FROM checkpoints WHERE peer = ?1 AND direction = ?2"));
    stmt->bind(1, peer.toBytes()).bind(2, static_cast<int>(direction));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->int64(0) : std::int64_t(0);
}

Result<bool> ReplicaSync::hasPulled() const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_file.db().cached("SELECT 1 FROM checkpoints WHERE direction = ?1 AND seq > 0 LIMIT 1"));
    stmt->bind(1, static_cast<int>(Direction::Pull));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row;
}

Status ReplicaSync::setCheckpoint(const InstanceId& peer, Direction direction, std::int64_t seq)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_file.db().cached("INSERT INTO checkpoints(peer, direction, seq, updated) "
                                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(peer, direction) "
                                            "DO UPDATE SET seq = excluded.seq, updated = excluded.updated"));
    stmt->bind(1, peer.toBytes())
        .bind(2, static_cast<int>(direction))
        .bind(3, seq)
        .bind(4, hlcPhysicalMs(m_file.clock().last()));
    return stmt->exec();
}

Result<QByteArray> ReplicaSync::pullFilter(const InstanceId& peer) const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_file.db().cached("SELECT filter FROM checkpoints WHERE peer = ?1 AND direction = ?2"));
    stmt->bind(1, peer.toBytes()).bind(2, static_cast<int>(Direction::Pull));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->blob(0) : QByteArray();
}

Status ReplicaSync::setPullFilter(const InstanceId& peer, const QByteArray& filter, bool restart)
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_file.db().cached("INSERT INTO checkpoints(peer, direction, seq, filter, updated) "
                                      "VALUES (?1, ?2, 0, ?3, ?4) ON CONFLICT(peer, direction) DO UPDATE SET "
                                      "seq = CASE WHEN ?5 THEN 0 ELSE seq END, filter = excluded.filter, "
                                      "updated = excluded.updated"));
    stmt->bind(1, peer.toBytes())
        .bind(2, static_cast<int>(Direction::Pull))
        .bind(3, filter)
        .bind(4, hlcPhysicalMs(m_file.clock().last()))
        .bind(5, restart ? 1 : 0);
    return stmt->exec();
}

Status ReplicaSync::forEachDocumentReferencing(const crypto::Sha256Digest& hash,
                                               const std::function<bool(const Document&)>& visit) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<std::int64_t> ids,
                         store::ChunkRefs(m_file.db()).documentsReferencing(hash));
    for (const std::int64_t id : ids) {
        SEN_ASSIGN_OR_RETURN(const auto stored, m_file.table().findById(id));
        if (stored && !visit(stored->doc))
            break;
    }
    return Status::ok();
}

Status ReplicaSync::purge(const Unid& unid)
{
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    // With items: the index needs the text it holds to take it out.
    SEN_ASSIGN_OR_RETURN(auto stored, m_file.table().find(unid));
    if (!stored)
        return Status::ok();
    SEN_TRY(m_file.fts().remove(stored->id, fts::indexedItems(stored->doc.isDeleted(), stored->items)));
    SEN_ASSIGN_OR_RETURN(auto drop, m_file.db().cached("DELETE FROM documents WHERE id = ?1"));
    drop->bind(1, stored->id);
    SEN_TRY(drop->exec());
    // A purge leaves no change-feed entry for the workflow index to follow: an incoming
    // document or a step going this way makes it be rebuilt (purges are rare).
    if (stored->doc.form == QLatin1String(workflow::kIncomingForm) || workflow::isStepForm(stored->doc.form))
        SEN_TRY(m_file.workflowIndex().clear());
    return tx.commit();
}

Status ReplicaSync::dropForRefetch(const Unid& unid)
{
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    SEN_TRY(purge(unid)); // nests: SqlTransaction joins the open one
    SEN_TRY(m_refused.forget(unid));
    SEN_ASSIGN_OR_RETURN(auto rewind, m_file.db().cached("UPDATE checkpoints SET seq = 0, updated = ?2 "
                                                         "WHERE direction = ?1"));
    rewind->bind(1, static_cast<int>(Direction::Pull)).bind(2, hlcPhysicalMs(m_file.clock().last()));
    SEN_TRY(rewind->exec());
    return tx.commit();
}

Status ReplicaSync::noteRefused(const Unid& unid, const QString& peer, ErrorCode code, const QString& message)
{
    SEN_ASSIGN_OR_RETURN(const auto stored, m_file.table().find(unid, store::ItemsRead::None));
    if (!stored)
        return Status::ok();
    return m_refused.note(unid, stored->doc.versions, peer, code, message);
}

Result<std::vector<ReplicaSync::Refusal>> ReplicaSync::refusals() const
{
    return m_refused.list();
}

Status ReplicaSync::forgetRefusal(const Unid& unid)
{
    return m_refused.forget(unid);
}

Result<std::int64_t> ReplicaSync::dropAcknowledgedStubs()
{
    sql::SqlTransaction tx(m_file.db());
    SEN_TRY(tx.beginStatus());
    SEN_ASSIGN_OR_RETURN(auto lowest,
                         m_file.db().cached("SELECT MIN(seq) FROM checkpoints WHERE direction = ?1"));
    lowest->bind(1, static_cast<int>(Direction::Push));
    SEN_ASSIGN_OR_RETURN(const bool row, lowest->step());
    if (!row || lowest->isNull(0))
        return std::int64_t(0);
    const std::int64_t acknowledged = lowest->int64(0);
    // documents_by_seq bounds the scan to the acknowledged part of the feed. A stub a peer
    // refused (no right to delete) is kept: the deletion did not reach it, and dropping the
    // stub would leave this replica without a document every other one still has.
    SEN_ASSIGN_OR_RETURN(
        auto drop, m_file.db().cached("DELETE FROM documents WHERE seq <= ?1 AND (flags & ?2) != 0 "
                                      "AND NOT EXISTS (SELECT 1 FROM refused_versions r "
                                      "WHERE r.unid = documents.unid AND r.versions = documents.versions)"));
    drop->bind(1, acknowledged).bind(2, static_cast<int>(Deleted));
    SEN_TRY(drop->exec());
    const std::int64_t dropped = m_file.db().changes();
    SEN_TRY(tx.commit());
    return dropped;
}

} // namespace sen
