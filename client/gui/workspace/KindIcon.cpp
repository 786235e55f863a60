#include "client/gui/workspace/KindIcon.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace sen::gui {

namespace {

QColor kindColor(DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return QColor(0xb7, 0x1c, 0x1c); // the red of official documents
    case DatabaseKind::Calendar:
        return QColor(0x1b, 0x5e, 0x20);
    case DatabaseKind::News:
        return QColor(0x0d, 0x47, 0xa1);
    }
    return Qt::darkGray;
}

void paintGlyph(QPainter& p, DatabaseKind kind, const QRectF& r)
{
    p.setPen(QPen(Qt::white, r.width() / 14.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    const qreal u = r.width() / 8.0;
    switch (kind) {
    case DatabaseKind::Documents: { // a page with lines of text
        const QRectF page(r.left() + 2 * u, r.top() + 1.5 * u, 4 * u, 5 * u);
        p.drawRect(page);
        for (int i = 0; i < 3; ++i)
            p.drawLine(QPointF(page.left() + 0.8 * u, page.top() + (1.3 + i * 1.2) * u),
                       QPointF(page.right() - 0.8 * u, page.top() + (1.3 + i * 1.2) * u));
        break;
    }
    case DatabaseKind::Calendar: { // a calendar sheet with rings and a grid
        const QRectF sheet(r.left() + 1.5 * u, r.top() + 2 * u, 5 * u, 4.5 * u);
        p.drawRect(sheet);
        p.drawLine(QPointF(sheet.left(), sheet.top() + 1.2 * u),
                   QPointF(sheet.right(), sheet.top() + 1.2 * u));
        p.drawLine(QPointF(sheet.left() + 1.4 * u, sheet.top() - 0.8 * u),
                   QPointF(sheet.left() + 1.4 * u, sheet.top() + 0.4 * u));
        p.drawLine(QPointF(sheet.right() - 1.4 * u, sheet.top() - 0.8 * u),
                   QPointF(sheet.right() - 1.4 * u, sheet.top() + 0.4 * u));
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(sheet.center().x(), sheet.top() + 2.7 * u), 0.4 * u, 0.4 * u);
        break;
    }
    case DatabaseKind::News: { // a folded newspaper
        const QRectF paper(r.left() + 1.5 * u, r.top() + 2 * u, 5 * u, 4 * u);
        p.drawRect(paper);
        p.drawRect(QRectF(paper.left() + 0.7 * u, paper.top() + 0.7 * u, 1.6 * u, 1.4 * u));
        for (int i = 0; i < 2; ++i)
            p.drawLine(QPointF(paper.left() + 2.9 * u, paper.top() + (0.9 + i * 1.0) * u),
                       QPointF(paper.right() - 0.7 * u, paper.top() + (0.9 + i * 1.0) * u));
        p.drawLine(QPointF(paper.left() + 0.7 * u, paper.bottom() - 0.9 * u),
                   QPointF(paper.right() - 0.7 * u, paper.bottom() - 0.9 * u));
        break;
    }
    }
}

QPixmap paint(DatabaseKind kind, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0.5, 0.5, size - 1.0, size - 1.0);
    QPainterPath tile;
    tile.addRoundedRect(r, size / 6.0, size / 6.0);
    p.fillPath(tile, kindColor(kind));
    paintGlyph(p, kind, r);
    return pixmap;
}

} // namespace

QIcon kindIcon(DatabaseKind kind)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64})
        icon.addPixmap(paint(kind, size));
    return icon;
}

QString kindTitle(DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return QCoreApplication::translate("sen::gui", "Documents");
    case DatabaseKind::Calendar:
        return QCoreApplication::translate("sen::gui", "Work schedule");
    case DatabaseKind::News:
        return QCoreApplication::translate("sen::gui", "News");
    }
    return {};
}

} // namespace sen::gui
