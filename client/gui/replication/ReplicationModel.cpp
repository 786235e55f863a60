#include "client/gui/replication/ReplicationModel.h"

#include "client/app/ReplicaServerList.h"
#include "client/core/ErrorText.h"
#include "client/sync/SyncScheduler.h"

#include <QDateTime>

namespace sen::gui {

namespace {

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

} // namespace

ReplicationModel::ReplicationModel(const client::Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{}

Status ReplicationModel::reload()
{
    Status first;
    std::vector<Row> rows;
    for (client::ListedReplica& replica : client::listReplicas(m_workspace, first)) {
        if (!replica.status.isReplicated() && !replica.status.exchangesBundles())
            continue; // a local database; a replica with no link is listed for its bundles
        const int schedule = replica.status.scheduleMinutes;
        rows.push_back(Row{std::move(replica.entry), std::move(replica.status), schedule});
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return first;
}

void ReplicationModel::setSchedule(const QString& name, int minutes)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_rows[static_cast<std::size_t>(row)].schedule = minutes;
    changedRow(name);
}

void ReplicationModel::onStarted(const QString& name)
{
    m_running.insert(name, SessionProgress{});
    changedRow(name);
}

void ReplicationModel::onProgress(const QString& name, const SessionProgress& progress)
{
    m_running.insert(name, progress);
    changedRow(name);
}

void ReplicationModel::onFinished(const client::SyncReport& report)
{
    m_running.remove(report.replica);
    m_reports.insert(report.replica, report);
    m_reportMs.insert(report.replica, QDateTime::currentMSecsSinceEpoch());
    changedRow(report.replica);
}

std::optional<client::SyncReport> ReplicationModel::lastReport(const QString& name) const
{
    const auto report = m_reports.constFind(name);
    if (report == m_reports.constEnd())
        return std::nullopt;
    const int row = rowOf(name);
    const auto& last = row >= 0 ? m_rows[static_cast<std::size_t>(row)].status.lastSession : std::nullopt;
    if (last && last->finishedMs > m_reportMs.value(name))
        return std::nullopt; // the history knows better
    return *report;
}

void ReplicationModel::changedRow(const QString& name)
{
    const int row = rowOf(name);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ReplicationModel::rowOf(const QString& name) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].entry.name == name)
            return static_cast<int>(i);
    return -1;
}

QString ReplicationModel::nameAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].entry.name : QString();
}

client::ReplicaSettings ReplicationModel::settingsAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].status.settings
                                        : client::ReplicaSettings{};
}

std::pair<QString, QString> ReplicationModel::lastServerAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    const auto report = m_reports.constFind(r.entry.name);
    if (report != m_reports.constEnd() && report->status.isOk())
        return {report->server, report->serverName};
    return {r.status.lastServer, r.status.lastServerName};
}

int ReplicationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReplicationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReplicationModel::scheduleText(int minutes)
{
    switch (minutes) {
    case 0:
        return tr("Only when asked");
    case 60:
        return tr("Every hour");
    case 240:
        return tr("Every 4 hours");
    default:
        return tr("Every %n minutes", nullptr, minutes);
    }
}

QString ReplicationModel::progressText(const SessionProgress& p)
{
    switch (p.phase) {
    case SessionProgress::Phase::Connecting:
        return tr("Connecting…");
    case SessionProgress::Phase::Pulling:
        return tr("Receiving: %n documents", nullptr, static_cast<int>(p.received));
    case SessionProgress::Phase::Pushing:
        return tr("Sending: %n documents", nullptr, static_cast<int>(p.sent));
    }
    return {};
}

QVariant ReplicationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const QString& name = row.entry.name;
    const auto& last = row.status.lastSession;
    const auto report = lastReport(name);
    const auto running = m_running.constFind(name);
    const bool busy = running != m_running.constEnd();
    switch (role) {
    case NameRole:
        return name;
    case UnsentRole:
        return row.status.unsentChanges;
    case ScheduleRole:
        return row.schedule;
    case LastStatusRole:
        if (report)
            return static_cast<int>(report->status.code());
        return last ? QVariant(static_cast<int>(last->status)) : QVariant();
    case ProgressRole:
        if (!busy)
            return {};
        return running->fraction() < 0 ? -1.0 : running->fraction();
    case ProgressTextRole:
        return busy ? progressText(*running) : QString();
    case Qt::ToolTipRole:
        if (index.column() == ServerColumn) {
            QStringList lines{tr("Servers, in the order a sync tries them:")};
            lines << row.status.settings.servers;
            if (const auto [server, serverName] = lastServerAt(index.row()); !server.isEmpty())
                lines << app::ReplicaServerList::lastServerText(server, serverName);
            return lines.join(u'\n');
        }
        if (index.column() == ResultColumn && (report || last)) {
            const Status status = report ? report->status : Status(last->status, last->message);
            return client::ErrorText::sentence(
                status,
                client::ErrorContext::syncing(row.status.settings.server, row.status.settings.database));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TitleColumn:
        return row.entry.info.title.isEmpty() ? name : row.entry.info.title;
    case ServerColumn: {
        // The server that served the last sync, else the home server; "+N" for the others.
        const QString served = lastServerAt(index.row()).first;
        const QString shown = served.isEmpty() ? row.status.settings.server : served;
        const qsizetype others = std::max<qsizetype>(0, row.status.settings.servers.size() - 1);
        QString text = shown + u'/' + row.status.settings.database;
        if (others > 0)
            text += u' ' + tr("(+%n other servers)", nullptr, int(others));
        return text;
    }
    case LastSyncColumn:
        if (report)
            return when(m_reportMs.value(name));
        return last ? when(last->finishedMs) : tr("never");
    case ResultColumn: {
        if (busy)
            return tr("Syncing…");
        const std::optional<ErrorCode> code = report ? std::optional(report->status.code())
                                              : last ? std::optional(last->status)
                                                     : std::nullopt;
        if (!code)
            return QString();
        if (*code == ErrorCode::Ok) {
            const qint64 received = report ? report->stats.received : last->received;
            const qint64 sent = report ? report->stats.sent : last->sent;
            const qint64 refused = report ? report->stats.refused : last->refused;
            if (refused > 0)
                return tr("OK: %1 received, %2 sent, %3 refused").arg(received).arg(sent).arg(refused);
            return tr("OK: %1 received, %2 sent").arg(received).arg(sent);
        }
        return *code == ErrorCode::Cancelled ? tr("Stopped") : tr("Failed");
    }
    case UnsentColumn:
        return row.status.unsentChanges ? tr("Changes not sent") : QString();
    case ProgressColumn:
        return busy ? progressText(*running) : QString();
    case ScheduleColumn:
        return scheduleText(row.schedule);
    default:
        return {};
    }
}

QVariant ReplicationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Database");
    case ServerColumn:
        return tr("Server / database");
    case LastSyncColumn:
        return tr("Last sync");
    case ResultColumn:
        return tr("Result");
    case UnsentColumn:
        return tr("Unsent");
    case ProgressColumn:
        return tr("Progress");
    case ScheduleColumn:
        return tr("Schedule");
    default:
        return {};
    }
}

} // namespace sen::gui
