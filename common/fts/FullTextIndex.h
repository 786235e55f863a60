#pragma once

// The full-text index of one replica (DESIGN §5): an FTS5 table in the replica file, kept in
// the same transaction as the save that changes a document, with Vietnamese folding so
// "dang uy" finds "Đảng ủy" and "Dang Uy" (see SenTokenizer.h).
//
// Owned by ReplicaStore; uses its connection and thread.

#include "core/Ids.h"
#include "core/Result.h"

#include <QString>

#include <vector>

namespace sen {
struct Document;
namespace sql {
class SqlDatabase;
}

struct SearchHit
{
    std::int64_t docId = 0; // the local row id of the document
    Unid unid;
    double rank = 0;  // bm25: lower is better
    QString snippet;  // matched terms wrapped in the markers below, with "…" at cuts
};

struct SearchOptions
{
    int limit = 50;
    int offset = 0;
    QString highlightOpen = QStringLiteral("[");
    QString highlightClose = QStringLiteral("]");
};

class FullTextIndex
{
public:
    explicit FullTextIndex(sql::SqlDatabase& db) : m_db(db) {}

    // The DDL of the index table (run by the schema migration, after the tokenizer is
    // registered on the connection).
    static const char* createTableSql();

    // Replaces the indexed text of document `docId` with the text of `doc`'s live items of
    // text, text list, names and rich text types (rich text stripped of markup). A deleted
    // document is removed from the index. Must run inside the caller's transaction.
    Status index(std::int64_t docId, const Document& doc);
    Status remove(std::int64_t docId);

    // Runs a user query: words are matched as prefixes, diacritics and case ignored, all
    // words required; quotes keep a phrase. Results are ranked best first. A query with no
    // words returns no hits; query syntax is never passed to FTS5 raw, so no user input can
    // make it fail with a syntax error.
    Result<std::vector<SearchHit>> search(const QString& query, const SearchOptions& options = {}) const;

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen
