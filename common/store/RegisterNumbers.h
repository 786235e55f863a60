#pragma once

// The numbers a server gave in its registers (docs/registers.md §Numbering; docs/file-format.md
// `register_numbers`): one row per registration, binding its UNID to a number in a register
// and period. The server is the one authority over its registers, so this is server-side
// bookkeeping, like `peers`: not replicated, not part of any document. What replicates is the
// number written into the registration, which the server holds to this table
// (common/registers/RegisterCheck.h). Internal to the store; reached through
// ReplicaSync::numbers() (ReplicaStore::replication()), inside the caller's transaction.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

struct NumberBinding
{
    Unid registerUnid;
    qint64 period = 0; // Vietnam year; 0 in a register of a term
    qint64 number = 0;
    Unid unid;  // the registration
    QString by; // who asked for it (the certificate's name)
    qint64 givenMs = 0;
};

// One register's run of numbers in one period.
struct RegisterTally
{
    Unid registerUnid;
    qint64 period = 0;
    qint64 count = 0;
    qint64 last = 0; // the highest number given
};

class RegisterNumbers
{
public:
    explicit RegisterNumbers(sql::SqlDatabase& db) : m_db(db) {}

    // The number bound to registration `unid`, if any.
    Result<std::optional<NumberBinding>> find(const Unid& unid) const;
    // The registration holding `number` in the register and period, if any.
    Result<std::optional<Unid>> holder(const Unid& registerUnid, qint64 period, qint64 number) const;
    // The highest number given in the register and period (0: none yet).
    Result<qint64> last(const Unid& registerUnid, qint64 period) const;
    // Records a binding; Conflict when the number or the registration is bound already.
    Status bind(const NumberBinding& binding);
    // Forgets the binding of registration `unid` (a Manager's correction), if any.
    Status unbind(const Unid& unid);
    // Every register and period with numbers given, by register then period.
    Result<std::vector<RegisterTally>> tallies() const;
    // Bindings asked for by `name` whose registration this replica does not hold (yet).
    Result<qint64> pendingBy(const QString& name) const;
    // Every binding, by register, period and number.
    Result<std::vector<NumberBinding>> all() const;

    // The table, for the schema (docs/file-format.md).
    static const char* createTableSql();

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen
