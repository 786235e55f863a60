// senctl's local commands, run in-process against a real workspace on disk: the output
// formats and exit codes scripts depend on.

#include "client/core/Workspace.h"
#include "common/store/ReplicaStore.h"
#include "tests/server/SenctlRun.h"
#include "tests/support/TempDir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

using Run = test::SenctlRun;
using test::Senctl;

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

TEST_CASE("senctl creates a database, a document, and reads it back as text and JSON", "[senctl]")
{
    Senctl senctl;
    const QString replicaId = senctl.ok(
        {S("db"), S("create"), S("vanban"), S("--kind"), S("documents"), S("--title"), S("Văn bản")});
    REQUIRE(replicaId.size() == 32);

    const QString unid =
        senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDen"), S("--set"),
                   S("TrichYeu=Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ"), S("--set"),
                   S("SoDen:number=125"), S("--set"), S("NoiNhan:textlist=Văn phòng; Ban Tổ chức"),
                   S("--set"), S("NgayDen:datetime=2026-11-16T08:30:00Z"), S("--set"),
                   S("Readers:readers=Nguyễn Văn A/VPTU/HaNoi")});
    REQUIRE(unid.size() == 32);

    const QString text = senctl.ok({S("doc"), S("get"), S("vanban"), unid});
    REQUIRE(text.contains(S("TrichYeu (text): Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ")));
    REQUIRE(text.contains(S("NoiNhan (textlist): Văn phòng; Ban Tổ chức")));
    REQUIRE(text.contains(S("SoDen (number): 125")));

    const QJsonObject json =
        QJsonDocument::fromJson(senctl.ok({S("doc"), S("get"), S("vanban"), unid, S("--json")}).toUtf8())
            .object();
    REQUIRE(json[S("unid")].toString() == unid);
    REQUIRE(json[S("form")].toString() == S("VanBanDen"));
    const QJsonObject items = json[S("items")].toObject();
    REQUIRE(items[S("SoDen")].toObject()[S("value")].toDouble() == 125);
    REQUIRE(items[S("NgayDen")].toObject()[S("value")].toString() == S("2026-11-16T08:30:00.000Z"));
    REQUIRE(items[S("Readers")].toObject()[S("type")].toString() == S("readers"));

    // The database can also be named by its replica ID.
    REQUIRE(senctl.ok({S("doc"), S("get"), replicaId, unid}).contains(S("SoDen")));
}

TEST_CASE("senctl updates, unsets and deletes, and dump shows the stub", "[senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("tin"), S("--kind"), S("news")});
    const QString unid = senctl.ok({S("doc"), S("create"), S("tin"), S("--form"), S("TinTuc"), S("--set"),
                                    S("TieuDe=Cũ"), S("--set"), S("GhiChu=tạm")});
    senctl.ok(
        {S("doc"), S("update"), S("tin"), unid, S("--set"), S("TieuDe=Mới"), S("--unset"), S("GhiChu")});
    const QString dump = senctl.ok({S("dump"), S("tin")});
    REQUIRE(
        dump ==
        S(R"({"conflict":false,"form":"TinTuc","items":[{"name":"TieuDe","type":"text","value":"Mới"}],"parent":null,"unid":")") +
            unid + S("\"}"));

    senctl.ok({S("doc"), S("delete"), S("tin"), unid});
    REQUIRE(senctl.ok({S("dump"), S("tin")}) == S(R"({"deleted":true,"unid":")") + unid + S("\"}"));
    REQUIRE(senctl.ok({S("doc"), S("list"), S("tin")}).isEmpty());
    const Run again = senctl({S("doc"), S("delete"), S("tin"), unid});
    REQUIRE(again.code == 1);
    REQUIRE(again.err.contains(S("already deleted")));
}

