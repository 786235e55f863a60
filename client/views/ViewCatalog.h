#pragma once

// The views of each kind of database (docs/views.md): documents (văn bản), calendar (lịch
// công tác) and news (tin tức). Built in: a view's id is stable, so the view index keeps
// it across runs, and its titles are translated when shown.

#include "client/views/ViewDefinition.h"
#include "common/model/ReplicaInfo.h"

#include <optional>
#include <vector>

namespace sen::views {

class ViewCatalog
{
public:
    // The views of `kind`, in navigator order; the first is the one to open by default.
    static std::vector<ViewDefinition> viewsFor(DatabaseKind kind);
    static std::optional<ViewDefinition> find(DatabaseKind kind, const QString& viewId);
    // The view whose columns show search results of `kind` (ViewQuery::rowsFor).
    static QString searchViewId(DatabaseKind kind);
};

} // namespace sen::views
