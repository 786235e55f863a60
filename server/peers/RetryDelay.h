#pragma once

// How long a failed connection waits before its next try (docs/servers.md §Connections):
// half a minute after the first failure, doubling with each further one, never longer than the
// connection's own interval, with up to a fifth more or less at random so that spokes cut off
// together do not all call the hub back in the same second.

#include <QtGlobal>

namespace sen::server {

// `failures` in a row (1 or more); `intervalMs` the connection's interval; `minuteMs` how long
// a minute is (60,000 except under the test-only SEN_TEST_MINUTE_SECONDS); `jitter` in [-1, 1].
qint64 retryDelayMs(int failures, qint64 intervalMs, qint64 minuteMs, double jitter);

} // namespace sen::server