TEST_CASE("senctl imports JSON Lines all or nothing and counts them", "[senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("lich"), S("--kind"), S("calendar")});
    const QString good = senctl.dir().path(S("good.jsonl"));
    REQUIRE(test::writeFile(
        good,
        QByteArray(
            R"({"form":"LichCongTac","items":{"NoiDung":"Giao ban","Ngay":{"type":"datetime","value":"2026-11-23"},"ThanhPhan":["A","B"],"Gio":{"type":"number","value":8}}})"
            "\n"
            "\n"
            R"({"form":"LichCongTac","items":{"NoiDung":"Tiếp công dân","ChuTri":{"type":"names","value":["Bí thư/HU/KimBang"]}}})"
            "\n")));
    REQUIRE(senctl.ok({S("doc"), S("import"), S("lich"), good}) == S("2"));

    const QString bad = senctl.dir().path(S("bad.jsonl"));
    REQUIRE(test::writeFile(
        bad, QByteArray(R"({"form":"LichCongTac","items":{"NoiDung":"x"}})"
                        "\n"
                        R"({"form":"LichCongTac","items":{"N":{"type":"number","value":"abc"}}})"
                        "\n")));
    const Run run = senctl({S("doc"), S("import"), S("lich"), bad});
    REQUIRE(run.code == 1);
    REQUIRE(run.err.contains(S("line 2")));
    REQUIRE(senctl.ok({S("doc"), S("list"), S("lich")}).split(u'\n').size() == 2);
}

TEST_CASE("senctl searches without diacritics", "[senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vb"), S("--kind"), S("documents")});
    const QString unid = senctl.ok({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--set"),
                                    S("TrichYeu=Nghị quyết của Đảng ủy Khối cơ quan")});
    senctl.ok({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--set"),
               S("TrichYeu=Báo cáo tài chính")});
    const QString hits = senctl.ok({S("search"), S("vb"), S("dang uy")});
    REQUIRE(hits.split(u'\n').size() == 1);
    REQUIRE(hits.startsWith(unid));
    const QJsonArray json =
        QJsonDocument::fromJson(senctl.ok({S("search"), S("vb"), S("DANG UY"), S("--json")}).toUtf8())
            .array();
    REQUIRE(json.size() == 1);
    REQUIRE(json[0].toObject()[S("unid")].toString() == unid);
}

TEST_CASE("senctl search first builds the full-text index a first pull deferred", "[senctl][search]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vb"), S("--kind"), S("documents")});
    const auto workspace = client::Workspace::open(senctl.home());
    REQUIRE(workspace);
    const QString path = workspace->replicaPath(S("vb"));
    {
        // What a first pull does before its first document (docs/search.md §"The first pull").
        auto store = ReplicaStore::open(path);
        REQUIRE(store);
        REQUIRE((*store)->replication().deferFullText().isOk());
    }
    const QString unid = senctl.ok({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--set"),
                                    S("TrichYeu=Kế hoạch phòng chống lụt bão")});
    const auto before = ReplicaStore::open(path);
    REQUIRE(before);
    const auto building = (*before)->searchIndexProgress();
    REQUIRE((building.isOk() && building->has_value() && (*building)->indexed == 0));
    REQUIRE((*before)->search(S("lut bao"))->empty());

    REQUIRE(senctl.ok({S("search"), S("vb"), S("lut bao")}).startsWith(unid));
    const auto built = (*before)->searchIndexProgress();
    REQUIRE((built.isOk() && !built->has_value()));
}

