#pragma once

// Numbers in a session (protocol version 4, docs/protocol.md §Numbers): the initiator asks
// the responder, the authority over its registers, for the numbers of registrations awaiting
// one, and writes what it is given before it pushes. The session only carries the messages;
// which registrations await and what the authority decides live with the client
// (client/sync/NumberRequests.h) and the server (server/net/RegisterAuthority.h).
//
// Both are called from the session's thread, inside its event loop; neither may block on the
// network.

#include "common/core/Result.h"
#include "replication/protocol/Numbers.h"

#include <vector>

namespace sen {

// Responder: gives numbers. Each request gets an answer, in order (a number or a refusal
// with its reason); a failed Result (IoError: the register cannot be written) ends the
// session.
class NumberingAuthority
{
public:
    virtual ~NumberingAuthority() = default;
    virtual Result<std::vector<protocol::NumberAnswer>>
    answer(const std::vector<protocol::NumberRequest>& requests) = 0;
};

// Initiator: what to ask for, and what to do with the answers.
class NumberingClient
{
public:
    virtual ~NumberingClient() = default;
    // The registrations awaiting a number, oldest first (at most a few thousand; the session
    // sends them kMaxNumberRequests a message).
    virtual Result<std::vector<protocol::NumberRequest>> requests() = 0;
    // Writes the numbers given into the registrations (one local save each, in one
    // transaction). Called once per NUMBERS message with the requests of its NUMBER and the
    // answers, one per request in the same order, for the same UNIDs (the session checks
    // that much: anything else ends it with ProtocolError before apply). The answers come
    // from a peer, which may lie: an implementation checks what it writes.
    virtual Status apply(const std::vector<protocol::NumberRequest>& asked,
                         const std::vector<protocol::NumberAnswer>& answers) = 0;
};

} // namespace sen
