#pragma once

// Scheduled replication and "work offline" for the desktop client. Each replica may sync
// every 15 minutes, 30 minutes, 1 hour or 4 hours (or never by itself); the choice is a local
// setting of the replica file (`schedule.interval_minutes`, ReplicaStore::setSetting), so it
// moves with the file. Working offline is one switch for the whole workspace, kept in
// `<home>/sen.ini` ([replication] offline); while it is on, scheduled syncs do not run (a
// user's own "sync now" is the GUI's to confirm).
//
// Thread affinity: the thread that made it (the GUI thread); its timers run there and hand
// due syncs to the SyncController. GUI-free.

#include "client/core/Workspace.h"
#include "common/core/Result.h"

#include <QHash>
#include <QObject>

#include <chrono>

class QTimer;

namespace sen::client {

class SyncController;

class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    // The intervals offered, in minutes; 0 is "not by itself".
    static const QList<int>& intervals();
    static const QString kIntervalSetting; // "schedule.interval_minutes"

    SyncScheduler(const Workspace& workspace, SyncController& controller, QObject* parent = nullptr);
    ~SyncScheduler() override;

    // Reads every replica's interval again and starts their timers (a timer's count starts
    // over). Replicas without a server get none. Fails only when the workspace cannot be listed.
    Status reload();
    // 0 when the replica syncs only when asked.
    int interval(const QString& name) const { return m_minutes.value(name, 0); }
    // Stores the interval in the replica (one of intervals()) and restarts its timer.
    Status setInterval(const QString& name, int minutes);

    bool isOffline() const { return m_offline; }
    void setOffline(bool offline);
    // A registration of `name` awaits its number: syncs it now, unless the workspace works
    // offline (then the number comes with the next sync; docs/registers.md §Numbering).
    void numberSoon(const QString& name);

    // Tests: how long a "minute" of the schedule lasts (60 s unless changed); applies to the
    // timers started afterwards (setInterval, reload).
    void setMinuteLength(std::chrono::milliseconds minute) { m_minute = minute; }

Q_SIGNALS:
    void offlineChanged(bool offline);
    void intervalChanged(const QString& name, int minutes);
    // A replica's time came: its sync was queued, or skipped because the workspace is offline.
    void due(const QString& name, bool queued);

private:
    void arm(const QString& name, int minutes);
    void onTimeout(const QString& name);
    QString iniPath() const;

    Workspace m_workspace;
    SyncController& m_controller;
    QHash<QString, int> m_minutes;
    QHash<QString, QTimer*> m_timers;
    std::chrono::milliseconds m_minute{60'000};
    bool m_offline = false;
};

} // namespace sen::client
