// senctl's replication commands (login, replica add, sync) against an in-process server over
// real TLS: the contract scripts at district offices rely on.

#include "client/cli/Senctl.h"
#include "client/core/UserIdentity.h"
#include "client/core/Workspace.h"
#include "common/store/ReplicaBackup.h"
#include "tests/server/SenctlRun.h"
#include "tests/server/ServerFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

using Run = test::SenctlRun;
using test::senctl;
using test::senctlOk;

TEST_CASE("senctl logs in, adds a replica from the server and syncs two offices to the same dump",
          "[server][senctl]")
{
    // Two offices log in with their ID files, each adds the server's database, creates a
    // document offline and syncs; after a second round both dumps are byte-identical.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    qputenv("SEN_PASSWORD", "mật khẩu 123");
    const QString homeA = f.dir().path(QStringLiteral("homeA"));
    const QString homeB = f.dir().path(QStringLiteral("homeB"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("an.id")));
    f.userIdFile(QStringLiteral("Lê Thị Hoa"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("hoa.id")));
    REQUIRE(senctlOk(homeA, {QStringLiteral("login"), QStringLiteral("--id"),
                             f.dir().path(QStringLiteral("an.id"))}) ==
            QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    senctlOk(homeB,
             {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("hoa.id"))});

    const QString server = QStringLiteral("127.0.0.1:%1").arg(f.port());
    senctlOk(homeA, {QStringLiteral("replica"), QStringLiteral("add"), server, QStringLiteral("vanban")});
    senctlOk(homeB, {QStringLiteral("replica"), QStringLiteral("add"), server, QStringLiteral("vanban")});
    senctlOk(homeA, {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"),
                     QStringLiteral("--form"), QStringLiteral("VanBanDen"), QStringLiteral("--set"),
                     QStringLiteral("TrichYeu=Kế hoạch tuần")});
    senctlOk(homeB, {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"),
                     QStringLiteral("--form"), QStringLiteral("VanBanDi"), QStringLiteral("--set"),
                     QStringLiteral("TrichYeu=Báo cáo tháng")});

    const QJsonArray first =
        QJsonDocument::fromJson(senctlOk(homeA, {QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(first.size() == 1);
    REQUIRE(first[0].toObject()[QStringLiteral("ok")].toBool());
    REQUIRE(first[0].toObject()[QStringLiteral("sent")].toInt() == 1);
    senctlOk(homeB, {QStringLiteral("sync"), QStringLiteral("vanban")});
    const QJsonArray last =
        QJsonDocument::fromJson(senctlOk(homeA, {QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(last[0].toObject()[QStringLiteral("received")].toInt() == 1);
    REQUIRE(last[0].toObject()[QStringLiteral("bytesIn")].toInt() > 0);

    const QString dumpA = senctlOk(homeA, {QStringLiteral("dump"), QStringLiteral("vanban")});
    REQUIRE(dumpA == senctlOk(homeB, {QStringLiteral("dump"), QStringLiteral("vanban")}));
    REQUIRE(dumpA.contains(QStringLiteral("Kế hoạch tuần")));
    REQUIRE(dumpA.contains(QStringLiteral("Báo cáo tháng")));
}

TEST_CASE("Bad ID file: senctl login with a wrong password says so and keeps no ID", "[server][senctl]")
{
    // A mistyped password is one clear line on stderr and a non-zero exit; sync then asks
    // for a login.
    ServerFixture f;
    const QString home = f.dir().path(QStringLiteral("home"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("đúng"),
                 f.dir().path(QStringLiteral("an.id")));
    qputenv("SEN_PASSWORD", "sai");
    const Run wrong = senctl(
        home, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("an.id"))});
    REQUIRE(wrong.code == 1);
    REQUIRE(wrong.err.contains(QStringLiteral("wrong password")));
    REQUIRE(wrong.err.count(u'\n') == 1);
    const Run sync = senctl(home, {QStringLiteral("sync")});
    REQUIRE(sync.code == 1);
    REQUIRE(sync.err.contains(QStringLiteral("login")));
}

TEST_CASE("Bad ID file: senctl login with a damaged ID file says so in one line and keeps no ID",
          "[server][senctl]")
{
    // An ID file cut short on a USB stick: login names the problem, exits 1, and the
    // workspace has no ID afterwards.
    ServerFixture f;
    const QString home = f.dir().path(QStringLiteral("home"));
    const QString path = f.dir().path(QStringLiteral("an.id"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("đúng"), path);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.resize(file.size() / 2));
    file.close();
    qputenv("SEN_PASSWORD", "đúng");
    const Run damaged = senctl(home, {QStringLiteral("login"), QStringLiteral("--id"), path});
    REQUIRE(damaged.code == 1);
    REQUIRE(damaged.err.contains(QStringLiteral("damaged")));
    REQUIRE(damaged.err.count(u'\n') == 1);
    REQUIRE_FALSE(QFile::exists(home + QStringLiteral("/user.id")));
}

TEST_CASE("senctl sync of a restored backup takes a new instance ID and loses no edit", "[server][senctl]")
{
    // An office backs its replica up after a sync, makes three edits and syncs them, then
    // copies the backup back; its next edit reuses a counter the server has seen. `senctl sync`
    // says the replica took a new instance ID, succeeds, and a second office then holds every
    // edit from before and after the restore.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    qputenv("SEN_PASSWORD", "mật khẩu 123");
    const QString homeA = f.dir().path(QStringLiteral("homeA"));
    const QString homeB = f.dir().path(QStringLiteral("homeB"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("an.id")));
    f.userIdFile(QStringLiteral("Lê Thị Hoa"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("hoa.id")));
    senctlOk(homeA, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("an.id"))});
    senctlOk(homeB,
             {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("hoa.id"))});
    const QString server = QStringLiteral("127.0.0.1:%1").arg(f.port());
    senctlOk(homeA, {QStringLiteral("replica"), QStringLiteral("add"), server, QStringLiteral("vanban")});
    const auto create = [&](const QString& subject) {
        return senctlOk(homeA, {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"),
                                QStringLiteral("--form"), QStringLiteral("VanBanDen"),
                                QStringLiteral("--set"), QStringLiteral("TrichYeu=") + subject});
    };
    const QString plan = create(QStringLiteral("Kế hoạch tuần"));
    senctlOk(homeA, {QStringLiteral("sync")});

    const QString path = client::Workspace::open(homeA)->replicaPath(QStringLiteral("vanban"));
    const QString backup = f.dir().path(QStringLiteral("vanban-backup.sen"));
    REQUIRE(store::backupReplica(path, backup).isOk());
    senctlOk(homeA, {QStringLiteral("doc"), QStringLiteral("update"), QStringLiteral("vanban"), plan,
                     QStringLiteral("--set"), QStringLiteral("NoiNhan=Phòng Tổng hợp")});
    create(QStringLiteral("Báo cáo tháng"));
    create(QStringLiteral("Tờ trình"));
    senctlOk(homeA, {QStringLiteral("sync")});

    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    REQUIRE(QFile::copy(backup, path));
    create(QStringLiteral("Công văn khẩn"));

    const QJsonArray renewed =
        QJsonDocument::fromJson(senctlOk(homeA, {QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(renewed.size() == 1);
    const QJsonObject report = renewed[0].toObject();
    REQUIRE(report[QStringLiteral("ok")].toBool());
    REQUIRE(report[QStringLiteral("renewedInstance")].toString().size() == 16);
    REQUIRE(report[QStringLiteral("sent")].toInt() == 1);
    REQUIRE(senctlOk(homeA, {QStringLiteral("sync")}).count(QStringLiteral("new instance")) == 0);

    senctlOk(homeB, {QStringLiteral("replica"), QStringLiteral("add"), server, QStringLiteral("vanban")});
    senctlOk(homeA, {QStringLiteral("sync")});
    const QString dumpB = senctlOk(homeB, {QStringLiteral("dump"), QStringLiteral("vanban")});
    for (const QString& text :
         {QStringLiteral("Kế hoạch tuần"), QStringLiteral("Phòng Tổng hợp"), QStringLiteral("Báo cáo tháng"),
          QStringLiteral("Tờ trình"), QStringLiteral("Công văn khẩn")})
        CHECK(dumpB.contains(text));
    REQUIRE(dumpB == senctlOk(homeA, {QStringLiteral("dump"), QStringLiteral("vanban")}));
}

TEST_CASE("senctl sync prints the new instance ID of a restored replica in plain words", "[server][senctl]")
{
    // The same restore seen without --json: one line says the replica is a copy or a restored
    // backup and took a new instance ID, then the sync's own line.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    qputenv("SEN_PASSWORD", "mật khẩu 123");
    const QString home = f.dir().path(QStringLiteral("home"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("an.id")));
    senctlOk(home, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("an.id"))});
    senctlOk(home, {QStringLiteral("replica"), QStringLiteral("add"),
                    QStringLiteral("127.0.0.1:%1").arg(f.port()), QStringLiteral("vanban")});
    const QString path = client::Workspace::open(home)->replicaPath(QStringLiteral("vanban"));
    const QString backup = f.dir().path(QStringLiteral("vanban-backup.sen"));
    REQUIRE(store::backupReplica(path, backup).isOk());
    const QStringList create = {QStringLiteral("doc"),
                                QStringLiteral("create"),
                                QStringLiteral("vanban"),
                                QStringLiteral("--form"),
                                QStringLiteral("VanBanDen"),
                                QStringLiteral("--set"),
                                QStringLiteral("TrichYeu=Giấy mời")};
    senctlOk(home, create);
    senctlOk(home, create);
    senctlOk(home, {QStringLiteral("sync")});
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    REQUIRE(QFile::copy(backup, path));
    senctlOk(home, create);
    const QString said = senctlOk(home, {QStringLiteral("sync"), QStringLiteral("vanban")});
    INFO(said.toStdString());
    REQUIRE(said.contains(QStringLiteral("copy or a restored backup: it took the new instance ID")));
    REQUIRE(said.contains(QStringLiteral("sent 1")));
}

TEST_CASE("Bad password: senctl password refuses a weak new password and accepts a strong one",
          "[server][senctl]")
{
    // A cadre changes their ID's password: "abc12345" is refused with the rule in plain English
    // and the ID still opens with the old password; "Mật khẩu mới 2026" is taken, after which
    // the ID opens only with it.
    ServerFixture f;
    const QString home = f.dir().path(QStringLiteral("home"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("an.id")));
    qputenv("SEN_PASSWORD", "mật khẩu 123");
    senctlOk(home, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("an.id"))});
    auto workspace = client::Workspace::open(home);
    REQUIRE(workspace.isOk());

    qputenv("SEN_NEW_PASSWORD", "abc12345");
    const Run weak = senctl(home, {QStringLiteral("password")});
    REQUIRE(weak.code == 1);
    REQUIRE(weak.err.contains(QStringLiteral("too weak")));
    REQUIRE(weak.err.contains(QStringLiteral("10 characters")));
    REQUIRE(client::UserIdentity::unlock(*workspace, QStringLiteral("mật khẩu 123")).isOk());

    qunsetenv("SEN_NEW_PASSWORD");
    const Run missing = senctl(home, {QStringLiteral("password")});
    REQUIRE(missing.code == 1);
    REQUIRE(missing.err.contains(QStringLiteral("SEN_NEW_PASSWORD")));

    const QString newFile = f.dir().path(QStringLiteral("new-password.txt"));
    {
        QFile file(newFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("Mật khẩu mới 2026\n").toUtf8());
    }
    const QString said =
        senctlOk(home, {QStringLiteral("password"), QStringLiteral("--new-password-file"), newFile});
    REQUIRE(said.contains(QStringLiteral("changed")));
    REQUIRE(client::UserIdentity::unlock(*workspace, QStringLiteral("mật khẩu 123")).code() ==
            ErrorCode::PermissionDenied);
    REQUIRE(client::UserIdentity::unlock(*workspace, QStringLiteral("Mật khẩu mới 2026")).isOk());
    const Run old = senctl(home, {QStringLiteral("sync")});
    REQUIRE(old.code == 1);
    REQUIRE(old.err.contains(QStringLiteral("wrong password")));
}

TEST_CASE("Bad password: senctl password with a wrong old password changes nothing", "[server][senctl]")
{
    // The old password is mistyped: the change is refused as a wrong password and the ID file is
    // byte for byte what it was.
    ServerFixture f;
    const QString home = f.dir().path(QStringLiteral("home"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("an.id")));
    qputenv("SEN_PASSWORD", "mật khẩu 123");
    senctlOk(home, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("an.id"))});
    QFile id(home + QStringLiteral("/user.id"));
    REQUIRE(id.open(QIODevice::ReadOnly));
    const QByteArray before = id.readAll();
    id.close();

    qputenv("SEN_PASSWORD", "mật khẩu 124");
    qputenv("SEN_NEW_PASSWORD", "Mật khẩu mới 2026");
    const Run wrong = senctl(home, {QStringLiteral("password")});
    qunsetenv("SEN_NEW_PASSWORD");
    REQUIRE(wrong.code == 1);
    REQUIRE(wrong.err.contains(QStringLiteral("wrong password")));
    REQUIRE(id.open(QIODevice::ReadOnly));
    REQUIRE(id.readAll() == before);
}
