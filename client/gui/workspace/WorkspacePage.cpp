#include "client/gui/workspace/WorkspacePage.h"

#include "client/gui/app/Icons.h"
#include "client/gui/workspace/WorkspaceDelegate.h"
#include "client/gui/workspace/WorkspaceModel.h"

#include <QActionGroup>
#include <QListView>
#include <QMenu>
#include <QToolBar>
#include <QVBoxLayout>

namespace sen::gui {

WorkspacePage::WorkspacePage(WorkspaceModel& model, QWidget* parent) : QWidget(parent), m_model(model)
{
    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->addAction(icon(Icon::Add), tr("Add replica…"), this, &WorkspacePage::addReplicaRequested);
    toolbar->addAction(icon(Icon::New), tr("New local database…"), this,
                       &WorkspacePage::newDatabaseRequested);
    toolbar->addSeparator();
    toolbar->addAction(icon(Icon::Sync), tr("Sync all"), this, [this] { Q_EMIT syncRequested(QString()); })
        ->setToolTip(tr("Sync every database now (F9)"));
    toolbar->addAction(icon(Icon::Refresh), tr("Refresh"), this, &WorkspacePage::refreshRequested);
    toolbar->addSeparator();
    auto* group = new QActionGroup(this);
    m_tiles = toolbar->addAction(tr("Tiles"), this, [this] { setArrangement(Layout::Tiles); });
    m_list = toolbar->addAction(tr("List"), this, [this] { setArrangement(Layout::List); });
    for (QAction* a : {m_tiles, m_list}) {
        a->setCheckable(true);
        group->addAction(a);
    }

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("workspaceView"));
    m_view->setModel(&m_model);
    m_view->setItemDelegate(new WorkspaceDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformItemSizes(true);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openRequested(index.data(WorkspaceModel::NameRole).toString());
    });
    connect(m_view, &QListView::customContextMenuRequested, this, &WorkspacePage::showContextMenu);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_view, 1);
    setArrangement(Layout::Tiles);
}

void WorkspacePage::setArrangement(Layout layout)
{
    m_layout = layout;
    const bool tiles = layout == Layout::Tiles;
    m_tiles->setChecked(tiles);
    m_list->setChecked(!tiles);
    static_cast<WorkspaceDelegate*>(m_view->itemDelegate())->setTiles(tiles);
    m_view->setViewMode(tiles ? QListView::IconMode : QListView::ListMode);
    m_view->setFlow(tiles ? QListView::LeftToRight : QListView::TopToBottom);
    m_view->setWrapping(tiles);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setSpacing(tiles ? 8 : 0);
    m_view->doItemsLayout();
}

QString WorkspacePage::selectedName() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(WorkspaceModel::NameRole).toString() : QString();
}

QMenu* WorkspacePage::contextMenuFor(const QModelIndex& index)
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tileMenu"));
    const QString name = index.data(WorkspaceModel::NameRole).toString();
    const bool replicated = !index.data(WorkspaceModel::ServerRole).toString().isEmpty();
    const bool readable = index.data(WorkspaceModel::ProblemRole).toString().isEmpty();
    QAction* open =
        menu->addAction(icon(Icon::Open), tr("Open"), this, [this, name] { Q_EMIT openRequested(name); });
    open->setEnabled(readable);
    QAction* sync =
        menu->addAction(icon(Icon::Sync), tr("Sync now"), this, [this, name] { Q_EMIT syncRequested(name); });
    sync->setEnabled(replicated && readable);
    menu->addSeparator();
    QAction* properties = menu->addAction(icon(Icon::Properties), tr("Properties…"), this,
                                          [this, name] { Q_EMIT propertiesRequested(name); });
    properties->setEnabled(replicated && readable);
    properties->setToolTip(tr("The database's server, schedule and replication history"));
    return menu;
}

void WorkspacePage::showContextMenu(const QPoint& at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid())
        return;
    QMenu* menu = contextMenuFor(index);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_view->viewport()->mapToGlobal(at));
}

} // namespace sen::gui
