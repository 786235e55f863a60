#pragma once

// The classification a response inherits (docs/access-control.md §The secrecy rule): a
// comment or reply under a Tối mật document is bound as if it were Tối mật itself, so a
// body or an attachment cannot ride on a response to a register entry.

#include "common/acl/SecrecyRule.h"
#include "common/core/Result.h"

namespace sen {
class ReplicaStore;
}

namespace sen::acl {

// Ancestors looked at above a document; deeper threads (or a cycle a peer made up) stop there.
constexpr int kMaxAncestors = 32;

// The highest classification among the live ancestors of `doc` that `store` holds, walking up
// from doc.parent (Unclassified for a main document, or when the parent is not here).
[[nodiscard]] Result<Secrecy> parentSecrecy(const ReplicaStore& store, const Document& doc);

} // namespace sen::acl
