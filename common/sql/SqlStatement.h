#pragma once

// A prepared SQLite statement with typed binds and column reads. Internal to common/: no
// sqlite3 header leaks out (the handle types are forward-declared).
//
// Binds are 1-based, columns 0-based, as in the C API. Text is UTF-8 in the database and
// QString here. Not thread-safe: a statement belongs to its connection's thread.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

#include <concepts>
#include <cstdint>

struct sqlite3;
struct sqlite3_stmt;

namespace sen::sql {

class SqlStatement
{
public:
    SqlStatement() = default;
    SqlStatement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement& operator=(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Any integer type (unsigned values above INT64_MAX wrap: keep them below).
    template <std::integral T>
    SqlStatement& bind(int index, T value)
    {
        return bindInt64(index, static_cast<std::int64_t>(value));
    }
    SqlStatement& bind(int index, double value);
    SqlStatement& bind(int index, const QString& text);
    // Text already in UTF-8 (copied): saves the conversion when the caller has the bytes.
    SqlStatement& bindText(int index, QByteArrayView utf8);
    SqlStatement& bind(int index, QByteArrayView blob); // copied
    SqlStatement& bind(int index, const QByteArray& blob) { return bind(index, QByteArrayView(blob)); }
    SqlStatement& bindNull(int index);
    // Binds each argument in order, from index 1.
    template <typename... Args>
    SqlStatement& bindAll(const Args&... args)
    {
        int index = 1;
        (bind(index++, args), ...);
        return *this;
    }

    // Runs one step: true when a row is ready to read, false when done.
    Result<bool> step();
    // Steps to completion, for statements that return no rows.
    Status exec();
    // Ready for another run with new binds.
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    // The column's bytes without a copy; valid until the next step or reset.
    QByteArrayView blobView(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    SqlStatement& bindInt64(int index, std::int64_t value);
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindError = 0; // first failed bind, reported by the next step
};

} // namespace sen::sql
