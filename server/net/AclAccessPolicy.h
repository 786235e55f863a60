#pragma once

// The server's access control for one session (docs/access-control.md §Enforcement): the
// peer's effective access to the database, resolved from its ACL when the peer said HELLO,
// answering the replication engine's two questions with the rules of common/acl — Readers
// items on what is sent; the level, create/delete rights, Authors items and the secrecy rule
// on what is stored. It also records what the server decided in the audit log (refused
// versions, deletions), and refuses to store anything once an audit write has failed
// (docs/audit-log.md).

#include "common/acl/EffectiveAccess.h"
#include "replication/session/AccessPolicy.h"

#include <atomic>
#include <functional>
#include <memory>

namespace sen {
class ReplicaStore;
}

namespace sen::server {

struct AuditEvent;

class AclAccessPolicy final : public AccessPolicy
{
public:
    using AuditFn = std::function<void(const AuditEvent&)>;

    // Where the session runs and what its decisions are recorded with.
    struct Context
    {
        // The database the session runs on: a response is judged with its ancestors'
        // classification (acl/ParentSecrecy.h). Null: as unclassified.
        const ReplicaStore* store = nullptr;
        AuditFn audit;       // receives the events with the peer's name and address filled in
        QString peerAddress; // for the events
        QString database;    // names the database in the events
        // When set and true, every store is refused (the audit log cannot be written).
        std::shared_ptr<const std::atomic<bool>> auditFailed;
        // The peer is a server of the organisation and another server numbers this
        // database's registers: numbers it relays are taken (RegisterRights).
        bool acceptsRelayedNumbers = false;
    };

    explicit AclAccessPolicy(acl::EffectiveAccess access);
    AclAccessPolicy(acl::EffectiveAccess access, Context context);

    bool mayRead(const Document& doc) const override;
    Status mayStore(const std::optional<Document>& stored, const Document& incoming) const override;
    // Every rule of mayStore on the merged version — the registers' against the live side it
    // came from — and the secrecy rule on each conflict document under it; a refusal says the
    // version was judged merged.
    Status mayStoreMerged(const std::optional<Document>& stored, const Document& incoming,
                          const Document& merged, const std::vector<Document>& conflicts) const override;
    void noteRefused(const std::optional<Document>& stored, const Document& incoming,
                     const Status& why) const override;
    void noteDeleted(const Document& lastLive) const override;

private:
    // Every rule of mayStore but the registers'.
    Status checkAccess(const std::optional<Document>& stored, const Document& incoming) const;
    // The registers' rules (common/registers/RegisterCheck.h) against this database.
    Status checkRegisters(const std::optional<Document>& stored, const Document& incoming) const;
    // The processing workflow's rules (common/workflow/StepCheck.h) and the weekly schedule's
    // (common/schedule/ScheduleCheck.h).
    Status checkSteps(const std::optional<Document>& stored, const Document& incoming) const;

    void audit(const QString& kind, const QString& detail) const;

    acl::EffectiveAccess m_access;
    Context m_context;
};

} // namespace sen::server
