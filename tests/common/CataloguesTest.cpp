// The office's catalogues as data (common/catalogues; docs/catalogues.md): what an entry is,
// how entries are ordered and told apart, the server's rule for a pushed entry, and the
// default entries in a real replica file.

#include "common/catalogues/Catalogues.h"

#include "common/catalogues/DefaultCatalogues.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::catalogues;

namespace {

Document entryDoc(const QString& catalogue, const QString& name, std::vector<Item> more = {})
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("DanhMuc");
    doc.items = {Item::text(QStringLiteral("LoaiDanhMuc"), catalogue),
                 Item::text(QStringLiteral("Ten"), name)};
    for (Item& item : more)
        doc.items.push_back(std::move(item));
    // A document keeps its items sorted by name.
    std::sort(doc.items.begin(), doc.items.end(),
              [](const Item& a, const Item& b) { return a.name < b.name; });
    return doc;
}

} // namespace

TEST_CASE("Catalogues: an entry names its catalogue by word or code and is bounded", "[catalogues]")
{
    auto body =
        entryFromDocument(entryDoc(QStringLiteral("Cơ quan ban hành"), QStringLiteral(" Tỉnh ủy  Hà Nam "),
                                   {Item::text(QStringLiteral("MaDinhDanh"), QStringLiteral("000.00.00.H35")),
                                    Item::text(QStringLiteral("VietTat"), QStringLiteral("TU"))}));
    INFO(body.status().toString().toStdString());
    REQUIRE(body.isOk());
    CHECK(body->catalogue == Catalogue::IssuingBody);
    CHECK(body->name == QStringLiteral("Tỉnh ủy Hà Nam"));
    CHECK(body->code == QStringLiteral("000.00.00.H35"));
    CHECK_FALSE(body->retired);

    CHECK(
        entryFromDocument(entryDoc(QStringLiteral("loaivanban"), QStringLiteral("Quyết định")))->catalogue ==
        Catalogue::DocumentType);
    CHECK(entryFromDocument(entryDoc(QStringLiteral("CHUYÊN MỤC TIN"), QStringLiteral("Thể thao")))
              ->catalogue == Catalogue::NewsCategory);
    CHECK(entryFromDocument(entryDoc(QStringLiteral("Danh bạ"), QStringLiteral("x"))).code() ==
          ErrorCode::InvalidArgument);
    CHECK(entryFromDocument(entryDoc(QStringLiteral("DonVi"), QStringLiteral("   "))).code() ==
          ErrorCode::InvalidArgument);
    CHECK(entryFromDocument(entryDoc(QStringLiteral("DonVi"), QStringLiteral("Văn phòng"),
                                     {Item::text(QStringLiteral("MaDinhDanh"), QString(14, u'9'))}))
              .code() == ErrorCode::InvalidArgument);
    CHECK(entryFromDocument(entryDoc(QStringLiteral("DonVi"), QString(kMaxName + 1, u'a'))).code() ==
          ErrorCode::InvalidArgument);
    CHECK(entryFromDocument(entryDoc(QStringLiteral("DonVi"), QStringLiteral("Văn phòng"),
                                     {Item::text(QStringLiteral("NgungDung"), QStringLiteral("Có"))}))
              ->retired);

    Entry regulation;
    regulation.abbreviation = QStringLiteral("QyĐ");
    regulation.partyAbbreviation = QStringLiteral("QĐi");
    CHECK(regulation.abbreviationFor(false) == QStringLiteral("QyĐ"));
    CHECK(regulation.abbreviationFor(true) == QStringLiteral("QĐi"));
    regulation.partyAbbreviation.clear();
    CHECK(regulation.abbreviationFor(true) == QStringLiteral("QyĐ"));
}

