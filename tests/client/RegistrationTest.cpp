// Issue #13, complete metadata and duplicates: the Phụ lục VI fields' validation and the
// composed số ký hiệu; a duplicate incoming registration refused by the application layer
// then accepted deliberately; senctl's exit status 3 and `duplicates --json`; the
// "duplicates" view; two offices registering the same công văn offline, synced through a
// real server over TLS; and the cost of the check in a replica of 10,000 registrations.

#include "client/forms/Registration.h"

#include "client/app/OpenDatabases.h"
#include "client/forms/FormCatalog.h"
#include "client/forms/FormValidation.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewIndex.h"
#include "client/views/ViewQuery.h"
#include "common/registers/DefaultRegisters.h"
#include "common/store/ReplicaStore.h"
#include "tests/client/AppOffice.h"
#include "tests/server/SenctlRun.h"
#include "tests/support/TempDir.h"

#include <QElapsedTimer>
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

QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC);
}

// An incoming registration of công văn `so`/`kyHieu` of `issuer` issued on 16/11/2026.
DocumentEdit incoming(const QString& issuer, double so, const QString& kyHieu, double soDen)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("CoQuanBanHanh"), issuer))
        .set(Item::number(QStringLiteral("So"), so))
        .set(Item::text(QStringLiteral("KyHieu"), kyHieu))
        .set(Item::dateTime(QStringLiteral("NgayBanHanh"), day(2026, 11, 16)))
        .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết năm")))
        .set(Item::number(QStringLiteral("SoDen"), soDen))
        .set(Item::dateTime(QStringLiteral("NgayDen"), day(2026, 11, 18)));
    return edit;
}

using Run = test::SenctlRun;
using test::senctl;

std::vector<QString> problemItems(const forms::FormDefinition& form, const Document& doc)
{
    std::vector<QString> items;
    for (const forms::FieldProblem& p : forms::validateDocument(form, doc))
        items.push_back(p.item);
    return items;
}

} // namespace

TEST_CASE("Phụ lục VI fields: số and ký hiệu composed the customary way, lengths validated",
          "[client][registration]")
{
    REQUIRE(forms::composeSoKyHieu(36, S("NQ/TW")) == S("36-NQ/TW"));
    REQUIRE(forms::composeSoKyHieu(15, S("QĐ-UBND")) == S("15/QĐ-UBND"));
    REQUIRE(forms::composeSoKyHieu(5, S("BNV-VP")) == S("05/BNV-VP"));
    REQUIRE(forms::composeSoKyHieu(0, S("QĐ-UBND")) == S("QĐ-UBND"));

    const forms::FormDefinition* in = forms::FormCatalog::find(QStringLiteral("VanBanDen"));
    const forms::FormDefinition* out = forms::FormCatalog::find(QStringLiteral("VanBanDi"));
    REQUIRE(in);
    REQUIRE(out);
    for (const char* item : {"So", "KyHieu", "SoKyHieu", "OrganId", "NgonNgu", "SoTrang", "ChucVuNguoiKy",
                             "NguoiKy", "DocOrdinal", "NgayBanHanh", "CoQuanBanHanh", "LoaiVanBan",
                             "TrichYeu", "GhiChu", "DoKhan", "DoMat", "HanXuLy", "NoiNhan"}) {
        INFO(item);
        REQUIRE(in->field(QString::fromLatin1(item)));
        REQUIRE(out->field(QString::fromLatin1(item)));
    }
    REQUIRE(in->field(QStringLiteral("SoDen")));
    REQUIRE(in->field(QStringLiteral("NgayDen")));
    REQUIRE(out->field(QStringLiteral("SoBan")));
    REQUIRE(in->field(QStringLiteral("NgonNgu"))->choices.front() == S("Tiếng Việt"));

    Document doc =
        forms::applyEdit(Document(), incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1250)
                                         .set(Item::text(QStringLiteral("LoaiVanBan"), S("Quyết định"))));
    REQUIRE(problemItems(*in, doc).empty());

    // Too long, per Phụ lục VI: ký hiệu 30, mã định danh 13, chức vụ 100, họ tên 50; số trang 3 digits.
    doc.putItem(Item::text(QStringLiteral("KyHieu"), QString(31, u'A')));
    doc.putItem(Item::text(QStringLiteral("OrganId"), S("000.00.00.H41X")));
    doc.putItem(Item::text(QStringLiteral("ChucVuNguoiKy"), QString(101, u'b')));
    doc.putItem(Item::text(QStringLiteral("NguoiKy"), QString(51, u'c')));
    doc.putItem(Item::number(QStringLiteral("SoTrang"), 1000));
    doc.putItem(Item::number(QStringLiteral("DocOrdinal"), 12.5));
    const std::vector<forms::FieldProblem> problems = forms::validateDocument(*in, doc);
    std::vector<QString> items;
    for (const forms::FieldProblem& p : problems)
        items.push_back(p.item);
    REQUIRE(items == std::vector<QString>{QStringLiteral("KyHieu"), QStringLiteral("OrganId"),
                                          QStringLiteral("SoTrang"), QStringLiteral("ChucVuNguoiKy"),
                                          QStringLiteral("NguoiKy"), QStringLiteral("DocOrdinal")});
    REQUIRE(problems.front().message.contains(QStringLiteral("30")));

    // An old document with only the composed SoKyHieu still validates; none of the three does not.
    Document old =
        forms::applyEdit(Document(), DocumentEdit::create(QStringLiteral("VanBanDi"))
                                         .set(Item::text(QStringLiteral("SoKyHieu"), S("15/QĐ-UBND")))
                                         .set(Item::dateTime(QStringLiteral("NgayBanHanh"), day(2026, 1, 2)))
                                         .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("UBND")))
                                         .set(Item::text(QStringLiteral("LoaiVanBan"), S("Quyết định")))
                                         .set(Item::text(QStringLiteral("TrichYeu"), S("x")))
                                         .set(Item::textList(QStringLiteral("NoiNhan"), {S("A")})));
    REQUIRE(problemItems(*out, old).empty());
    old.putItem(Item::text(QStringLiteral("SoKyHieu"), QString()));
    REQUIRE(problemItems(*out, old) == std::vector<QString>{QStringLiteral("SoKyHieu")});
}

