#pragma once

// Scenario fixture: several replicas of one database as real SQLite files, synced pairwise
// over in-memory links (ownCloud syncenginetestutils.h style).

#include "common/store/ReplicaStore.h"
#include "tests/replication/MemorySession.h"
#include "tests/support/TempDir.h"

#include <memory>
#include <vector>

namespace sen::test {

class SyncFixture
{
public:
    explicit SyncFixture(int replicas, const Clock* clock = nullptr);
    ReplicaStore& replica(int i) { return *m_stores.at(static_cast<std::size_t>(i)); }
    int size() const { return static_cast<int>(m_stores.size()); }
    QString path(int i) const;
    // Closes and reopens replica i (as after a crash or restart).
    void reopen(int i);
    // Closes replica i (reopen() opens it again).
    void close(int i) { m_stores[static_cast<std::size_t>(i)].reset(); }
    // Copies replica i's file (closed first, so the copy is complete) to `target`.
    void backup(int i, const QString& target);
    // Replaces replica i's file with `source` (a restored backup) and opens it.
    void restore(int i, const QString& source);

    // Replica `a` (initiator) syncs with replica `b` (responder).
    SyncResult sync(int a, int b, const LinkOptions& link = {}, const SessionOptions& options = {});

    // Every document and stub of a replica in canonical form, in UNID order.
    QByteArray dump(int i);

private:
    TempDir m_dir;
    const Clock* m_clock;
    std::vector<std::unique_ptr<ReplicaStore>> m_stores;
};

} // namespace sen::test
