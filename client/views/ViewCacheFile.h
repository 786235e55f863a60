#pragma once

// The view cache file next to a replica (docs/views.md): `replicas/<name>.views`, a SQLite
// file of its own holding the view indexes and the read marks. Local to the PC, never
// replicated; deleting it costs only a rebuild (and the read marks).
//
// Schema (version kVersion, application id "SENV"):
//   meta(key, value)            replica_id, replica_created, docs_seq
//   docs(id, unid, seq, deleted, read)        every document the index has seen
//   views(id, tab, hash, seq, indexed)        one row per view: its table v<tab>, the hash of
//                                             the definition it was built for, the feed
//                                             position it covers, whether its SQL indexes exist
//   fields(id, item, kind)                    each item shown as a kind in some view
//   display(doc, f<id>, ...)                  per document any view selects: the shown text
//                                             of each field, once for all views
//   v<tab>(doc, unid, parent, conflict, s0, s1, ...)   one row per selected document: the
//                                             sort keys (NULL for a column that does not sort)
//
// Connections: WAL, so one writer (ViewIndex) and any number of readers (ViewQuery,
// ReadMarks), each with its own connection, work at once.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace sen::sql {
class SqlDatabase;
}

namespace sen::views {

class ViewCacheFile
{
public:
    static constexpr std::int32_t kApplicationId = 0x53454E56; // "SENV"
    static constexpr int kVersion = 2; // 2: shown text in `display`, once per document

    // "<dir>/<name>.views" for "<dir>/<name>.sen".
    static QString pathFor(const QString& replicaPath);

    // Opens the cache for the indexer, creating it when missing. A file that is not a view
    // cache of this version (foreign, damaged header, other version) is deleted and made
    // anew: it is only a cache.
    // `vfs`: a registered SQLite VFS name (tests: "sen-fault"), empty for the default.
    static Result<std::unique_ptr<sql::SqlDatabase>> openForWriting(const QString& path,
                                                                    const QByteArray& vfs = {});
    // Opens an existing cache for a reader: NotFound when there is none, Corruption when the
    // file is not a view cache of this version. Never modifies the file's schema.
    static Result<std::unique_ptr<sql::SqlDatabase>> openForReading(const QString& path);
    // Deletes the file and its WAL and shared-memory files.
    static Status remove(const QString& path);

    // The table of a view: "v<tab>".
    static QByteArray tableName(std::int64_t tab);

private:
    static Status configure(sql::SqlDatabase& db);
    static Status createSchema(sql::SqlDatabase& db);
    static Status checkHeader(const QString& path);
};

} // namespace sen::views
