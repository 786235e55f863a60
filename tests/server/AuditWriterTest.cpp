// The daemon's audit thread (server/net/AuditWriter.h): what is posted while a batch is
// written goes, in order, in one later batch; between batches the thread pauses, so the data
// directory's lock is free for admin commands; a stop writes everything queued.
// With the real sink (the lock and the signed log of a data directory), an admin command
// gets the lock while events stream in, and the log verifies.

#include "server/net/AuditWriter.h"

#include "server/audit/AuditVerifier.h"
#include "server/core/DataDirectory.h"
#include "tests/server/AdminRun.h"

#include <QElapsedTimer>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace sen;
using namespace sen::server;

namespace {

AuditEvent numberGiven(int n)
{
    return AuditEvent{QStringLiteral("number_given"), QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                      QStringLiteral("127.0.0.1:40000"), QStringLiteral("number %1").arg(n)};
}

using Steady = std::chrono::steady_clock;

struct Batch
{
    std::vector<QString> details;
    Steady::time_point start;
    Steady::time_point end;
};

} // namespace

TEST_CASE("Audit writer: events posted during a batch go together in the next, with a pause before it",
          "[server][audit]")
{
    // The first batch is held until 1000 more events are queued (an office pushing numbered
    // documents faster than the disk): they are handed on in two batches of at most
    // kMaxAuditBatch, not one by one, in the order posted, each at least kAuditBatchPauseMs
    // after the one before ended.
    std::mutex mutex;
    std::condition_variable released;
    bool release = false;
    std::atomic<int> calls{0};
    std::vector<Batch> batches;
    {
        AuditWriter writer([&](std::span<const AuditEvent> events) {
            Batch batch;
            batch.start = Steady::now();
            for (const AuditEvent& event : events)
                batch.details.push_back(event.detail);
            const bool first = ++calls == 1;
            std::unique_lock lock(mutex);
            if (first)
                released.wait(lock, [&] { return release; });
            batch.end = Steady::now();
            batches.push_back(std::move(batch));
        });
        writer.post(numberGiven(0));
        while (calls.load() == 0) // the first batch has started: the queue is empty again
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        for (int i = 1; i <= 1000; ++i)
            writer.post(numberGiven(i));
        {
            std::lock_guard lock(mutex);
            release = true;
        }
        released.notify_all();
        writer.flush();
    }
    REQUIRE(batches.size() == 3);
    CHECK(batches[0].details.size() == 1);
    CHECK(batches[1].details.size() == std::size_t(kMaxAuditBatch));
    CHECK(batches[2].details.size() == std::size_t(1000 - kMaxAuditBatch));
    int expected = 0;
    for (const Batch& batch : batches)
        for (const QString& detail : batch.details)
            REQUIRE(detail == QStringLiteral("number %1").arg(expected++));
    for (std::size_t i = 1; i < batches.size(); ++i)
        CHECK(batches[i].start - batches[i - 1].end >= std::chrono::milliseconds(kAuditBatchPauseMs));
}

TEST_CASE("Audit writer: a stop writes everything queued, in full batches", "[server][audit]")
{
    // 3000 events queued behind a slow first batch: destroying the writer (the daemon's stop)
    // hands every one on, in ceil(3000 / kMaxAuditBatch) more batches, not 3000.
    std::atomic<bool> release{false};
    std::atomic<int> calls{0};
    std::atomic<int> total{0};
    auto writer = std::make_unique<AuditWriter>([&](std::span<const AuditEvent> events) {
        ++calls;
        while (!release.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        total += int(events.size());
    });
    for (int i = 0; i <= 3000; ++i)
        writer->post(numberGiven(i));
    std::thread stopper([&] { writer.reset(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    release = true;
    stopper.join();
    CHECK(total.load() == 3001);
    CHECK(calls.load() <= 2 + (3000 + kMaxAuditBatch - 1) / kMaxAuditBatch);
}

TEST_CASE("Audit writer: an admin command gets the data directory's lock while events stream in",
          "[server][audit][lock]")
{
    // The sink of `sen-server run` (one turn of the lock and one opening of the signed log per
    // batch) under a stream of 5000 events posted back to back: five admin commands in turn
    // each get the lock within 2 s, and the log then verifies with every event once, in order.
    test::SenServer senServer;
    senServer.init();
    DataDirectory dir = test::openData(senServer);
    std::atomic<int> turns{0};
    std::atomic<int> failures{0}; // Catch2's assertions belong to the test's thread
    auto writer = std::make_unique<AuditWriter>([&](std::span<const AuditEvent> events) {
        auto lock = DataDirectoryLock::acquire(dir.path());
        ++turns;
        if (!lock || !dir.appendAudit(events, *lock).isOk())
            ++failures;
    });
    constexpr int kEvents = 5000;
    std::thread network([&] {
        for (int i = 0; i < kEvents; ++i)
            writer->post(numberGiven(i));
    });
    int won = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto lock = DataDirectoryLock::acquire(dir.path(), 2000);
        INFO("attempt " << i << " after " << timer.elapsed() << " ms");
        if (lock)
            ++won;
    }
    network.join();
    writer.reset();
    REQUIRE(failures.load() == 0);
    CHECK(won == 5);
    CHECK(turns.load() < kEvents / 10);

    AuditVerifyOptions options;
    options.certificateDer = dir.auditLogOptions()->certificateDer;
    auto report = verifyAuditLog(dir.auditLogPath(), options);
    REQUIRE(report.isOk());
    INFO(report->problem.toStdString());
    REQUIRE(report->ok);
    const QList<QByteArray> lines = test::readFile(dir.auditLogPath()).split('\n');
    int seen = 0;
    for (const QByteArray& line : lines)
        if (line.contains("\"number_given\"")) {
            REQUIRE(line.contains(QByteArray("\"number " + QByteArray::number(seen) + "\"")));
            ++seen;
        }
    REQUIRE(seen == kEvents);
}
