#pragma once

// What ViewQuery returns: rows of a view and its categories. Plain values.

#include "common/core/Ids.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <optional>

namespace sen::views {

// A sort order: a sortable column of the view and a direction.
struct ViewSort
{
    int column = 0;
    bool descending = false;
    friend bool operator==(const ViewSort&, const ViewSort&) = default;
};

struct ViewRow
{
    std::int64_t id = 0; // the document's row in the cache (stable while the cache lives)
    Unid unid;
    std::optional<Unid> parent; // set for a response document
    QStringList values;         // display text per column (empty for a categorised column)
    bool unread = false;
    bool conflict = false;     // a conflict document (a response to the winning version)
    bool hasResponses = false; // responses in this view show under it
};

struct ViewCategory
{
    QVariant key;           // opaque: pass back to ViewQuery::categoryRows
    QString title;          // shown, in the user's language
    std::int64_t count = 0; // main documents in it
};

} // namespace sen::views
