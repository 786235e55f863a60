#include "client/gui/database/SearchResultsModel.h"

#include "client/gui/views/ViewModel.h"

#include <QFont>

namespace sen::gui {

SearchResultsModel::SearchResultsModel(QString query, std::vector<Hit> hits, QObject* parent)
    : QAbstractTableModel(parent), m_query(std::move(query)), m_hits(std::move(hits))
{}

const app::SearchResult* SearchResultsModel::hit(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_hits[static_cast<std::size_t>(row)].result;
}

void SearchResultsModel::setUnread(int row, bool unread)
{
    if (row < 0 || row >= rowCount())
        return;
    m_hits[static_cast<std::size_t>(row)].unread = unread;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1), {Qt::FontRole});
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Hit& hit = m_hits[static_cast<std::size_t>(index.row())];
    const app::SearchResult& result = hit.result;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case DatabaseColumn:
            return result.databaseTitle;
        case FormColumn:
            return result.formTitle;
        case NumberColumn:
            return result.record.number;
        case DateColumn:
            return result.record.date.isValid() ? result.record.date.toString(QStringLiteral("dd/MM/yyyy"))
                                                : QString();
        case AbstractColumn:
            return result.record.abstract;
        case MatchesColumn:
            return QString(result.snippet).replace(u'\n', QStringLiteral(" · "));
        default:
            return {};
        }
    case Qt::FontRole:
        if (hit.unread) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ViewModel::UnidRole:
        return result.unid.toHex();
    case ViewModel::UnreadRole:
        return hit.unread;
    case ViewModel::ConflictRole:
        return false; // the conflict dialog opens from the document itself
    case ViewModel::CategoryRole:
        return false;
    case DatabaseRole:
        return result.database;
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DatabaseColumn:
        return tr("Database");
    case FormColumn:
        return tr("Form");
    case NumberColumn:
        return tr("Number and symbol");
    case DateColumn:
        return tr("Date");
    case AbstractColumn:
        return tr("Abstract");
    case MatchesColumn:
        return tr("Matches");
    default:
        return {};
    }
}

} // namespace sen::gui
