// The canonical CBOR form of documents: one document, one byte string.

#include "common/model/DocumentCodec.h"

#include "common/model/AttachmentRef.h"

#include <QCborArray>
#include <QCborMap>
#include <QDateTime>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

Document sampleDocument()
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("VanBanDen");
    const InstanceId a = newInstanceId();
    doc.versions.set(a, 2);
    Item subject = Item::text(QStringLiteral("TrichYeu"),
                              QStringLiteral("Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ"));
    subject.stamp = {Dot{a, 1}, makeHlc(1000, 0)};
    Item number = Item::number(QStringLiteral("SoDen"), 125);
    number.stamp = {Dot{a, 2}, makeHlc(2000, 0)};
    Item readers = Item::names(QStringLiteral("Readers"), ItemType::Readers,
                               {QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"), QStringLiteral("[Lanh dao]")});
    readers.stamp = {Dot{a, 2}, makeHlc(2000, 0)};
    Item removed;
    removed.name = QStringLiteral("GhiChu");
    removed.stamp = {Dot{a, 2}, makeHlc(2000, 0)};
    doc.putItem(number);
    doc.putItem(removed);
    doc.putItem(readers);
    doc.putItem(subject);
    return doc;
}

} // namespace

TEST_CASE("A document encodes to the same bytes whatever order its items were put in", "[model][codec]")
{
    // Two replicas that built the same document in different orders must agree byte for byte.
    Document a = sampleDocument();
    Document b;
    b.unid = a.unid;
    b.form = a.form;
    b.versions = a.versions;
    for (auto it = a.items.rbegin(); it != a.items.rend(); ++it)
        b.putItem(*it);
    REQUIRE(encodeDocument(a) == encodeDocument(b));
    // The streaming encoder writes exactly what the QCborValue form encodes to.
    REQUIRE(encodeDocument(a) == documentToCbor(a).toCbor());
}

TEST_CASE("A document survives an encode/decode round trip, tombstones included", "[model][codec]")
{
    const Document doc = sampleDocument();
    const auto decoded = decodeDocument(encodeDocument(doc));
    REQUIRE(decoded.isOk());
    REQUIRE(*decoded == doc);
    REQUIRE(decoded->anyItem(QStringLiteral("GhiChu"))->isTombstone());
    REQUIRE(decoded->item(QStringLiteral("GhiChu")) == nullptr);
    REQUIRE(decoded->item(QStringLiteral("SoDen"))->toNumber() == 125);
    REQUIRE(encodeDocument(*decoded) == encodeDocument(doc));
}

TEST_CASE("A partial decode gives the named items their values and keeps every stamp", "[model][codec]")
{
    // The view indexer decodes only the items its columns read: the others come back
    // valueless, so the document's modified time is still that of its newest item.
    Document doc = sampleDocument();
    Item date = Item::withValue(QStringLiteral("NgayDen"), ItemType::DateTime, QCborValue(qint64(-5)), 1);
    date.stamp = {Dot{doc.versions.entries().begin()->first, 2}, makeHlc(3000, 0)};
    doc.putItem(date);
    const QByteArray bytes = encodeItems(doc.items);
    const QStringList only{QStringLiteral("NgayDen"), QStringLiteral("SoDen")};
    const auto items = decodeItems(bytes, doc.versions, &only);
    REQUIRE(items.isOk());
    Document partial = doc;
    partial.items = *items;
    REQUIRE(partial.items.size() == doc.items.size());
    CHECK(partial.item(QStringLiteral("SoDen"))->toNumber() == 125);
    CHECK(partial.item(QStringLiteral("NgayDen"))->value.toInteger() == -5);
    CHECK(partial.item(QStringLiteral("TrichYeu")) == nullptr);
    CHECK(partial.anyItem(QStringLiteral("TrichYeu"))->stamp ==
          doc.anyItem(QStringLiteral("TrichYeu"))->stamp);
    CHECK(partial.modifiedTime() == doc.modifiedTime());
    // A full decode (no list) is the plain one.
    CHECK(decodeItems(bytes, doc.versions, nullptr).value() == doc.items);
}

TEST_CASE("Decoding refuses documents whose items are out of order or unknown to the vector",
          "[model][codec]")
{
    const Document doc = sampleDocument();
    QCborArray top = documentToCbor(doc).toArray();

    SECTION("items not sorted")
    {
        QCborArray items = top[6].toArray();
        const QCborValue first = items.takeAt(0);
        items.append(first);
        top[6] = items;
        REQUIRE(documentFromCbor(top).code() == ErrorCode::Corruption);
    }
    SECTION("stamp the version vector does not know")
    {
        Document bad = doc;
        bad.versions = VersionVector();
        REQUIRE(documentFromCbor(documentToCbor(bad)).code() == ErrorCode::Corruption);
    }
    SECTION("value of the wrong shape")
    {
        QCborArray items = top[6].toArray(); // GhiChu, Readers, SoDen, TrichYeu
        QCborArray item = items[1].toArray();
        REQUIRE(item[0].toString() == QStringLiteral("Readers"));
        item[3] = QStringLiteral("not an array of names");
        items[1] = item;
        top[6] = items;
        REQUIRE(documentFromCbor(top).code() == ErrorCode::Corruption);
    }
    SECTION("newer format version")
    {
        top[0] = 99;
        REQUIRE(documentFromCbor(top).code() == ErrorCode::Unsupported);
    }
    SECTION("not CBOR at all")
    {
        REQUIRE(decodeDocument(QByteArray("\xff\xff\x01", 3)).code() == ErrorCode::Corruption);
    }
}

