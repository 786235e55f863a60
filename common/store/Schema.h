#pragma once

// The replica file's schema (docs/file-format.md): identification, version, and the ordered
// migrations that bring an older file up to date. Internal to common/.

#include "common/core/Result.h"

namespace sen::sql {
class SqlDatabase;
}

namespace sen::schema {

// PRAGMA application_id of every Sen replica: "SEN1".
constexpr std::int32_t kApplicationId = 0x53454E31;
// PRAGMA user_version written by this build. Bump it and append a migration to change the schema.
// 2: stub_readers, who could read the live version a deletion stub replaced (created empty).
// 3: the chunk index (chunk_refs), built from the documents when an older file is opened.
// 4: register_numbers, the numbers a server gave in its registers (created empty).
// 5: documents_by_form, the index of documents by form (Schema.cpp).
// 6: the text of attachment files for the full-text index (attachment_text and the tables
//    saying what each document's index entry holds, created empty; fts/AttachmentTextStore.h).
// 7: the workflow index (workflow_index, workflow_names; workflow/WorkflowIndex.h), created
//    empty: the client's WorkflowIndexer builds it on first use (no checkpoint yet).
constexpr int kVersion = 7;
// The page size of new files. Any size SQLite supports is read; 8 KiB rather than SQLite's
// 4 KiB because a save writes each page it touches twice (WAL, then checkpoint), one system
// call each: batched saves of ~1 KB documents ran ~10% faster, single saves ~15% slower
// (bench/StoreBench.cpp; 16 KiB gained little more in batches and lost a third in singles).
constexpr int kPageSize = 8192;

// Creates the schema of a new, empty file (in one transaction, journal mode still DELETE so
// identification lands in the main file at once).
Status createFresh(sql::SqlDatabase& db);

// Runs the migrations from `fromVersion` (>= 1) up to kVersion, each in its own transaction.
Status migrate(sql::SqlDatabase& db, int fromVersion);

} // namespace sen::schema
