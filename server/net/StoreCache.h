#pragma once

// The replica files one worker thread has open: a ReplicaStore is one SQLite connection and
// is used by one thread only, so each worker keeps its own, opened on first use and shared
// by that worker's sessions (they run one event at a time). Not thread-safe by design.

#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

#include <QHash>

#include <memory>

namespace sen::server {

class StoreCache
{
public:
    // The open store of `path`, opening it if needed. The pointer stays valid while the
    // cache lives.
    Result<ReplicaStore*> open(const QString& path);

private:
    QHash<QString, std::shared_ptr<ReplicaStore>> m_stores;
};

} // namespace sen::server
