#pragma once

// Paints a workspace replica as a tile (icon above, title, one line of state) or as a list
// row (icon left, title and state side by side), with an unread badge and an "unsent" dot.

#include <QStyledItemDelegate>

namespace sen::gui {

class WorkspaceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setTiles(bool tiles) { m_tiles = tiles; }
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    bool m_tiles = true;
};

} // namespace sen::gui
