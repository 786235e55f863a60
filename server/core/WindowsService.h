#pragma once

// Windows only (server/CMakeLists.txt compiles it only there): lets `sen-server run
// --service` live under the Service Control Manager (SCM), as installed by the Windows
// installer (installer/windows/, installer/README.md).
//
// The SCM wants the process to call StartServiceCtrlDispatcherW, which blocks for the
// life of the service, and then runs the service's ServiceMain on a thread of its own.
// Qt's event loop must keep the main thread, so, as Qt Solutions' QtService did, the
// dispatcher runs on a helper thread; the main thread reports the service's state.
//
// Stop controls (SERVICE_CONTROL_STOP, SERVICE_CONTROL_SHUTDOWN) are reported as
// "stop pending" and passed to the onStop callback on the dispatcher's thread: the daemon
// hands them to ShutdownSignals::requestFromAnyThread(), the same clean stop as SIGTERM.
//
// One instance per process. Not thread-safe except as stated: connect, reportRunning and
// finish are called from one thread (the main thread).

#include "common/core/Result.h"

#include <functional>
#include <memory>

namespace sen::server {

class WindowsService
{
public:
    // Connects this process to the SCM and reports "start pending". Waits for the SCM (at
    // most 30 s, its own start timeout). IoError when the process was not started by the
    // SCM (a console run of `sen-server run --service`) or the SCM refused. `onStop` is
    // called at most once per stop control, from another thread, until finish().
    [[nodiscard]] static Result<std::unique_ptr<WindowsService>> connect(std::function<void()> onStop);

    // Reports stopped (as a failure, if finish() was not called) and waits for the
    // dispatcher thread to end.
    ~WindowsService();

    WindowsService(const WindowsService&) = delete;
    WindowsService& operator=(const WindowsService&) = delete;

    // The daemon is listening: the SCM shows it running and may send stop controls.
    void reportRunning();

    // The daemon has stopped (after its last audit entry): reports stopped, with a
    // service-specific exit code 1 when !succeeded so the SCM's recovery actions apply.
    // After this, onStop is no longer called. Idempotent.
    void finish(bool succeeded);

    struct State; // the state shared with the SCM's threads (WindowsService.cpp)

private:
    explicit WindowsService(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace sen::server
