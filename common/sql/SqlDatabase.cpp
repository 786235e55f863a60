#include "common/sql/SqlDatabase.h"

#include "common/sql/SqlError.h"

#include <cstring>
#include <sqlite3.h>

namespace sen::sql {

namespace {

// Process-wide settings, before SQLite initialises itself on the first open. Memory
// statistics take a global mutex on every allocation SQLite makes (about 3 % of a
// replication pull, most of it in FTS5); Sen never reads them. When something else in the
// process initialised SQLite first, sqlite3_config() refuses and nothing changes.
void configureSqliteOnce()
{
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
}

} // namespace

Result<std::unique_ptr<SqlDatabase>> SqlDatabase::open(const QString& path, const OpenOptions& options)
{
    configureSqliteOnce();
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly)
        flags |= SQLITE_OPEN_CREATE;
    // Each connection is used by one thread at a time; the full mutex would only cost time.
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;

    sqlite3* db = nullptr;
    const QByteArray utf8Path = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8Path.constData(), &db, flags,
                                   options.vfs.isEmpty() ? nullptr : options.vfs.constData());
    if (rc != SQLITE_OK) {
        Status status = statusFromSqlite(db, rc, "open");
        sqlite3_close_v2(db);
        return status;
    }
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<SqlDatabase>(new SqlDatabase(db, path));
}

SqlDatabase::SqlDatabase(sqlite3* db, QString path) : m_db(db), m_path(std::move(path))
{
    // SQLite's hooks see every end of a transaction, including ROLLBACK run by SQLite itself
    // (e.g. after SQLITE_FULL) and transactions begun without SqlTransaction.
    const auto count = [](void* self) {
        ++static_cast<SqlDatabase*>(self)->m_transactionSerial;
        return 0; // let the commit go ahead
    };
    sqlite3_commit_hook(m_db, count, this);
    sqlite3_rollback_hook(
        m_db, [](void* self) { ++static_cast<SqlDatabase*>(self)->m_transactionSerial; }, this);
}

SqlDatabase::~SqlDatabase()
{
    m_cache.clear(); // finalize before close
    sqlite3_close_v2(m_db);
}

Status SqlDatabase::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc == SQLITE_OK)
        return Status::ok();
    Status status(errorCodeFromSqlite(rc),
                  QStringLiteral("exec: ") + QString::fromUtf8(error ? error : sqlite3_errstr(rc)));
    sqlite3_free(error);
    return status;
}

Result<SqlStatement> SqlDatabase::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return statusFromSqlite(m_db, rc, "prepare");
    return SqlStatement(m_db, stmt);
}

Result<SqlDatabase::Cached> SqlDatabase::cached(const char* sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        Result<SqlStatement> stmt = prepare(sql);
        if (!stmt)
            return stmt.status();
        it = m_cache.insert(sql, std::make_shared<SqlStatement>(std::move(stmt).value()));
    }
    // A key that is not a string literal can come back at the address of another query: the
    // wrong statement would run. Debug builds (the asan preset among them) catch it here.
    Q_ASSERT_X(std::strcmp(sqlite3_sql(it.value()->handle()), sql) == 0, "SqlDatabase::cached",
               "the SQL must be a string literal (its address is the cache key)");
    return Cached(it.value().get());
}

Result<std::int64_t> SqlDatabase::queryInt(const char* sql)
{
    SEN_ASSIGN_OR_RETURN(SqlStatement stmt, prepare(sql));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt.step());
    if (!row)
        return Status(ErrorCode::NotFound, QStringLiteral("query returned no row"));
    return stmt.int64(0);
}

std::int64_t SqlDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqlDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

std::int64_t SqlDatabase::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

bool SqlDatabase::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace sen::sql
