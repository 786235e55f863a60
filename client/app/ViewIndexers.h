#pragma once

// The view indexes of every replica in the workspace, kept current off the GUI thread: one
// IndexUpdater per replica, made on first use. After login every replica's index is brought
// up to date (so the workspace shows true unread counts without opening each database), and
// after every change of a replica (OpenDatabases::databaseChanged: a save, a sync) its index
// follows. Database pages use the same updater as the workspace, so an index is never built
// twice at once.
//
// GUI-free; lives in the GUI thread (the thread of its OpenDatabases). Destroying it waits for the updates in
// progress (see IndexUpdater).

#include "common/core/Result.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace sen::app {

class IndexUpdater;
class OpenDatabases;

class ViewIndexers : public QObject
{
    Q_OBJECT
public:
    ViewIndexers(OpenDatabases& databases, QString userName, QObject* parent = nullptr);
    ~ViewIndexers() override;

    // The updater of replica `name`, made when first asked for; NotFound when the replica
    // cannot be opened.
    Result<IndexUpdater*> forReplica(const QString& name);
    // Asks every replica of the workspace for an update.
    void updateAll();

Q_SIGNALS:
    // Some index was updated, and its replica's workflow index after it (IndexUpdater::
    // workflowUpdated); emitted at most once per quarter second (the workspace re-reads its
    // unread counts on it, "my work" its rows).
    void indexesUpdated();

private:
    OpenDatabases& m_databases;
    QString m_userName;
    QHash<QString, IndexUpdater*> m_updaters;
    QTimer m_notify;
};

} // namespace sen::app
