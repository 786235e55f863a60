#include "common/store/DocumentTable.h"

#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"

#include <QCborArray>
#include <QCborValue>

namespace sen::store {

namespace {

#define SEN_DOCUMENT_COLUMNS "id, unid, form, parent, flags, versions, created, seq, items"
constexpr const char* kSelectByUnid = "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE unid = ?1";
// readRow()'s columns, then the change's modified time: a batch of the feed.
constexpr const char* kSelectChangesSince =
    "SELECT " SEN_DOCUMENT_COLUMNS ", modified FROM documents WHERE seq > ?1 ORDER BY seq LIMIT ?2";
constexpr const char* kSelectById = "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE id = ?1";
constexpr const char* kSelectChildren =
    "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE parent = ?1 ORDER BY id";
constexpr const char* kSelectAll = "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents ORDER BY unid";
// Documents of one form, in change-feed order (a scan of the rows that decodes only theirs).
constexpr const char* kSelectForm =
    "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE form = ?1 ORDER BY seq";
// The whole feed after a position (the view indexer's walk).
constexpr const char* kSelectSince =
    "SELECT " SEN_DOCUMENT_COLUMNS " FROM documents WHERE seq > ?1 ORDER BY seq";
#undef SEN_DOCUMENT_COLUMNS

QByteArrayView bytesOf(const Unid& unid)
{
    return QByteArrayView(reinterpret_cast<const char*>(unid.data()), Unid::size);
}

// A CBOR head (major type and argument) in its shortest form.
void appendHead(QByteArray& out, quint8 major, quint64 value)
{
    const auto type = static_cast<char>(major << 5);
    int bytes = 0;
    if (value < 24) {
        out.append(static_cast<char>(type | static_cast<char>(value)));
        return;
    }
    if (value <= 0xFF) {
        out.append(static_cast<char>(type | 24));
        bytes = 1;
    } else if (value <= 0xFFFF) {
        out.append(static_cast<char>(type | 25));
        bytes = 2;
    } else if (value <= 0xFFFFFFFFu) {
        out.append(static_cast<char>(type | 26));
        bytes = 4;
    } else {
        out.append(static_cast<char>(type | 27));
        bytes = 8;
    }
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
        out.append(static_cast<char>((value >> shift) & 0xFF));
}

// The version vector as stored: the bytes of encodeValue(versions.toCbor()), an array of
// [instance, counter] pairs, written directly. Every save stores one, and building the
// QCborArray cost more than all the rest of the row but its items. Debug builds check the
// bytes against the codec's.
QByteArray encodeVersions(const VersionVector& versions)
{
    QByteArray out;
    out.reserve(2 + static_cast<qsizetype>(versions.entries().size()) * 20);
    appendHead(out, 4, versions.entries().size());
    for (const auto& [instance, counter] : versions.entries()) {
        appendHead(out, 4, 2);
        appendHead(out, 2, InstanceId::size);
        out.append(reinterpret_cast<const char*>(instance.data()), InstanceId::size);
        const auto value = static_cast<qint64>(counter); // as toCbor() converts it
        if (value >= 0)
            appendHead(out, 0, static_cast<quint64>(value));
        else
            appendHead(out, 1, static_cast<quint64>(-1 - value));
    }
    Q_ASSERT(out == encodeValue(versions.toCbor()));
    return out;
}

} // namespace

Result<std::optional<StoredDocument>> DocumentTable::readRow(sql::SqlStatement& stmt, ItemsRead read,
                                                             const QStringList* only) const
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
            return Status(ErrorCode::Corruption,
                          QStringLiteral("document row %1 has a bad parent").arg(s.id));
        s.doc.parent = *parent;
    }
    s.doc.flags = static_cast<int>(stmt.int64(4));
    SEN_ASSIGN_OR_RETURN(s.doc.versions, decodeVersions(stmt.blobView(5)));
    s.created = static_cast<HlcTime>(stmt.int64(6));
    s.seq = stmt.int64(7);
    // A partial read decodes from the row's bytes in place: nobody gets them.
    if (read != ItemsRead::None && !only)
        s.items = stmt.blob(8);
    if (read == ItemsRead::Decoded) {
        auto items =
            only ? decodeItems(stmt.blobView(8), s.doc.versions, only) : decodeItems(s.items, s.doc.versions);
        if (!items)
            return items.status().withContext(QStringLiteral("document %1").arg(s.doc.unid.toHex()));
        s.doc.items = std::move(items).value();
    }
    return std::optional<StoredDocument>(std::move(s));
}

Result<std::optional<StoredDocument>> DocumentTable::find(const Unid& unid, ItemsRead read) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectByUnid));
    stmt->bind(1, bytesOf(unid));
    return readRow(*stmt, read);
}

Result<std::optional<StoredDocument>> DocumentTable::findById(std::int64_t id, ItemsRead read) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectById));
    stmt->bind(1, id);
    return readRow(*stmt, read);
}

Result<std::optional<std::int64_t>> DocumentTable::insertRow(const char* sql, const Document& doc,
                                                             const QByteArray& items, std::int64_t seq,
                                                             HlcTime created, HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(sql));
    stmt->bind(1, bytesOf(doc.unid)).bind(2, doc.form);
    if (doc.parent)
        stmt->bind(3, bytesOf(*doc.parent));
    else
        stmt->bindNull(3);
    stmt->bind(4, doc.flags)
        .bind(5, encodeVersions(doc.versions))
        .bind(6, items)
        .bind(7, created)
        .bind(8, modified)
        .bind(9, seq);
    SEN_TRY(stmt->exec());
    if (m_db.changes() == 0)
        return std::optional<std::int64_t>();
    const std::int64_t id = m_db.lastInsertRowId();
    SEN_TRY(m_chunkRefs.write(id, doc, false));
    return std::optional<std::int64_t>(id);
}

