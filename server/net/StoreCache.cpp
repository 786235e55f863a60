#include "server/net/StoreCache.h"

namespace sen::server {

Result<ReplicaStore*> StoreCache::open(const QString& path)
{
    if (auto it = m_stores.constFind(path); it != m_stores.constEnd())
        return it->get();
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(path));
    ReplicaStore* raw = store.get();
    m_stores.insert(path, std::shared_ptr<ReplicaStore>(std::move(store)));
    return raw;
}

} // namespace sen::server
