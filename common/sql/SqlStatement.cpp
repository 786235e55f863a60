#include "common/sql/SqlStatement.h"

#include "common/sql/SqlError.h"

#include <sqlite3.h>
#include <utility>

namespace sen::sql {

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_bindError(std::exchange(other.m_bindError, 0))
{}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_bindError = std::exchange(other.m_bindError, 0);
    }
    return *this;
}

namespace {
inline void remember(int& firstError, int rc)
{
    if (rc != SQLITE_OK && firstError == 0)
        firstError = rc;
}
} // namespace

SqlStatement& SqlStatement::bindInt64(int index, std::int64_t value)
{
    remember(m_bindError, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

SqlStatement& SqlStatement::bind(int index, double value)
{
    remember(m_bindError, sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

SqlStatement& SqlStatement::bind(int index, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    remember(m_bindError, sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()),
                                            SQLITE_TRANSIENT));
    return *this;
}

SqlStatement& SqlStatement::bindText(int index, QByteArrayView utf8)
{
    // A zero-length text must still be text, not NULL: give SQLite a non-null pointer.
    static const char empty = 0;
    const char* data = utf8.isEmpty() ? &empty : utf8.data();
    remember(m_bindError, sqlite3_bind_text64(m_stmt, index, data, static_cast<sqlite3_uint64>(utf8.size()),
                                              SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

SqlStatement& SqlStatement::bind(int index, QByteArrayView blob)
{
    // A zero-length blob must still be a blob, not NULL: give SQLite a non-null pointer.
    static const char empty = 0;
    const char* data = blob.isEmpty() ? &empty : blob.data();
    remember(m_bindError, sqlite3_bind_blob64(m_stmt, index, data, static_cast<sqlite3_uint64>(blob.size()),
                                              SQLITE_TRANSIENT));
    return *this;
}

SqlStatement& SqlStatement::bindNull(int index)
{
    remember(m_bindError, sqlite3_bind_null(m_stmt, index));
    return *this;
}

Result<bool> SqlStatement::step()
{
    if (m_bindError != 0) {
        const int rc = std::exchange(m_bindError, 0);
        return statusFromSqlite(m_db, rc, "bind");
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Status status = statusFromSqlite(m_db, rc, "step");
    sqlite3_reset(m_stmt);
    return status;
}

Status SqlStatement::exec()
{
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.status();
        if (!*row)
            return Status::ok();
    }
}

void SqlStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = 0;
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqlStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqlStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqlStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqlStatement::blob(int column) const
{
    return blobView(column).toByteArray();
}

QByteArrayView SqlStatement::blobView(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

} // namespace sen::sql
