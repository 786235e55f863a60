#pragma once

// The registers a new documents database starts with (docs/registers.md §Registers): the
// office's register of incoming, outgoing and internal documents, and the separate registers
// of classified incoming and outgoing documents, all yearly. They are ordinary SoVanBan
// documents, replicated like any other; a Designer or Manager adds series (a party series
// such as NQ/TW numbered through its term) or renames them.

#include "common/core/Result.h"

namespace sen {
class ReplicaStore;
}

namespace sen::registers {

// Saves the five registers into `store` (in one transaction).
Status createDefaultRegisters(ReplicaStore& store);

} // namespace sen::registers
