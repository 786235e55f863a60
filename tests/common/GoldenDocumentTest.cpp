// The canonical document encoding, pinned by tests/data/document (docs/file-format.md
// §Canonical document): each fixture decodes to the document it was written from and encodes
// back to exactly its bytes. A failure here is a format change: see tests/data/README.md.

#include "common/crypto/Sha256.h"
#include "common/model/DocumentCodec.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"

#include <QCborArray>
#include <QDateTime>

#include <catch2/catch.hpp>
#include <set>

using namespace sen;

namespace {

Document decodeFixture(const QString& name, QByteArray& bytes)
{
    bytes = golden::readFixture(name);
    REQUIRE_FALSE(bytes.isEmpty());
    auto doc = decodeDocument(bytes);
    INFO(doc.status().toString().toStdString());
    REQUIRE(doc.isOk());
    return std::move(doc).value();
}

} // namespace

TEST_CASE("Golden document: an item of every type decodes and encodes to the same bytes", "[golden][codec]")
{
    QByteArray bytes;
    const Document doc = decodeFixture(QStringLiteral("document/every-item-type.cbor"), bytes);
    CHECK(doc == golden::everyItemTypeDocument());

    // [1, unid, form, null, flags, ...]: the header bytes, literally.
    CHECK(bytes.startsWith(QByteArray::fromHex("8701"
                                               "50019b8d2a3f4000005e4e00000000a001"
                                               "6956616e42616e44656e"
                                               "f600")));
    CHECK(doc.form == QStringLiteral("VanBanDen"));
    CHECK_FALSE(doc.parent.has_value());
    CHECK(doc.flags == 0);
    CHECK(doc.versions.entries().size() == 2);
    CHECK(doc.versions.get(golden::serverInstance()) == 3);
    CHECK(doc.versions.get(golden::clientInstance()) == 2);

    std::set<ItemType> types;
    for (const Item& item : doc.items) {
        if (!item.isTombstone())
            types.insert(item.type);
    }
    CHECK(types.size() == 9); // every ItemType, 1 to 9

    CHECK(doc.text(QStringLiteral("TrichYeu")) ==
          QStringLiteral("Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ"));
    const Item* symbol = doc.item(QStringLiteral("KyHieu"));
    REQUIRE(symbol != nullptr);
    CHECK(symbol->toText() == QStringLiteral("\uFEFF125/QĐ-UBND")); // the BOM kept
    CHECK(symbol->flags == (ItemFlag::Summary | ItemFlag::Signed));
    CHECK(doc.item(QStringLiteral("SoDen"))->toNumber() == 125);
    CHECK(bytes.contains(QByteArray::fromHex("fb405f400000000000"))); // 125 as a 64-bit float
    CHECK(doc.item(QStringLiteral("TyLe"))->toNumber() == 0.875);
    CHECK(doc.item(QStringLiteral("NgayDen"))->toDateTime() ==
          QDateTime::fromString(QStringLiteral("2026-01-04T08:30:00Z"), Qt::ISODate));
    CHECK(doc.item(QStringLiteral("NgayThanhLap"))->value.toInteger() == -767'836'800'000);
    CHECK(doc.item(QStringLiteral("TuKhoa"))->toList() ==
          QStringList{QStringLiteral("hội nghị"), QStringLiteral("Đảng bộ")});
    CHECK(doc.item(QStringLiteral("NguoiKy"))->type == ItemType::Names);
    CHECK(doc.item(QStringLiteral("Readers"))->toList().size() == 3);
    CHECK(doc.item(QStringLiteral("Authors"))->toList().contains(QStringLiteral("[Văn thư]")));
    CHECK(doc.item(QStringLiteral("NoiDung"))->type == ItemType::RichText);
    CHECK(doc.item(QStringLiteral("NoiDung"))->toText().contains(QStringLiteral("&amp;")));

    const Item* file = doc.item(golden::textAttachmentItem());
    REQUIRE(file != nullptr);
    const auto ref = AttachmentRef::fromCbor(file->value);
    REQUIRE(ref.isOk());
    CHECK(ref->fileName == QStringLiteral("quyet-dinh.txt"));
    CHECK(ref->size == static_cast<std::uint64_t>(golden::textAttachmentBytes().size()));
    CHECK(ref->sha256 == crypto::Sha256::hash(golden::textAttachmentBytes()));
    CHECK(ref->chunks.size() == 1);

    const Item* removed = doc.anyItem(QStringLiteral("GhiChu"));
    REQUIRE(removed != nullptr);
    CHECK(removed->isTombstone());
    CHECK(removed->stamp == Stamp{Dot{golden::clientInstance(), 2}, makeHlc(golden::kBaseMs + 60'000, 1)});

    CHECK(encodeDocument(doc) == bytes);
    CHECK(documentToCbor(doc).toCbor() == bytes);
    // The stored items column is the document's items array, and reads back as canonical.
    const QByteArray items = encodeItems(doc.items);
    CHECK(bytes.endsWith(items));
    const auto canonical = decodeCanonicalItems(items, doc.versions);
    REQUIRE(canonical.isOk());
    CHECK(*canonical == doc.items);
}

TEST_CASE("Golden document: a conflict response and a deletion stub encode to the same bytes",
          "[golden][codec]")
{
    QByteArray bytes;
    const Document conflict = decodeFixture(QStringLiteral("document/conflict-response.cbor"), bytes);
    CHECK(conflict == golden::conflictResponseDocument());
    CHECK(conflict.isConflict());
    CHECK(conflict.parent == golden::everyItemTypeDocument().unid);
    CHECK(conflict.text(QStringLiteral("TrichYeu")).endsWith(QStringLiteral("(bản sửa)")));
    CHECK(encodeDocument(conflict) == bytes);

    const Document stub = decodeFixture(QStringLiteral("document/deletion-stub.cbor"), bytes);
    CHECK(stub == golden::deletionStub());
    CHECK(stub.isDeleted());
    CHECK(stub.items.size() == 3);
    for (const Item& item : stub.items) {
        CHECK(item.isTombstone());
        CHECK(item.stamp.dot == Dot{golden::serverInstance(), 4});
    }
    CHECK(encodeDocument(stub) == bytes);
}
