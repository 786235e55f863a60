#include "common/store/ChunkRefs.h"

#include "common/model/AttachmentRef.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/DocumentTable.h"

namespace sen::store {

const char* ChunkRefs::createTableSql()
{
    return R"sql(
CREATE TABLE chunk_refs(
    hash   BLOB NOT NULL,     -- a chunk's SHA-256
    doc_id INTEGER NOT NULL,  -- documents.id of a live document whose attachment names it
    PRIMARY KEY (hash, doc_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX chunk_refs_by_doc ON chunk_refs(doc_id);
CREATE TRIGGER chunk_refs_follow_documents AFTER DELETE ON documents BEGIN
    DELETE FROM chunk_refs WHERE doc_id = old.id;
END;
)sql";
}

Result<std::vector<crypto::Sha256Digest>> ChunkRefs::chunksOf(const Document& doc)
{
    std::vector<crypto::Sha256Digest> hashes;
    if (doc.isDeleted())
        return hashes;
    for (const Item& item : doc.items) {
        if (item.type != ItemType::Attachment || item.isTombstone())
            continue;
        SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, AttachmentRef::fromCbor(item.value));
        for (const ChunkRef& c : ref.chunks)
            hashes.push_back(c.hash);
    }
    return hashes;
}

Status ChunkRefs::write(std::int64_t docId, const Document& doc, bool replace)
{
    if (replace) {
        SEN_ASSIGN_OR_RETURN(auto forget, m_db.cached("DELETE FROM chunk_refs WHERE doc_id = ?1"));
        forget->bind(1, docId);
        SEN_TRY(forget->exec());
    }
    SEN_ASSIGN_OR_RETURN(const auto hashes, chunksOf(doc));
    if (hashes.empty())
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(auto insert,
                         m_db.cached("INSERT OR IGNORE INTO chunk_refs(hash, doc_id) VALUES (?1, ?2)"));
    for (const crypto::Sha256Digest& hash : hashes) {
        insert->bind(1, hash.toBytes()).bind(2, docId);
        SEN_TRY(insert->exec());
        insert->reset();
    }
    return Status::ok();
}

Result<std::vector<std::int64_t>> ChunkRefs::documentsReferencing(const crypto::Sha256Digest& hash) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT doc_id FROM chunk_refs WHERE hash = ?1 ORDER BY doc_id"));
    stmt->bind(1, hash.toBytes());
    std::vector<std::int64_t> ids;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            return ids;
        ids.push_back(stmt->int64(0));
    }
}

Status ChunkRefs::rebuild()
{
    SEN_TRY(m_db.exec("DELETE FROM chunk_refs"));
    Status status = Status::ok();
    SEN_TRY(DocumentTable(m_db).forEach(
        [&](const StoredDocument& stored) {
            status = write(stored.id, stored.doc, false);
            return status.isOk();
        },
        false));
    return status;
}

} // namespace sen::store
