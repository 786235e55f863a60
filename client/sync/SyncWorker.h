#pragma once

// The half of SyncController that lives on its worker thread: runs one job at a time (sync a
// replica, or add one and sync it), each with its own ReplicaStore connection opened on this
// thread (a store is one connection per thread) and one asynchronous RemoteSession, so this
// thread's event loop stays free to hear a cancel. The replica's servers are tried in order
// as Replicator does (ReplicaServers::movesOn). Internal to SyncController; GUI-free.
//
// Thread affinity: everything runs on the worker thread except requestCancel() and
// resetCancel(), which any thread may call. Signals are emitted on the worker thread.

#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "common/identity/Credentials.h"
#include "replication/session/SessionTypes.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace sen {
class RemoteSession;
}

namespace sen::client {

struct SyncJob
{
    enum class Kind
    {
        Sync, // sync the existing replica `name`
        Add,  // create `settings.database` from its server, then sync it
    };
    Kind kind = Kind::Sync;
    QString name;
    ReplicaSettings settings; // Add only
};

class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(Workspace workspace, identity::Credentials credentials);
    ~SyncWorker() override;

    // Any thread: stop the running job (or the next one to start, if none runs yet). The job
    // ends Cancelled, keeping every batch it committed.
    void requestCancel();
    // Any thread, before queueing a job: forget an earlier cancel.
    void resetCancel() { m_cancel = false; }

    // Worker thread. Runs `job`; jobStarted() now, jobFinished() when it is over.
    void run(const SyncJob& job);
    // Worker thread: cancels what runs and quits the thread once it has ended cleanly (the
    // session told the server and closed; its store closed).
    void stop();

Q_SIGNALS:
    void jobStarted(const QString& name);
    // An Add job created its local replica; its first sync starts now.
    void replicaCreated(const QString& name);
    void jobProgressed(const QString& name, const sen::SessionProgress& progress);
    // `added`: the job created the replica (an Add that got that far).
    void jobFinished(const sen::client::SyncReport& report, bool added);

private:
    void abortRunning();
    // Starts a session of m_store with m_plan.
    void startSession();
    // After a session with server m_serverIndex that did not answer: plans the next server
    // and starts it; false when there is none (or the plan failed: `report` says why).
    bool moveToNextServer(SyncReport& report);
    void onSessionFinished(const Status& status);
    // The server found the replica at `path` stale: a new instance ID, then the session again.
    void renewAndRetry(const QString& path);
    void finishJob(const SyncReport& report);
    bool cancelled() const { return m_cancel.load(); }

    Workspace m_workspace;
    identity::Credentials m_credentials;
    std::atomic<bool> m_cancel{false};
    bool m_stopping = false;
    SyncJob m_job;
    bool m_added = false;
    QString m_server;
    ReplicaSettings m_settings;
    int m_serverIndex = 0;
    std::vector<ServerAttempt> m_passedOver;
    Replicator::SessionPlan m_plan;
    std::optional<RenewalResult> m_renewal; // this job renewed the replica's instance
    RemoteSession* m_session = nullptr;
    std::shared_ptr<ReplicaStore> m_store; // outlives m_session
};

} // namespace sen::client
