// The province benchmark (issue #16): tests/replication/ProvinceSimulation.h at full size and
// the fan-out of one change from the hub to its spokes, all over the in-memory transport in
// this one thread (so every time is the sum of both sides' CPU and SQLite work). Prints
// figures; the simulation's checks still run and a failure ends the benchmark.
//
//   1. the province: 50 servers and 500 clients on a random schedule with partitions, then
//      healed: time, sessions, frames and versions to quiescence (a round that moves nothing)
//   2. fan-out: a hub and 50 spokes in step; one change saved at the hub, then each spoke
//      syncs with the hub: time and frames until all 50 hold it (median of --runs changes);
//      then the same change reaching 50 second-level servers, each syncing with one spoke
//      after its spoke pulled (a spoke of a spoke)
//
// usage: sen_bench_province [--servers N] [--clients N] [--ticks N] [--seed N] [--spokes N]
//                           [--runs N] [--dir DIR] [--fanout-only yes]

#include "common/crypto/SelfTest.h"
#include "tests/replication/ProvinceSimulation.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace sen;
using namespace sen::test;

namespace {

struct Config
{
    ProvinceConfig province;
    int spokes = 50;
    int runs = 5;
    bool fanoutOnly = false;
    QString dir;
};

void require(const char* what, const Status& status)
{
    if (!status.isOk()) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(status.toString()));
        std::exit(1);
    }
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

void runProvince(const Config& config)
{
    QTemporaryDir dir(config.dir + QStringLiteral("/province-XXXXXX"));
    ProvinceConfig pc = config.province;
    pc.directory = dir.path();
    std::printf("1. province: %d servers, %d clients, %d ticks, seed %u\n", pc.shape.servers,
                pc.shape.clients, pc.ticks, pc.seed);
    ProvinceSimulation province(pc);
    require("set up", province.setUp());
    require("random phase", province.runRandomPhase());
    require("to quiescence", province.runToQuiescence());
    require("check", province.check());
    const ProvinceFigures& f = province.figures();
    std::printf("   %d replica files made in %.2f s\n", pc.shape.servers + pc.shape.clients, f.setupSeconds);
    std::printf("   random phase: %.2f s (CPU %.2f s), %lld sessions, %lld frames; %lld creates, %lld edits, "
                "%lld concurrent "
                "pairs, %lld deletions, %lld conflicts resolved, %lld partitions\n",
                f.randomSeconds, f.randomCpuSeconds, static_cast<long long>(f.randomSessions),
                static_cast<long long>(f.randomFrames), static_cast<long long>(f.creates),
                static_cast<long long>(f.edits), static_cast<long long>(f.concurrentEdits),
                static_cast<long long>(f.deletes), static_cast<long long>(f.resolutions),
                static_cast<long long>(f.partitions));
    std::printf("   to quiescence: %.2f s (CPU %.2f s), %d rounds (the last quiet), %lld sessions, %lld "
                "frames, %lld versions\n",
                f.healSeconds, f.healCpuSeconds, f.rounds, static_cast<long long>(f.healSessions),
                static_cast<long long>(f.healFrames), static_cast<long long>(f.healVersions));
    std::printf(
        "   converged: %lld live documents, %lld conflict documents, %lld stubs; %lld conflicts made, "
        "%lld versions refused (%lld refusal records still current), %lld others' versions not offered by "
        "clients, %lld stubs dropped by clients\n",
        static_cast<long long>(f.liveDocuments), static_cast<long long>(f.conflictDocuments),
        static_cast<long long>(f.stubs), static_cast<long long>(f.conflictsMade),
        static_cast<long long>(f.refused), static_cast<long long>(f.refusalsShown),
        static_cast<long long>(f.notOffered), static_cast<long long>(f.stubsDropped));
}