TEST_CASE("senctl searches by fields, and across every database with --all", "[senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vb"), S("--kind"), S("documents"), S("--title"), S("Văn bản đến")});
    senctl.ok({S("db"), S("create"), S("vb2"), S("--kind"), S("documents"), S("--title"), S("Lưu trữ")});
    const QString decision =
        senctl.ok({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--set"),
                   S("SoKyHieu=15/QĐ-UBND"), S("--set"), S("CoQuanBanHanh=UBND tỉnh Hà Nam"), S("--set"),
                   S("NgayBanHanh:datetime=2026-03-10T09:00:00"), S("--set"),
                   S("TrichYeu=Quyết định về phòng chống lụt bão")});
    const QString report =
        senctl.ok({S("doc"), S("create"), S("vb2"), S("--form"), S("VanBanDen"), S("--set"),
                   S("SoKyHieu=20-BC/HU"), S("--set"), S("CoQuanBanHanh=Huyện ủy"), S("--set"),
                   S("NgayBanHanh:datetime=2026-05-02T09:00:00"), S("--set"), S("TrichYeu=Báo cáo lụt bão")});

    // Fields alone, one hit a line: UNID, database, form title, số ký hiệu, date, abstract.
    const QString byNumber = senctl.ok({S("search"), S("vb"), S("--number"), S("15/qd")});
    CHECK(byNumber == decision + S("\tvb\tIncoming document\t15/QĐ-UBND\t10/03/2026\tQuyết định về phòng "
                                   "chống lụt bão"));
    CHECK(senctl.ok({S("search"), S("vb"), S("--issuer"), S("ha nam")}).startsWith(decision));
    CHECK(senctl.ok({S("search"), S("vb"), S("--issuer"), S("huyen uy")}).isEmpty());

    // Across the workspace, with words and a date range.
    const QString both = senctl.ok({S("search"), S("--all"), S("lut"), S("bao")});
    CHECK(both.split(u'\n').size() == 2);
    const QJsonArray may =
        QJsonDocument::fromJson(senctl
                                    .ok({S("search"), S("--all"), S("lut bao"), S("--from"), S("2026-04-01"),
                                         S("--to"), S("2026-05-31"), S("--json")})
                                    .toUtf8())
            .array();
    REQUIRE(may.size() == 1);
    const QJsonObject hit = may[0].toObject();
    CHECK(hit[S("unid")].toString() == report);
    CHECK(hit[S("database")].toString() == S("vb2"));
    CHECK(hit[S("databaseTitle")].toString() == S("Lưu trữ"));
    CHECK(hit[S("formTitle")].toString() == S("Incoming document"));
    CHECK(hit[S("date")].toString() == S("2026-05-02"));

    // Usage errors: nothing to search for, a malformed date.
    CHECK(senctl({S("search"), S("vb")}).code != 0);
    CHECK(senctl({S("search"), S("--all"), S("--from"), S("2026-13-01")}).code != 0);
}

