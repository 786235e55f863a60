// A province on one machine (issue #16; ProvinceSimulation.h): a hub, district servers and
// their clients replicate on random schedules through random partitions and a spoke offline
// for half the run, while clients create, edit, concurrently edit and delete documents and
// resolve conflicts; then every link heals and syncs until a round moves nothing. Every server
// must end byte-identical to the hub, every client with the same live documents, and no
// document that a deletion saw whole may be live (docs/merge.md §"What the province
// simulation checks"). Runs seed 1 unless SEN_SEED=<n> (a replay) or SEN_SEED=random; prints
// the seed (SEN_TRACE=1 prints every operation and session) and the time and frames to
// quiescence.

#include "tests/replication/ProvinceSimulation.h"

#include "tests/support/TempDir.h"

#include <QRandomGenerator>

#include <catch2/catch.hpp>
#include <cstdio>

using namespace sen;
using namespace sen::test;

namespace {

void runProvince(ProvinceConfig config)
{
    // A fixed seed by default, so that a CI run is repeatable; SEN_SEED=random explores.
    // SEN_SEED=2324972199 (8 servers, 80 clients) found a live document with no items left by
    // rule 5 (docs/merge.md); it passes since.
    const QByteArray given = qgetenv("SEN_SEED");
    config.seed = given == "random" ? QRandomGenerator::global()->generate()
                  : given.isEmpty() ? 1u
                                    : given.toUInt();
    config.trace = qEnvironmentVariableIsSet("SEN_TRACE");
    TempDir dir;
    config.directory = dir.root();
    std::printf("province: %d servers, %d clients, seed %u (SEN_SEED=%u replays it)\n", config.shape.servers,
                config.shape.clients, config.seed, config.seed);
    std::fflush(stdout);
    INFO("replay with SEN_SEED=" << config.seed);

    ProvinceSimulation province(config);
    const auto require = [](const Status& status) {
        INFO(status.toString().toStdString());
        REQUIRE(status.isOk());
    };
    require(province.setUp());
    require(province.runRandomPhase());
    require(province.runToQuiescence());
    require(province.check());

    const ProvinceFigures& f = province.figures();
    std::printf("  random phase: %lld sessions, %lld frames, %.2f s (CPU %.2f s); %lld creates, %lld edits, "
                "%lld concurrent "
                "pairs, %lld deletions, %lld conflicts resolved, %lld partitions\n",
                static_cast<long long>(f.randomSessions), static_cast<long long>(f.randomFrames),
                f.randomSeconds, f.randomCpuSeconds, static_cast<long long>(f.creates),
                static_cast<long long>(f.edits), static_cast<long long>(f.concurrentEdits),
                static_cast<long long>(f.deletes), static_cast<long long>(f.resolutions),
                static_cast<long long>(f.partitions));
    std::printf(
        "  to quiescence: %d rounds, %lld sessions, %lld frames, %lld versions, %.2f s (CPU %.2f s)\n",
        f.rounds, static_cast<long long>(f.healSessions), static_cast<long long>(f.healFrames),
        static_cast<long long>(f.healVersions), f.healSeconds, f.healCpuSeconds);
    std::printf(
        "  converged: %lld live documents, %lld conflict documents, %lld stubs (%lld deleted for good); "
        "%lld conflicts made, %lld versions refused (%lld refusal records still current), %lld others' "
        "versions not offered by clients, %lld stubs dropped by clients\n",
        static_cast<long long>(f.liveDocuments), static_cast<long long>(f.conflictDocuments),
        static_cast<long long>(f.stubs), static_cast<long long>(f.deletedForGood),
        static_cast<long long>(f.conflictsMade), static_cast<long long>(f.refused),
        static_cast<long long>(f.refusalsShown), static_cast<long long>(f.notOffered),
        static_cast<long long>(f.stubsDropped));
    std::fflush(stdout);
    // The schedule did what it is for (deletions that stay deleted are likely, not certain).
    CHECK(f.deletes > 0);
    CHECK(f.concurrentEdits > 0);
    CHECK(f.stubsDropped > 0);
    // Issue #16: a failover client relays no one's edits, so its user is told of no refusal
    // that is not theirs; and a refusal of its own edit over others' ends once the server has it.
    CHECK(f.notOffered > 0);
    CHECK(f.refusalsShown == 0);
}

} // namespace

TEST_CASE("Province: a hub, 7 districts and 80 clients converge after random schedules and partitions",
          "[session][province]")
{
    ProvinceConfig config;
    config.shape.servers = 8;
    config.shape.clients = 80;
    config.ticks = 20;
    runProvince(config);
}

TEST_CASE("Province: 50 servers and 500 clients converge after random schedules and partitions",
          "[.][session][province-full]")
{
    ProvinceConfig config; // 50 servers, 500 clients
    runProvince(config);
}
