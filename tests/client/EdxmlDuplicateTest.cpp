// Issue #13, duplicates received through the national document exchange (edXML, QCVN
// 102:2016; docs/forms.md "Duplicates"): an incoming registration carrying the sender's
// DocumentId (MaVanBanDienTu) is the same công văn as another with the same ID — trimmed,
// case ignored — whatever its other fields say or lack: refused before saving, listed by
// `senctl duplicates` with those matching by fields, and under one category in "Trùng văn bản".

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "client/forms/FormCatalog.h"
#include "client/forms/Registration.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewIndex.h"
#include "client/views/ViewQuery.h"
#include "common/store/ReplicaStore.h"
#include "tests/server/SenctlRun.h"
#include "tests/support/TempDir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kId = S("000.00.00.H41,2026/11/16,125");

QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC);
}

// An incoming registration of công văn `so`/`kyHieu` of `issuer` issued on 16/11/2026, with
// the edXML DocumentId `id` (none when empty).
DocumentEdit incoming(const QString& issuer, double so, const QString& kyHieu, double soDen,
                      const QString& id)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("CoQuanBanHanh"), issuer))
        .set(Item::number(QStringLiteral("So"), so))
        .set(Item::text(QStringLiteral("KyHieu"), kyHieu))
        .set(Item::dateTime(QStringLiteral("NgayBanHanh"), day(2026, 11, 16)))
        .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết năm")))
        .set(Item::number(QStringLiteral("SoDen"), soDen))
        .set(Item::dateTime(QStringLiteral("NgayDen"), day(2026, 11, 18)));
    if (!id.isEmpty())
        edit.set(Item::text(QStringLiteral("MaVanBanDienTu"), id));
    return edit;
}

using Run = test::SenctlRun;
using test::senctl;

} // namespace

TEST_CASE("edXML DocumentId: its key is the ID trimmed and case-folded, and the incoming form has the field",
          "[client][registration]")
{
    Document a, b, none;
    a.putItem(Item::text(QStringLiteral("MaVanBanDienTu"), kId));
    b.putItem(Item::text(QStringLiteral("MaVanBanDienTu"), S("  000.00.00.h41,2026/11/16,125 ")));
    none.putItem(Item::text(QStringLiteral("MaVanBanDienTu"), S("   ")));
    REQUIRE_FALSE(forms::documentIdKey(a).isEmpty());
    CHECK(forms::documentIdKey(a) == forms::documentIdKey(b));
    CHECK(forms::documentIdKey(none).isEmpty());
    CHECK(forms::duplicateCategory(a) == forms::documentIdKey(a)); // without fields: the ID
    CHECK(forms::duplicateKeyTitle(forms::documentIdKey(b)) == S("edXML 000.00.00.H41,2026/11/16,125"));
    CHECK(forms::duplicateKeyItems().contains(QStringLiteral("MaVanBanDienTu")));
    const forms::FormDefinition* in = forms::FormCatalog::find(QStringLiteral("VanBanDen"));
    REQUIRE(in);
    REQUIRE(in->field(QStringLiteral("MaVanBanDienTu")));
}

