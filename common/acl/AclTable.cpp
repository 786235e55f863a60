#include "common/acl/AclTable.h"

#include "common/acl/NameMatch.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"

namespace sen::acl {

QString AclTable::formatRoles(const QStringList& roles)
{
    return normalizedRoles(roles).join(u';');
}

Result<QStringList> AclTable::parseRoles(const QString& text)
{
    if (text.isEmpty())
        return QStringList();
    const QStringList roles = text.split(u';');
    for (const QString& role : roles) {
        if (!isRoleName(role))
            return Status(ErrorCode::Corruption, QStringLiteral("\"%1\" is not a role name").arg(role));
    }
    return roles;
}

Result<Acl> AclTable::load() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT name, kind, level, rights, roles FROM acl_entries"));
    Acl acl;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        const QString name = stmt->text(0);
        const std::optional<EntryKind> kind = entryKindFromInt(stmt->int64(1));
        const std::optional<AccessLevel> level = accessLevelFromInt(stmt->int64(2));
        const std::int64_t rights = stmt->int64(3);
        auto corrupt = [&](const QString& why) {
            return Status(ErrorCode::Corruption, QStringLiteral("acl_entries row \"%1\": %2").arg(name, why));
        };
        if (!kind)
            return corrupt(QStringLiteral("unknown kind %1").arg(stmt->int64(1)));
        if (!level)
            return corrupt(QStringLiteral("unknown access level %1").arg(stmt->int64(2)));
        if (rights < 0 || (rights & ~std::int64_t{kKnownAclRights}))
            return corrupt(QStringLiteral("unknown right bits %1").arg(rights));
        auto roles = parseRoles(stmt->text(4));
        if (!roles)
            return corrupt(roles.message());
        AclEntry entry{name, *kind, *level, static_cast<int>(rights), roles.value()};
        if (Status status = acl.setEntry(std::move(entry)); !status.isOk())
            return corrupt(status.message());
    }
    return acl;
}

Status AclTable::save(const Acl& acl)
{
    sql::SqlTransaction transaction(m_db);
    SEN_TRY(transaction.beginStatus());
    SEN_TRY(m_db.exec("DELETE FROM acl_entries"));
    for (const AclEntry& entry : acl.entries()) {
        SEN_ASSIGN_OR_RETURN(auto insert,
                             m_db.cached("INSERT INTO acl_entries(name, kind, level, rights, roles) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5)"));
        insert->bind(1, entry.name)
            .bind(2, static_cast<int>(entry.kind))
            .bind(3, static_cast<int>(entry.level))
            .bind(4, entry.rights)
            .bind(5, formatRoles(entry.roles));
        SEN_TRY(insert->exec());
    }
    return transaction.commit();
}

} // namespace sen::acl
