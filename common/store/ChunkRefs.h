#pragma once

// The chunk index of a replica (docs/file-format.md, table chunk_refs): for each attachment
// chunk, the live documents whose attachment items name it. It answers "who may receive this
// chunk?" — a server serves a chunk only to a peer that may read one of those documents
// (docs/access-control.md) — without decoding every document.
//
// Written by DocumentTable on every insert and update of a document row, in the caller's
// transaction, so it never disagrees with the rows; a row's deletion takes its entries with
// it (a trigger of the schema). A deletion stub and a tombstoned attachment reference nothing.
// Internal to common/.

#include "common/core/Result.h"
#include "common/crypto/Sha256.h"
#include "common/model/Document.h"

#include <vector>

namespace sen::sql {
class SqlDatabase;
}

namespace sen::store {

class ChunkRefs
{
public:
    explicit ChunkRefs(sql::SqlDatabase& db) : m_db(db) {}

    // The DDL of the index (schema version 2).
    static const char* createTableSql();

    // The chunks `doc` references: those of its live attachment items, none for a stub;
    // duplicates possible. Corruption when an attachment item's value is malformed.
    static Result<std::vector<crypto::Sha256Digest>> chunksOf(const Document& doc);

    // Records what row `docId` (holding `doc`) references; with `replace`, first forgets what it
    // referenced before (an updated row).
    Status write(std::int64_t docId, const Document& doc, bool replace);

    // The row ids of the live documents that reference `hash`, in id order.
    Result<std::vector<std::int64_t>> documentsReferencing(const crypto::Sha256Digest& hash) const;

    // Fills the index from every row (the migration to version 2).
    Status rebuild();

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen::store
