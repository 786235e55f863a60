#pragma once

// Turns the operating system's polite stop requests into a Qt signal in the main thread:
// SIGTERM and SIGINT on Unix (systemd stop, Ctrl+C), console close and Ctrl+C on Windows.
// One instance at a time (it installs process-wide handlers and removes them when destroyed).

#include <QObject>

class QSocketNotifier;

namespace sen::server {

class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void requested();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace sen::server
