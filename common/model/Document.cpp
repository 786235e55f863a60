#include "common/model/Document.h"

#include <algorithm>

namespace sen {

namespace {
auto findItem(const std::vector<Item>& items, const QString& name)
{
    return std::lower_bound(items.begin(), items.end(), name,
                            [](const Item& item, const QString& n) { return item.name < n; });
}
} // namespace

const Item* Document::anyItem(const QString& name) const
{
    const auto it = findItem(items, name);
    return (it != items.end() && it->name == name) ? &*it : nullptr;
}

const Item* Document::item(const QString& name) const
{
    const Item* found = anyItem(name);
    return (found && !found->isTombstone()) ? found : nullptr;
}

QString Document::text(const QString& name) const
{
    const Item* found = item(name);
    return found ? found->toText() : QString();
}

HlcTime Document::modifiedTime() const
{
    HlcTime newest = 0;
    for (const Item& i : items)
        newest = std::max(newest, i.stamp.time);
    return newest;
}

void Document::putItem(Item item)
{
    auto it = std::lower_bound(items.begin(), items.end(), item.name,
                               [](const Item& i, const QString& n) { return i.name < n; });
    if (it != items.end() && it->name == item.name)
        *it = std::move(item);
    else
        items.insert(it, std::move(item));
}

} // namespace sen
