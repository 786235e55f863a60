#include "common/store/RegisterNumbers.h"

#include "common/sql/SqlDatabase.h"

namespace sen {

namespace {

Result<Unid> unidColumn(sql::SqlStatement& stmt, int column)
{
    const auto unid = Unid::fromBytes(stmt.blob(column));
    if (!unid)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("register_numbers holds a malformed document ID"));
    return *unid;
}

Result<NumberBinding> bindingRow(sql::SqlStatement& stmt)
{
    NumberBinding b;
    SEN_ASSIGN_OR_RETURN(b.registerUnid, unidColumn(stmt, 0));
    b.period = stmt.int64(1);
    b.number = stmt.int64(2);
    SEN_ASSIGN_OR_RETURN(b.unid, unidColumn(stmt, 3));
    b.by = stmt.text(4);
    b.givenMs = stmt.int64(5);
    return b;
}

constexpr const char* kColumns = "register, period, number, unid, by_name, given";

} // namespace

const char* RegisterNumbers::createTableSql()
{
    return R"sql(
CREATE TABLE register_numbers(
    register BLOB NOT NULL,     -- the register's UNID (a SoVanBan document)
    period   INTEGER NOT NULL,  -- the Vietnam year; 0 in a register of a term
    number   INTEGER NOT NULL,  -- 1, 2, ... with no gap in (register, period)
    unid     BLOB NOT NULL UNIQUE, -- the registration given it
    by_name  TEXT NOT NULL,     -- who asked for it
    given    INTEGER NOT NULL,  -- Unix ms
    PRIMARY KEY (register, period, number)
) STRICT, WITHOUT ROWID;
)sql";
}

Result<std::optional<NumberBinding>> RegisterNumbers::find(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT register, period, number, unid, by_name, given "
                                                "FROM register_numbers WHERE unid = ?1"));
    stmt->bind(1, unid.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return std::optional<NumberBinding>();
    SEN_ASSIGN_OR_RETURN(NumberBinding b, bindingRow(*stmt));
    return std::optional<NumberBinding>(std::move(b));
}

Result<std::optional<Unid>> RegisterNumbers::holder(const Unid& registerUnid, qint64 period,
                                                    qint64 number) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT unid FROM register_numbers "
                                                "WHERE register = ?1 AND period = ?2 AND number = ?3"));
    stmt->bind(1, registerUnid.toBytes()).bind(2, period).bind(3, number);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return std::optional<Unid>();
    SEN_ASSIGN_OR_RETURN(const Unid unid, unidColumn(*stmt, 0));
    return std::optional<Unid>(unid);
}

Result<qint64> RegisterNumbers::last(const Unid& registerUnid, qint64 period) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT coalesce(max(number), 0) FROM register_numbers "
                                                "WHERE register = ?1 AND period = ?2"));
    stmt->bind(1, registerUnid.toBytes()).bind(2, period);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->int64(0) : 0;
}

Status RegisterNumbers::bind(const NumberBinding& b)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("INSERT INTO register_numbers(register, period, number, unid, "
                                     "by_name, given) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    stmt->bind(1, b.registerUnid.toBytes())
        .bind(2, b.period)
        .bind(3, b.number)
        .bind(4, b.unid.toBytes())
        .bind(5, b.by)
        .bind(6, b.givenMs);
    return stmt->exec();
}

Status RegisterNumbers::unbind(const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("DELETE FROM register_numbers WHERE unid = ?1"));
    stmt->bind(1, unid.toBytes());
    return stmt->exec();
}

Result<std::vector<RegisterTally>> RegisterNumbers::tallies() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT register, period, count(*), max(number) "
                                                "FROM register_numbers GROUP BY register, period "
                                                "ORDER BY register, period"));
    std::vector<RegisterTally> out;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        RegisterTally t;
        SEN_ASSIGN_OR_RETURN(t.registerUnid, unidColumn(*stmt, 0));
        t.period = stmt->int64(1);
        t.count = stmt->int64(2);
        t.last = stmt->int64(3);
        out.push_back(t);
    }
    return out;
}

Result<qint64> RegisterNumbers::pendingBy(const QString& name) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT count(*) FROM register_numbers r WHERE r.by_name = ?1 "
                                     "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.unid = r.unid)"));
    stmt->bind(1, name);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->int64(0) : 0;
}

Result<std::vector<NumberBinding>> RegisterNumbers::all() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT register, period, number, unid, by_name, given "
                                                "FROM register_numbers ORDER BY register, period, number"));
    std::vector<NumberBinding> out;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        SEN_ASSIGN_OR_RETURN(NumberBinding b, bindingRow(*stmt));
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace sen
