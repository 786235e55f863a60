#pragma once

// Keeps one replica's view index current off the GUI thread (docs/views.md): a worker
// thread owns its own connection to the replica and the ViewIndex, and brings the index up
// to the replica's change feed whenever asked. Requests made while an update runs fold into
// one more update after it, so a burst of saves or a long sync costs at most two runs.
//
// The first build of a large database takes seconds. It goes a view at a time (docs/views.md
// §"The first view first"): the view asked for with prefer() (else the first of the
// catalogue) is built alone and reported by viewsReady(), so it opens in a fraction of the
// whole build; a view asked for meanwhile is built next; the others together after it.
// updated() follows when every view is current. Destroying the updater stops a first build at
// its next batch and waits for it (each commits in batches, so it resumes next time).
//
// Each update brings the replica's workflow index up to date as well (common/workflow/
// WorkflowIndexer.h) after updated() is sent (the views never wait for its first build, which
// takes seconds on a large database) and then sends workflowUpdated(): its first build runs
// here, not on the GUI thread that reads "my work".
//
// After each update, on the same thread and connection, the full-text index a first pull
// deferred is built, a step of documents at a time (docs/search.md §"The first pull"; a
// search meanwhile says it is incomplete); then the attachment indexer reads the text
// of new PDF attachments into the full-text index (client/app/AttachmentTextIndexer.h), a
// bounded pass at a time, after updated() is sent: the views never wait for it.
//
// Lives in the GUI thread; its signals arrive there.

#include "client/views/ViewDefinition.h"
#include "common/core/Result.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

class QThread;

namespace sen::app {

class IndexWorker;

class IndexUpdater : public QObject
{
    Q_OBJECT
public:
    IndexUpdater(QString replicaPath, QString cachePath, std::vector<views::ViewDefinition> views,
                 QString userName, QObject* parent = nullptr);
    ~IndexUpdater() override;

    const QString& cachePath() const { return m_cachePath; }
    // Asks for an update (the first one builds the index).
    void requestUpdate();
    bool isBusy() const { return m_running; }
    // The view the user waits for: built before the others not yet built (a no-op once built).
    void prefer(const QString& viewId);
    // Whether `viewId` is built and was current at least once since this updater started
    // (viewsReady() or updated() said so): it can be shown.
    bool isViewReady(const QString& viewId) const { return m_complete || m_ready.contains(viewId); }
    // Views ready (isViewReady) and views in all.
    int readyViews() const { return m_complete ? m_viewCount : static_cast<int>(m_ready.size()); }
    int viewCount() const { return m_viewCount; }

Q_SIGNALS:
    // During a first build: these views are built and current, and can be shown.
    void viewsReady(const QStringList& viewIds);
    // Every view of the index covers the replica's feed up to `seq`; `changes` entries were applied.
    void updated(qint64 seq, qint64 changes);
    // After updated() (or an update that failed): the workflow index has caught up with the
    // replica, or could not ("my work" then catches up itself).
    void workflowUpdated();
    // The update failed (the view index or the replica could not be read or written); the
    // views keep what they showed. Words for the user: client::ErrorText.
    void failed(const sen::Status& status);
    // The attachment indexer rewrote the full-text entries of `documents` documents, or
    // (`documents` 0) the deferred full-text index is now complete: a search may find more.
    void attachmentTextIndexed(int documents);

private:
    void onFinished(qint64 seq, qint64 changes, int code, const QString& message);
    void onViewsBuilt(const QStringList& viewIds);

    QString m_cachePath;
    QThread* m_thread;
    IndexWorker* m_worker;
    bool m_running = false;
    bool m_pending = false;
    bool m_complete = false; // an update succeeded: every view is ready
    int m_viewCount = 0;
    QSet<QString> m_ready;
};

} // namespace sen::app
