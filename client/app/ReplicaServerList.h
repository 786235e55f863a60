#pragma once

// The ordered list of a replica's servers as the desktop client edits it (issue #16,
// docs/client.md §Failover): the GUI-free half of the list editor. load() reads the replica's
// servers; add(), remove() and move() edit the list in memory, each checked at once
// (ReplicaServers: a usable HOST:PORT, none twice, at most kMaxServers, never empty); save()
// writes it to the replica (Replicator::setServers), where the next sync tries them in this
// order. The widget only shows servers() and the messages. One thread (the GUI's).

#include "client/core/Workspace.h"
#include "common/core/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace sen::app {

class ReplicaServerList
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaServerList)
public:
    // The servers of replica `name` of `workspace`; InvalidArgument for a local database.
    static Result<ReplicaServerList> load(const client::Workspace& workspace, const QString& name);

    const QStringList& servers() const { return m_servers; }
    bool isChanged() const { return m_servers != m_loaded; }

    // Appends `address` (trimmed, written in its normal form). The Status's message is a
    // sentence for the user.
    Status add(const QString& address);
    // Removes the server at `row`; the last one stays (a replica keeps a server).
    Status remove(int row);
    // Moves the server at `row` by `delta` places (-1: up, +1: down), within the list.
    Status move(int row, int delta);
    // Writes the list to the replica.
    Status save() const;

    // "Last served by HOST:PORT (NAME)", or empty before the first successful sync.
    static QString lastServerText(const QString& server, const QString& serverName);

private:
    ReplicaServerList(client::Workspace workspace, QString name, QString database, QStringList servers);

    client::Workspace m_workspace;
    QString m_name;
    QString m_database;
    QStringList m_servers;
    QStringList m_loaded;
};

} // namespace sen::app