TEST_CASE("Item values must have the shape of their type", "[model][item]")
{
    REQUIRE(isValidValue(ItemType::Text, QCborValue(QStringLiteral("x"))));
    REQUIRE_FALSE(isValidValue(ItemType::Text, QCborValue(1)));
    REQUIRE(isValidValue(ItemType::Number, QCborValue(1.5)));
    REQUIRE_FALSE(isValidValue(ItemType::Number, QCborValue(qInf())));
    REQUIRE(isValidValue(ItemType::Authors, QCborArray{QStringLiteral("A/B")}));
    REQUIRE_FALSE(isValidValue(ItemType::Authors, QCborArray{1}));
    REQUIRE(isValidValue(ItemType::DateTime, QCborValue(qint64(1700000000000))));

    AttachmentRef ref;
    ref.fileName = QStringLiteral("quyet-dinh.pdf");
    ref.size = 10;
    ref.chunks.push_back({crypto::Sha256Digest(), 10});
    REQUIRE(isValidValue(ItemType::Attachment, ref.toCbor()));
    ref.size = 11; // chunk sizes no longer add up
    REQUIRE_FALSE(isValidValue(ItemType::Attachment, ref.toCbor()));
}

namespace {

// One item, [name "a", type 1 (text), flags 0, "x", instance, counter 1, time 5], with the heads
// given, inside a one-element items array.
QByteArray oneTextItem(const InstanceId& who, const QByteArray& nameHead, const QByteArray& counter,
                       const QByteArray& time)
{
    QByteArray b("\x81\x87", 2);
    b += nameHead + "a";
    b += QByteArray("\x01\x00\x61x", 4);
    b += '\x48';
    b += QByteArray(reinterpret_cast<const char*>(who.data()), InstanceId::size);
    return b + counter + time;
}

} // namespace

TEST_CASE("Canonical items decode to what encodeItems writes back byte for byte", "[model][codec]")
{
    // Every kind of value, odd text included, read by decodeCanonicalItems: the bytes that pass
    // are exactly the encoding of the items returned, so a receiver may store them as they are.
    Document doc = sampleDocument();
    const InstanceId a = doc.versions.entries().front().first;
    const Stamp stamp{Dot{a, 2}, makeHlc(2000, 0)};
    std::vector<Item> extra{
        // QString::fromUtf8 alone would drop a leading byte order mark.
        Item::text(QStringLiteral("Bom"), QString(QChar(0xFEFF)) + QStringLiteral("đầu văn bản")),
        Item::text(QStringLiteral("Boms"), QString(2, QChar(0xFEFF))),
        Item::textList(QStringLiteral("BomList"), {QString(QChar(0xFEFF)) + QStringLiteral("x")}),
        Item::text(QStringLiteral("Emoji"), QStringLiteral("ký \U0001F4C4 tên")),
        Item::text(QStringLiteral("Empty"), QString()),
        Item::textList(QStringLiteral("List"), {QStringLiteral("một"), QStringLiteral("hai")}),
        Item::number(QStringLiteral("Negative"), -0.125),
        Item::number(QStringLiteral("Zero"), -0.0),
        Item::dateTime(QStringLiteral("Ngay"), QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC)),
        Item::richText(QStringLiteral("Rich"), QStringLiteral("<p>Đảng <b>ủy</b> &amp; dân</p>")),
        Item::text(QStringLiteral(u"Tên có dấu"), QString(300, QChar(u'x'))),
    };
    AttachmentRef ref;
    ref.fileName = QStringLiteral("quyet-dinh.pdf");
    ref.size = 10;
    ref.chunks.push_back({crypto::Sha256Digest(), 10});
    extra.push_back(Item::withValue(QStringLiteral("File"), ItemType::Attachment, ref.toCbor(), 0));
    for (Item& item : extra) {
        item.stamp = stamp;
        doc.putItem(std::move(item));
    }
    const QByteArray bytes = encodeItems(doc.items);
    const auto items = decodeCanonicalItems(bytes, doc.versions);
    INFO(items.status().toString().toStdString());
    REQUIRE(items.isOk());
    REQUIRE(*items == doc.items);
    REQUIRE(encodeItems(*items) == bytes);
}

