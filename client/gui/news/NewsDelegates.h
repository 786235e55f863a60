#pragma once

// How the news reader draws its two lists (client/gui/news/NewsReaderView.h): an article as a
// headline (bold with a blue dot while unread), a line of date and category, and its summary
// cut to one line; a category as its name with the unread count in a badge on the right. Both
// read the roles below from the list's items; the items' own text stays the plain words (for
// screen readers and tests).
//
// GUI thread only.

#include <QStyledItemDelegate>

namespace sen::gui {

enum NewsRole
{
    NewsUnidRole = Qt::UserRole + 1, // QString: the article's UNID in hex
    NewsTitleRole,                   // QString
    NewsMetaRole,                    // QString: "03/12/2026 08:30 · Chuyển đổi số", or "Draft"
    NewsSummaryRole,                 // QString
    NewsUnreadRole,                  // bool (article) / int unread count (category)
    NewsDraftRole,                   // bool
};

class NewsArticleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

class NewsCategoryDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace sen::gui
