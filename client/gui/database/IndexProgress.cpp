#include "client/gui/database/IndexProgress.h"

#include "client/app/IndexUpdater.h"

#include <QLabel>

#include <algorithm>

namespace sen::gui {

IndexProgress::IndexProgress(const std::vector<views::ViewDefinition>& views, QWidget* parent)
    : QObject(parent), m_views(views), m_notice(new QLabel(parent)), m_line(new QLabel(parent))
{
    m_notice->setObjectName(QStringLiteral("indexNotice"));
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setWordWrap(true);
    m_line->setObjectName(QStringLiteral("indexProgress"));
    m_line->setContentsMargins(8, 4, 8, 4);
    m_line->setWordWrap(true);
    m_line->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); }"));
    m_line->hide();
    refresh();
}

void IndexProgress::follow(const app::IndexUpdater& updater)
{
    m_updater = &updater;
    connect(&updater, &app::IndexUpdater::viewsReady, this, &IndexProgress::refresh);
    connect(&updater, &app::IndexUpdater::updated, this, &IndexProgress::refresh);
    refresh();
}

void IndexProgress::waitFor(const QString& viewId)
{
    m_waitingFor = viewId;
    refresh();
}

void IndexProgress::refresh()
{
    const int ready = m_updater ? m_updater->readyViews() : 0;
    const int all = m_updater ? m_updater->viewCount() : static_cast<int>(m_views.size());
    const auto view = std::find_if(m_views.begin(), m_views.end(),
                                   [&](const views::ViewDefinition& v) { return v.id == m_waitingFor; });
    if (ready == 0 || view == m_views.end())
        m_notice->setText(
            tr("Indexing the database… The first opening of a large database takes a few seconds."));
    else
        m_notice->setText(
            tr("Building the view “%1”… It opens as soon as it is ready (%2 of %3 views ready).")
                .arg(view->translatedTitle())
                .arg(ready)
                .arg(all));
    m_line->setText(tr("Building the other views of this database: %1 of %2 ready. Each opens as soon as "
                       "it is built.")
                        .arg(ready)
                        .arg(all));
    m_line->setVisible(ready > 0 && ready < all);
}

} // namespace sen::gui