TEST_CASE("edXML DocumentId: the same ID is the same công văn whatever the other fields; the view and the "
          "duplicates list them",
          "[client][registration]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {S("db"), S("create"), S("vanban"), S("--kind"), S("documents")}).code == 0);
    auto workspace = client::Workspace::open(home);
    REQUIRE(workspace.isOk());
    auto opened = app::DatabaseSession::open(*workspace, QStringLiteral("vanban"));
    REQUIRE(opened.isOk());
    app::DatabaseSession& session = **opened;

    const auto first = session.save(incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1250, kId));
    REQUIRE(first.isOk());
    // The ID alone, spelt in other case with spaces around: the same.
    DocumentEdit bare = DocumentEdit::create(QStringLiteral("VanBanDen"));
    bare.set(Item::text(QStringLiteral("TrichYeu"), S("Nhận qua trục liên thông")))
        .set(Item::text(QStringLiteral("MaVanBanDienTu"), S("  000.00.00.h41,2026/11/16,125 ")))
        .set(Item::number(QStringLiteral("SoDen"), 1260));
    auto refused = session.save(bare);
    REQUIRE(refused.code() == ErrorCode::Conflict);
    REQUIRE(refused.status().message().contains(QStringLiteral("1250")));
    // Other fields altogether (typed wrong), the same ID: the same.
    const DocumentEdit mistyped = incoming(S("Huyện ủy Kim Bảng"), 7, S("CV/HU"), 1261, kId);
    REQUIRE(session.save(mistyped).code() == ErrorCode::Conflict);
    // Another ID, the same fields: the same, as before (the paper copy of the same công văn).
    const DocumentEdit paper =
        incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1262, S("000.00.00.H41,2026/11/16,9"));
    REQUIRE(session.save(paper).code() == ErrorCode::Conflict);
    // Another ID and other fields: another công văn.
    REQUIRE(
        session.save(incoming(S("Huyện ủy Kim Bảng"), 8, S("CV/HU"), 1263, S("000.00.00.H42,2026/11/16,8")))
            .isOk());
    REQUIRE(session.documentCount().value() == 2);

    // Registered deliberately, then edited without touching the ID: not refused again.
    const auto bareSaved = session.save(bare, true);
    REQUIRE(bareSaved.isOk());
    const auto mistypedSaved = session.save(mistyped, true);
    REQUIRE(mistypedSaved.isOk());
    const auto paperSaved = session.save(paper, true);
    REQUIRE(paperSaved.isOk());
    REQUIRE(
        session.save(DocumentEdit::update(bareSaved->unid).set(Item::text(QStringLiteral("GhiChu"), S("x"))))
            .isOk());
    // Giving an existing registration the ID later: refused.
    auto other = session.save(incoming(S("Sở Nội vụ"), 3, S("SNV-VP"), 1264, QString()));
    REQUIRE(other.isOk());
    REQUIRE(
        session.save(DocumentEdit::update(other->unid).set(Item::text(QStringLiteral("MaVanBanDienTu"), kId)))
            .code() == ErrorCode::Conflict);

    // One group: three by the ID, the paper copy by its fields through the first.
    const auto groups = session.duplicates();
    REQUIRE(groups.isOk());
    REQUIRE(groups->size() == 1);
    std::vector<Unid> grouped;
    for (const app::Registration& r : groups->front())
        grouped.push_back(r.unid);
    CHECK(grouped == std::vector<Unid>{first->unid, bareSaved->unid, mistypedSaved->unid, paperSaved->unid});

    // "Trùng văn bản": the registrations with the ID under one category named by it.
    auto store = ReplicaStore::open(session.path());
    REQUIRE(store.isOk());
    {
        auto index = views::ViewIndex::open(**store, session.viewCachePath(),
                                            views::ViewCatalog::viewsFor(DatabaseKind::Documents), QString());
        REQUIRE(index.isOk());
        REQUIRE((*index)->update().isOk());
    }
    const auto definition = views::ViewCatalog::find(DatabaseKind::Documents, QStringLiteral("duplicates"));
    REQUIRE(definition);
    auto query = views::ViewQuery::open(session.viewCachePath(), *definition, QString());
    REQUIRE(query.isOk());
    const auto categories = (*query)->categories();
    REQUIRE(categories.isOk());
    REQUIRE(categories->size() == 1);
    CHECK(categories->front().count == 3);
    CHECK(categories->front().title.contains(S("edXML 000.00.00.H41,2026/11/16,125")));
}

TEST_CASE("senctl: a registration with the same edXML DocumentId exits 3; duplicates --json lists it",
          "[client][registration][senctl]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {S("db"), S("create"), S("vanban"), S("--kind"), S("documents")}).code == 0);
    const Run first =
        senctl(home, {S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDen"), S("--set"),
                      S("TrichYeu=Công văn điện tử"), S("--set"), S("MaVanBanDienTu=") + kId});
    REQUIRE(first.code == 0);
    const QStringList again{S("doc"),
                            S("create"),
                            S("vanban"),
                            S("--form"),
                            S("VanBanDen"),
                            S("--set"),
                            S("CoQuanBanHanh=Tỉnh ủy Hà Nam"),
                            S("--set"),
                            S("MaVanBanDienTu=000.00.00.h41,2026/11/16,125")};
    const Run dup = senctl(home, again);
    REQUIRE(dup.code == 3);
    REQUIRE(dup.err.count(u'\n') == 1);
    REQUIRE(dup.err.contains(first.out.trimmed()));

    const Run deliberate = senctl(home, again + QStringList{S("--allow-duplicate")});
    REQUIRE(deliberate.code == 0);
    const Run listed = senctl(home, {S("duplicates"), S("vanban"), S("--json")});
    REQUIRE(listed.code == 0);
    const QJsonArray groups = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].toObject()[S("key")].toString() == S("edxml:000.00.00.h41,2026/11/16,125"));
    const QJsonArray docs = groups[0].toObject()[S("documents")].toArray();
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].toObject()[S("unid")].toString() == first.out.trimmed());
    CHECK(docs[1].toObject()[S("unid")].toString() == deliberate.out.trimmed());
}
