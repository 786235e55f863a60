#include "common/acl/Acl.h"

#include "common/acl/NameMatch.h"

#include <algorithm>

namespace sen::acl {

namespace {
auto findByKey(const std::vector<AclEntry>& entries, const QString& key)
{
    return std::lower_bound(entries.begin(), entries.end(), key,
                            [](const AclEntry& e, const QString& k) { return nameKey(e.name) < k; });
}
} // namespace

Status Acl::setEntry(AclEntry entry)
{
    SEN_TRY(validateEntry(entry));
    entry.name = entry.name.trimmed();
    entry.rights = normalizedRights(entry.level, entry.rights);
    entry.roles = normalizedRoles(entry.roles);
    if (entry.isDefault())
        entry.name = defaultEntryName();

    const QString key = nameKey(entry.name);
    const auto it = findByKey(m_entries, key);
    const auto index = it - m_entries.begin();
    if (it != m_entries.end() && nameKey(it->name) == key)
        m_entries[static_cast<std::size_t>(index)] = std::move(entry);
    else
        m_entries.insert(m_entries.begin() + index, std::move(entry));
    return Status::ok();
}

bool Acl::removeEntry(const QString& name)
{
    const QString key = nameKey(name);
    const auto it = findByKey(m_entries, key);
    if (it == m_entries.end() || nameKey(it->name) != key)
        return false;
    m_entries.erase(it);
    return true;
}

const AclEntry* Acl::entry(const QString& name) const
{
    const QString key = nameKey(name);
    const auto it = findByKey(m_entries, key);
    return (it != m_entries.end() && nameKey(it->name) == key) ? &*it : nullptr;
}

AclEntry Acl::defaultEntry() const
{
    if (const AclEntry* found = entry(defaultEntryName()))
        return *found;
    return AclEntry::make(defaultEntryName(), AccessLevel::NoAccess);
}

} // namespace sen::acl
