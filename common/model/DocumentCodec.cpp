#include "model/DocumentCodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborParserError>

#include <algorithm>
#include <cstring>

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

// Canonical CBOR written straight into a QByteArray: the same bytes as building the
// QCborValue tree and calling toCbor() (tests/common/DocumentCodecTest.cpp compares them),
// several times faster than either that or QCborStreamWriter, whose QIODevice path costs
// more than the encoding itself. Every save encodes its document's items.
class CborWriter
{
public:
    // Appends to `out`, which must outlive the writer. `out` holds spare bytes at its end
    // until finish() trims them.
    explicit CborWriter(QByteArray& out) : m_out(out), m_size(out.size()) {}
    CborWriter(const CborWriter&) = delete;
    CborWriter& operator=(const CborWriter&) = delete;

    void finish() { m_out.truncate(m_size); }

    // A major type and its argument in the shortest form.
    void header(quint8 major, quint64 value)
    {
        char* p = reserve(9);
        const auto type = static_cast<char>(major << 5);
        if (value < 24) {
            *p = static_cast<char>(type | static_cast<char>(value));
            m_size += 1;
        } else if (value <= 0xFF) {
            *p = static_cast<char>(type | 24);
            p[1] = static_cast<char>(value);
            m_size += 2;
        } else if (value <= 0xFFFF) {
            *p = static_cast<char>(type | 25);
            bigEndian(p + 1, value, 2);
            m_size += 3;
        } else if (value <= 0xFFFFFFFFu) {
            *p = static_cast<char>(type | 26);
            bigEndian(p + 1, value, 4);
            m_size += 5;
        } else {
            *p = static_cast<char>(type | 27);
            bigEndian(p + 1, value, 8);
            m_size += 9;
        }
    }
    void integer(qint64 v)
    {
        if (v >= 0)
            header(0, static_cast<quint64>(v));
        else
            header(1, static_cast<quint64>(-1 - v));
    }
    void bytes(const char* data, qsizetype size)
    {
        header(2, static_cast<quint64>(size));
        raw(data, size);
    }
    void simple(quint8 value)
    {
        *reserve(1) = static_cast<char>(0xE0 | value);
        m_size += 1;
    }
    void real(double d)
    {
        char* p = reserve(9);
        *p = static_cast<char>(0xFB);
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        bigEndian(p + 1, bits, 8);
        m_size += 9;
    }

    // Text as UTF-8. One pass: the bytes are written after room for the longest header
    // their length could need, and moved back if the real length needs a shorter one. Text
    // with surrogates goes through QString::toUtf8, as in QCborStreamWriter, so even a lone
    // surrogate encodes the same way.
    void text(QStringView s)
    {
        const qsizetype guess = headerSize(3 * static_cast<quint64>(s.size()));
        char* const begin = reserve(guess + 3 * s.size()) + guess;
        char* p = begin;
        for (const QChar c : s) {
            const char16_t u = c.unicode();
            if (u < 0x80) {
                *p++ = static_cast<char>(u);
            } else if (u < 0x800) {
                *p++ = static_cast<char>(0xC0 | (u >> 6));
                *p++ = static_cast<char>(0x80 | (u & 0x3F));
            } else if (QChar::isSurrogate(u)) {
                const QByteArray utf8 = s.toUtf8();
                header(3, static_cast<quint64>(utf8.size()));
                raw(utf8.constData(), utf8.size());
                return;
            } else {
                *p++ = static_cast<char>(0xE0 | (u >> 12));
                *p++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
                *p++ = static_cast<char>(0x80 | (u & 0x3F));
            }
        }
        const qsizetype size = p - begin;
        const qsizetype needed = headerSize(static_cast<quint64>(size));
        if (needed != guess)
            std::memmove(begin - guess + needed, begin, static_cast<std::size_t>(size));
        header(3, static_cast<quint64>(size)); // writes `needed` bytes at the write position
        m_size += size;
    }

