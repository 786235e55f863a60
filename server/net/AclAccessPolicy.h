#pragma once

// The server's access control for one session (DESIGN §7): the peer's effective access to
// the database, resolved from its ACL when the peer said HELLO, answering the replication
// engine's two questions with the rules of common/acl — Readers items on what is sent; the
// level, create/delete rights, Authors items and the secrecy rule on what is stored.

#include "acl/EffectiveAccess.h"
#include "session/AccessPolicy.h"

namespace sen {
class ReplicaStore;
}

namespace sen::server {

class AclAccessPolicy final : public AccessPolicy
{
public:
    // With `store` (the database the session runs on), a response is judged with its
    // ancestors' classification (acl/ParentSecrecy.h).
    explicit AclAccessPolicy(acl::EffectiveAccess access, const ReplicaStore* store = nullptr)
        : m_access(std::move(access)), m_store(store)
    {}

    bool mayRead(const Document& doc) const override;
    Status mayStore(const std::optional<Document>& stored, const Document& incoming) const override;

private:
    acl::EffectiveAccess m_access;
    const ReplicaStore* m_store;
};

} // namespace sen::server
