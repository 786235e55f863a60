#pragma once

// The directory in a session (protocol version 5, docs/protocol.md §Directory): after WELCOME
// the initiator asks the responder for the database's directory (people, groups, roles) and
// keeps it as its address book; the push waits for the answer, so a session that completed
// brought it. The session only carries the messages, decoded and bounded
// (protocol/DirectoryListing.h); what the directory holds is the server's business
// (server/net/DirectoryAnswer.h), where it is kept the client's (client/sync/DirectoryUpdate.h).
//
// Both are called from the session's thread, inside its event loop; neither may block on the
// network.

#include "common/core/Result.h"
#include "replication/protocol/DirectoryListing.h"

namespace sen {

// Responder: what the peer may know of the directory. A failed Result ends the session.
class DirectoryProvider
{
public:
    virtual ~DirectoryProvider() = default;
    virtual Result<protocol::DirectoryListing> directory() = 0;
};

// Initiator: keeps the directory the responder sent (already decoded within the limits). A
// failed Status ends the session.
class DirectoryClient
{
public:
    virtual ~DirectoryClient() = default;
    virtual Status apply(const protocol::DirectoryListing& listing) = 0;
};

} // namespace sen
