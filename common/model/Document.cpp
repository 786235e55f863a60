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

bool Document::sameLiveContent(const Document& other) const
{
    auto live = [](const Document& doc) {
        std::vector<const Item*> kept;
        for (const Item& item : doc.items)
            if (!item.isTombstone())
                kept.push_back(&item);
        return kept;
    };
    const auto left = live(*this);
    const auto right = live(other);
    if (left.size() != right.size())
        return false;
    for (std::size_t i = 0; i < left.size(); ++i)
        if (left[i]->name != right[i]->name || !left[i]->sameContent(*right[i]))
            return false;
    return true;
}

} // namespace sen
