#pragma once

// Running the test thread's event loop until something has happened: the in-process
// server's listener lives in this thread, so a test must never block it with a waitFor*()
// call while a connection is being set up.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace sen::test {

// Runs the event loop until `done()` holds (checked every 10 ms) or `timeoutMs` passed;
// returns `done()`.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QElapsedTimer elapsed;
    elapsed.start();
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || elapsed.hasExpired(timeoutMs))
            loop.quit();
    });
    tick.start();
    loop.exec();
    return done();
}

} // namespace sen::test
