// Issue #13, the numbering authority as an office lives it: a real sen-server process, 3 to 5
// senctl homes registering incoming documents online (numbered at once) and offline, syncing
// at random, and the server
// restarted at random — stopped cleanly, or killed with SIGKILL, sometimes in the middle of a
// sync. At the end every registration has exactly one number, the numbers of each register
// and year are 1..n with no gap and no repeat, every home shows the same, and no number a home
// ever showed as given changed afterwards.

#include "tests/server/ServerProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Numbered
{
    QString registerHex;
    qint64 number = 0; // 0: awaiting
};

// Every incoming registration a home holds, by UNID: its register and number.
std::map<QString, Numbered> registrations(const QString& home)
{
    std::map<QString, Numbered> out;
    const QString dump = ServerProcess::senctlOk(home, {S("dump"), S("vanban")});
    for (const QString& line : dump.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject doc = QJsonDocument::fromJson(line.toUtf8()).object();
        if (doc.value(S("form")).toString() != S("VanBanDen"))
            continue;
        Numbered n;
        for (const QJsonValue& v : doc.value(S("items")).toArray()) {
            const QJsonObject item = v.toObject();
            if (item.value(S("name")).toString() == S("SoVanBan"))
                n.registerHex = item.value(S("value")).toString();
            if (item.value(S("name")).toString() == S("SoDen"))
                n.number = item.value(S("value")).toVariant().toLongLong();
        }
        out[doc.value(S("unid")).toString()] = n;
    }
    return out;
}

test::ProcessOutput senctl(const QString& home, const QStringList& words)
{
    return ServerProcess::senctl(home, words);
}

} // namespace

TEST_CASE("Numbering: random offline registrations, syncs and server kills end with one gap-free run of "
          "numbers per register",
          "[server][process][numbering]")
{
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator random(seed);
    test::TempDir dir;
    ServerProcess server(dir);
    server.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), S("vanban"), S("-Default-"), S("editor")});
    server.start();

    const int homes = 3 + int(random.bounded(3));
    std::vector<QString> home;
    for (int h = 0; h < homes; ++h) {
        const QString id = server.registerUser(S("Văn thư %1").arg(h + 1));
        home.push_back(dir.path(S("home%1").arg(h)));
        ServerProcess::senctlOk(home[h], {S("login"), S("--id"), id});
        ServerProcess::senctlOk(home[h], {S("replica"), S("add"), server.address(), S("vanban")});
    }

    std::map<QString, qint64> shown; // UNID -> the number some home showed first
    const auto look = [&](int h) {
        for (const auto& [unid, n] : registrations(home[h])) {
            if (n.number == 0)
                continue;
            const auto [at, fresh] = shown.emplace(unid, n.number);
            INFO("document " << unid.toStdString());
            REQUIRE(at->second == n.number); // a number once shown never changes
        }
    };

    int made = 0;
    bool up = true;
    for (int step = 0; step < 45; ++step) {
        const int h = int(random.bounded(quint32(homes)));
        const quint32 action = random.bounded(10u);
        if (action < 5) { // a registration: numbered at once when online, else at the next sync
            QStringList words{S("doc"),
                              S("create"),
                              S("vanban"),
                              S("--form"),
                              S("VanBanDen"),
                              S("--set"),
                              S("TrichYeu=Công văn đến số %1").arg(++made)};
            if (random.bounded(2u) == 0)
                words << S("--offline");
            const QString unid = ServerProcess::senctlOk(home[h], words);
            if (!words.contains(S("--offline"))) {
                look(h);
                // Online, it is numbered during the command (one round trip), not at a sync.
                if (up) {
                    INFO("document " << unid.toStdString());
                    CHECK(registrations(home[h])[unid].number > 0);
                }
            }
        } else if (action < 8) { // a sync (fails while the server is down; nothing is lost)
            senctl(home[h], {S("sync")});
            look(h);
        } else if (action == 8 && up) { // SIGKILL, sometimes in the middle of a sync
            QProcess sync;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(S("SEN_PASSWORD"), ServerProcess::kPassword);
            sync.setProcessEnvironment(env);
            sync.start(QStringLiteral(SENCTL_EXE), {S("--home"), home[h], S("sync")});
            REQUIRE(sync.waitForStarted());
            QThread::msleep(random.bounded(400u));
            server.kill();
            REQUIRE(sync.waitForFinished(60'000));
            up = false;
            look(h);
        } else if (up) {
            server.stop();
            up = false;
        } else {
            server.start();
            up = true;
        }
    }
    if (!up)
        server.start();
    for (int round = 0; round < 2; ++round)
        for (int h = 0; h < homes; ++h)
            ServerProcess::senctlOk(home[h], {S("sync")});

    const auto final = registrations(home[0]);
    for (int h = 0; h < homes; ++h)
        UNSCOPED_INFO("home " << h << " refused: "
                              << ServerProcess::senctl(home[h], {S("refused"), S("list"), S("vanban")})
                                     .out.toStdString());
    REQUIRE(int(final.size()) == made);
    std::map<QString, std::set<qint64>> runs;
    for (const auto& [unid, n] : final) {
        INFO("document " << unid.toStdString());
        REQUIRE(n.number > 0);
        REQUIRE(!n.registerHex.isEmpty());
        REQUIRE(runs[n.registerHex].insert(n.number).second); // no repeat
    }
    for (const auto& [book, numbers] : runs) {
        REQUIRE(*numbers.begin() == 1);
        REQUIRE(*numbers.rbegin() == qint64(numbers.size())); // 1..n, no gap
    }
    for (int h = 0; h < homes; ++h) {
        look(h);
        const auto theirs = registrations(home[h]);
        for (const auto& [unid, n] : final) {
            REQUIRE(theirs.count(unid) == 1);
            REQUIRE(theirs.at(unid).number == n.number);
        }
    }
    // senctl register list says the same: one run per register used, its last number its count.
    const QJsonArray listed =
        QJsonDocument::fromJson(
            ServerProcess::senctlOk(home[0], {S("register"), S("list"), S("vanban"), S("--json")}).toUtf8())
            .array();
    qint64 listedTotal = 0;
    for (const QJsonValue& v : listed) {
        const QJsonObject run = v.toObject();
        CHECK(run.value(S("awaiting")).toInt() == 0);
        const auto used = runs.find(run.value(S("register")).toString());
        if (used == runs.end()) {
            CHECK(run.value(S("lastNumber")).toInt() == 0);
            continue;
        }
        CHECK(run.value(S("lastNumber")).toInteger() == qint64(used->second.size()));
        CHECK(run.value(S("numbered")).toInteger() == qint64(used->second.size()));
        listedTotal += run.value(S("numbered")).toInteger();
    }
    CHECK(listedTotal == made);
    server.stop();
    server.admin({S("audit"), S("verify")});
}
