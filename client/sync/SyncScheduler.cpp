#include "client/sync/SyncScheduler.h"

#include "client/sync/Replicator.h"
#include "client/sync/SyncController.h"

#include <QSettings>
#include <QTimer>

namespace sen::client {

namespace {

const QString kOfflineKey = QStringLiteral("replication/offline");

} // namespace

const QString SyncScheduler::kIntervalSetting = QStringLiteral("schedule.interval_minutes");

const QList<int>& SyncScheduler::intervals()
{
    static const QList<int> minutes = {0, 15, 30, 60, 240};
    return minutes;
}

SyncScheduler::SyncScheduler(const Workspace& workspace, SyncController& controller, QObject* parent)
    : QObject(parent), m_workspace(workspace), m_controller(controller)
{
    const QSettings ini(iniPath(), QSettings::IniFormat);
    m_offline = ini.value(kOfflineKey, false).toBool();
}

SyncScheduler::~SyncScheduler() = default;

QString SyncScheduler::iniPath() const
{
    return m_workspace.home() + QStringLiteral("/sen.ini");
}

Status SyncScheduler::reload()
{
    SEN_ASSIGN_OR_RETURN(const std::vector<ReplicaEntry> entries, m_workspace.list());
    QHash<QString, int> minutes;
    for (const ReplicaEntry& entry : entries) {
        const auto store = m_workspace.openDatabase(entry.name);
        if (!store)
            continue;
        const auto settings = Replicator::settingsOf(**store);
        const auto interval = (*store)->setting(kIntervalSetting);
        if (!settings || settings->server.isEmpty() || !interval)
            continue;
        const int value = interval->toInt();
        if (intervals().contains(value) && value > 0)
            minutes.insert(entry.name, value);
    }
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it)
        delete it.value();
    m_timers.clear();
    m_minutes = minutes;
    for (auto it = m_minutes.cbegin(); it != m_minutes.cend(); ++it)
        arm(it.key(), it.value());
    return Status::ok();
}

Status SyncScheduler::setInterval(const QString& name, int minutes)
{
    if (!intervals().contains(minutes))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 minutes is not a schedule").arg(minutes));
    SEN_ASSIGN_OR_RETURN(const std::unique_ptr<ReplicaStore> store, m_workspace.openDatabase(name));
    SEN_TRY(store->setSetting(kIntervalSetting, minutes > 0 ? QString::number(minutes) : QString()));
    if (minutes > 0)
        m_minutes.insert(name, minutes);
    else
        m_minutes.remove(name);
    arm(name, minutes);
    Q_EMIT intervalChanged(name, minutes);
    return Status::ok();
}

void SyncScheduler::arm(const QString& name, int minutes)
{
    delete m_timers.take(name);
    if (minutes <= 0)
        return;
    auto* timer = new QTimer(this);
    timer->setInterval(m_minute * minutes);
    connect(timer, &QTimer::timeout, this, [this, name] { onTimeout(name); });
    timer->start();
    m_timers.insert(name, timer);
}

void SyncScheduler::onTimeout(const QString& name)
{
    if (m_offline) {
        Q_EMIT due(name, false);
        return;
    }
    m_controller.sync(name);
    Q_EMIT due(name, true);
}

void SyncScheduler::numberSoon(const QString& name)
{
    if (!m_offline)
        m_controller.sync(name);
}

void SyncScheduler::setOffline(bool offline)
{
    if (offline == m_offline)
        return;
    m_offline = offline;
    QSettings ini(iniPath(), QSettings::IniFormat);
    ini.setValue(kOfflineKey, offline);
    Q_EMIT offlineChanged(offline);
}

} // namespace sen::client
