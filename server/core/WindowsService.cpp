// See core/WindowsService.h. Compiled on Windows only.

#include "server/core/WindowsService.h"

#include <QMutex>
#include <QString>

#include <windows.h>

namespace sen::server {

struct WindowsService::State
{
    std::function<void()> onStop;
    // Guards status and finished, and keeps SetServiceStatus calls in order between the main
    // thread and the SCM's control handler.
    QMutex mutex;
    SERVICE_STATUS status = {};
    bool finished = false;
    // Written before `connected` is set, read after it is: the event orders them.
    SERVICE_STATUS_HANDLE handle = nullptr;
    DWORD error = ERROR_SUCCESS;
    HANDLE connected = nullptr; // manual reset: ServiceMain registered, or connecting failed
    HANDLE released = nullptr;  // manual reset: finish() ran, ServiceMain may return
    HANDLE thread = nullptr;    // runs StartServiceCtrlDispatcherW

    ~State()
    {
        for (HANDLE h : {connected, released, thread}) {
            if (h)
                CloseHandle(h);
        }
    }
};

namespace {

using State = WindowsService::State;

// ServiceMain gets no context pointer: the process's one instance.
State* g_state = nullptr;

constexpr DWORD kWaitHintMs = 30000;    // how long a start or stop step may take
constexpr DWORD kConnectWaitMs = 30000; // the SCM's own start timeout
constexpr DWORD kThreadEndWaitMs = 10000;

void setStatusLocked(State& s, DWORD currentState, DWORD exitCode = NO_ERROR, DWORD specificExitCode = 0)
{
    s.status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    s.status.dwCurrentState = currentState;
    // Controls only while running: a stop during start-up waits until the daemon listens.
    s.status.dwControlsAccepted =
        currentState == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
    s.status.dwWin32ExitCode = exitCode;
    s.status.dwServiceSpecificExitCode = specificExitCode;
    const bool pending = currentState == SERVICE_START_PENDING || currentState == SERVICE_STOP_PENDING;
    s.status.dwCheckPoint = pending ? s.status.dwCheckPoint + 1 : 0;
    s.status.dwWaitHint = pending ? kWaitHintMs : 0;
    if (s.handle)
        SetServiceStatus(s.handle, &s.status);
}

DWORD WINAPI onControl(DWORD control, DWORD, LPVOID, LPVOID context)
{
    State& s = *static_cast<State*>(context);
    switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN: {
        // Under the lock, so that once finish() has taken it onStop is never called again.
        QMutexLocker lock(&s.mutex);
        if (!s.finished && s.status.dwCurrentState == SERVICE_RUNNING) {
            setStatusLocked(s, SERVICE_STOP_PENDING);
            s.onStop();
        }
        return NO_ERROR;
    }
    case SERVICE_CONTROL_INTERROGATE:
        return NO_ERROR;
    default:
        return ERROR_CALL_NOT_IMPLEMENTED;
    }
}

void WINAPI serviceMain(DWORD argc, LPWSTR* argv)
{
    State& s = *g_state;
    // An own-process service: the SCM does not check the name, so the installer may pick any.
    wchar_t noName[] = L"";
    s.handle = RegisterServiceCtrlHandlerExW(argc > 0 ? argv[0] : noName, onControl, &s);
    if (!s.handle) {
        s.error = GetLastError();
        SetEvent(s.connected);
        return;
    }
    {
        QMutexLocker lock(&s.mutex);
        setStatusLocked(s, SERVICE_START_PENDING);
    }
    SetEvent(s.connected);
    // The SCM takes ServiceMain's return as the end of the service's work: stay until the
    // daemon has finished and reported it.
    WaitForSingleObject(s.released, INFINITE);
}

DWORD WINAPI runDispatcher(LPVOID context)
{
    State& s = *static_cast<State*>(context);
    wchar_t noName[] = L""; // ignored for an own-process service, but must not be null
    SERVICE_TABLE_ENTRYW table[] = {{noName, serviceMain}, {nullptr, nullptr}};
    // Blocks until the service reports stopped; fails at once when the SCM did not start us.
    if (!StartServiceCtrlDispatcherW(table)) {
        s.error = GetLastError();
        SetEvent(s.connected);
    }
    return 0;
}

QString connectError(DWORD error)
{
    if (error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT)
        return QStringLiteral("--service: not started by the Service Control Manager "
                              "(run without --service in a console)");
    return QStringLiteral("--service: cannot connect to the Service Control Manager (Windows error %1)")
        .arg(error);
}

} // namespace

Result<std::unique_ptr<WindowsService>> WindowsService::connect(std::function<void()> onStop)
{
    if (g_state)
        return Status(ErrorCode::Internal, QStringLiteral("--service: already connected"));
    auto state = std::make_unique<State>();
    state->onStop = std::move(onStop);
    state->connected = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    state->released = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!state->connected || !state->released)
        return Status(ErrorCode::IoError, connectError(GetLastError()));
    g_state = state.get();
    state->thread = CreateThread(nullptr, 0, runDispatcher, state.get(), 0, nullptr);
    if (!state->thread) {
        g_state = nullptr;
        return Status(ErrorCode::IoError, connectError(GetLastError()));
    }
    const DWORD waited = WaitForSingleObject(state->connected, kConnectWaitMs);
    if (waited == WAIT_OBJECT_0 && state->error == ERROR_SUCCESS)
        return std::unique_ptr<WindowsService>(new WindowsService(std::move(state)));

    const DWORD error = waited == WAIT_OBJECT_0 ? state->error : static_cast<DWORD>(ERROR_TIMEOUT);
    SetEvent(state->released);
    if (WaitForSingleObject(state->thread, kThreadEndWaitMs) == WAIT_OBJECT_0)
        g_state = nullptr;
    else
        (void)state.release(); // the dispatcher may still use it; the process is about to exit
    return Status(ErrorCode::IoError, connectError(error));
}

WindowsService::WindowsService(std::unique_ptr<State> state) : m_state(std::move(state)) {}

WindowsService::~WindowsService()
{
    finish(false);
    if (WaitForSingleObject(m_state->thread, kThreadEndWaitMs) == WAIT_OBJECT_0)
        g_state = nullptr;
    else
        (void)m_state.release(); // the SCM's threads may still touch it; the process is ending
}

void WindowsService::reportRunning()
{
    QMutexLocker lock(&m_state->mutex);
    if (!m_state->finished)
        setStatusLocked(*m_state, SERVICE_RUNNING);
}

void WindowsService::finish(bool succeeded)
{
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->finished)
            return;
        m_state->finished = true;
        if (succeeded)
            setStatusLocked(*m_state, SERVICE_STOPPED);
        else
            setStatusLocked(*m_state, SERVICE_STOPPED, ERROR_SERVICE_SPECIFIC_ERROR, 1);
    }
    SetEvent(m_state->released);
}

} // namespace sen::server
