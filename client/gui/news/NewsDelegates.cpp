#include "client/gui/news/NewsDelegates.h"

#include <QApplication>
#include <QPainter>

namespace sen::gui {

namespace {

constexpr int kPad = 8;
constexpr int kDot = 8;

QFont scaled(QFont font, double factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

// The row's background as the style draws it (selection, alternate rows, hover), no text.
void drawBackground(QPainter* painter, QStyleOptionViewItem background)
{
    background.text.clear();
    background.icon = QIcon();
    const QWidget* widget = background.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
}

QColor textColor(const QStyleOptionViewItem& option, bool secondary)
{
    if (option.state & QStyle::State_Selected)
        return option.palette.color(QPalette::HighlightedText);
    return secondary ? QColor(0x60, 0x60, 0x60) : option.palette.color(QPalette::Text);
}

} // namespace

void NewsArticleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    drawBackground(painter, background);
    painter->save();
    const bool unread = index.data(NewsUnreadRole).toBool();
    const bool draft = index.data(NewsDraftRole).toBool();
    const QRect area = option.rect.adjusted(kPad + kDot + 6, kPad / 2 + 2, -kPad, -kPad / 2);
    if (unread) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x1a, 0x73, 0xe8));
        painter->drawEllipse(QRect(option.rect.left() + kPad, area.top() + 5, kDot, kDot));
    }
    const QFont titleFont = scaled(option.font, 1.05, unread);
    const QFont metaFont = scaled(option.font, 0.9, false);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics metaMetrics(metaFont);

    // The headline on up to two lines.
    painter->setFont(titleFont);
    painter->setPen(textColor(option, false));
    const QRect titleRect(area.left(), area.top(), area.width(), titleMetrics.lineSpacing() * 2);
    QRect used;
    painter->drawText(titleRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                      index.data(NewsTitleRole).toString(), &used);
    int y = used.bottom() + 3;
    painter->setFont(metaFont);
    QColor meta = textColor(option, true);
    if (draft && !(option.state & QStyle::State_Selected))
        meta = QColor(0x9a, 0x5b, 0x00);
    painter->setPen(meta);
    painter->drawText(
        QRect(area.left(), y, area.width(), metaMetrics.height()), Qt::AlignLeft,
        metaMetrics.elidedText(index.data(NewsMetaRole).toString(), Qt::ElideRight, area.width()));
    y += metaMetrics.height() + 1;
    const QString summary = index.data(NewsSummaryRole).toString().simplified();
    if (!summary.isEmpty()) {
        painter->setPen(textColor(option, true));
        painter->drawText(QRect(area.left(), y, area.width(), metaMetrics.height()), Qt::AlignLeft,
                          metaMetrics.elidedText(summary, Qt::ElideRight, area.width()));
    }
    // A thin rule between articles.
    painter->setPen(QColor(0xe3, 0xe3, 0xe3));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

QSize NewsArticleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics titleMetrics(scaled(option.font, 1.05, true));
    const QFontMetrics metaMetrics(scaled(option.font, 0.9, false));
    const int width =
        std::max(120, (option.rect.width() > 0 ? option.rect.width() : 300) - 2 * kPad - kDot - 6);
    const QRect title = titleMetrics.boundingRect(QRect(0, 0, width, titleMetrics.lineSpacing() * 2),
                                                  Qt::TextWordWrap, index.data(NewsTitleRole).toString());
    const int lines = index.data(NewsSummaryRole).toString().trimmed().isEmpty() ? 1 : 2;
    return QSize(width, kPad + 2 + std::min(title.height(), titleMetrics.lineSpacing() * 2) + 3 +
                            lines * (metaMetrics.height() + 1) + kPad / 2);
}

void NewsCategoryDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    drawBackground(painter, background);
    painter->save();
    const int unread = index.data(NewsUnreadRole).toInt();
    const QRect area = option.rect.adjusted(kPad, 0, -kPad, 0);
    QString badge;
    int badgeWidth = 0;
    const QFont badgeFont = scaled(option.font, 0.85, true);
    if (unread > 0) {
        badge = QString::number(unread);
        badgeWidth = QFontMetrics(badgeFont).horizontalAdvance(badge) + 12;
    }
    painter->setFont(scaled(option.font, 1.0, unread > 0));
    painter->setPen(textColor(option, false));
    const QRect nameRect = area.adjusted(0, 0, -(badgeWidth + 6), 0);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(index.data(NewsTitleRole).toString(), Qt::ElideRight,
                                                        nameRect.width()));
    if (unread > 0) {
        const int height = QFontMetrics(badgeFont).height() + 2;
        const QRect pill(area.right() - badgeWidth, area.center().y() - height / 2, badgeWidth, height);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush((option.state & QStyle::State_Selected) ? QColor(Qt::white)
                                                                  : QColor(0x1a, 0x73, 0xe8));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setFont(badgeFont);
        painter->setPen((option.state & QStyle::State_Selected) ? QColor(0x1a, 0x73, 0xe8)
                                                                : QColor(Qt::white));
        painter->drawText(pill, Qt::AlignCenter, badge);
    }
    painter->restore();
}

QSize NewsCategoryDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return QSize(160, QFontMetrics(option.font).height() + 14);
}

} // namespace sen::gui
