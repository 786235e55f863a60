#include "common/model/DocumentEdit.h"

#include <algorithm>

namespace sen {

DocumentEdit DocumentEdit::create(const QString& form, std::optional<Unid> parent)
{
    return createWithUnid(newUnid(), form, parent);
}

DocumentEdit DocumentEdit::createWithUnid(const Unid& unid, const QString& form, std::optional<Unid> parent)
{
    DocumentEdit edit(unid, true);
    edit.m_form = form;
    edit.m_parent = parent;
    return edit;
}

DocumentEdit DocumentEdit::update(const Unid& unid)
{
    return DocumentEdit(unid, false);
}

DocumentEdit& DocumentEdit::set(Item item)
{
    std::erase(m_removes, item.name);
    item.stamp = {};
    auto it = std::find_if(m_sets.begin(), m_sets.end(), [&](const Item& i) { return i.name == item.name; });
    if (it != m_sets.end())
        *it = std::move(item);
    else
        m_sets.push_back(std::move(item));
    return *this;
}

DocumentEdit& DocumentEdit::remove(const QString& name)
{
    std::erase_if(m_sets, [&](const Item& i) { return i.name == name; });
    if (std::find(m_removes.begin(), m_removes.end(), name) == m_removes.end())
        m_removes.push_back(name);
    return *this;
}

Status DocumentEdit::validate() const
{
    if (m_create && (m_form.isEmpty() || m_form.size() > 256))
        return {ErrorCode::InvalidArgument,
                QStringLiteral("a document needs a form name of 1 to 256 characters")};
    if (m_unid.isNull())
        return {ErrorCode::InvalidArgument, QStringLiteral("the null UNID cannot name a document")};
    for (const Item& item : m_sets) {
        if (!isValidItemName(item.name))
            return {ErrorCode::InvalidArgument, QStringLiteral("invalid item name \"%1\"").arg(item.name)};
        if (item.flags & ~kKnownItemFlags)
            return {ErrorCode::InvalidArgument, QStringLiteral("item %1 has unknown flags").arg(item.name)};
        if (item.isTombstone() || !isValidValue(item.type, item.value))
            return {ErrorCode::InvalidArgument, QStringLiteral("item %1: the value does not fit type %2")
                                                    .arg(item.name, itemTypeName(item.type))};
    }
    for (const QString& name : m_removes) {
        if (!isValidItemName(name))
            return {ErrorCode::InvalidArgument, QStringLiteral("invalid item name \"%1\"").arg(name)};
    }
    return Status::ok();
}

} // namespace sen
