// A process killed with SIGKILL in the middle of a stream of saves: the replica reopens,
// passes PRAGMA integrity_check, and every save that had returned success is there, whole.

#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

struct Confirmed
{
    Unid unid;
    int n;
};

// Runs the saver until it has confirmed at least `atLeast` saves, then kills it.
std::vector<Confirmed> runAndKill(const QString& replica, int atLeast)
{
    QProcess saver;
    saver.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/sen_test_saver"));
    saver.setArguments({replica});
    saver.start();
    REQUIRE(saver.waitForStarted(10'000));

    QByteArray out;
    int confirmed = 0;
    while (confirmed < atLeast) {
        REQUIRE(saver.waitForReadyRead(30'000));
        out += saver.readAllStandardOutput();
        confirmed = static_cast<int>(out.count('\n')) - 1; // minus "ready"
    }
    saver.kill(); // SIGKILL on Unix, TerminateProcess on Windows
    REQUIRE(saver.waitForFinished(10'000));
    out += saver.readAllStandardOutput();

    std::vector<Confirmed> result;
    const QList<QByteArray> lines = out.split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 2)
            continue; // "ready", or a line cut by the kill
        const auto unid = Unid::fromHex(QString::fromLatin1(parts[0]));
        if (unid)
            result.push_back({*unid, parts[1].toInt()});
    }
    return result;
}

} // namespace

TEST_CASE("Crash: SIGKILL during a stream of saves loses no confirmed save", "[store][crash]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("crash.sen"));
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator random(seed);

    std::vector<Confirmed> all;
    for (int round = 0; round < 4; ++round) {
        const auto confirmed = runAndKill(path, 50 + random.bounded(400));
        REQUIRE_FALSE(confirmed.empty());
        all.insert(all.end(), confirmed.begin(), confirmed.end());

        auto store = ReplicaStore::open(path);
        REQUIRE(store.isOk());
        REQUIRE((*store)->integrityCheck().isOk());
        for (const Confirmed& c : all) {
            const auto doc = (*store)->get(c.unid);
            REQUIRE(doc.isOk());
            REQUIRE(doc->items.size() == 8);
            REQUIRE(doc->text(QStringLiteral("Truong7")) ==
                    QStringLiteral("Văn bản số %1, trường 7").arg(c.n));
        }
        // Nothing half-saved: every document in the file has all its items.
        REQUIRE((*store)->forEachDocument([&](const Document& d) { return d.items.size() == 8; }).isOk());
        std::int64_t complete = 0;
        REQUIRE((*store)
                    ->forEachDocument([&](const Document& d) {
                        complete += d.items.size() == 8 ? 1 : 0;
                        return true;
                    })
                    .isOk());
        REQUIRE(complete == (*store)->documentCount().value());
    }
}
