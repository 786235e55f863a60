#include "model/DocumentCodec.h"

#include <QCborArray>
#include <QCborParserError>
#include <QCborStreamWriter>

namespace sen {

namespace {

QCborValue itemToCbor(const Item& item)
{
    return QCborArray{
        item.name,
        static_cast<int>(item.type),
        item.flags,
        item.isTombstone() ? QCborValue(nullptr) : item.value,
        item.stamp.dot.instance.toBytes(),
        static_cast<qint64>(item.stamp.dot.counter),
        static_cast<qint64>(item.stamp.time),
    };
}

// The same bytes as itemToCbor(item).toCbor(), written straight to the stream: building the
// QCborValue tree first costs several times more, and saves encode every item they touch.
void writeItem(QCborStreamWriter& w, const Item& item)
{
    w.startArray(7);
    w.append(QStringView(item.name));
    w.append(static_cast<qint64>(item.type));
    w.append(static_cast<qint64>(item.flags));
    if (item.isTombstone())
        w.append(nullptr);
    else
        item.value.toCbor(w);
    w.appendByteString(reinterpret_cast<const char*>(item.stamp.dot.instance.data()), InstanceId::size);
    w.append(static_cast<qint64>(item.stamp.dot.counter));
    w.append(static_cast<qint64>(item.stamp.time));
    w.endArray();
}

void writeItems(QCborStreamWriter& w, const std::vector<Item>& items)
{
    w.startArray(static_cast<quint64>(items.size()));
    for (const Item& item : items)
        writeItem(w, item);
    w.endArray();
}

Status corrupt(const QString& what)
{
    return Status(ErrorCode::Corruption, QStringLiteral("document: ") + what);
}

Result<Item> itemFromCbor(const QCborValue& value)
{
    const QCborArray a = value.toArray();
    if (!value.isArray() || a.size() != 7 || !a[0].isString() || !a[1].isInteger() || !a[2].isInteger() ||
        !a[4].isByteArray() || !a[5].isInteger() || !a[6].isInteger())
        return corrupt(QStringLiteral("item is not [name, type, flags, value, instance, counter, time]"));
    Item item;
    item.name = a[0].toString();
    if (!isValidItemName(item.name))
        return corrupt(QStringLiteral("bad item name"));
    const qint64 type = a[1].toInteger();
    if (!isValidItemType(static_cast<int>(type)))
        return corrupt(QStringLiteral("item %1 has unknown type %2").arg(item.name).arg(type));
    item.type = static_cast<ItemType>(type);
    const qint64 flags = a[2].toInteger();
    if (flags < 0 || (flags & ~kKnownItemFlags))
        return corrupt(QStringLiteral("item %1 has unknown flags").arg(item.name));
    item.flags = static_cast<int>(flags);
    if (!a[3].isNull()) {
        if (!isValidValue(item.type, a[3]))
            return corrupt(QStringLiteral("item %1 has a value of the wrong shape").arg(item.name));
        item.value = a[3];
    }
    const auto instance = InstanceId::fromBytes(a[4].toByteArray());
    const qint64 counter = a[5].toInteger();
    const qint64 time = a[6].toInteger();
    if (!instance || counter <= 0 || time < 0)
        return corrupt(QStringLiteral("item %1 has a bad stamp").arg(item.name));
    item.stamp = Stamp{Dot{*instance, static_cast<std::uint64_t>(counter)}, static_cast<HlcTime>(time)};
    return item;
}

} // namespace

QCborArray itemsToCbor(const std::vector<Item>& items)
{
    QCborArray array;
    for (const Item& item : items)
        array.append(itemToCbor(item));
    return array;
}

Result<std::vector<Item>> itemsFromCbor(const QCborArray& array, const VersionVector& versions)
{
    std::vector<Item> items;
    items.reserve(static_cast<std::size_t>(array.size()));
    for (const QCborValue& v : array) {
        Result<Item> item = itemFromCbor(v);
        if (!item)
            return item.status();
        if (!items.empty() && !(items.back().name < item->name))
            return corrupt(QStringLiteral("items are not sorted by name or repeat a name"));
        if (!versions.knows(item->stamp.dot))
            return corrupt(QStringLiteral("item %1 was set by an edit the version vector lacks").arg(item->name));
        items.push_back(std::move(item).value());
    }
    return items;
}

QCborValue documentToCbor(const Document& doc)
{
    const QCborArray items = itemsToCbor(doc.items);
    return QCborArray{
        codec::kDocumentFormatVersion,
        doc.unid.toBytes(),
        doc.form,
        doc.parent ? QCborValue(doc.parent->toBytes()) : QCborValue(nullptr),
        doc.flags,
        doc.versions.toCbor(),
        items,
    };
}

QByteArray encodeDocument(const Document& doc)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(7);
    w.append(static_cast<qint64>(codec::kDocumentFormatVersion));
    w.appendByteString(reinterpret_cast<const char*>(doc.unid.data()), Unid::size);
    w.append(QStringView(doc.form));
    if (doc.parent)
        w.appendByteString(reinterpret_cast<const char*>(doc.parent->data()), Unid::size);
    else
        w.append(nullptr);
    w.append(static_cast<qint64>(doc.flags));
    QCborValue(doc.versions.toCbor()).toCbor(w);
    writeItems(w, doc.items);
    w.endArray();
    return out;
}

