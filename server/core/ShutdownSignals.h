#pragma once

// Turns the operating system's polite stop requests into a Qt signal in the main thread:
// SIGTERM and SIGINT on Unix (systemd stop, Ctrl+C), console close, Ctrl+C and system
// shutdown on Windows, and requestFromAnyThread() (the Windows service's stop control,
// core/WindowsService.h). One instance at a time (it installs process-wide handlers and
// removes them when destroyed).

#include <QObject>

class QSocketNotifier;

namespace sen::server {

class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

    // The same stop request as SIGTERM, from any thread: the live instance emits requested()
    // in its own thread. Does nothing when no instance lives; the caller must not let an
    // instance be destroyed while this runs (WindowsService stops calling it before then).
    static void requestFromAnyThread();

Q_SIGNALS:
    void requested();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace sen::server
