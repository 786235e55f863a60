#pragma once

// The client's main window: the workspace page as the first tab, beside "Việc của tôi"
// (MyWorkPage: the user's work, refreshed after every sync and save; what is newly assigned
// or newly due also goes to the system tray when there is one), each opened database in a
// tab of its own (Notes' window tabs), menus for switching ID and language, and the user's
// name and whether the servers are reachable (client/sync/Connectivity.h) in the status bar.
// The window's geometry is kept in the workspace's sen.ini across runs, and its first size
// fits a 1366×768 screen. It owns the workspace model, the replication controller and
// scheduler (issue #5: replication off the GUI thread) and the replication page, shown as a
// tab when asked for. The open databases' sessions (app::OpenDatabases) and their view
// indexers (app::ViewIndexers) are the window's, shared by every page.

#include "client/core/ErrorText.h"
#include "client/gui/app/UserSession.h"
#include "client/sync/Connectivity.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;

namespace sen::client {
class SyncController;
class SyncScheduler;
} // namespace sen::client

namespace sen::app {
class OpenDatabases;
class ViewIndexers;
class WorkNotifier;
} // namespace sen::app

namespace sen::gui {

class MyWorkPage;
class ReplicationPage;
class WorkspaceModel;
class WorkspacePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(UserSession session, QWidget* parent = nullptr);
    ~MainWindow() override;

    const UserSession& session() const { return m_session; }
    WorkspaceModel& workspaceModel() const { return *m_model; }
    WorkspacePage& workspacePage() const { return *m_workspacePage; }
    MyWorkPage& myWorkPage() const { return *m_myWorkPage; }
    QTabWidget& tabs() const { return *m_tabs; }
    app::OpenDatabases& databases() const { return *m_databases; }
    app::ViewIndexers& indexers() const { return *m_indexers; }
    client::SyncController& syncController() const { return *m_sync; }
    client::SyncScheduler& syncScheduler() const { return *m_scheduler; }
    ReplicationPage& replicationPage() const { return *m_replicationPage; }

    // Opens (or brings forward) the tab of the local replica `name`; false with a message
    // box when it cannot be opened.
    bool openDatabase(const QString& name);
    // Reads the workspace's replicas again (after a sync, an added replica, a save).
    void refreshWorkspace();
    // Collects "my work" again now (app::MyWork), shows it on the home page and the tiles,
    // and tells the user what is newly assigned or due (app::WorkNotifier). Changes and
    // syncs call it through a short timer, so a burst of them reads once.
    void refreshMyWork();
    // A message in the status bar for a few seconds.
    void showStatusMessage(const QString& text);
    // A failure in the status bar for a few seconds: ErrorText's sentence, the engine's words
    // as the status bar's tooltip while it shows.
    void showStatusError(const Status& status, const client::ErrorContext& context);
    // Asks for a new local database (NewDatabaseDialog) and opens it.
    void newLocalDatabase();
    // Syncs one replica now (asks first when working offline), as "Sync now" does.
    void syncReplica(const QString& name);
    // Shows the replication page's tab (adding it when closed), with `name` selected.
    void openReplicationPage(const QString& name = {});
    // The "add a replica" dialog; on OK the controller adds and syncs it.
    void addReplica();
    // F9: syncs the database of the current tab (a database page or one of its documents),
    // or every database from the workspace or replication tab.
    void syncCurrent();
    // What the status bar says of the network ("Online" only after a sync reached its server).
    const client::Connectivity& connectivity() const { return m_connectivity; }
    // The language menu saves the choice and offers to restart; on Yes the window closes and
    // this runs (by default: starts the same executable with the same arguments, then quits).
    // Tests replace it.
    void setRestarter(std::function<void()> restarter);
    // The workspace's settings file (sen.ini): language, window geometry.
    QString settingsPath() const;

Q_SIGNALS:
    // The user asked to log in with another ID; the application closes this window first.
    void switchIdRequested();
    // The window closed (every page agreed to close).
    void closed();

protected:
    // Closes every open database page first; one that keeps unsaved work keeps the window.
    // Then stops replication: a running sync ends cleanly (what it committed stays), within
    // SyncController::kShutdownWaitMs.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void chooseLanguage(int language);
    // The window's size, position and state as the last run left them (sen.ini), else a
    // size that fits the screen.
    void restoreWindow();
    void saveWindow();
    void closeTab(int index);
    void buildReplication();
    void updateSyncStatus();
    void buildMyWork();
    void openWorkDocument(const QString& database, const Unid& unid);

    UserSession m_session;
    app::OpenDatabases* m_databases;
    app::ViewIndexers* m_indexers;
    WorkspaceModel* m_model;
    WorkspacePage* m_workspacePage;
    MyWorkPage* m_myWorkPage;
    std::unique_ptr<app::WorkNotifier> m_notifier;
    QTimer* m_myWorkTimer;
    QSystemTrayIcon* m_tray = nullptr;
    QTabWidget* m_tabs;
    client::SyncController* m_sync;
    client::SyncScheduler* m_scheduler;
    ReplicationPage* m_replicationPage;
    QLabel* m_syncStatus;
    QLabel* m_syncIcon;
    client::Connectivity m_connectivity;
    std::function<void()> m_restarter;
};

} // namespace sen::gui
