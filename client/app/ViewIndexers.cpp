#include "client/app/ViewIndexers.h"

#include "client/app/IndexUpdater.h"
#include "client/app/OpenDatabases.h"
#include "client/views/ViewCatalog.h"

namespace sen::app {

ViewIndexers::ViewIndexers(OpenDatabases& databases, QString userName, QObject* parent)
    : QObject(parent), m_databases(databases), m_userName(std::move(userName))
{
    m_notify.setSingleShot(true);
    m_notify.setInterval(250);
    connect(&m_notify, &QTimer::timeout, this, &ViewIndexers::indexesUpdated);
    connect(&m_databases, &OpenDatabases::databaseChanged, this, [this](const QString& name) {
        if (auto updater = forReplica(name))
            (*updater)->requestUpdate();
    });
}

ViewIndexers::~ViewIndexers()
{
    // The updaters are children: each waits for its thread as it goes.
}

Result<IndexUpdater*> ViewIndexers::forReplica(const QString& name)
{
    if (IndexUpdater* existing = m_updaters.value(name))
        return existing;
    SEN_ASSIGN_OR_RETURN(const std::shared_ptr<DatabaseSession> session, m_databases.session(name));
    auto* updater = new IndexUpdater(session->path(), session->viewCachePath(),
                                     views::ViewCatalog::viewsFor(session->kind()), m_userName, this);
    // After the workflow index too, which "my work" reads on indexesUpdated().
    connect(updater, &IndexUpdater::workflowUpdated, &m_notify, qOverload<>(&QTimer::start));
    m_updaters.insert(name, updater);
    return updater;
}

void ViewIndexers::updateAll()
{
    const auto entries = m_databases.workspace().list();
    if (!entries)
        return;
    for (const client::ReplicaEntry& entry : *entries) {
        if (auto updater = forReplica(entry.name))
            (*updater)->requestUpdate();
    }
}

} // namespace sen::app
