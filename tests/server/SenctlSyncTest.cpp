// senctl's replication commands (login, replica add, sync) against an in-process server over
// real TLS: the contract scripts at district offices rely on.

#include "ServerFixture.h"
#include "cli/Senctl.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
};

Run senctl(const QString& home, QStringList words)
{
    words.prepend(home);
    words.prepend(QStringLiteral("--home"));
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int code = cli::runSenctl(words, outStream, errStream);
    outStream.flush();
    errStream.flush();
    return {code, out, err};
}

QString ok(const QString& home, const QStringList& words)
{
    const Run run = senctl(home, words);
    INFO(run.err.toStdString());
    REQUIRE(run.code == 0);
    return run.out.trimmed();
}

} // namespace

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
    REQUIRE(ok(homeA, {QStringLiteral("login"), QStringLiteral("--id"),
                       f.dir().path(QStringLiteral("an.id"))}) == QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    ok(homeB, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("hoa.id"))});

    const QString server = QStringLiteral("127.0.0.1:%1").arg(f.port());
    ok(homeA, {QStringLiteral("replica"), QStringLiteral("add"), server, QStringLiteral("vanban")});
    ok(homeB, {QStringLiteral("replica"), QStringLiteral("add"), server, QStringLiteral("vanban")});
    ok(homeA,
       {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"), QStringLiteral("--form"),
        QStringLiteral("VanBanDen"), QStringLiteral("--set"), QStringLiteral("TrichYeu=Kế hoạch tuần")});
    ok(homeB,
       {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"), QStringLiteral("--form"),
        QStringLiteral("VanBanDi"), QStringLiteral("--set"), QStringLiteral("TrichYeu=Báo cáo tháng")});

    const QJsonArray first =
        QJsonDocument::fromJson(ok(homeA, {QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(first.size() == 1);
    REQUIRE(first[0].toObject()[QStringLiteral("ok")].toBool());
    REQUIRE(first[0].toObject()[QStringLiteral("sent")].toInt() == 1);
    ok(homeB, {QStringLiteral("sync"), QStringLiteral("vanban")});
    const QJsonArray last =
        QJsonDocument::fromJson(ok(homeA, {QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(last[0].toObject()[QStringLiteral("received")].toInt() == 1);
    REQUIRE(last[0].toObject()[QStringLiteral("bytesIn")].toInt() > 0);

    const QString dumpA = ok(homeA, {QStringLiteral("dump"), QStringLiteral("vanban")});
    REQUIRE(dumpA == ok(homeB, {QStringLiteral("dump"), QStringLiteral("vanban")}));
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
