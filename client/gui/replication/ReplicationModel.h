#pragma once

// The replication page's table: one row per replica that has a server — its title, the server
// that served its last sync (its list of servers on hover) and database, last sync (dd/MM/yyyy HH:mm) and how
// it ended, a mark when changes wait to be sent, the sync's progress while one runs, and its schedule. Fed by
// reload() (each replica's file, read-only) and by the SyncController's signals (progress, reports of syncs
// that never reached the history, such as an unreachable server). GUI thread only.

#include "client/core/ReplicaStatus.h"
#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "replication/session/SessionTypes.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace sen::gui {

class ReplicationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TitleColumn,
        ServerColumn,
        LastSyncColumn,
        ResultColumn,
        UnsentColumn,
        ProgressColumn,
        ScheduleColumn,
        ColumnCount,
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, // the local replica's name
        // ProgressColumn: the share done 0..1, -1 while busy with no estimate, null when idle.
        ProgressRole,
        ProgressTextRole,
        LastStatusRole, // ErrorCode of the last sync (int), null before the first
        UnsentRole,     // bool
        ScheduleRole,   // minutes, 0 for none
    };

    explicit ReplicationModel(const client::Workspace& workspace, QObject* parent = nullptr);

    // Reads every replica again; keeps the progress of running syncs. Returns the first
    // failure (the replicas that could be read are shown).
    Status reload();
    void setSchedule(const QString& name, int minutes);

    // From the SyncController.
    void onStarted(const QString& name);
    void onProgress(const QString& name, const SessionProgress& progress);
    void onFinished(const client::SyncReport& report);
    // A report of this run newer than the history's last row (a failure before the
    // handshake leaves no history row), or nullopt.
    std::optional<client::SyncReport> lastReport(const QString& name) const;

    int rowOf(const QString& name) const;
    QString nameAt(int row) const;
    client::ReplicaSettings settingsAt(int row) const;
    // The server that served the replica's last successful sync and its name (this run's
    // report, else the replica's record); empty before the first.
    std::pair<QString, QString> lastServerAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString scheduleText(int minutes);
    static QString progressText(const SessionProgress& progress);

private:
    struct Row
    {
        client::ReplicaEntry entry;
        client::ReplicaStatus status;
        int schedule = 0;
    };
    void changedRow(const QString& name);

    const client::Workspace& m_workspace;
    std::vector<Row> m_rows;
    QHash<QString, SessionProgress> m_running;
    QHash<QString, client::SyncReport> m_reports;
    QHash<QString, qint64> m_reportMs; // when each report arrived
};

} // namespace sen::gui
