#include "client/gui/replication/ProgressDelegate.h"

#include "client/gui/replication/ReplicationModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace sen::gui {

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    const QVariant progress = index.data(ReplicationModel::ProgressRole);
    if (!progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const double fraction = progress.toDouble();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.minimum = 0;
    bar.maximum = 1000;
    // Busy: no total known. A static bar stands for it (the text says what is happening);
    // the view repaints it at each report.
    bar.progress = fraction < 0 ? 0 : static_cast<int>(fraction * 1000);
    bar.text = index.data(ReplicationModel::ProgressTextRole).toString();
    if (fraction >= 0)
        bar.text += QStringLiteral(" %1%").arg(static_cast<int>(fraction * 100));
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace sen::gui
