#include "common/model/DocumentCodec.h"

#include "common/model/AttachmentRef.h"
#include "common/model/CborReader.h"
#include "common/model/CborWriter.h"
#include "common/registers/Registers.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborParserError>

#include <algorithm>
#include <cstring>
#include <limits>

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

// Counters and times near the 64-bit limit are malformed: the next edit would overflow.
bool isValidStampRange(qint64 counter, qint64 time)
{
    return static_cast<std::uint64_t>(counter) <= kMaxCounter && static_cast<HlcTime>(time) <= kMaxHlcTime;
}

Status corrupt(const QString& what)
{
    return Status(ErrorCode::Corruption, QStringLiteral("document: ") + what);
}

Status notCanonical()
{
    return corrupt(QStringLiteral("items are not in canonical form"));
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
    const std::optional<ItemType> known = itemTypeFromInt(type);
    if (!known)
        return corrupt(QStringLiteral("item %1 has unknown type %2").arg(item.name).arg(type));
    item.type = *known;
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
    if (!instance || counter <= 0 || time < 0 || !isValidStampRange(counter, time))
        return corrupt(QStringLiteral("item %1 has a bad stamp").arg(item.name));
    item.stamp = Stamp{Dot{*instance, static_cast<std::uint64_t>(counter)}, static_cast<HlcTime>(time)};
    return item;
}

