#pragma once

// The workspace page (Notes' workspace): the local replicas as tiles or as a list, each with
// its kind, unread count, last sync and a mark when edits wait to be sent; one that cannot be
// read is a marked tile saying why. Opening a tile, syncing, a tile's properties and adding a
// replica are asked for by signal; the main window does them. A tile's right-click menu:
// Open, Sync now, Properties.

#include <QWidget>

class QListView;
class QAction;
class QMenu;
class QModelIndex;

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
    // The right-click menu of the tile at `index` (the caller owns it; tests call it directly).
    QMenu* contextMenuFor(const QModelIndex& index);

Q_SIGNALS:
    void openRequested(const QString& name);
    void syncRequested(const QString& name); // empty: every replica
    void propertiesRequested(const QString& name);
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
