#include "client/sync/SyncController.h"

#include "client/sync/SyncWorker.h"

#include <QDeadlineTimer>
#include <QThread>

namespace sen::client {

SyncController::SyncController(Workspace workspace, identity::Credentials credentials, QObject* parent)
    : QObject(parent), m_workspace(workspace)
{
    m_thread = new QThread; // no parent: joined (or let go) by shutdown()
    m_thread->setObjectName(QStringLiteral("sen-sync"));
    m_worker = new SyncWorker(std::move(workspace), std::move(credentials));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &SyncWorker::jobStarted, this, &SyncController::started);
    connect(m_worker, &SyncWorker::replicaCreated, this, [this](const QString& name) {
        if (!m_shutDown)
            Q_EMIT replicaAdded(name);
    });
    connect(m_worker, &SyncWorker::jobProgressed, this, &SyncController::progressed);
    connect(m_worker, &SyncWorker::jobFinished, this, &SyncController::onJobFinished);
    m_thread->start();
}

SyncController::~SyncController()
{
    shutdown();
}

QStringList SyncController::waiting() const
{
    QStringList names;
    for (const SyncJob& job : m_queue)
        names << job.name;
    return names;
}

bool SyncController::isQueuedOrRunning(const QString& name) const
{
    return m_running == name || waiting().contains(name);
}

void SyncController::sync(const QString& name)
{
    if (name.isEmpty() || isQueuedOrRunning(name))
        return;
    SyncJob job;
    job.name = name;
    enqueue(std::move(job));
}

Status SyncController::syncAll()
{
    SEN_ASSIGN_OR_RETURN(const std::vector<ReplicaEntry> entries, m_workspace.list());
    for (const ReplicaEntry& entry : entries) {
        // A replica that cannot be read here is still queued, so its failure shows in its report.
        const auto store = m_workspace.openDatabase(entry.name);
        const auto settings =
            store ? Replicator::settingsOf(**store) : Result<ReplicaSettings>(store.status());
        if (!settings || !settings->server.isEmpty())
            sync(entry.name);
    }
    return Status::ok();
}

void SyncController::addReplica(const ReplicaSettings& settings)
{
    if (settings.database.isEmpty() || isQueuedOrRunning(settings.database))
        return;
    SyncJob job;
    job.kind = SyncJob::Kind::Add;
    job.name = settings.database;
    job.settings = settings;
    enqueue(std::move(job));
}

void SyncController::enqueue(SyncJob job)
{
    if (m_shutDown)
        return;
    m_queue.push_back(std::move(job));
    Q_EMIT queueChanged();
    dispatch();
}

void SyncController::dispatch()
{
    if (!m_running.isEmpty() || m_queue.empty() || m_shutDown)
        return;
    SyncJob job = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = job.name;
    m_worker->resetCancel();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { worker->run(job); }, Qt::QueuedConnection);
    Q_EMIT queueChanged();
}

void SyncController::cancel(const QString& name)
{
    const auto queued =
        std::find_if(m_queue.begin(), m_queue.end(), [&](const SyncJob& job) { return job.name == name; });
    if (!name.isEmpty() && queued != m_queue.end()) {
        m_queue.erase(queued);
        Q_EMIT queueChanged();
        return;
    }
    if (!m_running.isEmpty() && (name.isEmpty() || name == m_running))
        m_worker->requestCancel();
}

void SyncController::onJobFinished(const SyncReport& report, bool added)
{
    if (m_shutDown)
        return;
    m_running.clear();
    if (added || report.stats.received > 0 || report.stats.withdrawn > 0)
        Q_EMIT replicaChanged(report.replica);
    Q_EMIT finished(report);
    Q_EMIT queueChanged();
    dispatch();
    if (m_running.isEmpty())
        Q_EMIT idle();
}

bool SyncController::shutdown(int timeoutMs)
{
    if (!m_thread)
        return true;
    m_shutDown = true;
    m_queue.clear();
    m_running.clear();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->stop(); }, Qt::QueuedConnection);
    if (!m_thread->wait(QDeadlineTimer(timeoutMs))) {
        // Leave it to end by itself: the worker owns everything it uses, and whatever it
        // committed is already safe. Both objects go when the thread ends.
        qWarning("sen: replication did not stop within %d ms; leaving it to end by itself", timeoutMs);
        connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        m_thread = nullptr;
        m_worker = nullptr;
        return false;
    }
    delete m_worker; // its thread has ended: no event of it can run any more
    delete m_thread;
    m_worker = nullptr;
    m_thread = nullptr;
    return true;
}

} // namespace sen::client
