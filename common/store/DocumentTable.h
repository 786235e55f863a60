#pragma once

// Row-level reads and writes of documents on a replica connection (one row per document,
// its items in one canonical CBOR blob), and with each row write the chunk index of what it
// references (ChunkRefs). No policy: it
// neither assigns stamps nor opens transactions (ReplicaStore does both). Internal to common/.

#include "common/core/Result.h"
#include "common/model/Document.h"
#include "common/store/ChunkRefs.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace sen::sql {
class SqlDatabase;
class SqlStatement;
} // namespace sen::sql

namespace sen::store {

// How much of a row's items a read returns.
enum class ItemsRead
{
    None,    // neither bytes nor items: the header (form, parent, flags, vector) only
    Bytes,   // StoredDocument::items only, as stored (canonical CBOR), not decoded
    Decoded, // both the bytes and doc.items
};

struct StoredDocument
{
    std::int64_t id = 0; // local row id
    std::int64_t seq = 0;
    HlcTime created = 0;
    Document doc;
    QByteArray items; // the row's items as stored (encodeItems), unless read with ItemsRead::None
};

// One entry of the change feed.
struct Change
{
    std::int64_t seq = 0;
    Unid unid;
    VersionVector versions;
    bool deleted = false;
    QString form;          // for selective replication by form
    HlcTime modified = 0;  // for selective replication by age
    qint64 itemsBytes = 0; // the size of the row's items as stored: what sending it costs
};

// A change-feed entry with its row, items as stored (ItemsRead::Bytes): for sending every
// change of a batch whole without looking each document up again.
struct StoredChange
{
    Change change;
    StoredDocument stored;
};

class DocumentTable
{
public:
    explicit DocumentTable(sql::SqlDatabase& db) : m_db(db), m_chunkRefs(db) {}

    // The document (or nullopt), with as much of its items as `read` asks for.
    Result<std::optional<StoredDocument>> find(const Unid& unid, ItemsRead read = ItemsRead::Decoded) const;
    Result<std::optional<StoredDocument>> findById(std::int64_t id,
                                                   ItemsRead read = ItemsRead::Decoded) const;

    // `items` is encodeItems(doc.items), encoded once by the caller, who indexes the same bytes.
    // Inserts a document row (header and items) and returns the new row id.
    Result<std::int64_t> insert(const Document& doc, const QByteArray& items, std::int64_t seq,
                                HlcTime created, HlcTime modified);
    // The same, unless a row with the document's UNID exists: then nullopt, and nothing is
    // written (one index probe instead of a lookup before the insert).
    Result<std::optional<std::int64_t>> insertIfAbsent(const Document& doc, const QByteArray& items,
                                                       std::int64_t seq, HlcTime created, HlcTime modified);
    // Rewrites a document row; the form and parent never change.
    Status update(std::int64_t id, const Document& doc, const QByteArray& items, std::int64_t seq,
                  HlcTime modified);

    // Up to `limit` changes with seq > `since`, in seq order.
    Result<std::vector<Change>> changesSince(std::int64_t since, int limit) const;
    // The same, each with its whole row, read in the same range scan.
    Result<std::vector<StoredChange>> storedChangesSince(std::int64_t since, int limit) const;
    Result<std::int64_t> count(bool includeDeleted) const;

    // Calls `visit` for every document with seq > `since` (stubs included), in seq order,
    // items decoded, until it returns false. With `only` (sorted item names), only those
    // items' values are decoded (decodeItems) and StoredDocument::items stays empty.
    Status forEachSince(std::int64_t since, const std::function<bool(const StoredDocument&)>& visit,
                        const QStringList* only = nullptr) const;

    // Calls `visit` for every document whose parent is `parent` (stubs included), in row
    // order, items decoded, until it returns false: a range of the index documents_by_parent.
    Status forEachChild(const Unid& parent, const std::function<bool(const StoredDocument&)>& visit) const;
    // Calls `visit` for every document in UNID order until it returns false.
    Status forEach(const std::function<bool(const StoredDocument&)>& visit, bool includeDeleted) const;
    // Every row of `form` (stubs included), in change-feed order, until `visit` returns false.
    Status forEachOfForm(const QString& form, const std::function<bool(const StoredDocument&)>& visit) const;

private:
    Result<std::optional<StoredDocument>> readRow(sql::SqlStatement& stmt, ItemsRead read,
                                                  const QStringList* only = nullptr) const;
    Result<std::optional<std::int64_t>> insertRow(const char* sql, const Document& doc,
                                                  const QByteArray& items, std::int64_t seq, HlcTime created,
                                                  HlcTime modified);
    sql::SqlDatabase& m_db;
    ChunkRefs m_chunkRefs;
};

} // namespace sen::store
