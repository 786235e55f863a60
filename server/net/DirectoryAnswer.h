#pragma once

// What a server tells a client of a database's directory (docs/protocol.md §Directory;
// docs/directory.md): the active registered people, the groups of groups.json with their direct
// members, and the roles of the database's ACL with the names of the entries carrying each.
// Asked by any user in a session, that is one the ACL lets replicate (Reader or above with the
// Replicate right): the same names the user may already type into a Readers or Authors item.
//
// Bounded to what the decoder accepts (protocol/DirectoryListing.h): a name that could not
// stand in a listing is left out (a person of one part, an over-long name; the -Default- entry
// as a role holder), and past a count limit the rest is left out, in name order, so the answer
// is always one the client accepts. Built afresh for each request from the context's current
// users and groups and the store's ACL.

#include "common/acl/Acl.h"
#include "common/acl/Directory.h"
#include "replication/session/DirectoryExchange.h"

#include <functional>

namespace sen::server {

class DirectoryAnswer : public DirectoryProvider
{
public:
    DirectoryAnswer(std::function<Result<QStringList>()> people, acl::Directory groups, acl::Acl acl);
    Result<protocol::DirectoryListing> directory() override;

    // The listing of `people`, `groups` and the roles of `acl`, within the protocol's limits.
    static protocol::DirectoryListing listing(const QStringList& people, const acl::Directory& groups,
                                              const acl::Acl& acl);

private:
    std::function<Result<QStringList>()> m_people;
    acl::Directory m_groups;
    acl::Acl m_acl;
};

} // namespace sen::server
