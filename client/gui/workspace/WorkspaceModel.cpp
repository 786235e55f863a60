#include "client/gui/workspace/WorkspaceModel.h"

#include "client/core/ErrorText.h"
#include "client/gui/app/Icons.h"
#include "client/gui/workspace/KindIcon.h"

#include <QDateTime>
#include <QLocale>

namespace sen::gui {

WorkspaceModel::WorkspaceModel(const client::Workspace& workspace, QObject* parent)
    : QAbstractListModel(parent), m_workspace(workspace)
{}

void WorkspaceModel::setUnreadCounter(UnreadCounter counter)
{
    m_unreadCounter = std::move(counter);
}

void WorkspaceModel::setWorkCounts(QHash<QString, WorkCounts> counts)
{
    m_work = std::move(counts);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

Status WorkspaceModel::reload()
{
    Status first;
    std::vector<Row> rows;
    for (client::ListedReplica& replica : client::listReplicas(m_workspace, first)) {
        Row row{std::move(replica.entry), std::move(replica.status), std::nullopt,
                std::move(replica.problem)};
        if (m_unreadCounter && row.problem.isOk())
            row.unread = m_unreadCounter(row.entry);
        rows.push_back(std::move(row));
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return first;
}

int WorkspaceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorkspaceModel::rowOf(const QString& name) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].entry.name == name)
            return static_cast<int>(i);
    return -1;
}

QString WorkspaceModel::problemText(const Row& row) const
{
    if (row.problem.isOk())
        return QString();
    return client::ErrorText::sentence(
        row.problem, client::ErrorContext::forDatabase(client::Situation::OpeningDatabase, row.entry.name));
}

QString WorkspaceModel::subtitle(const Row& row) const
{
    if (!row.problem.isOk())
        return tr("cannot be opened");
    QStringList parts;
    if (row.unread && *row.unread > 0)
        parts << tr("%n unread", nullptr, static_cast<int>(*row.unread));
    else
        parts << tr("%n documents", nullptr, static_cast<int>(row.entry.documents));
    if (const auto work = m_work.constFind(row.entry.name); work != m_work.constEnd() && work->work > 0)
        parts << (work->overdue > 0 ? tr("%1 to do, %2 overdue").arg(work->work).arg(work->overdue)
                                    : tr("%1 to do").arg(work->work));
    if (!row.status.isReplicated())
        parts << tr("local only");
    else if (!row.status.lastSession)
        parts << tr("never synced");
    else {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(row.status.lastSession->finishedMs);
        const QString when = at.toString(QStringLiteral("dd/MM/yyyy HH:mm"));
        parts << (row.status.lastSession->status == ErrorCode::Ok ? tr("synced %1").arg(when)
                                                                  : tr("sync failed %1").arg(when));
    }
    if (row.status.unsentChanges)
        parts << tr("changes not sent");
    return parts.join(QStringLiteral(" · "));
}

QVariant WorkspaceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto& last = row.status.lastSession;
    switch (role) {
    case Qt::DisplayRole:
        return row.entry.info.title.isEmpty() ? row.entry.name : row.entry.info.title;
    case Qt::DecorationRole:
        return row.problem.isOk() ? kindIcon(row.entry.info.kind) : icon(Icon::Warning);
    case ProblemRole:
        return problemText(row);
    case Qt::ToolTipRole:
        if (!row.problem.isOk())
            return tr("%1\nFile: %2").arg(problemText(row), row.entry.name + QStringLiteral(".sen"));
        return tr("%1 (%2)\nFile: %3\nServer: %4")
            .arg(row.entry.info.title, kindTitle(row.entry.info.kind),
                 row.entry.name + QStringLiteral(".sen"),
                 row.status.isReplicated() ? row.status.settings.server + u'/' + row.status.settings.database
                                           : tr("none"));
    case NameRole:
        return row.entry.name;
    case KindRole:
        return static_cast<int>(row.entry.info.kind);
    case DocumentsRole:
        return QVariant::fromValue<qint64>(row.entry.documents);
    case UnreadRole:
        return row.unread ? QVariant::fromValue<qint64>(*row.unread) : QVariant();
    case LastSyncRole:
        return last ? QVariant(QDateTime::fromMSecsSinceEpoch(last->finishedMs)) : QVariant();
    case LastSyncOkRole:
        return last && last->status == ErrorCode::Ok;
    case LastSyncMessageRole:
        return last ? last->message : QString();
    case UnsentRole:
        return row.status.unsentChanges;
    case ServerRole:
        return row.status.settings.server;
    case SubtitleRole:
        return subtitle(row);
    case WorkRole:
    case OverdueRole: {
        const auto work = m_work.constFind(row.entry.name);
        if (work == m_work.constEnd())
            return {};
        return role == WorkRole ? work->work : work->overdue;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> WorkspaceModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(UnreadRole, "unread");
    names.insert(UnsentRole, "unsent");
    return names;
}

} // namespace sen::gui