TEST_CASE("A duplicate incoming registration is refused, then accepted deliberately; the view lists both",
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

    const auto first = session.save(incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1250));
    REQUIRE(first.isOk());
    REQUIRE(first->item(QStringLiteral("SoKyHieu"))->toText() == S("125-QĐ/TU"));
    // The same công văn typed differently (case, diacritics, spaces; an old-style SoKyHieu).
    DocumentEdit again = DocumentEdit::create(QStringLiteral("VanBanDen"));
    again.set(Item::text(QStringLiteral("CoQuanBanHanh"), S("  tinh uy   HA NAM ")))
        .set(Item::text(QStringLiteral("SoKyHieu"), S("125-qđ/tu")))
        .set(Item::dateTime(QStringLiteral("NgayBanHanh"), day(2026, 11, 16)))
        .set(Item::number(QStringLiteral("SoDen"), 1300));
    const auto refused = session.save(again);
    REQUIRE(refused.code() == ErrorCode::Conflict);
    REQUIRE(refused.status().message().contains(QStringLiteral("1250")));
    REQUIRE(refused.status().message().contains(QStringLiteral("18/11/2026")));
    REQUIRE(session.documentCount().value() == 1);
    // Another date, another issuer: not a duplicate.
    REQUIRE(session
                .save(incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1251)
                          .set(Item::dateTime(QStringLiteral("NgayBanHanh"), day(2026, 11, 17))))
                .isOk());
    REQUIRE(session.save(incoming(S("Huyện ủy Kim Bảng"), 125, S("QĐ/TU"), 1252)).isOk());

    const auto accepted = session.save(again, true);
    REQUIRE(accepted.isOk());
    // Editing one of them (not its key) is not refused again.
    REQUIRE(
        session.save(DocumentEdit::update(accepted->unid).set(Item::text(QStringLiteral("TrichYeu"), S("y"))))
            .isOk());
    const auto groups = session.duplicates();
    REQUIRE(groups.isOk());
    REQUIRE(groups->size() == 1);
    REQUIRE(groups->front().size() == 2);
    REQUIRE(groups->front()[0].unid == first->unid);
    REQUIRE(groups->front()[1].unid == accepted->unid);

    // The "duplicates" view: one category, its two documents; the others not shown.
    auto store = ReplicaStore::open(session.path());
    REQUIRE(store.isOk());
    const auto definition = views::ViewCatalog::find(DatabaseKind::Documents, QStringLiteral("duplicates"));
    REQUIRE(definition);
    {
        auto index = views::ViewIndex::open(**store, session.viewCachePath(),
                                            views::ViewCatalog::viewsFor(DatabaseKind::Documents), QString());
        REQUIRE(index.isOk());
        REQUIRE((*index)->update().isOk());
    }
    auto query = views::ViewQuery::open(session.viewCachePath(), *definition, QString());
    REQUIRE(query.isOk());
    const auto categories = (*query)->categories();
    REQUIRE((*query)->count().value() == 2);
    REQUIRE(categories.isOk());
    REQUIRE(categories->size() == 1);
    REQUIRE(categories->front().count == 2);
    REQUIRE(categories->front().title.contains(S("125-QD/TU · TINH UY HA NAM · 16/11/2026")));
    const auto rows = (*query)->categoryRows(categories->front().key, (*query)->defaultSort(), 0, 10);
    REQUIRE(rows.isOk());
    REQUIRE(rows->size() == 2);
}

