#include "store/DocumentTable.h"

#include "model/DocumentCodec.h"
#include "sql/SqlDatabase.h"

#include <QCborArray>
#include <QCborValue>

namespace sen::store {

namespace {

#define SEN_DOCUMENT_COLUMNS "id, unid, form, parent, flags, versions, created, seq, items"
constexpr const char* kSelectByUnid = "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE unid = ?1";
constexpr const char* kSelectById = "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE id = ?1";
constexpr const char* kSelectAll = "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents ORDER BY unid";
#undef SEN_DOCUMENT_COLUMNS

Result<VersionVector> decodeVersions(QByteArrayView bytes)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, decodeValue(bytes));
    if (!value.isArray())
        return Status(ErrorCode::Corruption, QStringLiteral("stored version vector is not an array"));
    return VersionVector::fromCbor(value.toArray());
}

QByteArrayView bytesOf(const Unid& unid)
{
    return QByteArrayView(reinterpret_cast<const char*>(unid.data()), Unid::size);
}

} // namespace

Result<std::optional<StoredDocument>> DocumentTable::readRow(sql::SqlStatement& stmt, bool withItems) const
{
    SEN_ASSIGN_OR_RETURN(const bool row, stmt.step());
    if (!row)
        return std::optional<StoredDocument>();
    StoredDocument s;
    s.id = stmt.int64(0);
    const auto unid = Unid::fromBytes(stmt.blobView(1));
    if (!unid)
        return Status(ErrorCode::Corruption, QStringLiteral("document row %1 has a bad UNID").arg(s.id));
    s.doc.unid = *unid;
    s.doc.form = stmt.text(2);
    if (!stmt.isNull(3)) {
        const auto parent = Unid::fromBytes(stmt.blobView(3));
        if (!parent)
            return Status(ErrorCode::Corruption, QStringLiteral("document row %1 has a bad parent").arg(s.id));
        s.doc.parent = *parent;
    }
    s.doc.flags = static_cast<int>(stmt.int64(4));
    SEN_ASSIGN_OR_RETURN(s.doc.versions, decodeVersions(stmt.blobView(5)));
    s.created = static_cast<HlcTime>(stmt.int64(6));
    s.seq = stmt.int64(7);
    if (withItems) {
        auto items = decodeItems(stmt.blobView(8), s.doc.versions);
        if (!items)
            return items.status().withContext(QStringLiteral("document %1").arg(s.doc.unid.toHex()));
        s.doc.items = std::move(items).value();
    }
    return std::optional<StoredDocument>(std::move(s));
}

Result<std::optional<StoredDocument>> DocumentTable::find(const Unid& unid, bool withItems) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectByUnid));
    stmt->bind(1, bytesOf(unid));
    return readRow(*stmt, withItems);
}

Result<std::optional<StoredDocument>> DocumentTable::findById(std::int64_t id, bool withItems) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectById));
    stmt->bind(1, id);
    return readRow(*stmt, withItems);
}

Result<std::int64_t> DocumentTable::insert(const Document& doc, std::int64_t seq, HlcTime created, HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT INTO documents(unid, form, parent, flags, versions, items, "
                                                "created, modified, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    stmt->bind(1, bytesOf(doc.unid)).bind(2, doc.form);
    if (doc.parent)
        stmt->bind(3, bytesOf(*doc.parent));
    else
        stmt->bindNull(3);
    stmt->bind(4, doc.flags)
        .bind(5, encodeValue(doc.versions.toCbor()))
        .bind(6, encodeItems(doc.items))
        .bind(7, created)
        .bind(8, modified)
        .bind(9, seq);
    SEN_TRY(stmt->exec());
    return m_db.lastInsertRowId();
}

Status DocumentTable::update(std::int64_t id, const Document& doc, std::int64_t seq, HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("UPDATE documents SET flags = ?2, versions = ?3, items = ?4, "
                                                "modified = ?5, seq = ?6 WHERE id = ?1"));
    stmt->bind(1, id)
        .bind(2, doc.flags)
        .bind(3, encodeValue(doc.versions.toCbor()))
        .bind(4, encodeItems(doc.items))
        .bind(5, modified)
        .bind(6, seq);
    return stmt->exec();
}

Result<std::vector<Change>> DocumentTable::changesSince(std::int64_t since, int limit) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT seq, unid, versions, flags, form, modified FROM documents "
                                                "WHERE seq > ?1 ORDER BY seq LIMIT ?2"));
    stmt->bind(1, since).bind(2, limit);
    std::vector<Change> changes;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        Change c;
        c.seq = stmt->int64(0);
        const auto unid = Unid::fromBytes(stmt->blobView(1));
        if (!unid)
            return Status(ErrorCode::Corruption, QStringLiteral("change %1 has a bad UNID").arg(c.seq));
        c.unid = *unid;
        SEN_ASSIGN_OR_RETURN(c.versions, decodeVersions(stmt->blobView(2)));
        c.deleted = stmt->int64(3) & Deleted;
        c.form = stmt->text(4);
        c.modified = static_cast<HlcTime>(stmt->int64(5));
        changes.push_back(std::move(c));
    }
    return changes;
}

Result<std::int64_t> DocumentTable::count(bool includeDeleted) const
{
    return m_db.queryInt(includeDeleted ? "SELECT count(*) FROM documents"
                                        : "SELECT count(*) FROM documents WHERE (flags & 1) = 0");
}

Status DocumentTable::forEach(const std::function<bool(const StoredDocument&)>& visit, bool includeDeleted) const
{
    // A private statement (not the cache): `visit` may call back into this table.
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.prepare(kSelectAll));
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto stored, readRow(stmt, true));
        if (!stored)
            return Status::ok();
        if (stored->doc.isDeleted() && !includeDeleted)
            continue;
        if (!visit(*stored))
            return Status::ok();
    }
}

} // namespace sen::store
