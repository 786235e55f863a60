#include "client/sync/SyncWorker.h"

#include "client/sync/DirectoryUpdate.h"
#include "client/sync/NumberRequests.h"
#include "client/sync/ReplicaServers.h"
#include "client/sync/SyncFollowUp.h"
#include "replication/session/RemoteSession.h"

#include <QThread>

namespace sen::client {

namespace {

Status stoppedByUser()
{
    return Status(ErrorCode::Cancelled, QStringLiteral("the sync was stopped on this computer"));
}

} // namespace

SyncWorker::SyncWorker(Workspace workspace, identity::Credentials credentials)
    : m_workspace(std::move(workspace)), m_credentials(std::move(credentials))
{}

SyncWorker::~SyncWorker()
{
    delete m_session; // only when the thread ended mid-job (a shutdown that timed out)
    m_session = nullptr;
}

void SyncWorker::requestCancel()
{
    m_cancel = true;
    // Heard between two events of the session, never inside a batch's transaction.
    QMetaObject::invokeMethod(this, &SyncWorker::abortRunning, Qt::QueuedConnection);
}

void SyncWorker::abortRunning()
{
    if (m_session)
        m_session->abort(stoppedByUser());
}

void SyncWorker::stop()
{
    m_stopping = true;
    m_cancel = true;
    if (m_session)
        m_session->abort(stoppedByUser()); // quits once its end is reported (onSessionFinished)
    else
        QThread::currentThread()->quit();
}

void SyncWorker::run(const SyncJob& job)
{
    Q_ASSERT(!m_session);
    m_job = job;
    m_added = false;
    m_renewal.reset();
    m_passedOver.clear();
    m_serverIndex = 0;
    m_server = job.kind == SyncJob::Kind::Add ? job.settings.server : QString();
    Q_EMIT jobStarted(job.name);
    SyncReport report;
    report.replica = job.name;
    report.server = m_server;
    if (cancelled() || m_stopping) {
        report.status = stoppedByUser();
        return finishJob(report);
    }

    Replicator replicator(m_workspace, m_credentials);
    std::shared_ptr<ReplicaStore> store;
    if (job.kind == SyncJob::Kind::Add) {
        auto created = replicator.createReplica(job.settings, [this] { return cancelled(); });
        if (!created) {
            report.status = created.status();
            return finishJob(report);
        }
        store = std::move(created).value();
        m_added = true;
        Q_EMIT replicaCreated(job.name);
    } else {
        auto opened = m_workspace.openDatabase(job.name);
        if (!opened) {
            report.status = opened.status();
            return finishJob(report);
        }
        store = std::move(opened).value();
    }
    const auto settings = Replicator::settingsOf(*store);
    if (!settings) {
        report.status = settings.status();
        return finishJob(report);
    }
    m_server = report.server = settings->server;
    if (settings->server.isEmpty()) {
        report.status =
            Status(ErrorCode::InvalidArgument,
                   QStringLiteral("%1 is a local database: it has no server to sync with").arg(job.name));
        return finishJob(report);
    }
    const auto plan = replicator.plan(*settings);
    if (!plan) {
        report.status = plan.status();
        return finishJob(report);
    }
    m_store = std::move(store);
    m_settings = *settings;
    if (m_settings.servers.isEmpty())
        m_settings.servers = {m_settings.server};
    m_plan = *plan;
    startSession();
}

bool SyncWorker::moveToNextServer(SyncReport& report)
{
    if (m_serverIndex + 1 >= m_settings.servers.size())
        return false;
    m_passedOver.push_back({m_server, report.status});
    ++m_serverIndex;
    m_server = report.server = m_settings.servers.at(m_serverIndex);
    Replicator replicator(m_workspace, m_credentials);
    const auto plan = replicator.plan(m_settings, m_server);
    if (!plan) {
        report.status = plan.status();
        report.passedOver = m_passedOver;
        return false;
    }
    m_plan = *plan;
    return true;
}

void SyncWorker::startSession()
{
    SessionOptions options = m_plan.options;
    if (m_plan.isHome()) // the registers' numbering authority (Replicator::SessionPlan::isHome)
        options.numbering = std::make_shared<NumberRequests>(*m_store);
    options.directory = std::make_shared<DirectoryUpdate>(m_workspace.home(), m_plan.homeServer,
                                                          m_store->info().replicaId.toHex());
    m_session = new RemoteSession(*m_store, m_plan.tls, m_plan.endpoint, options, this);
    connect(m_session, &RemoteSession::progressed, this,
            [this](const SessionProgress& progress) { Q_EMIT jobProgressed(m_job.name, progress); });
    connect(m_session, &RemoteSession::finished, this, &SyncWorker::onSessionFinished);
    m_session->start();
    if (cancelled())
        abortRunning();
}

void SyncWorker::onSessionFinished(const Status& status)
{
    if (const Status kept =
            SyncFollowUp::keepReportedAccess(*m_store, *m_session, m_credentials.name.toString());
        !kept.isOk())
        qWarning("sen: could not store the access the server reported: %s", qPrintable(kept.toString()));
    SyncReport report;
    report.replica = m_job.name;
    report.server = m_server;
    report.status = status;
    report.stats = m_session->stats();
    report.renewal = m_renewal;
    report.serverName = m_session->peerName();
    report.passedOver = m_passedOver;
    if (status.isOk())
        if (const Status kept = Replicator::recordServerUsed(*m_store, m_server, report.serverName);
            !kept.isOk())
            qWarning("sen: could not record the server used: %s", qPrintable(kept.toString()));
    // The session is inside its own signal: delete it from the event loop, and the store
    // after it (the session uses the store until it is gone).
    RemoteSession* session = std::exchange(m_session, nullptr);
    std::shared_ptr<ReplicaStore> store = std::move(m_store);
    if (SyncFollowUp::needsNewInstance(status) && !m_renewal && !m_stopping && !cancelled()) {
        // A copy or a restored backup (docs/protocol.md §A session): renew once, sync again.
        QMetaObject::invokeMethod(
            this,
            [this, session, store]() mutable {
                delete session;
                const QString path = store->path();
                store.reset(); // this thread's connection closes before the file is rewritten
                renewAndRetry(path);
            },
            Qt::QueuedConnection);
        return;
    }
    if (ReplicaServers::movesOn(status) && !m_stopping && !cancelled() && moveToNextServer(report)) {
        // That server did not answer: the next one, with the same store, once the session is gone.
        QMetaObject::invokeMethod(
            this,
            [this, session, store]() mutable {
                delete session;
                if (cancelled() || m_stopping) {
                    SyncReport stopped;
                    stopped.replica = m_job.name;
                    stopped.server = m_server;
                    stopped.passedOver = m_passedOver;
                    stopped.status = stoppedByUser();
                    store.reset();
                    return finishJob(stopped);
                }
                m_store = std::move(store);
                startSession();
            },
            Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [session, store]() mutable {
            delete session;
            store.reset();
        },
        Qt::QueuedConnection);
    finishJob(report);
}

void SyncWorker::renewAndRetry(const QString& path)
{
    SyncReport report;
    report.replica = m_job.name;
    report.server = m_server;
    report.passedOver = m_passedOver;
    auto renewed = SyncFollowUp::renewInstance(path, m_server);
    if (!renewed) {
        report.status = renewed.status();
        return finishJob(report);
    }
    m_renewal = report.renewal = *renewed;
    auto reopened = m_workspace.openDatabase(m_job.name);
    if (!reopened) {
        report.status = reopened.status();
        return finishJob(report);
    }
    if (cancelled() || m_stopping) {
        report.status = stoppedByUser();
        return finishJob(report);
    }
    m_store = std::move(reopened).value();
    startSession();
}

void SyncWorker::finishJob(const SyncReport& report)
{
    Q_EMIT jobFinished(report, m_added);
    if (m_stopping) // after the cleanup queued above: posted events run in order
        QMetaObject::invokeMethod(
            this, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
}

} // namespace sen::client
