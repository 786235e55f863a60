#pragma once

// A transaction guard that rolls back unless committed.
//
// Outside a transaction it runs BEGIN IMMEDIATE (so a writer never fails half way on a lock
// upgrade). Inside one it *joins* it: its commit() is a no-op, and if it ends uncommitted
// after writing anything, the enclosing transaction becomes rollback-only — the outermost
// commit() then rolls everything back and fails with Cancelled. A nested unit that fails
// before writing leaves the enclosing transaction untouched.
//
// Nested units deliberately do not use SAVEPOINTs: FTS5 flushes its pending index to disk on
// every savepoint, which made batched saves several times slower and fragmented the index.

#include "common/sql/SqlDatabase.h"

namespace sen::sql {

class SqlTransaction
{
public:
    explicit SqlTransaction(SqlDatabase& db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    // Whether BEGIN succeeded; check before doing work.
    const Status& beginStatus() const { return m_begin; }
    // Commits (outermost) or marks this unit done (nested). On failure the work is rolled back.
    Status commit();
    // True when this guard opened the outermost transaction.
    bool isOutermost() const { return !m_nested; }

private:
    void rollback();
    SqlDatabase& m_db;
    Status m_begin;
    bool m_nested = false;
    bool m_done = false;
    std::int64_t m_changesAtBegin = 0;
};

} // namespace sen::sql