TEST_CASE("Items that are not in canonical form are refused by decodeCanonicalItems, read by decodeItems",
          "[model][codec]")
{
    // The same item written with a longer head than needed, or a number as a shorter float:
    // valid CBOR that decodes to the same items, but whose bytes encodeItems would not write.
    const InstanceId who = newInstanceId();
    VersionVector versions;
    versions.set(who, 1);
    const QByteArray canonical = oneTextItem(who, "\x61", "\x01", "\x05");
    REQUIRE(decodeCanonicalItems(canonical, versions).isOk());

    QByteArray bad;
    SECTION("a name length in an extra byte")
    {
        bad = oneTextItem(who, "\x78\x01", "\x01", "\x05");
    }
    SECTION("a counter in an extra byte")
    {
        bad = oneTextItem(who, "\x61", QByteArray("\x18\x01", 2), "\x05");
    }
    SECTION("a time in four bytes")
    {
        bad = oneTextItem(who, "\x61", "\x01", QByteArray("\x1a\0\0\0\x05", 5));
    }
    SECTION("an array count in an extra byte")
    {
        bad = QByteArray("\x98\x01", 2) + canonical.mid(1);
    }
    SECTION("a number as a 16-bit float")
    {
        Document doc;
        doc.versions = versions;
        Item number = Item::number(QStringLiteral("N"), 1.5);
        number.stamp = {Dot{who, 1}, makeHlc(1000, 0)};
        doc.putItem(number);
        bad = QCborValue(itemsToCbor(doc.items)).toCbor(QCborValue::UseFloat16);
        REQUIRE(bad != encodeItems(doc.items));
    }
    SECTION("a text list with a long string head")
    {
        Document doc;
        doc.versions = versions;
        Item list = Item::textList(QStringLiteral("L"), {QStringLiteral("b")});
        list.stamp = {Dot{who, 1}, makeHlc(1000, 0)};
        doc.putItem(list);
        bad = encodeItems(doc.items);
        const qsizetype at = bad.indexOf(QByteArray("\x81\x61\x62", 3)); // ["b"]
        REQUIRE(at > 0);
        bad.replace(at + 1, 1, QByteArray("\x78\x01", 2));
    }
    INFO(bad.toHex().toStdString());
    const auto lenient = decodeItems(bad, versions);
    REQUIRE(lenient.isOk());
    const auto strict = decodeCanonicalItems(bad, versions);
    REQUIRE(strict.code() == ErrorCode::Corruption);
    REQUIRE(strict.message().contains(QStringLiteral("canonical")));
}

TEST_CASE("An attachment map with its keys out of order is not canonical", "[model][codec]")
{
    // Map key order is not in any head: the value is compared with what CborWriter makes of it.
    const InstanceId who = newInstanceId();
    VersionVector versions;
    versions.set(who, 1);
    AttachmentRef ref;
    ref.fileName = QStringLiteral("a.pdf");
    ref.size = 10;
    ref.chunks.push_back({crypto::Sha256Digest(), 10});
    const QCborMap ordered = ref.toCbor().toMap();
    QCborMap reversed;
    for (auto it = ordered.constEnd(); it != ordered.constBegin();) {
        --it;
        reversed.insert(it.key(), it.value());
    }
    Document doc;
    doc.versions = versions;
    Item file = Item::withValue(QStringLiteral("File"), ItemType::Attachment, reversed, 0);
    file.stamp = {Dot{who, 1}, makeHlc(1000, 0)};
    doc.putItem(file);
    const QByteArray bytes = encodeItems(doc.items);
    REQUIRE(decodeCanonicalItems(bytes, versions).code() == ErrorCode::Corruption);
}

TEST_CASE("decodeDocument keeps a leading U+FEFF of a text value, so the document encodes to the same bytes",
          "[model][codec]")
{
    // Bundles carry whole documents decoded with decodeDocument; a text that lost its leading
    // byte order mark there was stored as other bytes than the author's under the same vector.
    Document doc = sampleDocument();
    const InstanceId a = doc.versions.entries().begin()->first;
    Item symbol = Item::text(QStringLiteral("KyHieu"), QStringLiteral("\uFEFF125/QĐ-UBND"));
    symbol.stamp = {Dot{a, 1}, makeHlc(1000, 0)};
    doc.putItem(symbol);
    Item keywords = Item::textList(QStringLiteral("TuKhoa"), {QStringLiteral("\uFEFFhội nghị")});
    keywords.stamp = {Dot{a, 1}, makeHlc(1000, 0)};
    doc.putItem(keywords);
    const QByteArray bytes = encodeDocument(doc);
    const auto decoded = decodeDocument(bytes);
    REQUIRE(decoded.isOk());
    CHECK(decoded->item(QStringLiteral("KyHieu"))->toText() == QStringLiteral("\uFEFF125/QĐ-UBND"));
    CHECK(decoded->item(QStringLiteral("TuKhoa"))->toList() == QStringList{QStringLiteral("\uFEFFhội nghị")});
    CHECK(*decoded == doc);
    CHECK(encodeDocument(*decoded) == bytes);
}
