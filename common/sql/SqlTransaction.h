#pragma once

// A transaction guard that rolls back unless committed. Outside a transaction it runs
// BEGIN IMMEDIATE (so a writer never fails half way on a lock upgrade); inside one it uses a
// SAVEPOINT, so a unit of work nested in a caller's batch still rolls back whole.

#include "sql/SqlDatabase.h"

namespace sen::sql {

class SqlTransaction
{
public:
    explicit SqlTransaction(SqlDatabase& db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    // Whether BEGIN (or SAVEPOINT) succeeded; check before doing work.
    const Status& beginStatus() const { return m_begin; }
    // Commits (or releases the savepoint). On failure the work is rolled back.
    Status commit();
    // True when this guard opened the outermost transaction.
    bool isOutermost() const { return !m_nested; }

private:
    void rollback();
    SqlDatabase& m_db;
    Status m_begin;
    bool m_nested = false;
    bool m_done = false;
};

} // namespace sen::sql
