#pragma once

// The seven Notes access levels of a database ACL (docs/access-control.md §Levels and
// rights), lowest to highest. Levels are ordered: compare them with < and >=.

#include <QString>

#include <optional>

namespace sen::acl {

// Persisted (acl_entries.level) and sent on the wire: the numbers never change.
enum class AccessLevel : int
{
    NoAccess = 0,
    Depositor = 1, // may create documents, never read them
    Reader = 2,
    Author = 3, // edits only documents whose Authors items name them
    Editor = 4,
    Designer = 5,
    Manager = 6,
};

bool isValidAccessLevel(int level);
// The level a stored or received number names, or nullopt for a number no level has: never a
// cast.
std::optional<AccessLevel> accessLevelFromInt(qint64 value);
// The command-line spelling: "noaccess", "depositor", ..., "manager".
QString accessLevelName(AccessLevel level);
// The English display name: "No Access", "Depositor", ..., "Manager".
QString accessLevelDisplayName(AccessLevel level);
// Parses the command-line spelling in any case ("Editor", "EDITOR"); the display name
// "No Access" is accepted too. nullopt for anything else.
std::optional<AccessLevel> accessLevelFromName(QStringView name);

} // namespace sen::acl
