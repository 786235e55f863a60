#include "common/sql/SqlError.h"

#include <sqlite3.h>

namespace sen::sql {

ErrorCode errorCodeFromSqlite(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return ErrorCode::Ok;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        return ErrorCode::Corruption;
    case SQLITE_FULL:
        return ErrorCode::DiskFull;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
        return ErrorCode::IoError;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::Busy;
    case SQLITE_CONSTRAINT:
        return ErrorCode::Conflict;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return ErrorCode::PermissionDenied;
    case SQLITE_NOTFOUND:
        return ErrorCode::NotFound;
    case SQLITE_INTERRUPT:
    case SQLITE_ABORT:
        return ErrorCode::Cancelled;
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
        return ErrorCode::InvalidArgument;
    default:
        return ErrorCode::Internal;
    }
}

Status statusFromSqlite(sqlite3* db, int rc, const char* what)
{
    // sqlite3_errmsg describes the most recent failure on the connection; when the caller's rc
    // is not that failure (e.g. a bind), fall back to the generic text of rc.
    const char* message =
        (db && sqlite3_extended_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return Status(errorCodeFromSqlite(rc),
                  QString::fromLatin1(what) + QStringLiteral(": ") + QString::fromUtf8(message));
}

} // namespace sen::sql
