#pragma once

// The navigator of a database (Notes' navigator pane): its views grouped in folders by what
// they show — for the documents database, incoming, outgoing and internal documents, then
// the views across all of them — and, while a search is shown, an entry for its results.

#include "client/views/ViewDefinition.h"

#include <QTreeWidget>

#include <vector>

namespace sen::gui {

class ViewNavigator : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ViewNavigator(const std::vector<views::ViewDefinition>& views, QWidget* parent = nullptr);

    // Selects a view's entry (without emitting viewChosen).
    void selectView(const QString& viewId);
    // Shows (or, with an empty query, removes) the search results entry, selected.
    void showSearch(const QString& query);

Q_SIGNALS:
    void viewChosen(const QString& viewId);
    void searchChosen();

private:
    QTreeWidgetItem* m_search = nullptr;
    bool m_quiet = false;
};

} // namespace sen::gui
