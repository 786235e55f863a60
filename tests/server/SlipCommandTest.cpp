// senctl slip, end to end (docs/workflow.md): a real sen-server process and four senctl homes —
// the văn thư presents an incoming document, the leader directs it, the lead and the
// co-ordinator report, and every home's `slip show --json` says done with the same timeline;
// a cadre not named is refused with exit status 1 and nothing is written.

#include "tests/server/ServerProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject show(const QString& home, const QString& unid)
{
    const QString json =
        ServerProcess::senctlOk(home, {S("slip"), S("show"), S("vanban"), unid, S("--json")});
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

TEST_CASE("senctl slip: present, direct, report and show, four homes and a real server",
          "[server][process][workflow]")
{
    test::TempDir dir;
    ServerProcess server(dir);
    server.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), S("vanban"), S("-Default-"), S("author"), S("--create")});
    server.admin({S("acl"), S("set"), S("vanban"), S("Phạm Thị Thư/VPTU/HaNoi"), S("editor"), S("--role"),
                  S("VanThu")});
    server.admin({S("acl"), S("set"), S("vanban"), S("Lê Văn Lãnh/VPTU/HaNoi"), S("editor"), S("--role"),
                  S("LanhDao")});
    server.start();
    QHash<QString, QString> homes;
    for (const char* who : {"Phạm Thị Thư", "Lê Văn Lãnh", "Nguyễn Văn An", "Trần Thị Bình", "Đỗ Văn Khác"}) {
        const QString home = dir.path(S(who));
        ServerProcess::senctlOk(home, {S("login"), S("--id"), server.registerUser(S(who))});
        ServerProcess::senctlOk(home, {S("replica"), S("add"), server.address(), S("vanban")});
        homes.insert(S(who), home);
    }
    const QString clerk = homes[S("Phạm Thị Thư")], leader = homes[S("Lê Văn Lãnh")],
                  an = homes[S("Nguyễn Văn An")], binh = homes[S("Trần Thị Bình")],
                  other = homes[S("Đỗ Văn Khác")];

    const QString letter = ServerProcess::senctlOk(
        clerk, {S("doc"), S("create"), S("vanban"), S("--set"), S("TrichYeu=Về việc tổng kết"), S("--set"),
                S("SoKyHieu=12-CV/TU"), S("--set"), S("NgayBanHanh:datetime=2026-12-01"), S("--set"),
                S("CoQuanBanHanh=Tỉnh ủy"), S("--set"), S("NgayDen:datetime=2026-12-02"), S("--form"),
                S("VanBanDen")});
    REQUIRE(letter.size() == 32);
    ServerProcess::senctlOk(clerk, {S("slip"), S("present"), S("vanban"), letter, S("--to"), S("[LanhDao]")});
    CHECK(show(clerk, letter).value(S("state")).toString() == S("presented"));
    ServerProcess::senctlOk(clerk, {S("sync")});

    ServerProcess::senctlOk(leader, {S("sync")});
    // A cadre without [LanhDao] directs nothing.
    const auto refused =
        ServerProcess::senctl(an, {S("slip"), S("create"), S("vanban"), letter, S("--lead"),
                                   S("Nguyễn Văn An/VPTU/HaNoi"), S("--direction"), S("Tự giao")});
    CHECK(refused.code == 1);
    const QString slip = ServerProcess::senctlOk(
        leader, {S("slip"), S("create"), S("vanban"), letter, S("--lead"), S("Nguyễn Văn An/VPTU/HaNoi"),
                 S("--with"), S("Trần Thị Bình/VPTU/HaNoi"), S("--deadline"), S("2026-12-18"),
                 S("--direction"), S("Đồng chí An chủ trì tham mưu báo cáo")});
    REQUIRE(slip.size() == 32);
    ServerProcess::senctlOk(leader, {S("sync")});

    for (const QString& home : {an, binh, other})
        ServerProcess::senctlOk(home, {S("sync")});
    ServerProcess::senctlOk(binh, {S("slip"), S("report"), S("vanban"), slip, S("--status"), S("done"),
                                   S("--text"), S("Đã gửi số liệu")});
    ServerProcess::senctlOk(an, {S("slip"), S("report"), S("vanban"), slip, S("--status"), S("done"),
                                 S("--text"), S("Đã trình ký báo cáo"), S("--reply"), S("45-BC/VPTU")});
    const auto meddling =
        ServerProcess::senctl(other, {S("slip"), S("report"), S("vanban"), slip, S("--status"), S("done"),
                                      S("--text"), S("Không phải việc")});
    CHECK(meddling.code == 1);
    for (const QString& home : {binh, an, clerk, leader, binh})
        ServerProcess::senctlOk(home, {S("sync")});

    for (const QString& home : {clerk, leader, an, binh}) {
        const QJsonObject processing = show(home, letter);
        CHECK(processing.value(S("state")).toString() == S("done"));
        CHECK(processing.value(S("deadline")).toString() == S("2026-12-18"));
        const QJsonArray timeline = processing.value(S("timeline")).toArray();
        REQUIRE(timeline.size() == 4);
        CHECK(timeline[0].toObject().value(S("kind")).toString() == S("presentation"));
        CHECK(timeline[1].toObject().value(S("author")).toString() == S("Lê Văn Lãnh/VPTU/HaNoi"));
    }
    // The text form lists the state and each step with its author.
    const QString text = ServerProcess::senctlOk(leader, {S("slip"), S("show"), S("vanban"), letter});
    CHECK(text.contains(S("Nguyễn Văn An/VPTU/HaNoi")));
    CHECK(text.contains(S("Đã trình ký báo cáo")));
    server.stop();
}
