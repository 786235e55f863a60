#pragma once

// The replica file's schema (docs/file-format.md): identification, version, and the ordered
// migrations that bring an older file up to date. Internal to common/.

#include "core/Result.h"

namespace sen::sql {
class SqlDatabase;
}

namespace sen::schema {

// PRAGMA application_id of every Sen replica: "SEN1".
constexpr std::int32_t kApplicationId = 0x53454E31;
// PRAGMA user_version written by this build. Bump it and append a migration to change the schema.
constexpr int kVersion = 1;

// Creates the schema of a new, empty file (in one transaction, journal mode still DELETE so
// identification lands in the main file at once).
Status createFresh(sql::SqlDatabase& db);

// Runs the migrations from `fromVersion` (>= 1) up to kVersion, each in its own transaction.
Status migrate(sql::SqlDatabase& db, int fromVersion);

} // namespace sen::schema
