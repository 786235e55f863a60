#include "client/pdf/PdfTextReader.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QPdfSelection>

namespace sen::pdf {

app::PdfText readPdfText(const QByteArray& bytes, int maxPages, int maxChars)
{
    app::PdfText out;
    // From memory: the bytes the store verified, never a file of the replica.
    QByteArray data = bytes; // QBuffer wants a non-const array; shares, no copy
    QBuffer buffer(&data);
    if (!buffer.open(QIODevice::ReadOnly))
        return out;
    QPdfDocument document;
    document.load(&buffer); // a QBuffer is random-access and whole: loads at once
    if (document.status() != QPdfDocument::Status::Ready || document.error() != QPdfDocument::Error::None)
        return out;
    out.readable = true;
    const int pages = std::min(document.pageCount(), std::max(maxPages, 0));
    for (int page = 0; page < pages && out.text.size() < maxChars; ++page) {
        const QString text = document.getAllText(page).text().trimmed();
        ++out.pages;
        if (text.isEmpty())
            continue;
        if (!out.text.isEmpty())
            out.text += u'\n';
        out.text += text;
    }
    if (out.text.size() > maxChars)
        out.text.truncate(maxChars);
    return out;
}

void installPdfTextReader()
{
    app::installPdfTextReader(&readPdfText);
}

} // namespace sen::pdf
