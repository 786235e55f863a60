#include "common/acl/ParentSecrecy.h"

#include "common/store/ReplicaStore.h"

namespace sen::acl {

Result<Secrecy> parentSecrecy(const ReplicaStore& store, const Document& doc)
{
    Secrecy highest = Secrecy::Unclassified;
    std::optional<Unid> next = doc.parent;
    for (int depth = 0; next && *next != doc.unid && depth < kMaxAncestors; ++depth) {
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> parent, store.find(*next));
        if (!parent || parent->isDeleted())
            break;
        highest = std::max(highest, secrecyOf(*parent));
        next = parent->parent;
    }
    return highest;
}

} // namespace sen::acl
