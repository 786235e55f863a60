#include "client/gui/database/SearchResultsModel.h"

#include "client/gui/views/ViewModel.h"

#include <QFont>

namespace sen::gui {

SearchResultsModel::SearchResultsModel(const views::ViewDefinition& view, QString query,
                                       std::vector<Hit> hits, QObject* parent)
    : QAbstractTableModel(parent), m_query(std::move(query)), m_hits(std::move(hits))
{
    for (std::size_t i = 0; i < view.columns.size(); ++i) {
        if (view.columns[i].categorised)
            continue;
        m_sourceColumns.push_back(static_cast<int>(i));
        m_titles << view.columns[i].translatedTitle();
    }
    m_titles << tr("Matches");
}

void SearchResultsModel::setUnread(int row, bool unread)
{
    if (row < 0 || row >= rowCount())
        return;
    m_hits[static_cast<std::size_t>(row)].row.unread = unread;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1), {Qt::FontRole});
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_titles.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Hit& hit = m_hits[static_cast<std::size_t>(index.row())];
    const bool snippetColumn = index.column() == static_cast<int>(m_sourceColumns.size());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (snippetColumn)
            return hit.snippet;
        return hit.row.values.value(m_sourceColumns[static_cast<std::size_t>(index.column())]);
    case Qt::FontRole:
        if (hit.row.unread) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ViewModel::UnidRole:
        return hit.row.unid.toHex();
    case ViewModel::UnreadRole:
        return hit.row.unread;
    case ViewModel::ConflictRole:
        return hit.row.conflict;
    case ViewModel::CategoryRole:
        return false;
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return m_titles.value(section);
}

} // namespace sen::gui
