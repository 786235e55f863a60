#include "replication/session/ReaderFilter.h"

#include "common/model/DocumentCodec.h"
#include "common/store/StubReaders.h"
#include "replication/session/AccessPolicy.h"

namespace sen {

Result<bool> peerMayReceive(const ReplicaStore& store, const AccessPolicy& access,
                            const store::Change& change, const store::StoredDocument* row)
{
    if (!change.deleted && row) {
        // The whole document, decoded and checked as find() would, without reading it again.
        Document doc = row->doc;
        SEN_ASSIGN_OR_RETURN(doc.items, decodeItems(row->items, doc.versions));
        return access.mayRead(doc);
    }
    if (!change.deleted) {
        SEN_ASSIGN_OR_RETURN(const auto doc, store.find(change.unid));
        return !doc || access.mayRead(*doc);
    }
    // A stub's tombstones name the items it removed: a peer that could not read the live
    // version it replaced may not learn of it either.
    SEN_ASSIGN_OR_RETURN(const auto readers, store.replication().stubReaders().find(change.unid));
    return !readers || access.mayRead(readers->asDocument(change.unid));
}

} // namespace sen
