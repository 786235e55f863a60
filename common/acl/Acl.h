#pragma once

// A database ACL: its entries, one per name (names compared as NameMatch.h says), kept
// sorted by name key. The "-Default-" entry applies to anyone matched by no other entry;
// an ACL without one gives them No Access. A value type; resolve() (EffectiveAccess.h)
// decides what one user may do.

#include "common/acl/AclEntry.h"

#include <vector>

namespace sen::acl {

class Acl
{
public:
    // Validates the entry, normalizes its name (trimmed), rights (normalizedRights) and
    // roles (normalizedRoles), and adds it or replaces the entry of the same name.
    // InvalidArgument (validateEntry) leaves the ACL unchanged.
    Status setEntry(AclEntry entry);
    // Whether an entry of that name existed.
    bool removeEntry(const QString& name);

    // The entry with this name (exactly this name, no group or wildcard matching), or null.
    const AclEntry* entry(const QString& name) const;
    // The -Default- entry, or a No Access one when the ACL has none.
    AclEntry defaultEntry() const;

    const std::vector<AclEntry>& entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.empty(); }

    friend bool operator==(const Acl&, const Acl&) = default;

private:
    std::vector<AclEntry> m_entries; // sorted by nameKey(name)
};

} // namespace sen::acl
