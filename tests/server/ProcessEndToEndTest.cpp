// The real executables, as an IT centre and two offices would run them: sen-server init,
// register, db create, acl set and run in its own process; senctl login, replica add, doc
// create and sync from two homes; the dumps agree; the audit chain verifies after a stop.

#include "support/TempDir.h"

#include <QProcess>
#include <QRegularExpression>

#include <catch2/catch.hpp>

namespace {

struct Output
{
    int code;
    QString out;
    QString err;
};

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEN_PASSWORD"), QStringLiteral("Mật khẩu 2026"));
    env.insert(QStringLiteral("SEN_KDF_COST"), QStringLiteral("test")); // cheap ID files for tests
    return env;
}

Output run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60'000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString ok(const QString& program, const QStringList& arguments)
{
    const Output output = run(program, arguments);
    INFO(program.toStdString() << ' ' << arguments.join(u' ').toStdString() << ": "
                               << output.err.toStdString());
    REQUIRE(output.code == 0);
    return output.out.trimmed();
}

const QString kServer = QStringLiteral(SEN_SERVER_EXE);
const QString kSenctl = QStringLiteral(SENCTL_EXE);

} // namespace

TEST_CASE("End to end: a sen-server process and two senctl homes converge over TLS", "[server][process]")
{
    sen::test::TempDir dir;
    const QString data = dir.path(QStringLiteral("data"));
    const auto admin = [&](QStringList words) {
        words.prepend(data);
        words.prepend(QStringLiteral("--data"));
        return ok(kServer, words);
    };
    admin({QStringLiteral("init"), QStringLiteral("--org"), QStringLiteral("VPTU/HaNoi"),
           QStringLiteral("--admin"), QStringLiteral("Quản Trị"), QStringLiteral("--admin-id"),
           dir.path(QStringLiteral("admin.id"))});
    admin({QStringLiteral("register"), QStringLiteral("--user"), QStringLiteral("Nguyễn Văn An"),
           QStringLiteral("--id"), dir.path(QStringLiteral("an.id"))});
    admin({QStringLiteral("register"), QStringLiteral("--user"), QStringLiteral("Lê Thị Hoa"),
           QStringLiteral("--id"), dir.path(QStringLiteral("hoa.id"))});
    admin({QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("vanban"), QStringLiteral("--kind"),
           QStringLiteral("documents"), QStringLiteral("--title"), QStringLiteral("Văn bản")});
    admin({QStringLiteral("acl"), QStringLiteral("set"), QStringLiteral("vanban"),
           QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"), QStringLiteral("editor")});
    admin({QStringLiteral("acl"), QStringLiteral("set"), QStringLiteral("vanban"),
           QStringLiteral("Lê Thị Hoa/VPTU/HaNoi"), QStringLiteral("Editor")});

    QProcess server;
    server.setProcessEnvironment(environment());
    server.start(kServer, {QStringLiteral("--data"), data, QStringLiteral("run"), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0")});
    REQUIRE(server.waitForStarted());
    QString banner;
    while (!banner.contains(u'\n') && server.waitForReadyRead(20'000))
        banner += QString::fromUtf8(server.readAllStandardOutput());
    INFO(banner.toStdString() << QString::fromUtf8(server.readAllStandardError()).toStdString());
    const auto match = QRegularExpression(QStringLiteral("listening on (\\S+)")).match(banner);
    REQUIRE(match.hasMatch());
    const QString address = match.captured(1);

    const QString homeA = dir.path(QStringLiteral("homeA"));
    const QString homeB = dir.path(QStringLiteral("homeB"));
    const auto senctl = [&](const QString& home, QStringList words) {
        words.prepend(home);
        words.prepend(QStringLiteral("--home"));
        return ok(kSenctl, words);
    };
    REQUIRE(senctl(homeA, {QStringLiteral("login"), QStringLiteral("--id"),
                           dir.path(QStringLiteral("an.id"))}) == QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    senctl(homeB, {QStringLiteral("login"), QStringLiteral("--id"), dir.path(QStringLiteral("hoa.id"))});
    senctl(homeA, {QStringLiteral("replica"), QStringLiteral("add"), address, QStringLiteral("vanban")});
    senctl(homeB, {QStringLiteral("replica"), QStringLiteral("add"), address, QStringLiteral("vanban")});
    senctl(homeA, {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"),
                   QStringLiteral("--form"), QStringLiteral("VanBanDen"), QStringLiteral("--set"),
                   QStringLiteral("TrichYeu=Công văn đến số 1")});
    senctl(homeB, {QStringLiteral("doc"), QStringLiteral("create"), QStringLiteral("vanban"),
                   QStringLiteral("--form"), QStringLiteral("VanBanDi"), QStringLiteral("--set"),
                   QStringLiteral("TrichYeu=Công văn đi số 2")});
    senctl(homeA, {QStringLiteral("sync")});
    senctl(homeB, {QStringLiteral("sync")});
    senctl(homeA, {QStringLiteral("sync")});
    const QString dumpA = senctl(homeA, {QStringLiteral("dump"), QStringLiteral("vanban")});
    REQUIRE(dumpA == senctl(homeB, {QStringLiteral("dump"), QStringLiteral("vanban")}));
    REQUIRE(dumpA.contains(QStringLiteral("Công văn đến số 1")));
    REQUIRE(dumpA.contains(QStringLiteral("Công văn đi số 2")));

    const QString replicas =
        admin({QStringLiteral("replicas"), QStringLiteral("vanban"), QStringLiteral("--json")});
    REQUIRE(replicas.contains(QStringLiteral("Nguyễn Văn An/VPTU/HaNoi")));
    REQUIRE(replicas.contains(QStringLiteral("Lê Thị Hoa/VPTU/HaNoi")));

    server.terminate(); // SIGTERM: an orderly stop
    REQUIRE(server.waitForFinished(20'000));
    REQUIRE(server.exitStatus() == QProcess::NormalExit);
    REQUIRE(server.exitCode() == 0);
    admin({QStringLiteral("audit"), QStringLiteral("verify")});
}
