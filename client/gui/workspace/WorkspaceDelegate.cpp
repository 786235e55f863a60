#include "client/gui/workspace/WorkspaceDelegate.h"

#include "client/gui/workspace/WorkspaceModel.h"

#include <QApplication>
#include <QPainter>

namespace sen::gui {

namespace {
constexpr int kTileWidth = 220;
constexpr int kTileHeight = 150;
constexpr int kTileIcon = 56;
constexpr int kListIcon = 32;

void paintBadge(QPainter* p, const QPoint& topRight, qint64 unread, const QFont& base)
{
    const QString text = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
    QFont font = base;
    font.setBold(true);
    font.setPointSizeF(base.pointSizeF() * 0.85);
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    const int w = std::max(h, fm.horizontalAdvance(text) + 10);
    const QRect badge(topRight.x() - w, topRight.y(), w, h);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0xd3, 0x2f, 0x2f));
    p->drawRoundedRect(badge, h / 2.0, h / 2.0);
    p->setPen(Qt::white);
    p->setFont(font);
    p->drawText(badge, Qt::AlignCenter, text);
}
} // namespace

void WorkspaceDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // Background and selection as the style draws them, without the default text and icon.
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, p, widget);

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(6, 6, -6, -6);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const QString title = index.data(Qt::DisplayRole).toString();
    const QString subtitle = index.data(WorkspaceModel::SubtitleRole).toString();
    const QVariant unread = index.data(WorkspaceModel::UnreadRole);
    const bool unsent = index.data(WorkspaceModel::UnsentRole).toBool();
    const bool unreadable = !index.data(WorkspaceModel::ProblemRole).toString().isEmpty();
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlpha(170);
    QFont bold = option.font;
    bold.setBold(true);

    QRect iconRect, titleRect, subtitleRect;
    int titleFlags = 0;
    if (m_tiles) {
        iconRect = QRect(r.center().x() - kTileIcon / 2, r.top() + 4, kTileIcon, kTileIcon);
        titleRect = QRect(r.left(), iconRect.bottom() + 6, r.width(), QFontMetrics(bold).height() * 2);
        subtitleRect =
            QRect(r.left(), titleRect.bottom() + 2, r.width(), r.bottom() - titleRect.bottom() - 2);
        titleFlags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
    } else {
        iconRect = QRect(r.left(), r.center().y() - kListIcon / 2, kListIcon, kListIcon);
        const int x = iconRect.right() + 10;
        titleRect = QRect(x, r.top(), r.right() - x, r.height() / 2);
        subtitleRect = QRect(x, r.top() + r.height() / 2, r.right() - x, r.height() / 2);
        titleFlags = Qt::AlignLeft | Qt::AlignBottom;
    }
    if (unreadable) { // marked: a red frame, and the subtitle says it cannot be opened
        p->setPen(QPen(QColor(0xc6, 0x28, 0x28), 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(option.rect.adjusted(2, 2, -2, -2), 6, 6);
        dim = selected ? text : QColor(0xb3, 0x26, 0x1e);
    }
    icon.paint(p, iconRect);
    if (unread.isValid() && unread.toLongLong() > 0)
        paintBadge(p, QPoint(iconRect.right() + 10, iconRect.top() - 4), unread.toLongLong(), option.font);
    if (unsent) {
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xf5, 0x7c, 0x00));
        p->drawEllipse(QPoint(iconRect.left() - 2, iconRect.bottom() - 2), 5, 5);
    }
    p->setPen(text);
    p->setFont(bold);
    p->drawText(titleRect, titleFlags,
                QFontMetrics(bold).elidedText(title, Qt::ElideRight, titleRect.width() * 2));
    p->setPen(dim);
    p->setFont(option.font);
    p->drawText(subtitleRect,
                (m_tiles ? Qt::AlignHCenter | Qt::AlignTop : Qt::AlignLeft | Qt::AlignTop) | Qt::TextWordWrap,
                subtitle);
    p->restore();
}

QSize WorkspaceDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    if (m_tiles)
        return {kTileWidth, kTileHeight};
    return {std::max(400, option.rect.width()),
            std::max(kListIcon, QFontMetrics(option.font).height() * 2) + 14};
}

} // namespace sen::gui
