#include "client/gui/database/ViewNavigator.h"

#include "client/forms/FormCatalog.h"

#include <QHeaderView>

namespace sen::gui {

namespace {
constexpr int kViewIdRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;

// A view that shows one form goes in that form's folder; the others in "All".
QString folderOf(const views::ViewDefinition& view)
{
    if (view.forms.size() == 1) {
        if (const forms::FormDefinition* form = forms::FormCatalog::find(view.forms.front()))
            return form->displayTitle();
    }
    return ViewNavigator::tr("All documents");
}
} // namespace

ViewNavigator::ViewNavigator(const std::vector<views::ViewDefinition>& views, QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("navigator"));
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    QHash<QString, QTreeWidgetItem*> folders;
    for (const views::ViewDefinition& view : views) {
        const QString folder = folderOf(view);
        QTreeWidgetItem*& parentItem = folders[folder];
        if (!parentItem) {
            parentItem = new QTreeWidgetItem(this, {folder});
            parentItem->setFlags(Qt::ItemIsEnabled);
            QFont font = parentItem->font(0);
            font.setBold(true);
            parentItem->setFont(0, font);
        }
        auto* item = new QTreeWidgetItem(parentItem, {view.translatedTitle()});
        item->setData(0, kViewIdRole, view.id);
    }
    expandAll();
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (m_quiet || !current)
            return;
        if (current->data(0, kSearchRole).toBool())
            Q_EMIT searchChosen();
        else if (const QString id = current->data(0, kViewIdRole).toString(); !id.isEmpty())
            Q_EMIT viewChosen(id);
    });
}

void ViewNavigator::selectView(const QString& viewId)
{
    m_quiet = true;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->data(0, kViewIdRole).toString() == viewId) {
            setCurrentItem(*it);
            break;
        }
    }
    m_quiet = false;
}

void ViewNavigator::showSearch(const QString& query)
{
    m_quiet = true;
    if (query.isEmpty()) {
        delete m_search;
        m_search = nullptr;
    } else {
        if (!m_search) {
            m_search = new QTreeWidgetItem(this);
            m_search->setData(0, kSearchRole, true);
        }
        m_search->setText(0, tr("Search: %1").arg(query));
        setCurrentItem(m_search);
    }
    m_quiet = false;
}

} // namespace sen::gui
