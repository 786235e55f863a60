#include "tests/pdf/PdfFixture.h"

#include <QBuffer>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace sen::test {

QByteArray makePdf(const QStringList& pages)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
        for (qsizetype i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            const QRect area = painter.viewport().adjusted(100, 100, -100, -100);
            painter.drawText(area, Qt::TextWordWrap, pages[i]);
        }
        painter.end();
    }
    return buffer.data();
}

} // namespace sen::test
