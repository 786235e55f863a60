#pragma once

// Which registrations of a replica await a number (docs/registers.md §Numbering), found
// without a walk of every registration at each session: the replica's setting
// "numbering.awaiting" keeps them with the change-feed position they are known up to
// (JSON {"format": 2, "seq": N, "awaiting": [[seq, "UNID in hex"], ...], "registers": [UNID
// in hex, ...]}), and update() reads only the feed entries after it, decoding only the items a
// registration's state needs (form, SoVanBan, the number item). The first update of a replica
// reads the whole feed once. It keeps the registers' UNIDs too (documents of form SoVanBan),
// so that a session reads its few registers without a scan of every row for their form.
//
// Guarantees: after update() returns, `awaiting` holds exactly the live registrations (not
// conflict documents, whose number is their parent's), as of one moment, that name a register (any UNID:
// whether the replica holds that register is the caller's question) and have no number, oldest latest change
// first; `registers` the live documents of form SoVanBan, in no particular order. The setting is only a
// cache: a setting that does not parse, of another format, or ahead of the replica's feed
// (a file put back from elsewhere) is rebuilt from the start of the feed. A document purged
// without a feed entry stays listed until the caller finds it gone (forget()).
//
// Thread-safety: none; it works on the caller's store. Several processes sharing the file
// (sen and senctl) may update it at once: each writes a list consistent with the position it
// wrote, so the worst case is reading again what the other had read.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <vector>

namespace sen {
class ReplicaStore;
}

namespace sen::client {

class AwaitingNumbers
{
public:
    struct State
    {
        std::vector<Unid> awaiting;  // oldest latest change first
        std::vector<Unid> registers; // the register documents (SoVanBan)
    };
    // The registrations awaiting a number and the registers, as of now.
    static Result<State> update(ReplicaStore& store);
    // Drops `gone` (documents no longer in the replica) from the list.
    static Status forget(ReplicaStore& store, const std::vector<Unid>& gone);
};

} // namespace sen::client
