#pragma once

// The client's main window: the workspace page as the first tab, each opened database in a
// tab of its own (Notes' window tabs), menus for switching ID and language, and the user's
// name in the status bar. It owns the workspace model; the databases' windows own their
// replica connections.

#include "app/UserSession.h"

#include <QMainWindow>

class QTabWidget;

namespace sen::gui {

class OpenReplicas;
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
    QTabWidget& tabs() const { return *m_tabs; }
    OpenReplicas& replicas() const { return *m_replicas; }

    // Opens (or brings forward) the tab of the local replica `name`; false with a message
    // box when it cannot be opened.
    bool openDatabase(const QString& name);
    // Reads the workspace's replicas again (after a sync, an added replica, a save).
    void refreshWorkspace();
    // A message in the status bar for a few seconds.
    void showStatusMessage(const QString& text);

Q_SIGNALS:
    // The user asked to log in with another ID; the application closes this window first.
    void switchIdRequested();
    // The window closed (every page agreed to close).
    void closed();

protected:
    // Closes every open database page first; one that keeps unsaved work keeps the window.
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void chooseLanguage(int language);
    void closeTab(int index);

    UserSession m_session;
    OpenReplicas* m_replicas;
    WorkspaceModel* m_model;
    WorkspacePage* m_workspacePage;
    QTabWidget* m_tabs;
};

} // namespace sen::gui
