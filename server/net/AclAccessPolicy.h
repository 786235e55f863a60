#pragma once

// The server's access control for one session (DESIGN §7): the peer's effective access to
// the database, resolved from its ACL when the peer said HELLO, answering the replication
// engine's two questions with the rules of common/acl — Readers items on what is sent; the
// level, create/delete rights, Authors items and the secrecy rule on what is stored.

#include "acl/EffectiveAccess.h"
#include "session/AccessPolicy.h"

namespace sen::server {

class AclAccessPolicy final : public AccessPolicy
{
public:
    explicit AclAccessPolicy(acl::EffectiveAccess access) : m_access(std::move(access)) {}

    bool mayRead(const Document& doc) const override;
    Status mayStore(const std::optional<Document>& stored, const Document& incoming) const override;

private:
    acl::EffectiveAccess m_access;
};

} // namespace sen::server
