#pragma once

// A view (docs/views.md): which documents it selects and the columns it shows, as Notes'
// view design. Plain value type; views themselves come from ViewCatalog.

#include "client/views/ViewColumn.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace sen {
struct Document;
}

namespace sen::views {

struct ViewDefinition
{
    QString id;                  // stable ASCII, unique in its database kind ("incoming-by-date")
    const char* title = nullptr; // English source text, marked with QT_TRANSLATE_NOOP("sen::views", ...)

    // Selection. A main document (no parent) is in the view when its form is in `forms`
    // (empty: any form) and, with `assignedItem` set, that Names item names the current user.
    // With `showResponses`, every response document (conflict documents included) is in the
    // view too and shows under its parent; responses whose parent is not in the view stay
    // hidden.
    QStringList forms;
    bool showResponses = true;
    QString assignedItem; // e.g. "NguoiXuLy": "assigned to me"
    // A duplicates view ("Trùng văn bản"): selects main documents with a duplicate key
    // (client/forms/Registration.h), and ViewQuery shows only the categories (its first
    // column, the key) holding two documents or more.
    bool sharedCategoriesOnly = false;

    std::vector<ViewColumn> columns; // at least one; only the first may be categorised
    int defaultSortColumn = 0;       // a sortable column; for a categorised view, not 0
    bool defaultDescending = false;

    QString translatedTitle() const;
    // The columns shown (all but the markers, which come last).
    int shownColumns() const;
    // The index of marker column `item` ("DoKhan"), or -1.
    int markerColumn(const QString& item) const;
    bool isCategorised() const { return !columns.empty() && columns.front().categorised; }

    // Whether the main document `doc` (not a deletion stub) is selected for `userName`.
    bool selects(const Document& doc, const QString& userName) const;
    // The same with the user given as acl::nameKey(userName), worked out once by a caller
    // that tests many documents (an empty key: no user).
    bool selectsForKey(const Document& doc, const QString& userKey) const;
    // The same with the document's duplicate key (forms::duplicateCategory) given by `duplicateKey`,
    // called only when a duplicates view needs it: an indexer works it out once per document.
    bool selectsForKey(const Document& doc, const QString& userKey,
                       const std::function<QString()>& duplicateKey) const;

    // SHA-256 of everything that shapes the index: id, selection (with the user it is
    // resolved for when the view has an `assignedItem`), each column's item, kind, category
    // and sortability. Titles and widths are left out: they change no stored row.
    QByteArray indexHash(const QString& userName) const;
};

} // namespace sen::views
