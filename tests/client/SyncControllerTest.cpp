// The desktop client's replication controller against an in-process server over real TLS on
// loopback: adding a replica, syncing with progress off the calling thread, stopping a sync
// (cancel or shutdown) and resuming it with every document exactly once, an unreachable server.

#include "common/store/ReplicationLog.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/server/WaitUntil.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace sen;
using client::SyncController;
using test::ControllerLog;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");
// More than the server keeps in flight (16 batches of 500), so a stop lands mid-sync.
constexpr int kMany = 20'000;

std::int64_t documentCount(const SyncTestOffice& office, const QString& name)
{
    auto store = office.workspace.openDatabase(name);
    INFO(store.status().toString().toStdString());
    REQUIRE(store.isOk());
    const auto count = (*store)->documentCount();
    REQUIRE(count.isOk());
    return *count;
}

// Adds the server's vanban to the office and waits for its first sync.
void addVanBan(SyncController& controller, const SyncTestOffice& office)
{
    ControllerLog log(controller);
    controller.addReplica(office.settings(kVanBan));
    REQUIRE(log.waitFinished(1));
    INFO(log.finished[0].status.toString().toStdString());
    REQUIRE(log.finished[0].status.isOk());
}

} // namespace

TEST_CASE("SyncController adds a replica from the server and runs its first sync off the calling thread",
          "[client][sync]")
{
    // A cadre adds the office's vanban database (50 documents) from the server: the replica
    // is created, filled by its first sync, and every report arrives on the caller's thread.
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 50);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    ControllerLog log(controller);

    controller.addReplica(office.settings(kVanBan));
    REQUIRE(controller.isBusy());
    REQUIRE(log.waitFinished(1));
    const client::SyncReport& report = log.finished[0];
    INFO(report.status.toString().toStdString());
    REQUIRE(report.status.isOk());
    REQUIRE(report.replica == kVanBan);
    REQUIRE(report.server == office.serverAddress);
    REQUIRE(report.stats.received == 50);
    REQUIRE(log.started == QStringList{kVanBan});
    REQUIRE(log.added == QStringList{kVanBan});
    REQUIRE(log.changed == QStringList{kVanBan});
    REQUIRE(!log.offThread);
    REQUIRE(!log.progress.empty());
    REQUIRE(log.progress.front().second.phase == SessionProgress::Phase::Connecting);
    REQUIRE(!controller.isBusy());
    REQUIRE(office.unids(kVanBan) == test::serverUnids(f, kVanBan));
}

TEST_CASE("SyncController syncs a large database with progress while the calling thread keeps running",
          "[client][sync]")
{
    // 3,000 new documents wait on the server; during "sync now" a timer on the calling (GUI)
    // thread keeps firing, and the progress reports climb to the whole of the server's feed.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    addVanBan(controller, office);
    test::fillServerDatabase(f, kVanBan, 3000, 8);

    ControllerLog log(controller);
    int ticks = 0;
    qint64 longestGapMs = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer heartbeat;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        longestGapMs = std::max(longestGapMs, sinceTick.restart());
        ++ticks;
    });
    heartbeat.start(10);
    QElapsedTimer syncing;
    syncing.start();
    controller.sync(kVanBan);
    controller.sync(kVanBan); // already queued: once is enough
    REQUIRE(controller.waiting().isEmpty());
    REQUIRE(log.waitFinished(1));
    const qint64 syncMs = syncing.elapsed();
    heartbeat.stop();
    REQUIRE(log.finished.size() == 1);
    REQUIRE(log.finished[0].status.isOk());
    REQUIRE(log.finished[0].stats.received == 3000);
    REQUIRE(log.changed == QStringList{kVanBan});

    std::vector<SessionProgress> pulls;
    for (const auto& [name, p] : log.progress) {
        REQUIRE(name == kVanBan);
        if (p.phase == SessionProgress::Phase::Pulling)
            pulls.push_back(p);
    }
    REQUIRE(pulls.size() >= 6); // batches of 500
    REQUIRE(pulls.back().fraction() == 1.0);
    REQUIRE(pulls.back().received == 3000);
    REQUIRE(pulls[1].fraction() > 0.0);
    REQUIRE(pulls[1].fraction() < 1.0);
    // The timer fired all along: at least a quarter of its 10 ms ticks (a loaded machine
    // delays some), however fast the sync — a pull of 3,000 documents can take under 50 ms.
    INFO("ticks " << ticks << ", longest gap " << longestGapMs << " ms, sync " << syncMs << " ms");
    REQUIRE(ticks >= std::max<qint64>(1, syncMs / 40));
    REQUIRE(longestGapMs < 1000); // the server shares this thread; the session never does
}