TEST_CASE("senctl stores an attachment once and saves it back byte for byte", "[senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vb"), S("--kind"), S("documents")});
    QByteArray content;
    for (int i = 0; i < 300'000; ++i)
        content.append(static_cast<char>((static_cast<qint64>(i) * 7919) % 251));
    const QString path = senctl.dir().path(S("quyet-dinh.pdf"));
    REQUIRE(test::writeFile(path, content));
    const QString unid =
        senctl.ok({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--attach"), path});

    const QJsonObject json =
        QJsonDocument::fromJson(senctl.ok({S("doc"), S("get"), S("vb"), unid, S("--json")}).toUtf8())
            .object();
    const QJsonObject attachment = json[S("attachments")].toArray()[0].toObject();
    REQUIRE(attachment[S("name")].toString() == S("quyet-dinh.pdf"));
    REQUIRE(attachment[S("size")].toInteger() == content.size());
    REQUIRE(attachment[S("sha256")].toString().size() == 64);

    const QString saved = senctl.dir().path(S("saved.pdf"));
    senctl.ok({S("attachment"), S("save"), S("vb"), unid, S("quyet-dinh.pdf"), saved});
    REQUIRE(test::readFile(saved) == content);
    const Run missing = senctl({S("attachment"), S("save"), S("vb"), unid, S("khac.pdf"), saved});
    REQUIRE(missing.code == 1);
}

TEST_CASE("Bad file: senctl neither attaches nor saves over a database file of its workspace", "[senctl]")
{
    // A script attaches the replica itself (to send it to the IT centre) and saves an
    // attachment over it: both are refused before any descriptor is opened on the file,
    // which stays a healthy replica.
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vb"), S("--kind"), S("documents")});
    const QString replica = senctl.dir().path(S("home/replicas/vb.sen"));
    const Run attached =
        senctl({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--attach"), replica});
    CHECK(attached.code == 1);
    CHECK(attached.err.contains(S("database file of this workspace")));
    CHECK(senctl.ok({S("doc"), S("list"), S("vb")}).isEmpty());

    const QString file = senctl.dir().path(S("to-trinh.pdf"));
    REQUIRE(test::writeFile(file, QByteArray("PDF")));
    const QString unid =
        senctl.ok({S("doc"), S("create"), S("vb"), S("--form"), S("VanBanDen"), S("--attach"), file});
    for (const QString& target : {replica, senctl.dir().path(S("home/replicas/vb.views")),
                                  senctl.dir().path(S("home/replicas/../replicas/vb.sen-wal"))}) {
        INFO(target.toStdString());
        const Run saved = senctl({S("attachment"), S("save"), S("vb"), unid, S("to-trinh.pdf"), target});
        CHECK(saved.code == 1);
        CHECK(saved.err.contains(S("database file of this workspace")));
    }
    CHECK(senctl.ok({S("doc"), S("get"), S("vb"), unid}).contains(S("to-trinh.pdf")));
}

TEST_CASE("senctl rejects bad command lines with exit code 2 and one clear line", "[senctl]")
{
    Senctl senctl;
    REQUIRE(senctl({S("frobnicate")}).code == 2);
    REQUIRE(senctl({S("doc"), S("list")}).code == 2);
    const Run unknownOption = senctl({S("replica"), S("list"), S("--bogus")});
    REQUIRE(unknownOption.code == 2);
    REQUIRE(unknownOption.err.contains(S("--bogus")));
    senctl.ok({S("db"), S("create"), S("vb"), S("--kind"), S("documents")});
    const Run badItem =
        senctl({S("doc"), S("create"), S("vb"), S("--form"), S("F"), S("--set"), S("N:number=abc")});
    REQUIRE(badItem.code == 1);
    REQUIRE(badItem.err.startsWith(S("senctl: ")));
    REQUIRE(badItem.err.count(u'\n') == 1);
    REQUIRE(senctl({S("doc"), S("get"), S("nosuchdb"), S("00")}).code == 1);
    REQUIRE(senctl({S("db"), S("create"), S("vb"), S("--kind"), S("documents")}).code == 1);
    REQUIRE(senctl({S("db"), S("create"), S("x y"), S("--kind"), S("documents")}).code == 1);
}

TEST_CASE("senctl files documents in dossiers, lists responses and shows the history, as sen does",
          "[senctl][app]")
{
    // What the database page and the dossier page do, by command: two dossiers with the same
    // title are both listed (no cap, nothing merged by title), a letter is filed in one and
    // taken out again, its reply is listed as its response, and a local replica has no history.
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    const QString letter = senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDen"),
                                      S("--set"), S("TrichYeu=Mời họp giao ban")});
    QStringList dossiers;
    for (const char* code : {"02.HS", "01.HS"})
        dossiers << senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("HoSo"), S("--set"),
                               S("SoKyHieuHoSo=") + S(code), S("--set"), S("TieuDeHoSo=Hồ sơ giao ban")});
    const QStringList listed = senctl.ok({S("dossier"), S("list"), S("vanban")}).split(u'\n');
    REQUIRE(listed.size() == 2);
    REQUIRE(listed[0] == dossiers[1] + S("\t01.HS\tHồ sơ giao ban"));
    REQUIRE(listed[1] == dossiers[0] + S("\t02.HS\tHồ sơ giao ban"));

    senctl.ok({S("dossier"), S("file"), S("vanban"), dossiers[0], letter});
    const QJsonArray members =
        QJsonDocument::fromJson(
            senctl.ok({S("dossier"), S("members"), S("vanban"), dossiers[0], S("--json")}).toUtf8())
            .array();
    REQUIRE(members.size() == 1);
    REQUIRE(members[0].toObject()[S("unid")].toString() == letter);
    REQUIRE(senctl.ok({S("dossier"), S("members"), S("vanban"), dossiers[1]}).isEmpty());
    senctl.ok({S("dossier"), S("unfile"), S("vanban"), dossiers[0], letter});
    REQUIRE(senctl.ok({S("dossier"), S("members"), S("vanban"), dossiers[0]}).isEmpty());
    const Run notADossier = senctl({S("dossier"), S("file"), S("vanban"), letter, dossiers[0]});
    REQUIRE(notADossier.code == 1);
    REQUIRE(notADossier.err.contains(S("not a dossier")));

    const QString reply = senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("YKien"),
                                     S("--parent"), letter, S("--set"), S("NoiDung=Đồng ý")});
    REQUIRE(senctl.ok({S("doc"), S("responses"), S("vanban"), letter}).startsWith(reply + S("\tYKien")));
    REQUIRE(senctl.ok({S("doc"), S("responses"), S("vanban"), reply}).isEmpty());

    REQUIRE(senctl.ok({S("history"), S("vanban"), S("--json")}) == S("[]"));
    const Run noConflict = senctl({S("conflict"), S("show"), S("vanban"), letter});
    REQUIRE(noConflict.code == 1);
}
