#include "client/app/IndexUpdater.h"

#include "client/app/AttachmentTextIndexer.h"
#include "client/views/ViewIndex.h"
#include "common/store/ReplicaStore.h"
#include "common/workflow/WorkflowIndexer.h"

#include <QMutex>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>

namespace sen::app {

// The part that runs on the worker thread: opens the replica and the index there, on the
// first update, and keeps them for the next ones.
class IndexWorker : public QObject
{
    Q_OBJECT
public:
    IndexWorker(QString replicaPath, QString cachePath, std::vector<views::ViewDefinition> views,
                QString userName)
        : m_replicaPath(std::move(replicaPath)), m_cachePath(std::move(cachePath)), m_views(std::move(views)),
          m_userName(std::move(userName))
    {}

    void update()
    {
        const Result<views::ViewIndex::UpdateStats> stats = run();
        if (!stats) {
            m_index.reset(); // start afresh next time (the replica may have been replaced)
            m_store.reset();
            Q_EMIT finished(0, 0, static_cast<int>(stats.status().code()), stats.status().message());
            return;
        }
        if (stats->interrupted)
            return; // the updater is closing: the build resumes next time
        // The views are current: they open now, without waiting for the derived indexes below.
        Q_EMIT finished(stats->seq, stats->changes, static_cast<int>(ErrorCode::Ok), QString());
        // Then the workflow index (docs/workflow.md "The workflow index"), so that its first
        // build (seconds on a large database) is never the GUI thread's nor the first view's;
        // "my work" reads it after workflowUpdated(). A failure is not the views': "my work"
        // catches up itself, and the next update tries again.
        if (const auto workflow = workflow::WorkflowIndexer::catchUp(*m_store); !workflow)
            qWarning("sen: the workflow index could not be updated: %s",
                     qPrintable(workflow.status().toString()));
        Q_EMIT workflowUpdated();
        // Then the full-text index a first pull deferred and the text of new attachments, a
        // bounded pass at a time.
        indexAttachmentText();
    }

    // From the GUI thread: a view the user is waiting for, built before the others (the
    // latest asked for first).
    void prefer(const QString& viewId)
    {
        const QMutexLocker lock(&m_wantedLock);
        m_wanted.removeAll(viewId);
        m_wanted.push_back(viewId);
    }
    // From the GUI thread: stop a build at its next batch (the updater is closing).
    void stop() { m_stopping = true; }

    // One pass of the attachment indexer; another is queued while files remain, so that an
    // update asked for meanwhile runs between two passes. A failure is not the views': the
    // next update tries again.
    void indexAttachmentText()
    {
        if (!m_store)
            return;
        // First the full-text index a first pull deferred (docs/search.md §"The first pull"),
        // a step at a time: a search meanwhile says it is incomplete (app::Search::building).
        // Asked first: with the index complete that reads one meta row and takes no write lock.
        const auto progress = m_store->searchIndexProgress();
        const Result<bool> built = progress && progress->has_value()
                                       ? m_store->buildSearchIndex(kSearchIndexStep)
                                       : Result<bool>(true);
        if (built && !*built) {
            m_searchIndexBuilding = true;
            QMetaObject::invokeMethod(this, &IndexWorker::indexAttachmentText, Qt::QueuedConnection);
            return;
        }
        if (built && m_searchIndexBuilding) // complete now: a search may find more
            Q_EMIT attachmentTextIndexed(0);
        m_searchIndexBuilding = false;
        const Result<AttachmentTextIndexer::Outcome> outcome = AttachmentTextIndexer::runPass(*m_store);
        if (outcome && outcome->more)
            QMetaObject::invokeMethod(this, &IndexWorker::indexAttachmentText, Qt::QueuedConnection);
        if (outcome && outcome->documents > 0)
            Q_EMIT attachmentTextIndexed(outcome->documents);
    }

Q_SIGNALS:
    // `code` and `message`: the update's Status, taken apart to cross the threads.
    void finished(qint64 seq, qint64 changes, int code, const QString& message);
    void workflowUpdated();
    // A pass of the attachment indexer rewrote the index entries of `documents` documents.
    void attachmentTextIndexed(int documents);
    // These views are built and current (a first build, a view at a time).
    void viewsBuilt(const QStringList& viewIds);

private:
    Result<views::ViewIndex::UpdateStats> run()
    {
        if (!m_index) {
            SEN_ASSIGN_OR_RETURN(m_store, ReplicaStore::open(m_replicaPath));
            SEN_ASSIGN_OR_RETURN(m_index, views::ViewIndex::open(*m_store, m_cachePath, m_views, m_userName));
        }
        // A first build goes the view the user waits for first (docs/views.md §"The first view
        // first"): that view alone (with the views already built, which only catch up), then a
        // view asked for meanwhile alone, then the others together, a batch at a time so that
        // a view asked for meanwhile goes next.
        QStringList unbuilt = m_index->unbuiltViews();
        if (!unbuilt.isEmpty()) {
            const QString wanted = takeWanted();
            const QString first = unbuilt.contains(wanted) ? wanted : unbuilt.front();
            QStringList pass;
            for (const views::ViewDefinition& view : m_views) {
                if (view.id == first || !unbuilt.contains(view.id))
                    pass.push_back(view.id);
            }
            SEN_TRY(updateViews(pass, {}));
        }
        while (!(unbuilt = m_index->unbuiltViews()).isEmpty()) {
            if (m_stopping)
                return views::ViewIndex::UpdateStats{.interrupted = true};
            const QString wanted = takeWanted();
            if (unbuilt.contains(wanted)) {
                SEN_TRY(updateViews({wanted}, {}));
                continue;
            }
            SEN_TRY(updateViews(unbuilt, [this] { return m_stopping || hasWanted(); }));
        }
        return m_index->update();
    }

