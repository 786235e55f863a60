#include "server/core/ShutdownSignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace sen::server {

namespace {

#if defined(Q_OS_UNIX)
// The self-pipe trick: the handler only writes a byte (async-signal-safe); the notifier
// reads it in the event loop.
int g_pipe[2] = {-1, -1};

extern "C" void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
}
#elif defined(Q_OS_WIN)
ShutdownSignals* g_instance = nullptr;

BOOL WINAPI onConsoleEvent(DWORD event)
{
    // Only services receive a log-off event, when any interactive user logs off: that is no
    // reason for the server to stop. Returning FALSE passes it on to the default handler,
    // which ignores it in a service.
    if (event == CTRL_LOGOFF_EVENT)
        return FALSE;
    // Runs in a thread of its own: hand the request to the main thread.
    ShutdownSignals::requestFromAnyThread();
    return TRUE;
}
#endif

} // namespace

void ShutdownSignals::requestFromAnyThread()
{
#if defined(Q_OS_UNIX)
    // The same byte a signal handler writes, so both paths share one notifier.
    if (g_pipe[1] >= 0)
        onSignal(SIGTERM);
#elif defined(Q_OS_WIN)
    if (g_instance)
        QMetaObject::invokeMethod(g_instance, &ShutdownSignals::requested, Qt::QueuedConnection);
#endif
}

ShutdownSignals::ShutdownSignals(QObject* parent) : QObject(parent)
{
#if defined(Q_OS_UNIX)
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) == 0) {
        m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char byte = 0;
            [[maybe_unused]] const auto read = ::read(g_pipe[0], &byte, 1);
            Q_EMIT requested();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);
    }
#elif defined(Q_OS_WIN)
    g_instance = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#endif
}

ShutdownSignals::~ShutdownSignals()
{
#if defined(Q_OS_UNIX)
    if (g_pipe[0] >= 0) {
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGINT, SIG_DFL);
        delete m_notifier;
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
    }
#elif defined(Q_OS_WIN)
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_instance = nullptr;
#endif
}

} // namespace sen::server
