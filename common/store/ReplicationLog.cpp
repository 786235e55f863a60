#include "common/store/ReplicationLog.h"

#include "common/sql/SqlDatabase.h"

namespace sen {

namespace {
// A status stored by a newer Sen (a code this build does not know) reads as Internal: the
// history is for people, and its message still says what happened.
ErrorCode codeFrom(std::int64_t v)
{
    return errorCodeFromInt(v).value_or(ErrorCode::Internal);
}
} // namespace

Result<std::optional<PeerRecord>> ReplicationLog::peer(const InstanceId& instance) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT name, highest_counter, coalesce(last_sync, 0), "
                                                "coalesce(last_status, 0) FROM peers WHERE instance = ?1"));
    stmt->bind(1, instance.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return std::optional<PeerRecord>();
    return std::optional<PeerRecord>(PeerRecord{instance, stmt->text(0),
                                                static_cast<std::uint64_t>(stmt->int64(1)), stmt->int64(2),
                                                codeFrom(stmt->int64(3))});
}

Result<std::vector<PeerRecord>> ReplicationLog::peers() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT instance, name, highest_counter, coalesce(last_sync, 0), "
                                     "coalesce(last_status, 0) FROM peers ORDER BY name, instance"));
    std::vector<PeerRecord> out;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        const auto instance = InstanceId::fromBytes(stmt->blobView(0));
        if (!instance)
            return Status(ErrorCode::Corruption, QStringLiteral("peers table holds a bad instance ID"));
        out.push_back({*instance, stmt->text(1), static_cast<std::uint64_t>(stmt->int64(2)), stmt->int64(3),
                       codeFrom(stmt->int64(4))});
    }
    return out;
}

Status ReplicationLog::noteCounter(const InstanceId& instance, const QString& name, std::uint64_t counter)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("INSERT INTO peers(instance, name, highest_counter) VALUES (?1, ?2, ?3) "
                                     "ON CONFLICT(instance) DO UPDATE SET name = excluded.name, "
                                     "highest_counter = max(highest_counter, excluded.highest_counter)"));
    stmt->bind(1, instance.toBytes()).bind(2, name).bind(3, counter);
    return stmt->exec();
}

Status ReplicationLog::noteReceivedCounter(const InstanceId& instance, std::uint64_t counter)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("INSERT INTO peers(instance, name, highest_counter) VALUES (?1, '', ?2) "
                                     "ON CONFLICT(instance) DO UPDATE SET "
                                     "highest_counter = max(highest_counter, excluded.highest_counter)"));
    stmt->bind(1, instance.toBytes()).bind(2, counter);
    return stmt->exec();
}

Result<QString> ReplicationLog::claimInstance(const InstanceId& instance, const QString& name)
{
    // A row without a name (dots noted before any HELLO, or a file from before names were
    // bound) is claimed by the first name that says HELLO with it.
    SEN_ASSIGN_OR_RETURN(
        auto claim, m_db.cached("INSERT INTO peers(instance, name) VALUES (?1, ?2) "
                                "ON CONFLICT(instance) DO UPDATE SET name = excluded.name WHERE name = ''"));
    claim->bind(1, instance.toBytes()).bind(2, name);
    SEN_TRY(claim->exec());
    SEN_ASSIGN_OR_RETURN(auto owner, m_db.cached("SELECT name FROM peers WHERE instance = ?1"));
    owner->bind(1, instance.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, owner->step());
    if (!row)
        return Status(ErrorCode::Internal, QStringLiteral("the instance claimed is not in the peers table"));
    return owner->text(0);
}

Status ReplicationLog::record(const HistoryEntry& e)
{
    SEN_ASSIGN_OR_RETURN(auto insert, m_db.cached("INSERT INTO replication_history(peer, peer_name, started, "
                                                  "finished, received, sent, conflicts, refused, "
                                                  "bytes_in, bytes_out, status, message) VALUES (?1, ?2, ?3, "
                                                  "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    insert->bind(1, e.peer.toBytes())
        .bind(2, e.peerName)
        .bind(3, e.startedMs)
        .bind(4, e.finishedMs)
        .bind(5, e.received)
        .bind(6, e.sent)
        .bind(7, e.conflicts)
        .bind(8, e.refused)
        .bind(9, e.bytesIn)
        .bind(10, e.bytesOut)
        .bind(11, static_cast<int>(e.status))
        .bind(12, e.message);
    SEN_TRY(insert->exec());
    if (e.peer.isNull())
        return Status::ok(); // an event of this replica's own (a new instance ID): no peer row
    SEN_ASSIGN_OR_RETURN(
        auto peer,
        m_db.cached(
            "INSERT INTO peers(instance, name, last_sync, last_status) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT(instance) DO UPDATE SET name = excluded.name, last_sync = excluded.last_sync, "
            "last_status = excluded.last_status"));
    peer->bind(1, e.peer.toBytes())
        .bind(2, e.peerName)
        .bind(3, e.finishedMs)
        .bind(4, static_cast<int>(e.status));
    return peer->exec();
}

Result<std::uint64_t> ReplicationLog::ackedCounter() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT value FROM meta WHERE key = 'acked_counter'"));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? static_cast<std::uint64_t>(stmt->int64(0)) : std::uint64_t(0);
}

Status ReplicationLog::noteAckedCounter(std::uint64_t counter)
{
    SEN_ASSIGN_OR_RETURN(const std::uint64_t current, ackedCounter());
    if (counter <= current)
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('acked_counter', ?1)"));
    stmt->bind(1, counter);
    return stmt->exec();
}

Result<std::vector<HistoryEntry>> ReplicationLog::history(int limit) const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt,
        m_db.cached(
            "SELECT peer, peer_name, started, coalesce(finished, 0), received, sent, conflicts, refused, "
            "bytes_in, "
            "bytes_out, status, coalesce(message, '') FROM replication_history ORDER BY id DESC LIMIT ?1"));
    stmt->bind(1, limit);
    std::vector<HistoryEntry> out;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        HistoryEntry e;
        e.peer = InstanceId::fromBytes(stmt->blobView(0)).value_or(InstanceId());
        e.peerName = stmt->text(1);
        e.startedMs = stmt->int64(2);
        e.finishedMs = stmt->int64(3);
        e.received = stmt->int64(4);
        e.sent = stmt->int64(5);
        e.conflicts = stmt->int64(6);
        e.refused = stmt->int64(7);
        e.bytesIn = stmt->int64(8);
        e.bytesOut = stmt->int64(9);
        e.status = codeFrom(stmt->int64(10));
        e.message = stmt->text(11);
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace sen