TEST_CASE("senctl: a duplicate exits 3 with one line naming the registration; duplicates --json lists it",
          "[client][registration][senctl]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {S("db"), S("create"), S("vanban"), S("--kind"), S("documents")}).code == 0);
    const QStringList create{S("doc"),
                             S("create"),
                             S("vanban"),
                             S("--form"),
                             S("VanBanDen"),
                             S("--set"),
                             S("CoQuanBanHanh=Tỉnh ủy Hà Nam"),
                             S("--set"),
                             S("So:number=125"),
                             S("--set"),
                             S("KyHieu=QĐ/TU"),
                             S("--set"),
                             S("NgayBanHanh:datetime=2026-11-16"),
                             S("--set"),
                             S("NgayDen:datetime=2026-11-18")};
    const Run first = senctl(home, create + QStringList{S("--set"), S("SoDen:number=1250")});
    REQUIRE(first.code == 0);
    const QString unid = first.out.trimmed();

    const Run dup = senctl(home, create + QStringList{S("--set"), S("SoDen:number=1300")});
    REQUIRE(dup.code == 3);
    REQUIRE(dup.out.isEmpty());
    REQUIRE(dup.err.count(u'\n') == 1);
    REQUIRE(dup.err.contains(QStringLiteral("1250")));
    REQUIRE(dup.err.contains(QStringLiteral("18/11/2026")));
    REQUIRE(dup.err.contains(unid));

    const Run deliberate =
        senctl(home, create + QStringList{S("--set"), S("SoDen:number=1300"), S("--allow-duplicate")});
    REQUIRE(deliberate.code == 0);
    const Run listed = senctl(home, {S("duplicates"), S("vanban"), S("--json")});
    REQUIRE(listed.code == 0);
    const QJsonArray groups = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    REQUIRE(groups.size() == 1);
    const QJsonArray docs = groups[0].toObject()[S("documents")].toArray();
    REQUIRE(docs.size() == 2);
    REQUIRE(docs[0].toObject()[S("unid")].toString() == unid);
    REQUIRE(docs[0].toObject()[S("arrivalNumber")].toInt() == 1250);
    REQUIRE(docs[1].toObject()[S("unid")].toString() == deliberate.out.trimmed());
}

