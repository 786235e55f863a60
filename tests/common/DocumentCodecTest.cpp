// The canonical CBOR form of documents: one document, one byte string.

#include "model/DocumentCodec.h"

#include "model/AttachmentRef.h"

#include <QCborArray>

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
