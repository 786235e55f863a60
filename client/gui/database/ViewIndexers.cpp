#include "client/gui/database/ViewIndexers.h"

#include "client/gui/app/OpenReplicas.h"
#include "client/gui/database/IndexUpdater.h"
#include "client/views/ViewCacheFile.h"
#include "client/views/ViewCatalog.h"
#include "common/store/ReplicaStore.h"

namespace sen::gui {

ViewIndexers::ViewIndexers(OpenReplicas& replicas, QString userName, QObject* parent)
    : QObject(parent), m_replicas(replicas), m_userName(std::move(userName))
{
    m_notify.setSingleShot(true);
    m_notify.setInterval(250);
    connect(&m_notify, &QTimer::timeout, this, &ViewIndexers::indexesUpdated);
    connect(&m_replicas, &OpenReplicas::replicaChanged, this, [this](const QString& name) {
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
    SEN_ASSIGN_OR_RETURN(const std::shared_ptr<ReplicaStore> store, m_replicas.get(name));
    auto* updater = new IndexUpdater(store->path(), views::ViewCacheFile::pathFor(store->path()),
                                     views::ViewCatalog::viewsFor(store->info().kind), m_userName, this);
    connect(updater, &IndexUpdater::updated, &m_notify, qOverload<>(&QTimer::start));
    m_updaters.insert(name, updater);
    return updater;
}

void ViewIndexers::updateAll()
{
    const auto entries = m_replicas.workspace().list();
    if (!entries)
        return;
    for (const client::ReplicaEntry& entry : *entries) {
        if (auto updater = forReplica(entry.name))
            (*updater)->requestUpdate();
    }
}

} // namespace sen::gui