    // As QCborValue::toCbor() with no transformation: containers of definite length in
    // their stored order, doubles as 64-bit floats. Rarer types (tags, simple values and
    // Qt's extended types) are left to Qt.
    void value(const QCborValue& v)
    {
        switch (v.type()) {
        case QCborValue::Integer:
            integer(v.toInteger());
            return;
        case QCborValue::ByteArray: {
            const QByteArray b = v.toByteArray();
            bytes(b.constData(), b.size());
            return;
        }
        case QCborValue::String:
            text(v.toString());
            return;
        case QCborValue::Array: {
            const QCborArray array = v.toArray();
            header(4, static_cast<quint64>(array.size()));
            for (const QCborValue& element : array)
                value(element);
            return;
        }
        case QCborValue::Map: {
            const QCborMap map = v.toMap();
            header(5, static_cast<quint64>(map.size()));
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                value(it.key());
                value(it.value());
            }
            return;
        }
        case QCborValue::False:
            simple(20);
            return;
        case QCborValue::True:
            simple(21);
            return;
        case QCborValue::Null:
            simple(22);
            return;
        case QCborValue::Undefined:
            simple(23);
            return;
        case QCborValue::Double:
            real(v.toDouble());
            return;
        default: {
            const QByteArray encoded = v.toCbor();
            raw(encoded.constData(), encoded.size());
            return;
        }
        }
    }

private:
    static qsizetype headerSize(quint64 value)
    {
        return value < 24 ? 1 : value <= 0xFF ? 2 : value <= 0xFFFF ? 3 : value <= 0xFFFFFFFFu ? 5 : 9;
    }
    // Room for `n` more bytes at the write position (QByteArray's own append costs more
    // than the encoding of a small value).
    char* reserve(qsizetype n)
    {
        if (m_size + n > m_out.size())
            m_out.resize(std::max({2 * m_out.size(), m_size + n, qsizetype(256)}));
        return m_out.data() + m_size;
    }
    void raw(const char* data, qsizetype size)
    {
        if (size > 0)
            std::memcpy(reserve(size), data, static_cast<std::size_t>(size));
        m_size += size;
    }
    static void bigEndian(char* p, quint64 value, int size)
    {
        for (int i = 0; i < size; ++i)
            p[i] = static_cast<char>((value >> (8 * (size - 1 - i))) & 0xFF);
    }

    QByteArray& m_out;
    qsizetype m_size;
};

// The same bytes as itemToCbor(item).toCbor().
void writeItem(CborWriter& w, const Item& item)
{
    w.header(4, 7);
    w.text(item.name);
    w.integer(static_cast<qint64>(item.type));
    w.integer(item.flags);
    if (item.isTombstone())
        w.simple(22);
    else
        w.value(item.value);
    w.bytes(reinterpret_cast<const char*>(item.stamp.dot.instance.data()), InstanceId::size);
    w.integer(static_cast<qint64>(item.stamp.dot.counter));
    w.integer(static_cast<qint64>(item.stamp.time));
}

void writeItems(CborWriter& w, const std::vector<Item>& items)
{
    w.header(4, static_cast<quint64>(items.size()));
    for (const Item& item : items)
        writeItem(w, item);
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
            return corrupt(
                QStringLiteral("item %1 was set by an edit the version vector lacks").arg(item->name));
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
    CborWriter w(out);
    w.header(4, 7);
    w.integer(codec::kDocumentFormatVersion);
    w.bytes(reinterpret_cast<const char*>(doc.unid.data()), Unid::size);
    w.text(doc.form);
    if (doc.parent)
        w.bytes(reinterpret_cast<const char*>(doc.parent->data()), Unid::size);
    else
        w.simple(22);
    w.integer(doc.flags);
    w.value(doc.versions.toCbor());
    writeItems(w, doc.items);
    w.finish();
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
    CborWriter w(out);
    writeItems(w, items);
    w.finish();
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
    QByteArray out;
    CborWriter w(out);
    w.value(value);
    w.finish();
    return out;
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
