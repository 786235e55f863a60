// The secrecy rule: classified documents exist only as register entries.

#include "common/acl/SecrecyRule.h"

#include "common/model/AttachmentRef.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QCborMap>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::acl;

namespace {

Document registerEntry(const QString& secrecy)
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("VanBanDen");
    doc.putItem(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("12-CV/TU")));
    doc.putItem(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về công tác bảo vệ")));
    doc.putItem(
        Item::dateTime(QStringLiteral("NgayBanHanh"), QDateTime::fromMSecsSinceEpoch(1'700'000'000'000)));
    doc.putItem(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {QStringLiteral("B/VPTU/HaNoi")}));
    doc.putItem(Item::names(QStringLiteral("DocGia"), ItemType::Readers, {QStringLiteral("B/VPTU/HaNoi")}));
    doc.putItem(Item::text(QStringLiteral("DoMat"), secrecy));
    return doc;
}

Item attachment(const QString& name)
{
    QCborMap value;
    value.insert(0, QStringLiteral("baocao.pdf"));
    value.insert(1, 0);
    return Item::withValue(name, ItemType::Attachment, value, 0);
}

} // namespace

TEST_CASE("Every spelling of the three classifications is recognised and other values are not", "[acl]")
{
    // Accented, unaccented, upper-case, decomposed and spaced spellings; "Thường" and "Không mật" are
    // unclassified.
    CHECK(secrecyFromText(QStringLiteral("Mật")) == Secrecy::Mat);
    CHECK(secrecyFromText(QStringLiteral("MAT")) == Secrecy::Mat);
    CHECK(secrecyFromText(QStringLiteral("Tối mật")) == Secrecy::ToiMat);
    CHECK(secrecyFromText(QStringLiteral("TỐI MẬT").normalized(QString::NormalizationForm_D)) ==
          Secrecy::ToiMat);
    CHECK(secrecyFromText(QStringLiteral("Toi mat")) == Secrecy::ToiMat);
    CHECK(secrecyFromText(QStringLiteral(" tuyệt   mật ")) == Secrecy::TuyetMat);
    CHECK(secrecyFromText(QStringLiteral("Tuyet mat")) == Secrecy::TuyetMat);
    CHECK(secrecyFromText(QStringLiteral("Thường")) == Secrecy::Unclassified);
    CHECK(secrecyFromText(QStringLiteral("Không mật")) == Secrecy::Unclassified);
    CHECK(secrecyFromText(QString()) == Secrecy::Unclassified);

    Document doc = registerEntry(QStringLiteral("Mật"));
    doc.putItem(
        Item::textList(QStringLiteral("domat"), {QStringLiteral("Mật"), QStringLiteral("Tuyệt mật")}));
    CHECK(secrecyOf(doc) == Secrecy::TuyetMat);
}

TEST_CASE("A classified document with a rich-text item is refused and the message names the item", "[acl]")
{
    // A Tối mật register entry that also carries its body as rich text.
    Document doc = registerEntry(QStringLiteral("Tối mật"));
    doc.putItem(Item::richText(QStringLiteral("NoiDung"), QStringLiteral("<p>Kế hoạch</p>")));
    const Status status = checkSecrecy(doc);
    REQUIRE(status.code() == ErrorCode::PermissionDenied);
    REQUIRE(status.message().contains(QStringLiteral("\"NoiDung\"")));
    REQUIRE(status.message().contains(QStringLiteral("Tối mật")));
    REQUIRE(status.message().contains(QStringLiteral("rich-text")));
}

TEST_CASE("A classified document with an attachment is refused and the message names the item", "[acl]")
{
    // A Mật register entry spelled without accents, with a scanned file attached under a register-like name.
    Document doc = registerEntry(QStringLiteral("Mat"));
    doc.putItem(attachment(QStringLiteral("TrangThai")));
    const Status status = checkSecrecy(doc);
    REQUIRE(status.code() == ErrorCode::PermissionDenied);
    REQUIRE(status.message().contains(QStringLiteral("\"TrangThai\"")));
    REQUIRE(status.message().contains(QStringLiteral("attachment")));
}

