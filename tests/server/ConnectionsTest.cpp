// Connection documents (docs/servers.md §Connections): their bounds, connections.json, the
// back-off, and `sen-server connection add/list/remove` run in-process against a real data
// directory.

#include "server/admin/SenServer.h"
#include "server/core/AtomicFile.h"
#include "server/peers/ConnectionsFile.h"
#include "server/peers/RetryDelay.h"
#include "tests/support/TempDir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::server;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Run
{
    int code;
    QString out;
    QString err;
};

class Admin
{
public:
    Admin()
    {
        m_env.insert(S("SEN_PASSWORD"), S("mật khẩu của tôi"));
        m_env.insert(S("SEN_KDF_COST"), S("test"));
        const Run init = (*this)({S("init"), S("--org"), S("VPTU/HaNoi"), S("--admin"), S("Nguyễn Văn A"),
                                  S("--admin-id"), m_dir.path(S("admin.id"))});
        REQUIRE(init.code == 0);
    }
    Run operator()(QStringList words) const
    {
        words.prepend(data());
        words.prepend(S("--data"));
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = runSenServer(words, outStream, errStream, m_env);
        outStream.flush();
        errStream.flush();
        return {code, out, err};
    }
    QString ok(const QStringList& words) const
    {
        const Run run = (*this)(words);
        INFO(run.err.toStdString());
        REQUIRE(run.code == 0);
        return run.out.trimmed();
    }
    QString data() const { return m_dir.path(S("data")); }

private:
    test::TempDir m_dir;
    QProcessEnvironment m_env;
};

QJsonArray jsonArray(const QString& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    REQUIRE(document.isArray());
    return document.array();
}

} // namespace

TEST_CASE("an hour window may wrap past midnight and names its next opening", "[connections]")
{
    // A district's link is cheap at night: 22:00-06:00 holds 23:30 and 05:59, not 06:00 or noon.
    const auto night = HourWindow::parse(S("22:00-06:00"));
    REQUIRE(night.isOk());
    CHECK(night->contains(QTime(23, 30)));
    CHECK(night->contains(QTime(5, 59)));
    CHECK(!night->contains(QTime(6, 0)));
    CHECK(!night->contains(QTime(12, 0)));
    const QDateTime noon(QDate(2026, 12, 7), QTime(12, 0));
    CHECK(night->nextOpening(noon) == QDateTime(QDate(2026, 12, 7), QTime(22, 0)));
    const auto day = HourWindow::parse(S("08:00-17:30"));
    REQUIRE(day.isOk());
    CHECK(day->nextOpening(QDateTime(QDate(2026, 12, 7), QTime(18, 0))) ==
          QDateTime(QDate(2026, 12, 8), QTime(8, 0)));
    CHECK(day->nextOpening(noon) == noon);
    CHECK(day->toString() == S("08:00-17:30"));
    for (const char* bad :
         {"24:00-01:00", "08:60-09:00", "08:00-08:00", "8:00-9:00", "08:00", "", "08:00-09:00x"})
        CHECK(!HourWindow::parse(S(bad)).isOk());
}

TEST_CASE("a connection's fields are bounded, in JSON as on the command line", "[connections]")
{
    // A hand-edited connections.json is held to the same bounds as `connection add`.
    Connection connection;
    connection.address = S("hub.vptu.hanoi:1352");
    REQUIRE(connection.validate().isOk());
    const auto roundTrip = Connection::fromJson(connection.toJson());
    REQUIRE(roundTrip.isOk());
    CHECK(roundTrip->toJson() == connection.toJson());

    const auto refused = [&](const std::function<void(QJsonObject&)>& edit) {
        QJsonObject object = connection.toJson();
        edit(object);
        const auto parsed = Connection::fromJson(object);
        return !parsed.isOk() && parsed.status().code() == ErrorCode::Corruption;
    };
    CHECK(refused([](QJsonObject& o) { o[S("everyMinutes")] = 0; }));
    CHECK(refused([](QJsonObject& o) { o[S("everyMinutes")] = Connection::kMaxEveryMinutes + 1; }));
    CHECK(refused([](QJsonObject& o) { o[S("everyMinutes")] = 1.5; }));
    CHECK(refused([](QJsonObject& o) { o[S("parallel")] = 0; }));
    CHECK(refused([](QJsonObject& o) { o[S("parallel")] = Connection::kMaxParallel + 1; }));
    CHECK(refused([](QJsonObject& o) { o[S("direction")] = S("sideways"); }));
    CHECK(refused([](QJsonObject& o) { o[S("hours")] = S("25:00-01:00"); }));
    CHECK(refused([](QJsonObject& o) { o[S("address")] = S("hub:0"); }));
    CHECK(refused([](QJsonObject& o) { o[S("address")] = S("hub"); })); // not normalised: hub:1352
    CHECK(refused([](QJsonObject& o) { o[S("databases")] = QJsonArray{S("../x")}; }));
    CHECK(refused([](QJsonObject& o) { o[S("databases")] = QJsonArray{S("a"), S("a")}; }));
    CHECK(refused([](QJsonObject& o) {
        QJsonArray many;
        for (int i = 0; i <= Connection::kMaxDatabases; ++i)
            many.append(QString(S("db") + QString::number(i)));
        o[S("databases")] = many;
    }));
    CHECK(!refused([](QJsonObject& o) {
        o[S("databases")] = QJsonArray{S("vanban"), S("0123456789abcdef0123456789ABCDEF")};
    }));
}