TEST_CASE("The duplicate check in a replica of 10,000 registrations costs no walk of the replica",
          "[client][registration][bench]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {S("db"), S("create"), S("vanban"), S("--kind"), S("documents")}).code == 0);
    auto workspace = client::Workspace::open(home);
    REQUIRE(workspace.isOk());
    auto opened = app::DatabaseSession::open(*workspace, QStringLiteral("vanban"));
    REQUIRE(opened.isOk());
    app::DatabaseSession& session = **opened;
    constexpr int kDocuments = 10'000;
    REQUIRE(session
                .batch([&]() -> Status {
                    for (int i = 1; i <= kDocuments; ++i)
                        SEN_TRY(session.save(incoming(S("Tỉnh ủy Hà Nam"), i, S("CV/TU"), i), true).status());
                    return Status::ok();
                })
                .isOk());
    QElapsedTimer timer;
    timer.start();
    REQUIRE(session.save(incoming(S("Tỉnh ủy Hà Nam"), 5000, S("CV/TU"), 20'000)).code() ==
            ErrorCode::Conflict);
    const qint64 firstMs = timer.restart(); // the index built once from the change feed
    constexpr int kSaves = 200;
    for (int i = 0; i < kSaves; ++i)
        REQUIRE(session.save(incoming(S("Huyện ủy Kim Bảng"), i + 1, S("CV/HU"), 30'000 + i)).isOk());
    const qint64 savesMs = timer.elapsed();
    WARN("duplicate check with " << kDocuments << " registrations: first save " << firstMs
                                 << " ms (index built), then " << kSaves << " checked saves in " << savesMs
                                 << " ms");
    // A walk of 10,000 documents per save would take seconds for 200 saves.
    REQUIRE(savesMs < 200 * 50);
}

TEST_CASE("Two offices register the same công văn offline; after syncing both are listed as duplicates",
          "[client][registration][sync]")
{
    using test::ControllerLog;
    using test::ServerFixture;
    using test::SyncTestOffice;
    const QString kVanBan = QStringLiteral("vanban");
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Editor);
    {
        // The registers `sen-server db create` starts a documents database with: the typed
        // arrival numbers become requests the server grants (docs/registers.md §Numbering).
        auto server = ReplicaStore::open(f.serverPath(kVanBan));
        REQUIRE(server.isOk());
        REQUIRE(registers::createDefaultRegisters(**server).isOk());
    }
    using Office = test::AppOffice;
    Office an(f, S("Nguyễn Văn An"), kVanBan);
    Office hoa(f, S("Lê Thị Hoa"), kVanBan);
    const auto a = an.session->save(incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1250));
    REQUIRE(a.isOk());
    const auto h = hoa.session->save(incoming(S("Tỉnh ủy Hà Nam"), 125, S("QĐ/TU"), 1251));
    REQUIRE(h.isOk());
    const auto sync = [&](Office& o) {
        const std::size_t before = o.log.finished.size();
        o.controller.sync(kVanBan);
        REQUIRE(o.log.waitFinished(before + 1));
        REQUIRE(o.log.finished.back().status.isOk());
    };
    sync(an);
    sync(hoa);
    sync(an);

    for (Office* o : {&an, &hoa}) {
        const auto groups = o->session->duplicates();
        REQUIRE(groups.isOk());
        REQUIRE(groups->size() == 1);
        REQUIRE(groups->front().size() == 2);
        const Run listed = senctl(o->office.workspace.home(), {S("duplicates"), kVanBan, S("--json")});
        INFO(listed.err.toStdString());
        REQUIRE(listed.code == 0);
        const QJsonArray docs =
            QJsonDocument::fromJson(listed.out.toUtf8()).array()[0].toObject()[S("documents")].toArray();
        REQUIRE(docs.size() == 2);
        REQUIRE(docs[0].toObject()[S("arrivalNumber")].toInt() == 1250);
        REQUIRE(docs[1].toObject()[S("arrivalNumber")].toInt() == 1251);
    }
    // The "duplicates" view of Hoa's replica shows both under one category.
    auto store = ReplicaStore::open(hoa.session->path());
    REQUIRE(store.isOk());
    {
        auto index = views::ViewIndex::open(**store, hoa.session->viewCachePath() + QStringLiteral(".test"),
                                            views::ViewCatalog::viewsFor(DatabaseKind::Documents), QString());
        REQUIRE(index.isOk());
        REQUIRE((*index)->update().isOk());
    }
    auto query = views::ViewQuery::open(
        hoa.session->viewCachePath() + QStringLiteral(".test"),
        *views::ViewCatalog::find(DatabaseKind::Documents, QStringLiteral("duplicates")), QString());
    REQUIRE(query.isOk());
    REQUIRE((*query)->count().value() == 2);
    REQUIRE((*query)->categories()->size() == 1);
}
