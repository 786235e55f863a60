#include "server/net/DirectoryAnswer.h"

#include "common/acl/NameMatch.h"

#include <QMap>
#include <QSet>

namespace sen::server {

using namespace protocol;

namespace {

bool fits(const QString& name)
{
    return !name.isEmpty() && name.size() <= kMaxDirectoryNameLength && name.trimmed() == name &&
           acl::isAccessName(name);
}

// `names` that fit, each once (by name key), at most `room` of them; `room` goes down by as many.
QStringList bounded(const QStringList& names, qint64& room)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString& name : names) {
        if (room <= 0)
            break;
        const QString key = acl::nameKey(name);
        if (!fits(name) || seen.contains(key))
            continue;
        seen.insert(key);
        out.append(name);
        --room;
    }
    return out;
}

} // namespace

DirectoryAnswer::DirectoryAnswer(std::function<Result<QStringList>()> people, acl::Directory groups,
                                 acl::Acl acl)
    : m_people(std::move(people)), m_groups(std::move(groups)), m_acl(std::move(acl))
{}

Result<DirectoryListing> DirectoryAnswer::directory()
{
    QStringList people;
    if (m_people) {
        SEN_ASSIGN_OR_RETURN(people, m_people());
    }
    return listing(people, m_groups, m_acl);
}

DirectoryListing DirectoryAnswer::listing(const QStringList& people, const acl::Directory& groups,
                                          const acl::Acl& acl)
{
    DirectoryListing out;
    // People in name order (by key), each once.
    QMap<QString, QString> byKey;
    for (const QString& person : people) {
        if (isDirectoryPerson(person))
            byKey.insert(acl::nameKey(person), person);
    }
    for (const QString& person : byKey) {
        if (out.people.size() >= kMaxDirectoryPeople)
            break;
        out.people.append(person);
    }

    qint64 members = kMaxDirectoryMembers;
    for (const QString& group : groups.groupNames()) {
        if (std::ssize(out.groups) >= kMaxDirectoryGroups)
            break;
        if (!fits(group) || acl::isRoleName(group) || acl::isWildcardName(group))
            continue;
        out.groups.push_back({group, bounded(groups.members(group), members)});
    }

    QMap<QString, QStringList> holders; // role -> entry names, by role key
    QMap<QString, QString> spelling;
    for (const acl::AclEntry& entry : acl.entries()) {
        for (const QString& role : entry.roles) {
            const QString key = role.toCaseFolded();
            spelling.insert(key, spelling.value(key, role));
            if (!entry.isDefault())
                holders[key].append(entry.name);
        }
    }
    for (auto it = spelling.cbegin(); it != spelling.cend(); ++it) {
        if (std::ssize(out.roles) >= kMaxDirectoryRoles)
            break;
        if (acl::isRoleName(*it))
            out.roles.push_back({*it, bounded(holders.value(it.key()), members)});
    }
    return out;
}

} // namespace sen::server
