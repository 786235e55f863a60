#pragma once

// The ACL of a replica, kept in its acl_entries table (docs/file-format.md, "Access control
// list"). One row per entry; roles are stored as one text, "[A];[B]" (sorted, ';'-joined,
// empty for none).
//
// Thread-safety: that of the connection (one thread at a time).

#include "common/acl/Acl.h"

namespace sen::sql {
class SqlDatabase;
}

namespace sen::acl {

class AclTable
{
public:
    // A replica file's connection: ReplicaStore::loadAcl() and saveAcl() use it; outside
    // common/ the ACL is reached only through them.
    explicit AclTable(sql::SqlDatabase& db) : m_db(db) {}

    // The stored ACL. Corruption names the row when a kind, level or right bit is unknown, or
    // a name or role is malformed.
    Result<Acl> load() const;
    // Replaces every stored entry with `acl`'s, in one transaction (joins an enclosing one).
    Status save(const Acl& acl);

    // The roles column's text and back ("[A];[B]"); parseRoles refuses a malformed text.
    static QString formatRoles(const QStringList& roles);
    static Result<QStringList> parseRoles(const QString& text);

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen::acl