// UTF-8 as strict as QCborStreamReader wants it: no overlong forms, no surrogates, nothing
// above U+10FFFF.
bool isValidUtf8(QByteArrayView utf8)
{
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto* const end = p + utf8.size();
    while (p < end) {
        // Eight ASCII bytes at a time: most item text is ASCII, or mostly so, and every
        // replicated document's text passes here.
        for (std::uint64_t word = 0; end - p >= 8; p += 8) {
            std::memcpy(&word, p, sizeof word);
            if (word & 0x8080808080808080u)
                break;
        }
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int more = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            more = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            more = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            more = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (end - p <= more)
            return false;
        for (int i = 1; i <= more; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += more + 1;
    }
    return true;
}

// The text of valid UTF-8, every character kept. QString::fromUtf8 drops an initial byte
// order mark (U+FEFF), so that text would come back one character short and encode to other
// bytes than it was read from: put it back.
QString textFromUtf8(QByteArrayView utf8)
{
    constexpr QByteArrayView kBom("\xEF\xBB\xBF");
    if (!utf8.startsWith(kBom))
        return QString::fromUtf8(utf8);
    qsizetype marks = 0;
    while (utf8.sliced(3 * marks).startsWith(kBom))
        ++marks;
    return QString(marks, QChar(0xFEFF)) + QString::fromUtf8(utf8.sliced(3 * marks));
}

bool readText(CborReader& reader, QString& out)
{
    quint8 major = 0;
    quint64 size = 0;
    QByteArrayView utf8;
    if (!reader.head(major, size) || major != 3 || !reader.take(size, utf8) || !isValidUtf8(utf8))
        return false;
    out = textFromUtf8(utf8);
    return true;
}

// An integer as QCborValue::isInteger() sees one: major type 0 or 1 within qint64.
bool readInteger(CborReader& reader, qint64& out)
{
    quint8 major = 0;
    quint64 argument = 0;
    if (!reader.head(major, argument) || major > 1 ||
        argument > static_cast<quint64>(std::numeric_limits<qint64>::max()))
        return false;
    out = major == 0 ? static_cast<qint64>(argument) : -1 - static_cast<qint64>(argument);
    return true;
}

// One item read straight from its bytes, with the checks of itemFromCbor(). Strings, arrays
// of strings and doubles (the common values) are built directly; other values go through
// QCborValue. With `canonical`, the item's bytes must be exactly encodeItems() of what was
// read: the reader checks every head, a value that went through QCborValue must be the bytes
// CborWriter makes of it, and an attachment's map the bytes of AttachmentRef::toCbor() (keys
// in ascending order, which no head says). An item not named in `only` (when given) has its
// value skipped over: it comes back valueless.
Result<Item> readItem(CborReader& reader, bool canonical, const QStringList* only)
{
    // Built only on failure: every replicated item passes here.
    const auto shape = [] {
        return corrupt(QStringLiteral("item is not [name, type, flags, value, instance, counter, time]"));
    };
    quint8 major = 0;
    quint64 argument = 0;
    if (!reader.head(major, argument) || major != 4 || argument != 7)
        return shape();
    Item item;
    qint64 type = 0;
    qint64 flags = 0;
    if (!readText(reader, item.name) || !readInteger(reader, type) || !readInteger(reader, flags))
        return shape();
    const qsizetype valueStart = reader.position();
    if (!reader.head(major, argument))
        return shape();
    QCborValue value(QCborValue::Null);
    bool viaQt = false; // the value went through QCborValue::fromCbor
    if (only && !std::binary_search(only->cbegin(), only->cend(), item.name)) {
        if (!reader.skipRest(major, argument, 1))
            return shape();
    } else if (major <= 1 && argument <= static_cast<quint64>(std::numeric_limits<qint64>::max())) {
        // An integer (date-times): as QCborValue::fromCbor reads it, without the detour (the
        // reader checks its head is canonical).
        value = major == 0 ? static_cast<qint64>(argument) : -1 - static_cast<qint64>(argument);
    } else if (major == 3) {
        QByteArrayView utf8;
        if (!reader.take(argument, utf8) || !isValidUtf8(utf8))
            return shape();
        value = textFromUtf8(utf8);
    } else if (major == 4) {
        // Text lists, names, readers and authors: read here, so their strings keep every
        // character (QCborValue, like QString::fromUtf8, would drop a leading U+FEFF).
        QCborArray strings;
        bool allText = true;
        for (quint64 i = 0; i < argument; ++i) {
            quint8 elementMajor = 0;
            quint64 elementArgument = 0;
            QByteArrayView utf8;
            if (!reader.head(elementMajor, elementArgument))
                return shape();
            if (allText && elementMajor == 3) {
                if (!reader.take(elementArgument, utf8) || !isValidUtf8(utf8))
                    return shape();
                strings.append(textFromUtf8(utf8));
            } else {
                allText = false;
                if (!reader.skipRest(elementMajor, elementArgument, 2))
                    return shape();
            }
        }
        if (allText) {
            value = std::move(strings);
        } else {
            QCborParserError error;
            value = QCborValue::fromCbor(reader.readSince(valueStart).toByteArray(), &error);
            if (error.error != QCborError::NoError)
                return shape();
            viaQt = true;
        }
    } else if (major == 7 && reader.readSince(valueStart).size() == 9 &&
               static_cast<quint8>(reader.readSince(valueStart)[0]) == 0xFB) {
        double d = 0;
        std::memcpy(&d, &argument, sizeof d);
        value = d;
    } else if (!(major == 7 && argument == 22)) {
        if (!reader.skipRest(major, argument, 1))
            return shape();
        QCborParserError error;
        value = QCborValue::fromCbor(reader.readSince(valueStart).toByteArray(), &error);
        if (error.error != QCborError::NoError)
            return shape();
        viaQt = true;
    }
    const QByteArrayView valueBytes = reader.readSince(valueStart);
    if (canonical && viaQt && encodeValue(value) != valueBytes)
        return notCanonical();
    QByteArrayView instanceBytes;
    if (!reader.head(major, argument) || major != 2 || !reader.take(argument, instanceBytes))
        return shape();
    qint64 counter = 0;
    qint64 time = 0;
    if (!readInteger(reader, counter) || !readInteger(reader, time))
        return shape();

    if (!isValidItemName(item.name))
        return corrupt(QStringLiteral("bad item name"));
    const std::optional<ItemType> known = itemTypeFromInt(type);
    if (!known)
        return corrupt(QStringLiteral("item %1 has unknown type %2").arg(item.name).arg(type));
    item.type = *known;
    if (flags < 0 || (flags & ~kKnownItemFlags))
        return corrupt(QStringLiteral("item %1 has unknown flags").arg(item.name));
    item.flags = static_cast<int>(flags);
    if (!value.isNull()) {
        if (!isValidValue(item.type, value))
            return corrupt(QStringLiteral("item %1 has a value of the wrong shape").arg(item.name));
        if (canonical && item.type == ItemType::Attachment &&
            encodeValue(AttachmentRef::fromCbor(value)->toCbor()) != valueBytes)
            return notCanonical();
        item.value = std::move(value);
    }
    const auto instance = InstanceId::fromBytes(instanceBytes);
    if (!instance || counter <= 0 || time < 0 || !isValidStampRange(counter, time))
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
    SEN_ASSIGN_OR_RETURN(doc.items, itemsFromCbor(items, doc.versions));
    // A stub keeps nothing live but a registration's number (docs/merge.md, rule 5).
    for (const Item& item : doc.items)
        if (doc.isDeleted() && !item.isTombstone() && !registers::isNumberingItem(doc.form, item.name))
            return corrupt(QStringLiteral("a deletion stub has a live item"));
    return doc;
}

Result<Document> decodeDocument(QByteArrayView bytes)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes.toByteArray(), &error);
    if (error.error != QCborError::NoError)
        return corrupt(QStringLiteral("CBOR: ") + error.errorString());
    SEN_ASSIGN_OR_RETURN(Document doc, documentFromCbor(value));
    // The items once more, from their bytes as a stored row's are read: a text value's
    // QCborValue gives it back without a leading U+FEFF, and the document would then encode to
    // other bytes than it was read from (a bundle's version stored unlike the author's).
    CborReader reader(bytes);
    quint8 major = 0;
    quint64 fields = 0;
    if (!reader.head(major, fields) || major != 4 || fields != 7)
        return corrupt(QStringLiteral("not [version, unid, form, parent, flags, versions, items]"));
    for (int i = 0; i < 6; ++i) {
        if (!reader.skip())
            return corrupt(QStringLiteral("not [version, unid, form, parent, flags, versions, items]"));
    }
    const qsizetype itemsStart = reader.position();
    if (!reader.skip())
        return corrupt(QStringLiteral("not [version, unid, form, parent, flags, versions, items]"));
    SEN_ASSIGN_OR_RETURN(doc.items, decodeItems(reader.readSince(itemsStart), doc.versions));
    return doc;
}

