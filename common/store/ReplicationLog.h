#pragma once

// What a replica remembers of its replication partners: one row per peer instance (its
// name, the highest counter seen in its dots, the last session and how it ended — the IT
// centre's view of every replica) and a history row per session. Internal to the store;
// reached through ReplicaSync::log() (ReplicaStore::replication()).

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

struct PeerRecord
{
    InstanceId instance;
    QString name;
    std::uint64_t highestCounter = 0;
    qint64 lastSyncMs = 0;
    ErrorCode lastStatus = ErrorCode::Ok;
};

struct HistoryEntry
{
    InstanceId peer;
    QString peerName;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    qint64 received = 0;
    qint64 sent = 0;
    qint64 conflicts = 0;
    qint64 refused = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    ErrorCode status = ErrorCode::Ok;
    QString message;
};

class ReplicationLog
{
public:
    explicit ReplicationLog(sql::SqlDatabase& db) : m_db(db) {}

    Result<std::optional<PeerRecord>> peer(const InstanceId& instance) const;
    Result<std::vector<PeerRecord>> peers() const;
    // Raises the peer's highest seen counter to `counter` (never lowers it).
    Status noteCounter(const InstanceId& instance, const QString& name, std::uint64_t counter);
    // Raises the highest counter seen in the dots of versions stored from `instance` (never
    // lowers it, never changes the row's name): what a HELLO's counter is compared with.
    Status noteReceivedCounter(const InstanceId& instance, std::uint64_t counter);
    // The name `instance` belongs to: the first name that used it, recorded now if none was
    // (docs/protocol.md §Instances). Callers compare it with the name that claims it now.
    Result<QString> claimInstance(const InstanceId& instance, const QString& name);
    // Appends a history row and updates the peer's last session (a row with a null peer, an
    // event of this replica's own, updates no peer).
    Status record(const HistoryEntry& entry);
    // The highest counter of this replica's own dots known to have reached a peer: what a
    // copy or restored file keeps when it takes a new instance ID (InstanceRenewal.h).
    Result<std::uint64_t> ackedCounter() const;
    Status noteAckedCounter(std::uint64_t counter);

    // The newest `limit` sessions, newest first.
    Result<std::vector<HistoryEntry>> history(int limit) const;

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen
