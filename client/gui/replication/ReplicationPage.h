#pragma once

// The replication page (issue #5): every replica that has a server, with its last sync and
// result, a "changes not sent" mark, a progress bar while it syncs, "sync now" and its
// schedule; below, for the selected replica, its history, its errors in plain words and the
// edits the server refused. Work offline is a switch here and in the main window's menu. An
// office with no link exports and imports bundles of changes from the "Bundles" menu
// (BundleActions.h) on the selected replica.
//
// It watches the SyncController and the SyncScheduler (both owned by the main window) and
// asks them for work; it never drives a session. It reads each replica's history and
// refusals, and restores refused edits, through the database's session (app::OpenDatabases).
// GUI thread only.

#include "client/core/Workspace.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace sen::app {
class OpenDatabases;
}

namespace sen::client {
class SyncController;
class SyncScheduler;
struct SyncReport;
} // namespace sen::client

namespace sen::gui {

class BundleActions;
class ReplicaServersDialog;
class ReplicationModel;

class ReplicationPage : public QWidget
{
    Q_OBJECT
public:
    ReplicationPage(app::OpenDatabases& databases, client::SyncController& controller,
                    client::SyncScheduler& scheduler, QWidget* parent = nullptr);
    ~ReplicationPage() override;

    ReplicationModel& model() const { return *m_model; }
    QStandardItemModel& history() const { return *m_history; }
    QStandardItemModel& errors() const { return *m_errors; }
    QStandardItemModel& refusals() const { return *m_refusals; }
    QTableView* table() const { return m_table; }
    // Export and import of bundles on the selected replica.
    BundleActions& bundles() const { return *m_bundles; }

    // Reads the replicas again (keeps the selection when it still exists).
    void reload();
    void select(const QString& name);
    QString selectedName() const;

    // "Sync now" for `name` (empty: every replica); while working offline the user is asked
    // first. True when it was queued.
    bool requestSync(const QString& name);
    // The list editor of the selected replica's servers (ReplicaServersDialog), or null when
    // none is selected or it is a local database (`problem` says why). The button opens it.
    std::unique_ptr<ReplicaServersDialog> serversDialog(Status* problem = nullptr);

    // Restores the server's version of the refused document in row `row` of refusals()
    // (client/core/RefusedChanges.h: the refused version goes to the drafts database) and
    // asks for a sync of the selected replica, which brings the server's version.
    Status restoreRefused(int row);

    // How "sync now while offline" is confirmed: a question box unless replaced (tests).
    void setOfflineQuestion(std::function<bool()> ask) { m_askWhileOffline = std::move(ask); }

Q_SIGNALS:
    void addReplicaRequested();
    // restoreRefused() changed the replica `name` (and may have made its drafts database).
    void replicaRestored(const QString& name);
    // A first bundle made the new replica `name` (Bundles ▸ Create replica from bundle…).
    void replicaCreated(const QString& name);

private:
    void showDetails();
    void onFinished(const client::SyncReport& report);
    void updateActions();
    void chooseSchedule(int index);

    app::OpenDatabases& m_databases;
    const client::Workspace& m_workspace;
    client::SyncController& m_controller;
    client::SyncScheduler& m_scheduler;
    ReplicationModel* m_model;
    QStandardItemModel* m_history;
    QStandardItemModel* m_errors;
    QStandardItemModel* m_refusals;
    QTableView* m_table;
    QPushButton* m_syncNow;
    QPushButton* m_stop;
    QPushButton* m_servers;
    QPushButton* m_restoreRefused;
    BundleActions* m_bundles;
    QTableView* m_refusalsView;
    QComboBox* m_schedule;
    QCheckBox* m_offline;
    QLabel* m_detailsTitle;
    QTabWidget* m_details;
    std::function<bool()> m_askWhileOffline;
};

} // namespace sen::gui