TEST_CASE("connections.json of a newer format or listing an address twice is refused", "[connections]")
{
    test::TempDir dir;
    Connection a;
    a.address = S("127.0.0.1:1400");
    REQUIRE(ConnectionsFile::save(dir.root(), {a}).isOk());
    REQUIRE(ConnectionsFile::load(dir.root())->size() == 1);
    REQUIRE(ConnectionsFile::save(dir.root(), {a, a}).isOk());
    CHECK(ConnectionsFile::load(dir.root()).status().code() == ErrorCode::Corruption);
    REQUIRE(AtomicFile::writeJson(ConnectionsFile::path(dir.root()),
                                  QJsonObject{{S("format"), 2}, {S("connections"), QJsonArray{}}})
                .isOk());
    CHECK(ConnectionsFile::load(dir.root()).status().code() == ErrorCode::Unsupported);
}

TEST_CASE("a failed connection retries after half a minute, doubling up to its interval", "[connections]")
{
    constexpr qint64 minute = 60'000;
    const qint64 hour = 60 * minute;
    CHECK(retryDelayMs(1, hour, minute, 0.0) == 30'000);
    CHECK(retryDelayMs(2, hour, minute, 0.0) == 60'000);
    CHECK(retryDelayMs(3, hour, minute, 0.0) == 120'000);
    CHECK(retryDelayMs(8, hour, minute, 0.0) == hour);
    CHECK(retryDelayMs(1000, hour, minute, 0.0) == hour);
    CHECK(retryDelayMs(1, hour, minute, 1.0) == 36'000);
    CHECK(retryDelayMs(1, hour, minute, -1.0) == 24'000);
    CHECK(retryDelayMs(20, hour, minute, 1.0) == hour); // jitter never beyond the interval
    CHECK(retryDelayMs(1, minute, minute, 0.0) == 30'000);
    CHECK(retryDelayMs(3, minute, minute, 0.0) == minute);
}

TEST_CASE("connection add, list and remove keep connections.json, with bounds on every option",
          "[connections]")
{
    Admin admin;
    CHECK(admin.ok({S("connection"), S("add"), S("127.0.0.1:1400"), S("--every"), S("5"), S("--hours"),
                    S("22:00-06:00"), S("--parallel"), S("2")}) == S("127.0.0.1:1400"));
    CHECK(admin.ok({S("connection"), S("add"), S("localhost"), S("--pull"), S("--databases"),
                    S("vanban,lich")}) == S("localhost:1352"));
    const QJsonArray listed = jsonArray(admin.ok({S("connection"), S("list"), S("--json")}));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0][S("everyMinutes")] == 5);
    CHECK(listed[0][S("hours")] == S("22:00-06:00"));
    CHECK(listed[0][S("direction")] == S("both"));
    CHECK(listed[0][S("lastRun")].isNull());
    CHECK(listed[1][S("direction")] == S("pull"));
    CHECK(listed[1][S("databases")] == QJsonArray{S("vanban"), S("lich")});
    CHECK(listed[1][S("everyMinutes")] == Connection::kDefaultEveryMinutes);
    CHECK(admin.ok({S("connection"), S("list")}).contains(S("NEXT RUN")));
    CHECK((QFile::permissions(ConnectionsFile::path(admin.data())) &
           (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);

    const auto usage = [&](QStringList extra) {
        QStringList words = {S("connection"), S("add"), S("10.0.0.9:1352")};
        words += extra;
        return admin(words).code;
    };
    CHECK(usage({S("--every"), S("0")}) == 2);
    CHECK(usage({S("--every"), S("10081")}) == 2);
    CHECK(usage({S("--every"), S("ten")}) == 2);
    CHECK(usage({S("--parallel"), S("0")}) == 2);
    CHECK(usage({S("--parallel"), S("9")}) == 2);
    CHECK(usage({S("--hours"), S("08:00-08:00")}) == 2);
    CHECK(usage({S("--pull"), S("--push")}) == 2);
    CHECK(usage({S("--databases"), S(",")}) == 2);
    CHECK(admin({S("connection"), S("add"), S("10.0.0.9:99999")}).code == 1);
    CHECK(admin({S("connection"), S("add"), S("10.0.0.9:1352"), S("--databases"), S("../etc")}).code == 1);
    const Run twice = admin({S("connection"), S("add"), S("127.0.0.1:1400")});
    CHECK(twice.code == 1);
    CHECK(twice.err.contains(S("exists")));
    CHECK(ConnectionsFile::load(admin.data())->size() == 2); // nothing refused was written

    admin.ok({S("connection"), S("remove"), S("localhost")});
    CHECK(admin({S("connection"), S("remove"), S("localhost:1352")}).code == 1);
    REQUIRE(ConnectionsFile::load(admin.data())->size() == 1);
    CHECK(ConnectionsFile::load(admin.data())->front().address == S("127.0.0.1:1400"));
}
