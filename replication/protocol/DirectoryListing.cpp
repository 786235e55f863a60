#include "replication/protocol/DirectoryListing.h"

#include "common/acl/NameMatch.h"
#include "common/identity/HierarchicalName.h"
#include "replication/protocol/BoundedCbor.h"

#include <QCborArray>
#include <QSet>

namespace sen::protocol {

namespace {

Status bad(const QString& what)
{
    return Status(ErrorCode::ProtocolError, QStringLiteral("malformed directory: ") + what);
}

bool isName(const QCborValue& v)
{
    return v.isString() && !v.toString().isEmpty() && v.toString().size() <= kMaxDirectoryNameLength &&
           v.toString().trimmed() == v.toString();
}

// A member of a group or a holder of a role: a name, group, wildcard or role.
bool isMember(const QCborValue& v)
{
    return isName(v) && acl::isAccessName(v.toString());
}

// The names of `v`, each passing `valid`, none twice (by ACL name key); counts them into
// `total` against kMaxDirectoryMembers.
Result<QStringList> nameList(const QCborValue& v, int max, bool (*valid)(const QCborValue&),
                             const QString& what, qint64& total)
{
    if (!v.isArray() || v.toArray().size() > max)
        return bad(QStringLiteral("%1: not a list of at most %2").arg(what).arg(max));
    const QCborArray list = v.toArray();
    total += list.size();
    if (total > kMaxDirectoryMembers)
        return bad(QStringLiteral("more than %1 members and holders").arg(kMaxDirectoryMembers));
    QStringList out;
    out.reserve(list.size());
    QSet<QString> seen;
    for (const QCborValue& e : list) {
        if (!valid(e))
            return bad(QStringLiteral("%1: a malformed name").arg(what));
        const QString name = e.toString();
        const QString key = acl::nameKey(name);
        if (seen.contains(key))
            return bad(QStringLiteral("%1: \"%2\" twice").arg(what, name));
        seen.insert(key);
        out.append(name);
    }
    return out;
}

bool isPerson(const QCborValue& v)
{
    return isName(v) && isDirectoryPerson(v.toString());
}

bool isGroup(const QCborValue& v)
{
    return isMember(v) && !acl::isRoleName(v.toString()) && !acl::isWildcardName(v.toString());
}

bool isRole(const QCborValue& v)
{
    return v.isString() && acl::isRoleName(v.toString());
}

} // namespace

bool isDirectoryPerson(const QString& name)
{
    if (name.isEmpty() || name.size() > kMaxDirectoryNameLength || acl::isRoleName(name) ||
        acl::isWildcardName(name))
        return false;
    const auto parsed = identity::HierarchicalName::parse(name);
    return parsed && parsed->parts().size() >= 2 && parsed->toString() == name &&
           parsed->checkRegistrable().isOk();
}

QByteArray encodeDirectoryRequest()
{
    return QCborValue(QCborArray()).toCbor();
}

Status decodeDirectoryRequest(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    if (!value.isArray() || !value.toArray().isEmpty())
        return Status(ErrorCode::ProtocolError, QStringLiteral("malformed message: DIRECTORY_REQUEST"));
    return Status::ok();
}

QByteArray encodeDirectory(const DirectoryListing& listing)
{
    QCborArray groups;
    for (const DirectoryGroup& g : listing.groups)
        groups.append(QCborArray{g.name, QCborArray::fromStringList(g.members)});
    QCborArray roles;
    for (const DirectoryRole& r : listing.roles)
        roles.append(QCborArray{r.role, QCborArray::fromStringList(r.holders)});
    return QCborValue(QCborArray{QCborArray::fromStringList(listing.people), groups, roles}).toCbor();
}

Result<DirectoryListing> decodeDirectory(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    if (!value.isArray() || value.toArray().size() != 3)
        return bad(QStringLiteral("not [people, groups, roles]"));
    const QCborArray top = value.toArray();
    DirectoryListing out;
    qint64 members = 0;
    qint64 noCount = 0;
    SEN_ASSIGN_OR_RETURN(out.people,
                         nameList(top[0], kMaxDirectoryPeople, isPerson, QStringLiteral("people"), noCount));
    // Pairs [name, names[]]: the names checked by `name`, the lists by `member`.
    const auto pairs = [&](const QCborValue& v, int max, bool (*name)(const QCborValue&), const QString& what,
                           auto&& add) -> Status {
        if (!v.isArray() || v.toArray().size() > max)
            return bad(QStringLiteral("%1: not a list of at most %2").arg(what).arg(max));
        QCborArray names;
        for (const QCborValue& e : v.toArray()) {
            if (!e.isArray() || e.toArray().size() != 2)
                return bad(QStringLiteral("%1: not [name, members]").arg(what));
            names.append(e.toArray()[0]);
        }
        qint64 unused = 0;
        SEN_ASSIGN_OR_RETURN(const QStringList checked, nameList(names, max, name, what, unused));
        for (qsizetype i = 0; i < checked.size(); ++i) {
            SEN_ASSIGN_OR_RETURN(QStringList list,
                                 nameList(v.toArray()[i].toArray()[1], kMaxDirectoryMembers, isMember,
                                          QStringLiteral("members of %1").arg(checked[i]), members));
            add(checked[i], std::move(list));
        }
        return Status::ok();
    };
    SEN_TRY(pairs(top[1], kMaxDirectoryGroups, isGroup, QStringLiteral("groups"),
                  [&](const QString& n, QStringList m) {
                      out.groups.push_back({n, std::move(m)});
                  }));
    SEN_TRY(pairs(top[2], kMaxDirectoryRoles, isRole, QStringLiteral("roles"),
                  [&](const QString& n, QStringList m) {
                      out.roles.push_back({n, std::move(m)});
                  }));
    return out;
}

} // namespace sen::protocol
