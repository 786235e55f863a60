#include "common/acl/Directory.h"

#include "common/acl/NameMatch.h"

#include <QSet>

#include <algorithm>

namespace sen::acl {

void Directory::setGroup(const QString& group, const QStringList& members)
{
    m_groups.insert(nameKey(group), Group{group.trimmed(), members});
    rebuildIndex();
}

bool Directory::hasGroup(const QString& group) const
{
    return m_groups.contains(nameKey(group));
}

QStringList Directory::members(const QString& group) const
{
    const auto it = m_groups.constFind(nameKey(group));
    return it == m_groups.cend() ? QStringList() : it->members;
}

QStringList Directory::groupNames() const
{
    QStringList keys = m_groups.keys();
    std::sort(keys.begin(), keys.end());
    QStringList names;
    names.reserve(keys.size());
    for (const QString& key : keys)
        names.append(m_groups.value(key).name);
    return names;
}

void Directory::rebuildIndex()
{
    m_memberOf.clear();
    m_wildcardOf.clear();
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        for (const QString& member : it->members) {
            if (isWildcardName(member))
                m_wildcardOf.append({member, it.key()});
            else
                m_memberOf[nameKey(member)].append(it.key());
        }
    }
}

QStringList Directory::groupsOf(const QString& name) const
{
    const QString start = nameKey(name);
    QSet<QString> found;
    QStringList frontier;
    auto visit = [&](const QString& groupKey) {
        if (!found.contains(groupKey)) {
            found.insert(groupKey);
            frontier.append(groupKey);
        }
    };
    for (const auto& [wildcard, groupKey] : m_wildcardOf) {
        if (wildcardMatches(wildcard, start))
            visit(groupKey);
    }
    for (const QString& groupKey : m_memberOf.value(start))
        visit(groupKey);
    // Up through the nesting; `found` makes a cycle end.
    while (!frontier.isEmpty()) {
        const QString current = frontier.takeLast();
        for (const QString& groupKey : m_memberOf.value(current))
            visit(groupKey);
    }

    QStringList keys(found.cbegin(), found.cend());
    std::sort(keys.begin(), keys.end());
    QStringList groups;
    groups.reserve(keys.size());
    for (const QString& key : keys)
        groups.append(m_groups.value(key).name);
    return groups;
}

} // namespace sen::acl
