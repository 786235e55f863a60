#pragma once

// The workspace's open databases for one logged-in user: one shared DatabaseSession per
// database name, opened on first use and kept while the window lives, so every page that
// shows a database (its views, its open documents, its conflicts, the replication page)
// works on the same session and hears the same changed() notification.
//
// It connects what a session cannot see by itself: a sync that stored changes
// (SyncController::replicaChanged, connected with watch()) makes that database's session
// emit changed(), and a restore that wrote a draft makes the drafts database's session (when
// open) emit it too. databaseChanged(name) follows every session's changed(), for whoever
// watches the whole workspace (its tiles, the view indexers).
//
// GUI thread only (the sessions' connections belong to it).

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "common/core/Result.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace sen::client {
class SyncController;
}

namespace sen::app {

class OpenDatabases : public QObject
{
    Q_OBJECT
public:
    OpenDatabases(client::Workspace workspace, QString userName, QObject* parent = nullptr);
    ~OpenDatabases() override;

    // The session of database `name`, opened on first use.
    Result<std::shared_ptr<DatabaseSession>> session(const QString& name);
    // The session of `name` if it is open, else null (nothing is opened).
    std::shared_ptr<DatabaseSession> openSession(const QString& name) const;
    // Sessions of databases that changed through a sync of `controller` emit changed().
    void watch(const client::SyncController& controller);
    // Another connection wrote to `name` (a bundle imported, client/app/OfficeBundle.h): its
    // session emits changed(), as after a sync.
    void announceChange(const QString& name) { syncChanged(name); }

    const client::Workspace& workspace() const { return m_workspace; }
    const QString& userName() const { return m_userName; }

Q_SIGNALS:
    // The session of `name` emitted changed().
    void databaseChanged(const QString& name);
    // The session of `name` saved a registration awaiting its number.
    void awaitingNumber(const QString& name);

private:
    void syncChanged(const QString& name);

    client::Workspace m_workspace;
    QString m_userName;
    QHash<QString, std::shared_ptr<DatabaseSession>> m_open;
};

} // namespace sen::app
