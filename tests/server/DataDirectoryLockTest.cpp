// The data directory's lock (server/core/DataDirectoryLock.h) between an admin command and a
// daemon that takes it for each audit record: the command must win a lock that is free
// between the daemon's appends, however often the daemon takes it again.

#include "server/core/DataDirectoryLock.h"

#include "tests/support/TempDir.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QThread>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

using namespace sen;

TEST_CASE("Data directory lock: a lock taken back to back by another holder is still won", "[server][lock]")
{
    // A "daemon" thread holds the lock 40 ms at a time with 4 ms gaps (about 90 % of the
    // time), as while an office pushes thousands of documents. QLockFile's own timed wait
    // looks five times in two seconds (0, 100, 300, 700, 1500 ms) and lost most such races.
    test::TempDir dir;
    std::atomic<bool> stop{false};
    std::atomic<int> appends{0};
    std::thread daemon([&] {
        // Takes the lock as soon as it is free (the daemon's appends rarely wait long), so
        // only the admin command's way of waiting decides whether it ever gets a turn.
        QLockFile lock(server::DataDirectoryLock::lockPath(dir.root()));
        while (!stop.load()) {
            if (!lock.tryLock(0)) {
                QThread::msleep(1);
                continue;
            }
            QThread::msleep(40);
            ++appends;
            lock.unlock();
            QThread::msleep(4);
        }
    });
    while (appends.load() < 2)
        QThread::msleep(5);
    int won = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto lock = server::DataDirectoryLock::acquire(dir.root(), 2000);
        INFO("attempt " << i << " after " << timer.elapsed()
                        << " ms: " << lock.status().toString().toStdString());
        if (lock)
            ++won;
    }
    stop = true;
    daemon.join();
    REQUIRE(won == 5);
}

TEST_CASE("Data directory lock: a lock held throughout is refused as Busy after the timeout",
          "[server][lock]")
{
    test::TempDir dir;
    auto held = server::DataDirectoryLock::acquire(dir.root(), 0);
    REQUIRE(held.isOk());
    std::optional<Result<server::DataDirectoryLock>> second;
    QElapsedTimer timer;
    timer.start();
    std::thread other([&] { second.emplace(server::DataDirectoryLock::acquire(dir.root(), 300)); });
    other.join();
    REQUIRE(second.has_value());
    REQUIRE(second->code() == ErrorCode::Busy);
    REQUIRE(timer.elapsed() >= 250);
    REQUIRE(second->message().contains(QStringLiteral("in use by another sen-server process")));
}
