#include "client/app/PdfAttachments.h"

#include "client/core/DocumentJson.h"

namespace sen::app {

namespace {

PdfTextReader& installed()
{
    static PdfTextReader reader;
    return reader;
}

const QString kPrefix = QStringLiteral("$File:");

} // namespace

bool isPdfName(const QString& name)
{
    return name.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

std::vector<PdfAttachment> pdfAttachments(const Document& doc)
{
    std::vector<PdfAttachment> pdfs;
    if (doc.isDeleted())
        return pdfs;
    for (const Item& item : doc.items) {
        if (!client::isAttachmentItem(item) || item.isTombstone() || (item.flags & Encrypted))
            continue;
        const QString name = item.name.mid(kPrefix.size());
        Result<AttachmentRef> ref = AttachmentRef::fromCbor(item.value);
        if (!ref || !(isPdfName(name) || isPdfName(ref->fileName)))
            continue;
        pdfs.push_back({name, std::move(*ref)});
    }
    return pdfs;
}

bool hasAttachmentItems(const Document& doc)
{
    for (const Item& item : doc.items) {
        if (item.type == ItemType::Attachment)
            return true;
    }
    return false;
}

void installPdfTextReader(PdfTextReader reader)
{
    installed() = std::move(reader);
}

const PdfTextReader& pdfTextReader()
{
    return installed();
}

} // namespace sen::app
