#include "client/gui/app/OpenReplicas.h"

namespace sen::gui {

OpenReplicas::OpenReplicas(const client::Workspace& workspace, QObject* parent)
    : QObject(parent), m_workspace(workspace)
{}

OpenReplicas::~OpenReplicas() = default;

Result<std::shared_ptr<ReplicaStore>> OpenReplicas::get(const QString& name)
{
    if (const auto it = m_open.constFind(name); it != m_open.constEnd())
        return *it;
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, m_workspace.openDatabase(name));
    std::shared_ptr<ReplicaStore> shared = std::move(store);
    m_open.insert(name, shared);
    return shared;
}

void OpenReplicas::closeUnused()
{
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (it->use_count() == 1)
            it = m_open.erase(it);
        else
            ++it;
    }
}

} // namespace sen::gui