TEST_CASE("A classified document with its body in a plain text item is refused", "[acl]")
{
    // Content smuggled into a text item that is not a register field.
    Document doc = registerEntry(QStringLiteral("Tuyệt mật"));
    doc.putItem(Item::text(QStringLiteral("Body"), QStringLiteral("Toàn văn")));
    const Status status = checkSecrecy(doc);
    REQUIRE(status.code() == ErrorCode::PermissionDenied);
    REQUIRE(status.message().contains(QStringLiteral("\"Body\"")));
}

TEST_CASE(
    "A classified register entry with only register fields passes, and may drop its body as a tombstone",
    "[acl]")
{
    // Number, abstract, date, handler, readers and secrecy are allowed; a removed body item is a tombstone.
    Document doc = registerEntry(QStringLiteral("Tối mật"));
    REQUIRE(checkSecrecy(doc).isOk());
    Item removed = Item::richText(QStringLiteral("Body"), QString());
    removed.value = QCborValue(QCborSimpleType::Undefined);
    REQUIRE(removed.isTombstone());
    doc.putItem(removed);
    REQUIRE(checkSecrecy(doc).isOk());
    Document stub;
    stub.unid = doc.unid;
    stub.flags = Deleted;
    REQUIRE(checkSecrecy(stub).isOk());
}

TEST_CASE("An unclassified document with a body and attachments passes", "[acl]")
{
    // DoMat "Thường" (ordinary) or no DoMat at all: the rule does not apply.
    Document doc = registerEntry(QStringLiteral("Thường"));
    doc.putItem(Item::richText(QStringLiteral("Body"), QStringLiteral("<p>Toàn văn</p>")));
    doc.putItem(attachment(QStringLiteral("TepDinhKem")));
    REQUIRE(checkSecrecy(doc).isOk());
    doc.items.erase(std::remove_if(doc.items.begin(), doc.items.end(),
                                   [](const Item& i) { return i.name == QStringLiteral("DoMat"); }),
                    doc.items.end());
    REQUIRE(secrecyOf(doc) == Secrecy::Unclassified);
    REQUIRE(checkSecrecy(doc).isOk());
}

TEST_CASE("A replica refuses to save a body on a classified document and keeps the register entry",
          "[acl][store]")
{
    // The clerk registers a "Mật" document, then tries to add its text and an attachment:
    // both saves are refused before anything is written, and the register entry is intact.
    test::TempDir dir;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("r.sen")), {});
    REQUIRE(store.isOk());
    auto saved = (*store)->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                    .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("05-CV/TU")))
                                    .set(Item::text(QStringLiteral("DoMat"), QStringLiteral("Mật"))));
    REQUIRE(saved.isOk());
    const std::int64_t seq = (*store)->lastSeq().value();

    auto body = (*store)->save(DocumentEdit::update(saved->unid)
                                   .set(Item::withValue(QStringLiteral("NoiDung"), ItemType::RichText,
                                                        QStringLiteral("<p>nội dung</p>"), 0)));
    REQUIRE(body.code() == ErrorCode::PermissionDenied);
    REQUIRE(body.message().contains(QStringLiteral("NoiDung")));
    AttachmentRef ref;
    ref.fileName = QStringLiteral("a.pdf");
    const Item file0 = Item::withValue(QStringLiteral("$File:a.pdf"), ItemType::Attachment, ref.toCbor(), 0);
    auto file = (*store)->save(DocumentEdit::update(saved->unid).set(file0));
    INFO(file.message().toStdString());
    REQUIRE(file.code() == ErrorCode::PermissionDenied);
    auto created = (*store)->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                      .set(Item::text(QStringLiteral("DoMat"), QStringLiteral("Tuyệt mật")))
                                      .set(file0));
    REQUIRE(created.code() == ErrorCode::PermissionDenied);

    REQUIRE((*store)->lastSeq().value() == seq);
    REQUIRE((*store)->documentCount().value() == 1);
    REQUIRE((*store)->get(saved->unid)->items.size() == 2);
}