    // Builds `ids`; reports those built (an interrupted pass reports none).
    Status updateViews(const QStringList& ids, const std::function<bool()>& stop)
    {
        if (const auto stats = m_index->update(ids, stop); !stats)
            return stats.status();
        QStringList built;
        for (const QString& id : ids) {
            if (m_index->isBuilt(id))
                built.push_back(id);
        }
        if (!built.isEmpty())
            Q_EMIT viewsBuilt(built);
        return Status::ok();
    }

    // The latest view asked for that is not built yet (empty: none).
    QString takeWanted()
    {
        const QMutexLocker lock(&m_wantedLock);
        while (!m_wanted.isEmpty()) {
            const QString id = m_wanted.takeLast();
            if (!m_index->isBuilt(id))
                return id;
        }
        return QString();
    }

    // Whether a view not yet built is waited for (the current pass then stops at its next batch).
    bool hasWanted()
    {
        const QMutexLocker lock(&m_wantedLock);
        return std::any_of(m_wanted.begin(), m_wanted.end(),
                           [this](const QString& id) { return !m_index->isBuilt(id); });
    }

    QString m_replicaPath;
    QString m_cachePath;
    std::vector<views::ViewDefinition> m_views;
    QString m_userName;
    // Documents per step of the deferred full-text index's build (about 0.1 s each).
    static constexpr int kSearchIndexStep = 5000;
    bool m_searchIndexBuilding = false; // a step left some of it to build
    QMutex m_wantedLock;
    QStringList m_wanted; // guarded by m_wantedLock; the latest last
    std::atomic<bool> m_stopping = false;
    std::unique_ptr<ReplicaStore> m_store;
    std::unique_ptr<views::ViewIndex> m_index; // declared after m_store: destroyed first
};

IndexUpdater::IndexUpdater(QString replicaPath, QString cachePath, std::vector<views::ViewDefinition> views,
                           QString userName, QObject* parent)
    : QObject(parent), m_cachePath(std::move(cachePath)), m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("sen-index"));
    m_viewCount = static_cast<int>(views.size());
    m_worker = new IndexWorker(std::move(replicaPath), m_cachePath, std::move(views), std::move(userName));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &IndexWorker::finished, this, &IndexUpdater::onFinished);
    connect(m_worker, &IndexWorker::attachmentTextIndexed, this, &IndexUpdater::attachmentTextIndexed);
    connect(m_worker, &IndexWorker::workflowUpdated, this, &IndexUpdater::workflowUpdated);
    connect(m_worker, &IndexWorker::viewsBuilt, this, &IndexUpdater::onViewsBuilt);
    m_thread->start(QThread::LowPriority);
}

IndexUpdater::~IndexUpdater()
{
    m_worker->stop(); // a first build stops at its next batch and resumes next time
    m_thread->quit();
    m_thread->wait();
}

void IndexUpdater::requestUpdate()
{
    if (m_running) {
        m_pending = true;
        return;
    }
    m_running = true;
    QMetaObject::invokeMethod(m_worker, &IndexWorker::update, Qt::QueuedConnection);
}

void IndexUpdater::prefer(const QString& viewId)
{
    if (!m_ready.contains(viewId))
        m_worker->prefer(viewId);
}

void IndexUpdater::onViewsBuilt(const QStringList& viewIds)
{
    for (const QString& id : viewIds)
        m_ready.insert(id);
    Q_EMIT viewsReady(viewIds);
}

void IndexUpdater::onFinished(qint64 seq, qint64 changes, int code, const QString& message)
{
    m_running = false;
    const ErrorCode error = errorCodeFromInt(code).value_or(ErrorCode::Internal);
    if (error == ErrorCode::Ok)
        m_complete = true;
    if (error == ErrorCode::Ok)
        Q_EMIT updated(seq, changes);
    else
        Q_EMIT failed(Status(error, message));
    if (m_pending) {
        m_pending = false;
        requestUpdate();
    }
}

} // namespace sen::app

#include "IndexUpdater.moc"