#define SEN_INSERT_DOCUMENT                                                                                  \
    "INSERT INTO documents(unid, form, parent, flags, versions, items, created, modified, seq) "             \
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"

Result<std::int64_t> DocumentTable::insert(const Document& doc, const QByteArray& items, std::int64_t seq,
                                           HlcTime created, HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> id,
                         insertRow(SEN_INSERT_DOCUMENT, doc, items, seq, created, modified));
    if (!id) // cannot happen: without ON CONFLICT a clash fails the statement
        return Status(ErrorCode::Internal,
                      QStringLiteral("document %1 was not inserted").arg(doc.unid.toHex()));
    return *id;
}

Result<std::optional<std::int64_t>> DocumentTable::insertIfAbsent(const Document& doc,
                                                                  const QByteArray& items, std::int64_t seq,
                                                                  HlcTime created, HlcTime modified)
{
    // DO NOTHING for the UNID only: a clash on seq is a bug and still fails.
    return insertRow(SEN_INSERT_DOCUMENT " ON CONFLICT(unid) DO NOTHING", doc, items, seq, created, modified);
}

#undef SEN_INSERT_DOCUMENT

Status DocumentTable::update(std::int64_t id, const Document& doc, const QByteArray& items, std::int64_t seq,
                             HlcTime modified)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("UPDATE documents SET flags = ?2, versions = ?3, items = ?4, "
                                                "modified = ?5, seq = ?6 WHERE id = ?1"));
    stmt->bind(1, id)
        .bind(2, doc.flags)
        .bind(3, encodeVersions(doc.versions))
        .bind(4, items)
        .bind(5, modified)
        .bind(6, seq);
    SEN_TRY(stmt->exec());
    return m_chunkRefs.write(id, doc, true);
}

Result<std::vector<Change>> DocumentTable::changesSince(std::int64_t since, int limit) const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt,
        m_db.cached("SELECT seq, unid, versions, flags, form, modified, length(items) FROM documents "
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
        c.itemsBytes = stmt->int64(6);
        changes.push_back(std::move(c));
    }
    return changes;
}

Result<std::vector<StoredChange>> DocumentTable::storedChangesSince(std::int64_t since, int limit) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached(kSelectChangesSince));
    stmt->bind(1, since).bind(2, limit);
    std::vector<StoredChange> changes;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto row, readRow(*stmt, ItemsRead::Bytes));
        if (!row)
            break;
        StoredChange c;
        c.change.seq = row->seq;
        c.change.unid = row->doc.unid;
        c.change.versions = row->doc.versions;
        c.change.deleted = row->doc.flags & Deleted;
        c.change.form = row->doc.form;
        c.change.modified = static_cast<HlcTime>(stmt->int64(9));
        c.change.itemsBytes = row->items.size();
        c.stored = std::move(*row);
        changes.push_back(std::move(c));
    }
    return changes;
}

Result<std::int64_t> DocumentTable::count(bool includeDeleted) const
{
    return m_db.queryInt(includeDeleted ? "SELECT count(*) FROM documents"
                                        : "SELECT count(*) FROM documents WHERE (flags & 1) = 0");
}

Status DocumentTable::forEachSince(std::int64_t since,
                                   const std::function<bool(const StoredDocument&)>& visit,
                                   const QStringList* only) const
{
    // A private statement (not the cache): `visit` may call back into this table.
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.prepare(kSelectSince));
    stmt.bind(1, since);
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto stored, readRow(stmt, ItemsRead::Decoded, only));
        if (!stored || !visit(*stored))
            return Status::ok();
    }
}

Status DocumentTable::forEachChild(const Unid& parent,
                                   const std::function<bool(const StoredDocument&)>& visit) const
{
    // A private statement (not the cache): `visit` may call back into this table.
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.prepare(kSelectChildren));
    stmt.bind(1, bytesOf(parent));
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto stored, readRow(stmt, ItemsRead::Decoded));
        if (!stored || !visit(*stored))
            return Status::ok();
    }
}

Status DocumentTable::forEachOfForm(const QString& form,
                                    const std::function<bool(const StoredDocument&)>& visit) const
{
    // A private statement (not the cache): `visit` may call back into this table.
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.prepare(kSelectForm));
    stmt.bind(1, form);
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto stored, readRow(stmt, ItemsRead::Decoded));
        if (!stored || !visit(*stored))
            return Status::ok();
    }
}

Status DocumentTable::forEach(const std::function<bool(const StoredDocument&)>& visit,
                              bool includeDeleted) const
{
    // A private statement (not the cache): `visit` may call back into this table.
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.prepare(kSelectAll));
    for (;;) {
        SEN_ASSIGN_OR_RETURN(auto stored, readRow(stmt, ItemsRead::Decoded));
        if (!stored)
            return Status::ok();
        if (stored->doc.isDeleted() && !includeDeleted)
            continue;
        if (!visit(*stored))
            return Status::ok();
    }
}

} // namespace sen::store
