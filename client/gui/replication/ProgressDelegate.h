#pragma once

// Draws the replication table's progress column as a progress bar while a replica syncs:
// filled to the estimate when the server told its total (ReplicationModel::ProgressRole in
// 0..1), a busy bar otherwise (negative), nothing when idle (null). GUI thread.

#include <QStyledItemDelegate>

namespace sen::gui {

class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace sen::gui
