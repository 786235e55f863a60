#include "tests/replication/MemorySession.h"

#include <QEventLoop>
#include <QTimer>

namespace sen::test {

SyncResult runMemorySession(ReplicaStore& initiatorStore, ReplicaStore& responderStore,
                            const LinkOptions& link, const SessionOptions& initiatorOptions,
                            const SessionOptions& responderOptions, int watchdogMs)
{
    MemoryLink memory(link);
    Session initiator(Session::Role::Initiator, initiatorStore, memory.a(), initiatorOptions);
    Session responder(Session::Role::Responder, responderStore, memory.b(), responderOptions);

    QEventLoop loop;
    // Both sides always finish: by completing, by an error, or by seeing the other close.
    const auto maybeQuit = [&] {
        if (initiator.isFinished() && responder.isFinished())
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    QObject::connect(&initiator, &Session::finished, &loop, maybeQuit);
    QObject::connect(&responder, &Session::finished, &loop, maybeQuit);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(watchdogMs);
    initiator.start();
    loop.exec();
    memory.a().close();
    memory.b().close();

    SyncResult result;
    result.timedOut = !watchdog.isActive();
    result.initiator = initiator.result();
    result.responder = responder.result();
    result.stats = initiator.stats();
    result.wireBytes = memory.bytesCarried();
    return result;
}

} // namespace sen::test