TEST_CASE("Catalogues: entries sort by order then name, and one name is one value", "[catalogues]")
{
    std::vector<Document> docs{
        entryDoc(QStringLiteral("LoaiVanBan"), QStringLiteral("Tờ trình"),
                 {Item::number(QStringLiteral("ThuTu"), 2)}),
        entryDoc(QStringLiteral("LoaiVanBan"), QStringLiteral("Báo cáo"),
                 {Item::number(QStringLiteral("ThuTu"), 2)}),
        entryDoc(QStringLiteral("LoaiVanBan"), QStringLiteral("Nghị quyết"),
                 {Item::number(QStringLiteral("ThuTu"), 1)}),
        entryDoc(QStringLiteral("LoaiVanBan"), QStringLiteral("BÁO CÁO"),
                 {Item::number(QStringLiteral("ThuTu"), 9)}),
        entryDoc(QStringLiteral("DonVi"), QStringLiteral("Báo cáo")),
        entryDoc(QStringLiteral("?"), QStringLiteral("Không thuộc danh mục nào")),
    };
    const auto types = entriesFrom(docs, Catalogue::DocumentType);
    REQUIRE(types.size() == 3);
    CHECK(types[0].name == QStringLiteral("Nghị quyết"));
    CHECK(types[1].name == QStringLiteral("Báo cáo"));
    CHECK(types[2].name == QStringLiteral("Tờ trình"));
    CHECK(entriesFrom(docs).size() == 4); // the unit of the same name is another catalogue's
    REQUIRE(findByName(types, QStringLiteral("bao cao")));
    CHECK(findByName(types, QStringLiteral("bao cao"))->unid == docs[1].unid);
    CHECK_FALSE(findByName(types, QStringLiteral("Công văn")));
}

TEST_CASE("Catalogues: only a Designer writes an entry, and it must describe one", "[catalogues]")
{
    const Document entry = entryDoc(QStringLiteral("DonVi"), QStringLiteral("Văn phòng"));
    CHECK(checkPushedEntry(std::nullopt, entry, false).code() == ErrorCode::PermissionDenied);
    CHECK(checkPushedEntry(std::nullopt, entry, true).isOk());

    Document gone = entry;
    gone.flags |= Deleted;
    gone.items.clear();
    CHECK(checkPushedEntry(entry, gone, false).code() == ErrorCode::PermissionDenied);
    CHECK(checkPushedEntry(entry, gone, true).isOk());

    // Turning an entry into another form's document is a change of the entry.
    Document disguised = entry;
    disguised.form = QStringLiteral("VanBanDen");
    CHECK(checkPushedEntry(entry, disguised, false).code() == ErrorCode::PermissionDenied);

    Document broken = entry;
    broken.items = {Item::text(QStringLiteral("LoaiDanhMuc"), QStringLiteral("DonVi"))};
    CHECK(checkPushedEntry(std::nullopt, broken, true).code() == ErrorCode::InvalidArgument);

    Document other = entry;
    other.form = QStringLiteral("VanBanDen");
    CHECK(checkPushedEntry(std::nullopt, other, false).isOk());
}

TEST_CASE("Catalogues: the default entries go into a real replica file once", "[catalogues][store]")
{
    test::TempDir dir;
    ReplicaCreateOptions options;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("vanban.sen")), options);
    REQUIRE(store.isOk());
    const Result<int> added = addDefaultEntries(**store, DatabaseKind::Documents);
    REQUIRE(added.isOk());
    const auto docs = (*store)->documentsOfForm(QStringLiteral("DanhMuc")).value();
    REQUIRE(int(docs.size()) == *added);
    const auto types = entriesFrom(docs, Catalogue::DocumentType);
    // ND 30 Phụ lục III's 27 types and công văn, and the party's own of 66-QĐ/TW.
    CHECK(types.size() >= 28);
    CHECK(types.front().name == QStringLiteral("Nghị quyết"));
    REQUIRE(findByName(types, QStringLiteral("Quy định")));
    CHECK(findByName(types, QStringLiteral("Quy định"))->abbreviationFor(true) == QStringLiteral("QĐi"));
    CHECK(findByName(types, QStringLiteral("Quy định"))->abbreviationFor(false) == QStringLiteral("QyĐ"));
    CHECK(entriesFrom(docs, Catalogue::CopyType).size() == 3);
    for (const Document& doc : docs)
        CHECK(entryFromDocument(doc).isOk());

    // Once: a second run adds nothing.
    CHECK(*addDefaultEntries(**store, DatabaseKind::Documents) == 0);
    CHECK(*addDefaultEntries(**store, DatabaseKind::Calendar) == 0);

    auto news = ReplicaStore::create(dir.path(QStringLiteral("tintuc.sen")), options);
    REQUIRE(news.isOk());
    REQUIRE(*addDefaultEntries(**news, DatabaseKind::News) == 5);
    const auto categories =
        entriesFrom((*news)->documentsOfForm(QStringLiteral("DanhMuc")).value(), Catalogue::NewsCategory);
    CHECK(categories.size() == 5);
}