Result<Document> documentFromCbor(const QCborValue& value)
{
    const QCborArray a = value.toArray();
    if (!value.isArray() || a.size() != 7 || !a[0].isInteger() || !a[1].isByteArray() || !a[2].isString() ||
        !(a[3].isNull() || a[3].isByteArray()) || !a[4].isInteger() || !a[5].isArray() || !a[6].isArray())
        return corrupt(QStringLiteral("not [version, unid, form, parent, flags, versions, items]"));
    if (a[0].toInteger() != codec::kDocumentFormatVersion)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("document format version %1 is not supported").arg(a[0].toInteger()));
    Document doc;
    const auto unid = Unid::fromBytes(a[1].toByteArray());
    if (!unid)
        return corrupt(QStringLiteral("bad UNID"));
    doc.unid = *unid;
    doc.form = a[2].toString();
    if (a[3].isByteArray()) {
        const auto parent = Unid::fromBytes(a[3].toByteArray());
        if (!parent)
            return corrupt(QStringLiteral("bad parent UNID"));
        doc.parent = *parent;
    }
    const qint64 flags = a[4].toInteger();
    if (flags < 0 || (flags & ~(Deleted | IsConflict)))
        return corrupt(QStringLiteral("unknown document flags"));
    doc.flags = static_cast<int>(flags);
    Result<VersionVector> vv = VersionVector::fromCbor(a[5].toArray());
    if (!vv)
        return vv.status();
    doc.versions = std::move(vv).value();

    const QCborArray items = a[6].toArray();
    if (doc.isDeleted() && !items.isEmpty())
        return corrupt(QStringLiteral("a deletion stub has items"));
    SEN_ASSIGN_OR_RETURN(doc.items, itemsFromCbor(items, doc.versions));
    return doc;
}

Result<Document> decodeDocument(QByteArrayView bytes)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes.toByteArray(), &error);
    if (error.error != QCborError::NoError)
        return corrupt(QStringLiteral("CBOR: ") + error.errorString());
    return documentFromCbor(value);
}

QByteArray encodeItems(const std::vector<Item>& items)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    writeItems(w, items);
    return out;
}

Result<std::vector<Item>> decodeItems(QByteArrayView bytes, const VersionVector& versions)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes.toByteArray(), &error);
    if (error.error != QCborError::NoError || !value.isArray())
        return corrupt(QStringLiteral("stored items are not a CBOR array"));
    return itemsFromCbor(value.toArray(), versions);
}

QByteArray encodeValue(const QCborValue& value)
{
    return value.toCbor();
}

Result<QCborValue> decodeValue(QByteArrayView bytes)
{
    QCborParserError error;
    QCborValue value = QCborValue::fromCbor(bytes.toByteArray(), &error);
    if (error.error != QCborError::NoError)
        return Status(ErrorCode::Corruption, QStringLiteral("item value: ") + error.errorString());
    return value;
}

} // namespace sen
