#pragma once

// A piece of text wrapped for a width on a paint device, as every printed page of the client
// lays it out (client/print/TablePage.h, client/print/SlipPrinter.h): DejaVu Sans (Vietnamese
// glyphs, which a PDF embeds), wrapped at word boundaries or anywhere inside an over-long
// word, '\n' a line break; optionally its first characters in bold (a label before its value).
// Needs a QGuiApplication (fonts).

#include <QFont>
#include <QPointF>
#include <QString>
#include <QTextLayout>

class QPaintDevice;
class QPainter;

namespace sen::print {

// The printed pages' font at `points`.
QFont printFont(double points, bool bold = false, bool italic = false);

class TextBlock
{
public:
    // `text` laid out for `width` device pixels; its first `boldPrefix` characters bold.
    TextBlock(const QString& text, const QFont& font, QPaintDevice* device, double width,
              Qt::Alignment alignment = Qt::AlignLeft, int boldPrefix = 0);
    TextBlock(const TextBlock&) = delete;
    TextBlock& operator=(const TextBlock&) = delete;

    double height() const { return m_height; }
    void draw(QPainter& painter, const QPointF& at) const;

private:
    QTextLayout m_layout;
    double m_height = 0;
};

} // namespace sen::print
