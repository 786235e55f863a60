#include "client/views/DocumentValues.h"

#include "client/forms/Registration.h"
#include "common/model/Document.h"

#include <algorithm>

namespace sen::views {

namespace {

// Whether two columns compute the same value (ViewRowBuilder::value depends on the bucket
// of a categorised date, and a categorised $DuplicateKey has no display).
bool sameValue(const ViewColumn& a, const ViewColumn& b)
{
    const auto bucket = [](const ViewColumn& c) {
        return c.kind == ColumnKind::Date && c.categorised ? c.bucket : DateBucket::None;
    };
    return a.item == b.item && a.kind == b.kind && bucket(a) == bucket(b) &&
           (a.item != QLatin1String(kColumnDuplicateKey) || a.categorised == b.categorised);
}

} // namespace

DocumentValues::DocumentValues(const std::vector<ViewDefinition>& views)
{
    for (const ViewDefinition& view : views) {
        std::vector<int> slots;
        for (const ViewColumn& column : view.columns) {
            auto it = std::find_if(m_slots.begin(), m_slots.end(),
                                   [&](const Slot& s) { return sameValue(s.column, column); });
            if (it == m_slots.end())
                it = m_slots.insert(m_slots.end(), Slot{column, false});
            it->withKey = it->withKey || column.sortable || column.categorised;
            const int slot = static_cast<int>(it - m_slots.begin());
            slots.push_back(slot);
            if (!column.categorised && std::none_of(m_fields.begin(), m_fields.end(), [&](const Field& f) {
                    return f.item == column.item && f.kind == column.kind;
                }))
                m_fields.push_back(Field{column.item, column.kind, slot});
            // Computed columns read the header and the stamps, which every item keeps.
            if (column.item == QLatin1String(kColumnDuplicateKey))
                m_items.append(forms::duplicateKeyItems());
            else if (column.item != QLatin1String(kColumnForm) &&
                     column.item != QLatin1String(kColumnModified) &&
                     column.item != QLatin1String(kColumnProcessing) &&
                     column.item != QLatin1String(kColumnCreated))
                m_items.push_back(column.item);
        }
        m_columnSlots.push_back(std::move(slots));
        if (!view.assignedItem.isEmpty())
            m_items.push_back(view.assignedItem);
        if (view.sharedCategoriesOnly)
            m_items.append(forms::duplicateKeyItems());
    }
    std::sort(m_items.begin(), m_items.end());
    m_items.erase(std::unique(m_items.begin(), m_items.end()), m_items.end());
    m_values.resize(m_slots.size());
}

void DocumentValues::reset(const Document& doc)
{
    m_doc = &doc;
    for (auto& value : m_values)
        value.reset();
    m_duplicateKey.reset();
}

const QString& DocumentValues::duplicateKey()
{
    if (!m_duplicateKey)
        m_duplicateKey = forms::duplicateCategory(*m_doc);
    return *m_duplicateKey;
}

const ColumnValue& DocumentValues::value(int slot)
{
    auto& value = m_values[static_cast<std::size_t>(slot)];
    if (!value) {
        const Slot& s = m_slots[static_cast<std::size_t>(slot)];
        value = s.column.item == QLatin1String(kColumnDuplicateKey)
                    ? ViewRowBuilder::duplicateKeyValue(s.column, duplicateKey(), s.withKey)
                    : ViewRowBuilder::value(s.column, *m_doc, m_memo, s.withKey);
    }
    return *value;
}

} // namespace sen::views
