#pragma once

// One replication session between two open replicas over an in-memory link, run to its end
// on the calling thread's event loop: what the scenario fixture (SyncFixture.h), the province
// simulation (ProvinceSimulation.h) and its benchmark share. No Catch2 in here, so a
// benchmark can link it: a session that does not end by itself within the watchdog is
// reported in `timedOut` and both sides are left as they were when it fired.

#include "common/store/ReplicaStore.h"
#include "replication/session/Session.h"
#include "replication/transport/MemoryTransport.h"

namespace sen::test {

struct SyncResult
{
    Status initiator;
    Status responder;
    SessionStats stats; // the initiator's
    qint64 wireBytes = 0;
    bool timedOut = false; // the watchdog fired before both sides finished
    bool ok() const { return !timedOut && initiator.isOk() && responder.isOk(); }
};

// `initiatorStore` syncs with `responderStore` (each options' localName as given); both
// stores must be distinct and open. `watchdogMs` bounds the wall time of the session.
SyncResult runMemorySession(ReplicaStore& initiatorStore, ReplicaStore& responderStore,
                            const LinkOptions& link, const SessionOptions& initiatorOptions,
                            const SessionOptions& responderOptions, int watchdogMs = 120'000);

} // namespace sen::test