QByteArray encodeItems(const std::vector<Item>& items)
{
    QByteArray out;
    CborWriter w(out);
    writeItems(w, items);
    w.finish();
    return out;
}

namespace {

Result<std::vector<Item>> readItems(QByteArrayView bytes, const VersionVector& versions, bool canonical,
                                    const QStringList* only)
{
    // Read straight from the bytes (no QCborValue tree for the array): every replicated
    // document and every stored one read back goes through here.
    CborReader reader(bytes);
    quint8 major = 0;
    quint64 count = 0;
    if (!reader.head(major, count) || major != 4 || count > static_cast<quint64>(bytes.size()))
        return corrupt(QStringLiteral("stored items are not a CBOR array"));
    std::vector<Item> items;
    items.reserve(static_cast<std::size_t>(count));
    for (quint64 i = 0; i < count; ++i) {
        Result<Item> item = readItem(reader, canonical, only);
        if (!item)
            return item.status();
        if (!items.empty() && !(items.back().name < item->name))
            return corrupt(QStringLiteral("items are not sorted by name or repeat a name"));
        if (!versions.knows(item->stamp.dot))
            return corrupt(
                QStringLiteral("item %1 was set by an edit the version vector lacks").arg(item->name));
        items.push_back(std::move(item).value());
    }
    if (!reader.atEnd())
        return corrupt(QStringLiteral("stored items are followed by other bytes"));
    if (canonical && !reader.isCanonical())
        return notCanonical();
    return items;
}

} // namespace

Result<std::vector<Item>> decodeItems(QByteArrayView bytes, const VersionVector& versions)
{
    return readItems(bytes, versions, false, nullptr);
}

Result<std::vector<Item>> decodeItems(QByteArrayView bytes, const VersionVector& versions,
                                      const QStringList* only)
{
    return readItems(bytes, versions, false, only);
}

Result<std::vector<Item>> decodeCanonicalItems(QByteArrayView bytes, const VersionVector& versions)
{
    return readItems(bytes, versions, true, nullptr);
}

Result<VersionVector> decodeVersions(QByteArrayView bytes)
{
    const Status shape =
        Status(ErrorCode::Corruption, QStringLiteral("version vector entry is not [bytes, integer]"));
    CborReader reader(bytes);
    quint8 major = 0;
    quint64 count = 0;
    if (!reader.head(major, count) || major != 4 || count > static_cast<quint64>(bytes.size()))
        return Status(ErrorCode::Corruption, QStringLiteral("version vector is not an array"));
    std::vector<VersionVector::Entry> entries;
    entries.reserve(static_cast<std::size_t>(count));
    for (quint64 i = 0; i < count; ++i) {
        quint64 size = 0;
        QByteArrayView instanceBytes;
        qint64 counter = 0;
        if (!reader.head(major, size) || major != 4 || size != 2 || !reader.head(major, size) || major != 2 ||
            !reader.take(size, instanceBytes) || !readInteger(reader, counter))
            return shape;
        const auto instance = InstanceId::fromBytes(instanceBytes);
        if (!instance || counter <= 0)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("version vector entry has a bad instance or counter"));
        entries.emplace_back(*instance, static_cast<std::uint64_t>(counter));
    }
    if (!reader.atEnd())
        return Status(ErrorCode::Corruption, QStringLiteral("version vector is followed by other bytes"));
    return VersionVector::fromEntries(std::move(entries));
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