TEST_CASE("A sync cancelled mid-way keeps what it committed and the next one brings the rest exactly once",
          "[client][sync][interrupt]")
{
    // The user stops a 20,000-document sync after its first batch; the report says Cancelled,
    // the history records it, and "sync now" again ends with the server's documents, each once.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    addVanBan(controller, office);
    test::fillServerDatabase(f, kVanBan, kMany, 2);

    ControllerLog log(controller);
    QObject::connect(&controller, &SyncController::progressed,
                     [&](const QString& name, const SessionProgress& p) {
                         if (p.phase == SessionProgress::Phase::Pulling && p.received > 0)
                             controller.cancel(name);
                     });
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(1));
    const client::SyncReport first = log.finished[0];
    REQUIRE(first.status.code() == ErrorCode::Cancelled);
    REQUIRE(first.stats.received > 0);
    REQUIRE(first.stats.received < kMany);
    REQUIRE(documentCount(office, kVanBan) == first.stats.received);
    {
        auto store = office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        const auto history = (*store)->replication().log().history(1);
        REQUIRE(history.isOk());
        REQUIRE(history->front().status == ErrorCode::Cancelled);
    }

    QObject::disconnect(&controller, &SyncController::progressed, nullptr, nullptr);
    ControllerLog again(controller);
    controller.sync(kVanBan);
    REQUIRE(again.waitFinished(1));
    REQUIRE(again.finished[0].status.isOk());
    REQUIRE(first.stats.received + again.finished[0].stats.received == kMany);
    REQUIRE(office.unids(kVanBan) == test::serverUnids(f, kVanBan));
}

TEST_CASE("Shutting the controller down mid-sync is quick, and a new one resumes with every document once",
          "[client][sync][interrupt]")
{
    // The main window closes during a large sync: shutdown() stops the session cleanly within
    // its bounded wait; the next start of the client syncs the rest.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    std::int64_t kept = 0;
    {
        SyncController controller(office.workspace, office.credentials);
        addVanBan(controller, office);
        test::fillServerDatabase(f, kVanBan, kMany, 2);
        controller.sync(kVanBan);
        REQUIRE(test::waitUntil([&] { return documentCount(office, kVanBan) > 0; }, 60'000));
        QElapsedTimer elapsed;
        elapsed.start();
        REQUIRE(controller.shutdown());
        REQUIRE(elapsed.elapsed() < SyncController::kShutdownWaitMs);
        controller.sync(kVanBan); // nothing is queued after a shutdown
        REQUIRE(!controller.isBusy());
        kept = documentCount(office, kVanBan);
    }
    REQUIRE(kept > 0);
    REQUIRE(kept < kMany);

    SyncController controller(office.workspace, office.credentials);
    ControllerLog log(controller);
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(1));
    REQUIRE(log.finished[0].status.isOk());
    REQUIRE(log.finished[0].stats.received == kMany - kept);
    REQUIRE(office.unids(kVanBan) == test::serverUnids(f, kVanBan));
}

TEST_CASE("Adding a replica from an unreachable server reports IoError and creates nothing", "[client][sync]")
{
    // The district's link is down: nothing listens at the address; the report says the
    // server cannot be reached (not a certificate problem) and no replica file appears.
    ServerFixture f;
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    SyncController controller(office.workspace, office.credentials);
    ControllerLog log(controller);
    client::ReplicaSettings settings = office.settings(kVanBan);
    settings.server = QStringLiteral("127.0.0.1:%1").arg(closedPort);
    controller.addReplica(settings);
    REQUIRE(log.waitFinished(1));
    INFO(log.finished[0].status.toString().toStdString());
    REQUIRE(log.finished[0].status.code() == ErrorCode::IoError);
    REQUIRE(log.added.isEmpty());
    REQUIRE(!office.workspace.openDatabase(kVanBan).isOk());
}
