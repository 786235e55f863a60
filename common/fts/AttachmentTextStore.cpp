#include "common/fts/AttachmentTextStore.h"

#include "common/sql/SqlDatabase.h"

namespace sen {

namespace {

const char* const kCheckpointKey = "fulltext.attachments_seq";

} // namespace

const char* AttachmentTextStore::createTableSql()
{
    return R"sql(
CREATE TABLE attachment_text(
    hash  BLOB PRIMARY KEY,     -- the file's SHA-256 (an attachment's sha256)
    state INTEGER NOT NULL,     -- AttachmentTextStore::State: 1 read, 2 unreadable, 3 too large
    pages INTEGER NOT NULL,     -- pages read
    text  TEXT NOT NULL         -- the text read (bounded: docs/search.md)
) STRICT, WITHOUT ROWID;
CREATE TABLE fulltext_attachments(
    doc_id  INTEGER PRIMARY KEY, -- documents.id
    waiting INTEGER NOT NULL,    -- files of text whose bytes the file lacks yet
    text    TEXT NOT NULL        -- the attachment text the document's fulltext row holds
) STRICT;
CREATE TABLE fulltext_attachment_files(
    hash   BLOB NOT NULL,        -- attachment_text.hash
    doc_id INTEGER NOT NULL,     -- documents.id
    PRIMARY KEY (hash, doc_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX fulltext_attachment_files_by_doc ON fulltext_attachment_files(doc_id);
CREATE TRIGGER fulltext_attachments_follow_documents AFTER DELETE ON documents
    BEGIN
        DELETE FROM fulltext_attachments WHERE doc_id = old.id;
        DELETE FROM fulltext_attachment_files WHERE doc_id = old.id;
    END;
)sql";
}

Result<std::optional<AttachmentTextStore::FileText>>
AttachmentTextStore::text(const crypto::Sha256Digest& file) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT state, pages, text FROM attachment_text WHERE hash = ?1"));
    stmt->bind(1, file.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return std::optional<FileText>();
    const std::int64_t state = stmt->int64(0);
    if (state < 1 || state > 3)
        return Status(
            ErrorCode::Corruption,
            QStringLiteral("attachment_text: unknown state %1 for %2").arg(state).arg(file.toHex()));
    return std::optional<FileText>(
        FileText{static_cast<State>(state), stmt->text(2), static_cast<int>(stmt->int64(1))});
}

Status AttachmentTextStore::putText(const crypto::Sha256Digest& file, const FileText& text)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("INSERT OR IGNORE INTO attachment_text(hash, state, pages, text) "
                                     "VALUES (?1, ?2, ?3, ?4)"));
    stmt->bind(1, file.toBytes())
        .bind(2, static_cast<int>(text.state))
        .bind(3, text.pages)
        .bind(4, text.text);
    return stmt->exec();
}

Status AttachmentTextStore::prune()
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("DELETE FROM attachment_text WHERE NOT EXISTS "
                                                "(SELECT 1 FROM fulltext_attachment_files AS f "
                                                " WHERE f.hash = attachment_text.hash)"));
    return stmt->exec();
}

Result<std::vector<Unid>> AttachmentTextStore::waitingDocuments() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT documents.unid FROM fulltext_attachments AS a "
                                                "JOIN documents ON documents.id = a.doc_id "
                                                "WHERE a.waiting > 0 ORDER BY a.doc_id"));
    std::vector<Unid> unids;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            return unids;
        const std::optional<Unid> unid = Unid::fromBytes(stmt->blobView(0));
        if (!unid)
            return Status(ErrorCode::Corruption, QStringLiteral("a document has a malformed UNID"));
        unids.push_back(*unid);
    }
}

Result<std::int64_t> AttachmentTextStore::checkpoint() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT value FROM meta WHERE key = ?1"));
    stmt->bind(1, QString::fromLatin1(kCheckpointKey));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->int64(0) : std::int64_t(0);
}

Status AttachmentTextStore::setCheckpoint(std::int64_t seq)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)"));
    stmt->bind(1, QString::fromLatin1(kCheckpointKey)).bind(2, seq);
    return stmt->exec();
}

Result<AttachmentTextStore::Counts> AttachmentTextStore::counts() const
{
    Counts counts;
    SEN_ASSIGN_OR_RETURN(counts.files, m_db.queryInt("SELECT count(*) FROM attachment_text"));
    SEN_ASSIGN_OR_RETURN(counts.documents, m_db.queryInt("SELECT count(*) FROM fulltext_attachments"));
    return counts;
}

} // namespace sen
