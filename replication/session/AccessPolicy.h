#pragma once

// What the peer of a session may receive and have stored (DESIGN §7): the server's access
// control, seen by the replication engine as two questions. A session without a policy
// (client side, server to server within one organisation's trust, tests) allows everything.
//
// Called from the session's thread; implementations must not block.

#include "core/Result.h"
#include "model/Document.h"

#include <optional>

namespace sen {

class AccessPolicy
{
public:
    virtual ~AccessPolicy() = default;
    // Whether the peer may receive this version (its Readers items). A changed document it
    // may not read is sent as withdrawn, so the peer's replica lets go of it.
    virtual bool mayRead(const Document& doc) const = 0;
    // Ok, or why the peer's `incoming` version must not be stored over `stored` (absent for
    // a new document). A refusal is reported to the peer, which keeps its version.
    virtual Status mayStore(const std::optional<Document>& stored, const Document& incoming) const = 0;
};

} // namespace sen
