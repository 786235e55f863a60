#pragma once

// PDF files made in the test with a real text layer: QPdfWriter and QPainter::drawText write
// the glyphs with their Unicode mapping, as a scanner's OCR does. Needs a QGuiApplication
// (fonts); the PDF and GUI test mains make one on the offscreen platform.

#include <QByteArray>
#include <QStringList>

namespace sen::test {

// A PDF of one page per entry of `pages`, each holding that text (wrapped to the page).
QByteArray makePdf(const QStringList& pages);

} // namespace sen::test
