#pragma once

// What the peer of a session may receive and have stored (docs/protocol.md §Access control
// in a session): the server's access control, seen by the replication engine as two
// questions. A session without a policy (client side, server to server within one
// organisation's trust, tests) allows everything.
//
// Called from the session's thread; implementations must not block.

#include "common/core/Result.h"
#include "common/model/Document.h"

#include <optional>
#include <vector>

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
    //
    // A refusal with code PermissionDenied or InvalidArgument concerns that version alone:
    // it is reported in the batch's ACK and the session goes on. Any other code (IoError: the
    // server cannot record what it would store) ends the session with that error before the
    // batch is committed, so nothing moves and the peer offers the version again next time.
    virtual Status mayStore(const std::optional<Document>& stored, const Document& incoming) const = 0;
    // Ok, or why what the merge rules would store must not be: `merged`, the stored version
    // merged item by item with the peer's concurrent `incoming` (which mayStore accepted), and
    // `conflicts`, the conflict documents (responses to `merged`) that keep the losing
    // versions. Asked only when the merge stores something other than `incoming` as received:
    // two versions each acceptable alone can merge into one that is not (a classification
    // from one side, a body from the other). `incoming` tells which side was the deletion, if
    // one was. Codes as for mayStore.
    virtual Status mayStoreMerged(const std::optional<Document>& stored, const Document& incoming,
                                  const Document& merged, const std::vector<Document>& conflicts) const = 0;

    // Told after the fact, for the server's audit log (docs/audit-log.md): a version refused
    // (with what it would have replaced, and why), and a live document deleted by a stub the peer pushed (its
    // last live version). Called inside the batch's transaction; must not block.
    virtual void noteRefused(const std::optional<Document>& stored, const Document& incoming,
                             const Status& why) const
    {
        Q_UNUSED(stored);
        Q_UNUSED(incoming);
        Q_UNUSED(why);
    }
    virtual void noteDeleted(const Document& lastLive) const { Q_UNUSED(lastLive); }
};

} // namespace sen
