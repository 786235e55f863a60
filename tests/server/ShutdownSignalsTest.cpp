// ShutdownSignals: a stop request from another thread (the path of the Windows service's stop
// control) and SIGTERM arrive as one requested() in the thread that owns the instance.

#include "server/core/ShutdownSignals.h"

#include "tests/server/WaitUntil.h"

#include <QThread>

#include <catch2/catch.hpp>
#include <csignal>
#include <thread>

using sen::server::ShutdownSignals;

TEST_CASE("ShutdownSignals: requestFromAnyThread from another thread emits requested() in the owner's thread")
{
    ShutdownSignals signals;
    int received = 0;
    bool inOwnerThread = false;
    QObject::connect(&signals, &ShutdownSignals::requested, [&] {
        ++received;
        inOwnerThread = QThread::currentThread() == signals.thread();
    });
    std::thread requester([] { ShutdownSignals::requestFromAnyThread(); });
    requester.join();
    REQUIRE(sen::test::waitUntil([&] { return received > 0; }, 5000));
    CHECK(received == 1);
    CHECK(inOwnerThread);
}

#if defined(Q_OS_UNIX)
TEST_CASE("ShutdownSignals: SIGTERM is caught and emitted as requested()")
{
    ShutdownSignals signals;
    int received = 0;
    QObject::connect(&signals, &ShutdownSignals::requested, [&] { ++received; });
    REQUIRE(std::raise(SIGTERM) == 0);
    REQUIRE(sen::test::waitUntil([&] { return received > 0; }, 5000));
    CHECK(received == 1);
}
#endif

TEST_CASE("ShutdownSignals: requestFromAnyThread without an instance does nothing")
{
    ShutdownSignals::requestFromAnyThread(); // must not crash; nothing listens
    SUCCEED();
}
