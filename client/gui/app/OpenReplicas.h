#pragma once

// The GUI thread's connections to the workspace's replicas, shared by every page that shows
// one database (its views, its open documents, its replication page), and the one place that
// says "this replica changed" — after a save here, or after a sync stored what came in — so
// every page showing it refreshes. Replication runs on its own thread with its own
// connections (ReplicaStore is one connection per thread); it reports through replicaChanged.

#include "client/core/Workspace.h"
#include "common/core/Result.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace sen::gui {

class OpenReplicas : public QObject
{
    Q_OBJECT
public:
    explicit OpenReplicas(const client::Workspace& workspace, QObject* parent = nullptr);
    ~OpenReplicas() override;

    // The replica `name`, opened on first use and kept while anyone holds it or until
    // closeUnused(). GUI thread only.
    Result<std::shared_ptr<ReplicaStore>> get(const QString& name);
    // Drops the connections no page holds any more.
    void closeUnused();

    const client::Workspace& workspace() const { return m_workspace; }

Q_SIGNALS:
    // Documents of `name` changed (saved here, or stored by a sync); views re-read.
    void replicaChanged(const QString& name);

public Q_SLOTS:
    void notifyChanged(const QString& name) { Q_EMIT replicaChanged(name); }

private:
    const client::Workspace& m_workspace;
    QHash<QString, std::shared_ptr<ReplicaStore>> m_open;
};

} // namespace sen::gui
