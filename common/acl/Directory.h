#pragma once

// Which groups a name belongs to, as the server's directory says (Notes: the Domino
// Directory). Groups may contain people, servers, other groups and wildcard members
// ("*/VPTU/HaNoi"); membership is resolved through nested groups, and a cycle of groups
// (A in B in A) is harmless. Names are compared as NameMatch.h says.
//
// A value type; not thread-safe for writing, safe to read from several threads once built.

#include <QHash>
#include <QString>
#include <QStringList>

namespace sen::acl {

class Directory
{
public:
    // Defines (or replaces) a group and its direct members.
    void setGroup(const QString& group, const QStringList& members);
    bool hasGroup(const QString& group) const;
    // The direct members as given, or empty.
    QStringList members(const QString& group) const;
    // Every group's name as setGroup spelled it, sorted by name key.
    QStringList groupNames() const;

    // Every group `name` belongs to, directly or through nested groups, as the groups are
    // spelled in setGroup; sorted by name key. A wildcard member matches `name` itself only
    // (a group is not a hierarchical name).
    QStringList groupsOf(const QString& name) const;

private:
    void rebuildIndex();

    struct Group
    {
        QString name;
        QStringList members;
    };
    QHash<QString, Group> m_groups;              // by name key
    QHash<QString, QStringList> m_memberOf;      // member key -> group keys
    QList<QPair<QString, QString>> m_wildcardOf; // (wildcard member, group key)
};

} // namespace sen::acl
