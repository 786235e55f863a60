#pragma once

// Maps SQLite result codes onto Sen's error codes. Internal to common/.

#include "common/core/Result.h"

struct sqlite3;

namespace sen::sql {

ErrorCode errorCodeFromSqlite(int rc);
// A Status carrying the mapped code and SQLite's own message for `db` (or for `rc` alone).
Status statusFromSqlite(sqlite3* db, int rc, const char* what);

} // namespace sen::sql
