#pragma once

// The directory of a database as the server tells it (protocol version 5, docs/protocol.md
// §Directory): the registered, active people (hierarchical names), the groups of the
// server's directory with their direct members, and the roles of the database's ACL with the
// entries holding each. An initiator asks with DIRECTORY_REQUEST (an empty array); the
// responder answers DIRECTORY `[people[], [[group, members[]], ...], [[role, holders[]], ...]]`.
//
// Both sides bound it: an encoder's caller keeps within the limits below (the server leaves
// out what does not fit, server/net/DirectoryAnswer.h), and the decoder refuses with
// ProtocolError a listing over any limit or holding a malformed name — a person that is not a
// registrable hierarchical name of two parts or more, a group that is not an access name (or
// is a role or a wildcard), a member or holder that is not an access name (acl::isAccessName),
// a role that is not "[Role]" — or a name twice in one list.

#include "common/core/Result.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace sen::protocol {

// Limits of one DIRECTORY (a county's offices: a few thousand people, a few hundred groups).
constexpr int kMaxDirectoryPeople = 20000;
constexpr int kMaxDirectoryGroups = 5000;
constexpr int kMaxDirectoryRoles = 256;
// Members of all groups and holders of all roles together.
constexpr int kMaxDirectoryMembers = 100000;
// Characters of any one name (a hierarchical name is at most 1,024 UTF-8 bytes).
constexpr int kMaxDirectoryNameLength = 1024;

struct DirectoryGroup
{
    QString name;
    QStringList members; // as the directory spells them: people, servers, groups, wildcards
    bool operator==(const DirectoryGroup&) const = default;
};

struct DirectoryRole
{
    QString role;        // "[VanThu]"
    QStringList holders; // names of the ACL entries carrying it (people, groups, wildcards)
    bool operator==(const DirectoryRole&) const = default;
};

struct DirectoryListing
{
    QStringList people; // hierarchical names, canonical ("Nguyễn Văn An/VPTU/HaNoi")
    std::vector<DirectoryGroup> groups;
    std::vector<DirectoryRole> roles;
    bool operator==(const DirectoryListing&) const = default;
};

QByteArray encodeDirectoryRequest();
Status decodeDirectoryRequest(QByteArrayView payload);
QByteArray encodeDirectory(const DirectoryListing& listing);
Result<DirectoryListing> decodeDirectory(QByteArrayView payload);

// Whether `name` may stand in a listing as a person (the decoder's rule, for the server's
// selection): a hierarchical name of two parts or more that could be registered.
bool isDirectoryPerson(const QString& name);

} // namespace sen::protocol
