#pragma once

// The workspace page (Notes' workspace): the local replicas as tiles or as a list, each with
// its kind, unread count, last sync and a mark when edits wait to be sent. Opening a tile,
// syncing and adding a replica are asked for by signal; the main window does them.

#include <QWidget>

class QListView;
class QAction;

namespace sen::gui {

class WorkspaceModel;

class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    enum class Layout
    {
        Tiles,
        List,
    };

    WorkspacePage(WorkspaceModel& model, QWidget* parent = nullptr);

    void setArrangement(Layout layout);
    Layout arrangement() const { return m_layout; }
    QListView* view() const { return m_view; }
    // The local name of the selected replica, or empty.
    QString selectedName() const;

Q_SIGNALS:
    void openRequested(const QString& name);
    void syncRequested(const QString& name); // empty: every replica
    void addReplicaRequested();
    void newDatabaseRequested();
    void refreshRequested();

private:
    void showContextMenu(const QPoint& at);

    WorkspaceModel& m_model;
    QListView* m_view;
    QAction* m_tiles;
    QAction* m_list;
    Layout m_layout = Layout::Tiles;
};

} // namespace sen::gui
