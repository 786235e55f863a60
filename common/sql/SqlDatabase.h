#pragma once

// One SQLite connection, RAII. Pragmas are set explicitly by the caller (see ReplicaStore);
// this layer only opens, prepares, caches statements and reports errors as Status.
// Not thread-safe: use a connection from one thread at a time.

#include "common/sql/SqlStatement.h"

#include <QHash>
#include <QString>

#include <memory>

struct sqlite3;

namespace sen::sql {

class SqlDatabase
{
public:
    struct OpenOptions
    {
        bool readOnly = false;
        bool create = false;
        // Name of a registered SQLite VFS (e.g. the fault-injecting one); empty for the default.
        QByteArray vfs;
    };

    static Result<std::unique_ptr<SqlDatabase>> open(const QString& path, const OpenOptions& options);
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase&) = delete;
    SqlDatabase& operator=(const SqlDatabase&) = delete;

    // Runs one or more statements that return no rows we need.
    Status exec(const char* sql);
    // Prepares a statement owned by the caller.
    Result<SqlStatement> prepare(const char* sql);

    // A statement prepared once per connection and reused. The handle resets the statement
    // (and clears its binds) when it goes out of scope.
    class Cached
    {
    public:
        explicit Cached(SqlStatement* s) : m_s(s) {}
        ~Cached()
        {
            if (m_s)
                m_s->reset();
        }
        Cached(Cached&& o) noexcept : m_s(std::exchange(o.m_s, nullptr)) {}
        Cached(const Cached&) = delete;
        Cached& operator=(const Cached&) = delete;
        SqlStatement* operator->() const { return m_s; }
        SqlStatement& operator*() const { return *m_s; }

    private:
        SqlStatement* m_s;
    };
    // `sql` must be a string literal (its address is the cache key).
    Result<Cached> cached(const char* sql);

    // The first column of the first row as an integer (for PRAGMAs and COUNTs).
    Result<std::int64_t> queryInt(const char* sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // Rows changed by every statement since the connection opened.
    std::int64_t totalChanges() const;
    bool inTransaction() const;
    // Changes each time a transaction on this connection ends (commit or rollback, however
    // begun). A value read inside a write transaction stays current while this number is
    // unchanged and inTransaction() holds: no other connection can write before it ends.
    // Counted by the connection's commit and rollback hooks: do not install others.
    std::uint64_t transactionSerial() const { return m_transactionSerial; }

    // Set by a nested unit of work that wrote and then failed: the enclosing transaction
    // may only roll back (see SqlTransaction).
    void markRollbackOnly() { m_rollbackOnly = true; }
    bool isRollbackOnly() const { return m_rollbackOnly; }
    void clearRollbackOnly() { m_rollbackOnly = false; }

    sqlite3* handle() const { return m_db; }
    const QString& path() const { return m_path; }

private:
    SqlDatabase(sqlite3* db, QString path);
    sqlite3* m_db;
    QString m_path;
    QHash<const char*, std::shared_ptr<SqlStatement>> m_cache;
    bool m_rollbackOnly = false;
    std::uint64_t m_transactionSerial = 0;
};

} // namespace sen::sql
