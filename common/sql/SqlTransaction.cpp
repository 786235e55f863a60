#include "common/sql/SqlTransaction.h"

namespace sen::sql {

SqlTransaction::SqlTransaction(SqlDatabase& db) : m_db(db), m_nested(db.inTransaction())
{
    if (m_nested) {
        m_changesAtBegin = m_db.totalChanges();
        return;
    }
    m_db.clearRollbackOnly();
    m_begin = m_db.exec("BEGIN IMMEDIATE");
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
        return m_begin.isOk() ? Status(ErrorCode::Internal, QStringLiteral("transaction already finished"))
                              : m_begin;
    if (m_nested) {
        m_done = true;
        return Status::ok();
    }
    if (m_db.isRollbackOnly()) {
        rollback();
        return Status(
            ErrorCode::Cancelled,
            QStringLiteral("rolled back: a unit of work inside the transaction failed after writing"));
    }
    Status status = m_db.exec("COMMIT");
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
        if (m_db.totalChanges() != m_changesAtBegin)
            m_db.markRollbackOnly();
        return;
    }
    // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
    if (m_db.inTransaction())
        (void)m_db.exec("ROLLBACK");
    m_db.clearRollbackOnly();
}

} // namespace sen::sql
