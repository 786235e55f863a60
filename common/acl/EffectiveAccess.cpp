#include "common/acl/EffectiveAccess.h"

#include "common/acl/NameMatch.h"

#include <QSet>

#include <algorithm>

namespace sen::acl {

namespace {
// Highest level, union of rights and roles, normalized to the result's level.
EffectiveAccess combine(const QString& userName, const std::vector<const AclEntry*>& matched)
{
    EffectiveAccess access;
    access.userName = userName;
    QStringList names;
    for (const AclEntry* entry : matched) {
        access.level = std::max(access.level, entry->level);
        access.rights |= entry->rights;
        access.roles += entry->roles;
        names.append(entry->name);
    }
    access.rights = normalizedRights(access.level, access.rights);
    access.roles = normalizedRoles(access.roles);
    access.decidedBy = names.join(QStringLiteral(", "));
    return access;
}
} // namespace

QStringList EffectiveAccess::identities() const
{
    QStringList names;
    names.reserve(1 + groups.size() + roles.size());
    names.append(userName);
    names += groups;
    names += roles;
    return names;
}

bool EffectiveAccess::isNamedIn(const QStringList& names) const
{
    QSet<QString> mine;
    const QStringList own = identities();
    for (const QString& name : own)
        mine.insert(nameKey(name));
    for (const QString& name : names) {
        if (mine.contains(nameKey(name)))
            return true;
        if (isWildcardName(name) && wildcardMatches(name, userName))
            return true;
    }
    return false;
}

EffectiveAccess resolve(const Acl& acl, const QString& userName, const Directory& directory)
{
    const QStringList groups = directory.groupsOf(userName);
    EffectiveAccess access;

    const AclEntry* own = acl.entry(userName);
    if (own && !own->isDefault() && !own->isWildcard()) {
        access = combine(userName, {own});
    } else {
        std::vector<const AclEntry*> groupEntries;
        for (const QString& group : groups) {
            if (const AclEntry* entry = acl.entry(group))
                groupEntries.push_back(entry);
        }
        std::vector<const AclEntry*> wildcardEntries;
        for (const AclEntry& entry : acl.entries()) {
            if (entry.isWildcard() && wildcardMatches(entry.name, userName))
                wildcardEntries.push_back(&entry);
        }
        if (!groupEntries.empty())
            access = combine(userName, groupEntries);
        else if (!wildcardEntries.empty())
            access = combine(userName, wildcardEntries);
        else {
            const AclEntry fallback = acl.defaultEntry();
            access = combine(userName, {&fallback});
        }
    }
    access.groups = groups;
    return access;
}

} // namespace sen::acl