// Syncs each of `links` in turn; returns the seconds taken and adds the frames.
double pullAll(ProvinceSimulation& province, const std::vector<int>& links, qint64& frames)
{
    QElapsedTimer timer;
    timer.start();
    for (int link : links) {
        const SyncResult result = province.syncLink(link);
        if (!result.ok())
            require("fan-out session", result.initiator.isOk() ? result.responder : result.initiator);
        frames += result.stats.framesIn + result.stats.framesOut;
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

void runFanout(const Config& config)
{
    // A hub, `spokes` spokes and `spokes` second-level servers; the topology links every
    // server to the hub, and each second-level server's link is turned towards its spoke.
    QTemporaryDir dir(config.dir + QStringLiteral("/fanout-XXXXXX"));
    ProvinceConfig pc;
    pc.directory = dir.path();
    pc.shape.servers = 1 + 2 * config.spokes;
    pc.shape.clients = 0;
    pc.shape.neighbourEvery = 0;
    ProvinceSimulation province(pc);
    require("set up", province.setUp());
    auto& links = province.topology().links();
    std::vector<int> fromHub;
    std::vector<int> fromSpokes;
    for (int i = 0; i < static_cast<int>(links.size()); ++i) {
        ProvinceLink& link = links[static_cast<std::size_t>(i)];
        if (link.initiator <= config.spokes) {
            fromHub.push_back(i);
        } else {
            link.responder = link.initiator - config.spokes;
            fromSpokes.push_back(i);
        }
    }
    std::printf("2. fan-out: one change at the hub, %d spokes each syncing with the hub, then %d servers "
                "each syncing with one spoke; medians of %d changes\n",
                config.spokes, config.spokes, config.runs);
    require("in step", province.runToQuiescence());

    std::vector<double> hubTimes;
    std::vector<double> secondTimes;
    qint64 hubFrames = 0;
    qint64 secondFrames = 0;
    for (int run = 0; run < config.runs; ++run) {
        province.clock().advanceMs(1000);
        auto saved = province.replica(0).save(
            DocumentEdit::create(QStringLiteral("VanBan"))
                .set(Item::text(QStringLiteral("TrichYeu"),
                                QStringLiteral("Công văn của thành phố %1").arg(run))));
        require("save at the hub", saved.status());
        hubFrames = secondFrames = 0;
        hubTimes.push_back(pullAll(province, fromHub, hubFrames));
        secondTimes.push_back(pullAll(province, fromSpokes, secondFrames));
        for (int server = 1; server < pc.shape.servers; ++server) {
            auto found = province.replica(server).find(saved->unid);
            if (!found || !found->has_value())
                require("fan-out", Status(ErrorCode::Internal, QStringLiteral("a server lacks the change")));
        }
    }
    const double hub = median(hubTimes);
    const double second = median(secondTimes);
    std::printf("   hub to %d spokes: %.1f ms until all hold it (%.2f ms a session), %lld frames\n",
                config.spokes, hub * 1e3, hub * 1e3 / config.spokes, static_cast<long long>(hubFrames));
    std::printf("   then to %d second-level servers: %.1f ms more (%.2f ms a session), %lld frames\n",
                config.spokes, second * 1e3, second * 1e3 / config.spokes,
                static_cast<long long>(secondFrames));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!crypto::runSelfTests().isOk())
        return 2;
    Config config;
    config.province.seed = QRandomGenerator::global()->generate();
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString& value = args[i + 1];
        if (args[i] == u"--servers")
            config.province.shape.servers = value.toInt();
        else if (args[i] == u"--clients")
            config.province.shape.clients = value.toInt();
        else if (args[i] == u"--ticks")
            config.province.ticks = value.toInt();
        else if (args[i] == u"--seed")
            config.province.seed = value.toUInt();
        else if (args[i] == u"--spokes")
            config.spokes = value.toInt();
        else if (args[i] == u"--runs")
            config.runs = std::max(1, value.toInt());
        else if (args[i] == u"--dir")
            config.dir = value;
        else if (args[i] == u"--fanout-only")
            config.fanoutOnly = value == u"yes";
    }
    if (config.dir.isEmpty())
        config.dir = QDir::tempPath();
    if (!config.fanoutOnly)
        runProvince(config);
    runFanout(config);
    return 0;
}
