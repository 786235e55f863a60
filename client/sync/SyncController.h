#pragma once

// Replication for the desktop client (issue #5, docs/client.md): a queue of sync and add-replica
// requests run one at a time on a worker thread of its own, as the logged-in user, with
// signals back to the thread that made the controller. The window never waits on a session.
//
// Thread affinity: create, call and destroy it on one thread (the GUI thread); its signals
// arrive there, queued. The sessions run on the worker thread with their own ReplicaStore
// connections; GUI-thread connections to the same files see the results through SQLite.
//
// Stopping: cancel() stops one replica's sync between two batches — what was committed stays,
// with its checkpoint, and the next sync resumes after it. shutdown() (also run by the
// destructor) drops the queue, stops the running session the same way and joins the thread,
// waiting at most the given time.

#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "common/identity/Credentials.h"
#include "replication/session/SessionTypes.h"

#include <QObject>
#include <QStringList>

#include <deque>

class QThread;

namespace sen::client {

class SyncWorker;
struct SyncJob;

class SyncController : public QObject
{
    Q_OBJECT
public:
    // How long shutdown() waits by default: a session that is told to stop closes within
    // two seconds (RemoteSession), a pending describe request within a tenth of one.
    static constexpr int kShutdownWaitMs = 5000;

    SyncController(Workspace workspace, identity::Credentials credentials, QObject* parent = nullptr);
    ~SyncController() override;

    // Queues a sync of the local replica `name`; does nothing when it is already queued or
    // running. A replica without a server finishes at once with InvalidArgument.
    void sync(const QString& name);
    // Queues every replica of the workspace that has a server. Fails only when the workspace
    // cannot be listed.
    Status syncAll();
    // Queues "create the replica of settings.database from settings.server, then sync it"
    // (Replicator::createReplica). The job and its reports are named settings.database.
    void addReplica(const ReplicaSettings& settings);
    // Stops `name`: removed from the queue, or its running session stopped (finished()
    // then reports Cancelled). Empty: the running one, whichever it is.
    void cancel(const QString& name = {});
    // Drops the queue, stops the running session and joins the worker thread within
    // `timeoutMs`. True when the thread ended; false when it did not in time (it is then left
    // to end on its own, and nothing more is reported). Nothing is queued after it.
    bool shutdown(int timeoutMs = kShutdownWaitMs);

    // The replica whose job runs now (empty when idle), and those waiting, in order.
    const QString& running() const { return m_running; }
    QStringList waiting() const;
    bool isBusy() const { return !m_running.isEmpty(); }
    bool isQueuedOrRunning(const QString& name) const;

Q_SIGNALS:
    // The queue changed (a job queued, started, dropped).
    void queueChanged();
    void started(const QString& name);
    void progressed(const QString& name, const sen::SessionProgress& progress);
    void finished(const sen::client::SyncReport& report);
    // An add request created its local replica; its first sync starts now (progressed()
    // and finished() follow under the same name). If that sync fails the replica stays and
    // can be synced again.
    void replicaAdded(const QString& name);
    // The job stored something from the server in `name` (documents received or removed):
    // pages showing it should re-read (app::OpenDatabases::watch makes its session announce it).
    void replicaChanged(const QString& name);
    // Nothing runs and nothing waits.
    void idle();

private:
    void enqueue(SyncJob job);
    void dispatch();
    void onJobFinished(const SyncReport& report, bool added);

    Workspace m_workspace; // for syncAll's list; the worker has its own copy
    SyncWorker* m_worker = nullptr;
    QThread* m_thread = nullptr;
    std::deque<SyncJob> m_queue;
    QString m_running;
    bool m_shutDown = false;
};

} // namespace sen::client
