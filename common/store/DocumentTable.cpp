#include "store/DocumentTable.h"

#include "model/DocumentCodec.h"
#include "sql/SqlDatabase.h"

#include <QCborArray>
#include <QCborValue>

#include <algorithm>

namespace sen::store {

namespace {

constexpr const char* kSelectByUnid =
    "SELECT id, unid, form, parent, flags, versions, created, seq FROM documents WHERE unid = ?1";
constexpr const char* kSelectById =
    "SELECT id, unid, form, parent, flags, versions, created, seq FROM documents WHERE id = ?1";

Result<VersionVector> decodeVersions(QByteArrayView bytes)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, decodeValue(bytes));
    if (!value.isArray())
        return Status(ErrorCode::Corruption, QStringLiteral("stored version vector is not an array"));
    return VersionVector::fromCbor(value.toArray());
}

} // namespace

Result<std::optional<StoredDocument>> DocumentTable::readHeader(sql::SqlStatement& stmt) const
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
    return std::optional<StoredDocument>(std::move(s));
}

Status DocumentTable::loadItems(StoredDocument& stored) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT name, type, flags, value, stamp_instance, stamp_counter, stamp_time "
                                     "FROM items WHERE doc = ?1"));
    stmt->bind(1, stored.id);
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        Item item;
        item.name = stmt->text(0);
        const auto type = stmt->int64(1);
        if (!isValidItemType(static_cast<int>(type)))
            return Status(ErrorCode::Corruption, QStringLiteral("item %1 has unknown type %2").arg(item.name).arg(type));
        item.type = static_cast<ItemType>(type);
        item.flags = static_cast<int>(stmt->int64(2));
        if (!stmt->isNull(3)) {
            SEN_ASSIGN_OR_RETURN(item.value, decodeValue(stmt->blobView(3)));
        }
        const auto instance = InstanceId::fromBytes(stmt->blobView(4));
        if (!instance)
            return Status(ErrorCode::Corruption, QStringLiteral("item %1 has a bad stamp").arg(item.name));
        item.stamp = {Dot{*instance, static_cast<std::uint64_t>(stmt->int64(5))}, static_cast<HlcTime>(stmt->int64(6))};
        stored.doc.items.push_back(std::move(item));
    }
    // SQLite orders TEXT by UTF-8 bytes, QString by UTF-16 units: sort here, the one order.
    std::sort(stored.doc.items.begin(), stored.doc.items.end(),
              [](const Item& a, const Item& b) { return a.name < b.name; });
    return Status::ok();
}

Result<std::optional<StoredDocument>> DocumentTable::find(const Unid& unid, bool withItems) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectByUnid));
    stmt->bind(1, QByteArrayView(reinterpret_cast<const char*>(unid.data()), Unid::size));
    SEN_ASSIGN_OR_RETURN(auto stored, readHeader(*stmt));
    if (stored && withItems)
        SEN_TRY(loadItems(*stored));
    return stored;
}

Result<std::optional<StoredDocument>> DocumentTable::findById(std::int64_t id, bool withItems) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectById));
    stmt->bind(1, id);
    SEN_ASSIGN_OR_RETURN(auto stored, readHeader(*stmt));
    if (stored && withItems)
        SEN_TRY(loadItems(*stored));
    return stored;
}

Result<std::int64_t> DocumentTable::insertHeader(const Document& doc, std::int64_t seq, HlcTime created,
                                                 HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT INTO documents(unid, form, parent, flags, versions, "
                                                "created, modified, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    stmt->bind(1, doc.unid.toBytes()).bind(2, doc.form);
    if (doc.parent)
        stmt->bind(3, doc.parent->toBytes());
    else
        stmt->bindNull(3);
    stmt->bind(4, doc.flags)
        .bind(5, encodeValue(doc.versions.toCbor()))
        .bind(6, static_cast<std::int64_t>(created))
        .bind(7, static_cast<std::int64_t>(modified))
        .bind(8, seq);
    SEN_TRY(stmt->exec());
    return m_db.lastInsertRowId();
}

Status DocumentTable::updateHeader(std::int64_t id, const Document& doc, std::int64_t seq, HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("UPDATE documents SET flags = ?2, versions = ?3, modified = ?4, "
                                                "seq = ?5 WHERE id = ?1"));
    stmt->bind(1, id)
        .bind(2, doc.flags)
        .bind(3, encodeValue(doc.versions.toCbor()))
        .bind(4, static_cast<std::int64_t>(modified))
        .bind(5, seq);
    return stmt->exec();
}

Status DocumentTable::putItem(std::int64_t id, const Item& item)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("INSERT OR REPLACE INTO items(doc, name, type, flags, value, stamp_instance, "
                                     "stamp_counter, stamp_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    stmt->bind(1, id).bind(2, item.name).bind(3, static_cast<int>(item.type)).bind(4, item.flags);
    if (item.isTombstone())
        stmt->bindNull(5);
    else
        stmt->bind(5, encodeValue(item.value));
    stmt->bind(6, item.stamp.dot.instance.toBytes())
        .bind(7, item.stamp.dot.counter)
        .bind(8, static_cast<std::int64_t>(item.stamp.time));
    return stmt->exec();
}

Status DocumentTable::deleteItems(std::int64_t id)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("DELETE FROM items WHERE doc = ?1"));
    stmt->bind(1, id);
    return stmt->exec();
}

Result<std::vector<Change>> DocumentTable::changesSince(std::int64_t since, int limit) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT seq, unid, versions, flags FROM documents "
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
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.prepare("SELECT id, unid, form, parent, flags, versions, created, seq "
                                                 "FROM documents ORDER BY unid"));
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto stored, readHeader(stmt));
        if (!stored)
            return Status::ok();
        if (stored->doc.isDeleted() && !includeDeleted)
            continue;
        SEN_TRY(loadItems(*stored));
        if (!visit(*stored))
            return Status::ok();
    }
}

} // namespace sen::store
