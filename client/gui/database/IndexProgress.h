#pragma once

// What a database page shows while its view index is first built (docs/views.md §"The first
// view first"): in place of a view not yet built, a notice that it is being built (it opens
// by itself when ready: DatabasePage follows IndexUpdater::viewsReady); above a view shown
// while others are still being built, a line saying so, with how many are ready. Both follow
// the page's IndexUpdater; the line hides once every view is ready.

#include "client/views/ViewDefinition.h"

#include <QObject>
#include <QString>

#include <vector>

class QLabel;
class QWidget;

namespace sen::app {
class IndexUpdater;
}

namespace sen::gui {

class IndexProgress : public QObject
{
    Q_OBJECT
public:
    // The labels are children of `parent`, for the page to place.
    IndexProgress(const std::vector<views::ViewDefinition>& views, QWidget* parent);

    // Follows `updater` (which must outlive this) from now on.
    void follow(const app::IndexUpdater& updater);
    // The notice names the view waited for (empty: the database's first view).
    void waitFor(const QString& viewId);

    QLabel* notice() const { return m_notice; }
    QLabel* line() const { return m_line; }

private:
    void refresh();

    std::vector<views::ViewDefinition> m_views;
    const app::IndexUpdater* m_updater = nullptr;
    QString m_waitingFor;
    QLabel* m_notice;
    QLabel* m_line;
};

} // namespace sen::gui
