#include "common/model/DocumentLimits.h"

#include <QCborArray>
#include <QCborMap>

namespace sen {

namespace {

qint64 cborItems(const QCborValue& value)
{
    qint64 n = 1;
    if (value.isArray()) {
        for (const QCborValue& element : value.toArray())
            n += cborItems(element);
    } else if (value.isMap()) {
        const QCborMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            n += cborItems(it.key()) + cborItems(it.value());
    }
    return n;
}

// An item is [name, type, flags, value, instance, counter, time]: the array and six
// scalars besides its value.
constexpr qint64 kItemCborItems = 7;

} // namespace

qint64 documentCborItems(const Document& doc)
{
    qint64 n = vectorCborItems(static_cast<qint64>(doc.versions.entries().size())) + 1;
    for (const Item& item : doc.items)
        n += kItemCborItems + (item.isTombstone() ? 1 : cborItems(item.value));
    return n;
}

Status checkDocumentLimits(const Document& doc, qint64 itemsBytes)
{
    if (itemsBytes > kMaxDocumentBytes)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("the document is too large to replicate: its items take %1 bytes, at most "
                           "%2 are allowed; put large content in attachments")
                .arg(itemsBytes)
                .arg(kMaxDocumentBytes));
    if (const qint64 items = documentCborItems(doc); items > kMaxDocumentCborItems)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the document is too large to replicate: it holds %1 values, at most %2 "
                                     "are allowed; split its lists over several documents")
                          .arg(items)
                          .arg(kMaxDocumentCborItems));
    return Status::ok();
}

} // namespace sen
