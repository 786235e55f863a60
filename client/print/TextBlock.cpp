#include "client/print/TextBlock.h"

#include <QPainter>
#include <QTextCharFormat>

namespace sen::print {

QFont printFont(double points, bool bold, bool italic)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setItalic(italic);
    f.setStyleHint(QFont::SansSerif);
    return f;
}

TextBlock::TextBlock(const QString& text, const QFont& font, QPaintDevice* device, double width,
                     Qt::Alignment alignment, int boldPrefix)
    : m_layout(QString(text).replace(QLatin1Char('\n'), QChar::LineSeparator), font, device)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(alignment);
    m_layout.setTextOption(option);
    m_layout.setCacheEnabled(true);
    if (boldPrefix > 0) {
        QTextLayout::FormatRange bold;
        bold.start = 0;
        bold.length = boldPrefix;
        bold.format.setFontWeight(QFont::Bold);
        m_layout.setFormats({bold});
    }
    m_layout.beginLayout();
    for (QTextLine line = m_layout.createLine(); line.isValid(); line = m_layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, m_height));
        m_height += line.height();
    }
    m_layout.endLayout();
}

void TextBlock::draw(QPainter& painter, const QPointF& at) const
{
    m_layout.draw(&painter, at);
}

} // namespace sen::print
