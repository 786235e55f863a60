#include "client/sync/SyncFollowUp.h"

#include "client/core/ReplicaAccess.h"
#include "common/acl/AclEntry.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"
#include "replication/session/RemoteSession.h"

#include <QDateTime>

namespace sen::client {

std::optional<acl::EffectiveAccess> SyncFollowUp::toAccess(const protocol::WelcomeAccess& reported,
                                                           const QString& userName)
{
    const std::optional<acl::AccessLevel> level = acl::accessLevelFromInt(reported.level);
    if (!level || (reported.rights & ~acl::kKnownAclRights) != 0)
        return std::nullopt;
    acl::EffectiveAccess access;
    access.userName = userName;
    access.level = *level;
    access.rights = acl::normalizedRights(access.level, reported.rights);
    access.roles = reported.roles;
    access.groups = reported.groups;
    return access;
}

Status SyncFollowUp::keepReportedAccess(ReplicaStore& store, const RemoteSession& session,
                                        const QString& userName)
{
    if (session.protocolVersion() == 0)
        return Status::ok(); // no handshake: the server said nothing about this user
    const auto reported = session.reportedAccess();
    const auto access = reported ? toAccess(*reported, userName) : std::nullopt;
    const QString json = access ? ReplicaAccess::toJson(*access) : QString();
    SEN_ASSIGN_OR_RETURN(const QString stored, store.setting(ReplicaAccess::kSetting));
    if (stored == json)
        return Status::ok();
    return store.setSetting(ReplicaAccess::kSetting, json);
}

bool SyncFollowUp::needsNewInstance(const Status& status)
{
    return status.code() == ErrorCode::StaleInstance;
}

QString SyncFollowUp::describe(const RenewalResult& renewal)
{
    return QStringLiteral("this replica is a copy or a restored backup: it took the new instance ID %1 "
                          "(%2 documents re-stamped, edits after counter %3 moved to it); nothing was lost")
        .arg(renewal.newInstance.toHex())
        .arg(renewal.documentsRestamped)
        .arg(renewal.keptUpTo);
}

Result<RenewalResult> SyncFollowUp::renewInstance(const QString& path, const QString& server)
{
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    std::uint64_t acked = 0;
    {
        SEN_ASSIGN_OR_RETURN(const auto store, ReplicaStore::open(path));
        SEN_ASSIGN_OR_RETURN(acked, store->replication().log().ackedCounter());
    }
    SEN_ASSIGN_OR_RETURN(const RenewalResult renewal, renewInstanceId(path, acked));

    // The history is for people: failing to write it does not undo the renewal.
    HistoryEntry entry; // no peer instance: the server refused before telling it
    entry.peerName = server;
    entry.startedMs = startedMs;
    entry.finishedMs = QDateTime::currentMSecsSinceEpoch();
    entry.status = ErrorCode::StaleInstance;
    entry.message = describe(renewal);
    auto store = ReplicaStore::open(path);
    const Status logged = store ? (*store)->replication().log().record(entry) : store.status();
    if (!logged.isOk())
        qWarning("sen: could not record the instance renewal: %s", qPrintable(logged.toString()));
    return renewal;
}

} // namespace sen::client
