// Scheduled syncs and "work offline" (SyncScheduler) against the in-process server: a
// replica's interval is kept in its file and its timer queues syncs; offline pauses them and
// is remembered in the workspace's sen.ini.

#include "client/sync/SyncScheduler.h"

#include "tests/client/SyncTestOffice.h"
#include "tests/server/WaitUntil.h"

#include <catch2/catch.hpp>

using namespace sen;
using client::SyncController;
using client::SyncScheduler;
using test::ControllerLog;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");

} // namespace

TEST_CASE("A scheduled sync fires on its interval, and the interval is kept in the replica",
          "[client][sync][schedule]")
{
    // With "every 15 minutes" (a minute lasting 10 ms here) the replica syncs by itself and
    // brings what the server got meanwhile; a new scheduler reads the same interval back.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    test::fillServerDatabase(f, kVanBan, 20);

    SyncScheduler scheduler(office.workspace, controller);
    scheduler.setMinuteLength(std::chrono::milliseconds(10));
    REQUIRE(scheduler.setInterval(kVanBan, 7).code() == ErrorCode::InvalidArgument);
    REQUIRE(scheduler.setInterval(kVanBan, 15).isOk());
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].status.isOk());
    REQUIRE(log.finished[1].stats.received == 20);

    SyncScheduler reread(office.workspace, controller);
    REQUIRE(reread.reload().isOk());
    REQUIRE(reread.interval(kVanBan) == 15);
    REQUIRE(scheduler.setInterval(kVanBan, 0).isOk());
    REQUIRE(reread.reload().isOk());
    REQUIRE(reread.interval(kVanBan) == 0);
}

TEST_CASE("Working offline skips scheduled syncs until it is switched off, and is remembered",
          "[client][sync][schedule]")
{
    // Offline, the replica's time comes and goes without a session; the choice survives a
    // restart (sen.ini); back online, the next due time syncs again.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);

    SyncScheduler scheduler(office.workspace, controller);
    scheduler.setMinuteLength(std::chrono::milliseconds(5));
    scheduler.setOffline(true);
    int skipped = 0;
    int queued = 0;
    QObject::connect(&scheduler, &SyncScheduler::due,
                     [&](const QString&, bool wasQueued) { ++(wasQueued ? queued : skipped); });
    REQUIRE(scheduler.setInterval(kVanBan, 15).isOk());
    REQUIRE(test::waitUntil([&] { return skipped >= 3; }, 10'000));
    REQUIRE(queued == 0);
    REQUIRE(log.started.size() == 1); // only the add
    REQUIRE(SyncScheduler(office.workspace, controller).isOffline());

    scheduler.setOffline(false);
    REQUIRE(!SyncScheduler(office.workspace, controller).isOffline());
    REQUIRE(log.waitFinished(2));
    REQUIRE(queued >= 1);
    REQUIRE(log.finished[1].status.isOk());
}
