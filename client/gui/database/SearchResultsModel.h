#pragma once

// Search results shown as a view (issue #5: "results as a view"): the rows of the hits of
// ReplicaStore::search in relevance order, with the columns of the database's search view
// and the matching words around each hit as the last column. Holds at most the hits asked
// for (a page of results), so it needs no lazy fetching. Same roles as ViewModel.

#include "client/views/ViewDefinition.h"
#include "client/views/ViewRow.h"

#include <QAbstractTableModel>

#include <vector>

namespace sen::gui {

class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Hit
    {
        views::ViewRow row;
        QString snippet; // matches wrapped in "[" and "]"
    };

    SearchResultsModel(const views::ViewDefinition& view, QString query, std::vector<Hit> hits,
                       QObject* parent = nullptr);

    const QString& query() const { return m_query; }
    void setUnread(int row, bool unread);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<int> m_sourceColumns; // the view's columns shown (a category column is not)
    QStringList m_titles;
    QString m_query;
    std::vector<Hit> m_hits;
};

} // namespace sen::gui
