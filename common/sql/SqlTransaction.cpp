#include "sql/SqlTransaction.h"

namespace sen::sql {

SqlTransaction::SqlTransaction(SqlDatabase& db) : m_db(db), m_nested(db.inTransaction())
{
    m_begin = m_db.exec(m_nested ? "SAVEPOINT sen_unit" : "BEGIN IMMEDIATE");
    if (!m_begin.isOk())
        m_done = true;
}

SqlTransaction::~SqlTransaction()
{
    if (!m_done)
        rollback();
}

Status SqlTransaction::commit()
{
    if (m_done)
        return m_begin.isOk() ? Status(ErrorCode::Internal, QStringLiteral("transaction already finished")) : m_begin;
    Status status = m_db.exec(m_nested ? "RELEASE sen_unit" : "COMMIT");
    if (!status.isOk()) {
        rollback();
        return status;
    }
    m_done = true;
    return status;
}

void SqlTransaction::rollback()
{
    m_done = true;
    if (m_nested) {
        // ROLLBACK TO keeps the savepoint open; RELEASE ends it with nothing in it.
        (void)m_db.exec("ROLLBACK TO sen_unit; RELEASE sen_unit");
    } else if (m_db.inTransaction()) {
        // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
        (void)m_db.exec("ROLLBACK");
    }
}

} // namespace sen::sql
