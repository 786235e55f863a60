#pragma once

// Search results (client/app/Search.h) as a table, best first: the database, the form's title,
// số ký hiệu, date, trích yếu and the matching words around each hit. Holds at most the hits
// asked for (a page of results), so it needs no lazy fetching. Same roles as ViewModel
// (the UNID, unread, conflict) and DatabaseRole, the database the hit is in.

#include "client/app/Search.h"

#include <QAbstractTableModel>

#include <vector>

namespace sen::gui {

class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        DatabaseRole = Qt::UserRole + 64, // QString: the workspace name of the hit's database
    };
    enum Column
    {
        DatabaseColumn,
        FormColumn,
        NumberColumn,
        DateColumn,
        AbstractColumn,
        MatchesColumn,
        ColumnCount
    };

    struct Hit
    {
        app::SearchResult result;
        bool unread = false;
    };

    SearchResultsModel(QString query, std::vector<Hit> hits, QObject* parent = nullptr);

    const QString& query() const { return m_query; }
    const app::SearchResult* hit(int row) const;
    void setUnread(int row, bool unread);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_query;
    std::vector<Hit> m_hits;
};

} // namespace sen::gui
