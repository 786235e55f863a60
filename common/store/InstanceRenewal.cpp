#include "common/store/InstanceRenewal.h"

#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/DocumentTable.h"
#include "common/store/ReplicaFile.h"

namespace sen {

namespace {

// Moves `doc`'s dots of `from` above `keepUpTo` to `to`; true when anything moved.
bool restamp(Document& doc, const InstanceId& from, const InstanceId& to, std::uint64_t keepUpTo)
{
    const std::uint64_t known = doc.versions.get(from);
    if (known <= keepUpTo)
        return false;
    for (Item& item : doc.items) {
        if (item.stamp.dot.instance == from && item.stamp.dot.counter > keepUpTo)
            item.stamp.dot = Dot{to, item.stamp.dot.counter - keepUpTo};
    }
    doc.versions.set(from, keepUpTo);
    doc.versions.set(to, known - keepUpTo);
    return true;
}

} // namespace

Result<RenewalResult> renewInstanceId(const QString& path, std::uint64_t keepUpTo)
{
    // The file as ReplicaStore::open() validates it (and migrates it), without a store.
    SEN_ASSIGN_OR_RETURN(const auto file, store::ReplicaFile::open(path, {}));
    sql::SqlDatabase& db = file->db();
    store::DocumentTable& table = file->table();

    RenewalResult result;
    result.oldInstance = file->info().instanceId;
    result.newInstance = newInstanceId();
    result.keptUpTo = keepUpTo;

    sql::SqlTransaction tx(db);
    SEN_TRY(tx.beginStatus());
    SEN_ASSIGN_OR_RETURN(const std::int64_t counter,
                         db.queryInt("SELECT counter FROM local_state WHERE id = 1"));
    SEN_ASSIGN_OR_RETURN(std::int64_t seq, db.queryInt("SELECT seq FROM local_state WHERE id = 1"));

    // Collect first: the rows are rewritten while the scan would still be reading them.
    std::vector<store::StoredDocument> changed;
    SEN_TRY(table.forEach(
        [&](const store::StoredDocument& stored) {
            store::StoredDocument copy = stored;
            if (restamp(copy.doc, result.oldInstance, result.newInstance, keepUpTo))
                changed.push_back(std::move(copy));
            return true;
        },
        true));
    for (const store::StoredDocument& s : changed)
        SEN_TRY(table.update(s.id, s.doc, encodeItems(s.doc.items), ++seq, s.doc.modifiedTime()));

    SEN_ASSIGN_OR_RETURN(auto meta, db.prepare("UPDATE meta SET value = ?1 WHERE key = 'instance_id'"));
    meta.bind(1, result.newInstance.toBytes());
    SEN_TRY(meta.exec());
    SEN_ASSIGN_OR_RETURN(auto state,
                         db.prepare("UPDATE local_state SET counter = ?1, seq = ?2 WHERE id = 1"));
    const std::int64_t newCounter =
        counter > static_cast<std::int64_t>(keepUpTo) ? counter - static_cast<std::int64_t>(keepUpTo) : 0;
    state.bind(1, newCounter).bind(2, seq);
    SEN_TRY(state.exec());
    SEN_TRY(tx.commit());
    result.documentsRestamped = static_cast<std::int64_t>(changed.size());
    return result;
}

} // namespace sen
