#pragma once

// One entry of a database ACL (docs/access-control.md §Levels and rights): a name, what
// kind of name it is, an access level, the create/delete/replicate rights and the roles it
// holds.
//
// Rights follow Notes, with one simplification: a level either always has a right, may
// have it, or never has it (rightsMask / forcedRights), and normalizedRights() makes any
// bit pattern fit its level.
//
// | level     | create            | delete                  | replicate   |
// |-----------|-------------------|-------------------------|-------------|
// | NoAccess  | never             | never                   | never       |
// | Depositor | always            | never                   | never       |
// | Reader    | never             | never                   | default on  |
// | Author    | default on        | default off (own only)  | default on  |
// | Editor    | always            | default off             | default on  |
// | Designer  | always            | default on              | default on  |
// | Manager   | always            | default on              | default on  |

#include "common/acl/AccessLevel.h"
#include "common/core/Result.h"

#include <QString>
#include <QStringList>

namespace sen::acl {

// Persisted (acl_entries.kind): the numbers never change.
enum class EntryKind : int
{
    Unspecified = 0,
    Person = 1,
    Server = 2,
    Group = 3,
};
bool isValidEntryKind(int kind);
// The kind a stored number names, or nullopt for a number no kind has: never a cast.
std::optional<EntryKind> entryKindFromInt(qint64 value);
QString entryKindName(EntryKind kind); // "unspecified", "person", "server", "group"
std::optional<EntryKind> entryKindFromName(QStringView name);

// Bit flags, persisted (acl_entries.rights): the numbers never change.
enum AclRight : int
{
    CreateDocuments = 1,
    DeleteDocuments = 2,
    Replicate = 4, // may pull a replica or copy of the database
};
constexpr int kKnownAclRights = CreateDocuments | DeleteDocuments | Replicate;

// The rights an entry of this level gets when none are given (the table above).
int defaultRights(AccessLevel level);
// The rights this level can hold at all, and those it always holds.
int rightsMask(AccessLevel level);
int forcedRights(AccessLevel level);
// `rights` made to fit `level`: bits the level cannot hold cleared, bits it always holds set.
int normalizedRights(AccessLevel level, int rights);

struct AclEntry
{
    QString name; // hierarchical name, group name, "*/OU/O" wildcard or "-Default-"
    EntryKind kind = EntryKind::Unspecified;
    AccessLevel level = AccessLevel::NoAccess;
    int rights = 0;    // AclRight bits, normalized by Acl::setEntry
    QStringList roles; // "[Role]" names, sorted case-insensitively, no duplicates

    // An entry with the level's default rights and no roles.
    static AclEntry make(const QString& name, AccessLevel level, EntryKind kind = EntryKind::Unspecified);

    bool hasRight(AclRight right) const { return rights & right; }
    bool isWildcard() const;
    bool isDefault() const;

    friend bool operator==(const AclEntry&, const AclEntry&) = default;
};

// The name of the entry that applies to everyone not matched otherwise.
QString defaultEntryName(); // "-Default-"
// The entry that applies to readers of the server's intranet site who have not signed in
// (Domino's convention; docs/access-control.md §Anonymous, docs/web.md §Access). Without one,
// such readers have No Access: -Default- never applies to them. For everyone else it is an
// ordinary entry naming nobody.
QString anonymousEntryName(); // "Anonymous"

// Ok, or InvalidArgument naming what is wrong: an empty or over-long (255) name, control
// characters, '*' anywhere but as a whole leftmost component, a wildcard of kind Group or
// Server, an unknown kind, level or right bit, a malformed role.
Status validateEntry(const AclEntry& entry);

// Roles sorted case-insensitively with duplicates (case-insensitive) removed.
QStringList normalizedRoles(const QStringList& roles);

} // namespace sen::acl
