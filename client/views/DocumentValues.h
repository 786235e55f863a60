#pragma once

// The column values of one document for every view of an index (ViewIndex), each distinct
// value computed once per document: views share columns (the same item of the same kind),
// and a value is the same wherever it shows (ViewRowBuilder), except a categorised date's,
// which keys by its bucket. Values go through one ViewValueMemo, so repeated texts and days
// are folded and formatted once per index rather than once per document.
//
// Also names the display fields: each distinct (item, kind) a view shows as text (every
// column but a categorised one), stored once per document in the cache (DisplayTable).
//
// Thread-safety: none. The definitions and documents passed in must outlive their use.

#include "client/views/ViewDefinition.h"
#include "client/views/ViewRowBuilder.h"
#include "client/views/ViewValueMemo.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace sen {
struct Document;
}

namespace sen::views {

class DocumentValues
{
public:
    struct Field
    {
        QString item;
        ColumnKind kind = ColumnKind::Text;
        int slot = 0; // the value whose display this field stores
    };

    explicit DocumentValues(const std::vector<ViewDefinition>& views);

    // The value of column `column` of view `view` (indexes into the definitions given).
    int slot(std::size_t view, std::size_t column) const { return m_columnSlots[view][column]; }
    const std::vector<Field>& fields() const { return m_fields; }
    // The items the views read (columns and selections), sorted: what must be decoded.
    const QStringList& items() const { return m_items; }

    // Starts a document: values are computed when first asked for.
    void reset(const Document& doc);
    const ColumnValue& value(int slot);
    // The document's duplicate key (forms::duplicateCategory: its edXML ID, else its fields),
    // worked out once for the selection of a duplicates view and its $DuplicateKey column.
    const QString& duplicateKey();

private:
    struct Slot
    {
        ViewColumn column; // a representative column: item, kind, categorised, bucket
        bool withKey = false;
    };
    std::vector<Slot> m_slots;
    std::vector<std::vector<int>> m_columnSlots;
    std::vector<Field> m_fields;
    QStringList m_items;
    ViewValueMemo m_memo;
    const Document* m_doc = nullptr;
    std::vector<std::optional<ColumnValue>> m_values;
    std::optional<QString> m_duplicateKey;
};

} // namespace sen::views
