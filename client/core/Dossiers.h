#pragma once

// Dossiers (hồ sơ công việc, ND 30 Art. 28–29; reference vn-eoffice-domain.md §2.3): a
// dossier is a document of form "HoSo" in the documents database, and the documents filed in
// it are recorded on the dossier itself, one item per member: `$Member:<UNID in hex>`, whose
// value is when it was filed. So:
// - a document belongs to any number of dossiers and is never copied;
// - two people filing different documents into one dossier at the same time edit different
//   items, which merge silently on replication (docs/merge.md, rule 4); filing and unfiling the
//   same document concurrently is an ordinary same-item conflict;
// - unfiling leaves the item's tombstone, so the removal replicates.
// GUI-free; every change is one ReplicaStore::save (a new dot on the dossier).

#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

#include <QDateTime>

#include <vector>

namespace sen::client {

class Dossiers
{
public:
    static const QString kForm;         // "HoSo"
    static const QString kMemberPrefix; // "$Member:"

    static bool isDossier(const Document& doc) { return !doc.isDeleted() && doc.form == kForm; }

    struct Member
    {
        Unid document;
        QDateTime filed; // UTC
    };

    // Files `document` in `dossier` (again: nothing changes). NotFound when either is absent
    // or deleted; InvalidArgument when `dossier` is no dossier or `document` is one.
    static Status file(ReplicaStore& store, const Unid& dossier, const Unid& document);
    // Takes `document` out of `dossier` (not filed: nothing changes).
    static Status unfile(ReplicaStore& store, const Unid& dossier, const Unid& document);
    // The documents filed in `dossier` that still exist here, oldest filing first.
    static Result<std::vector<Member>> members(const ReplicaStore& store, const Unid& dossier);
    // The item name that records `document` in a dossier.
    static QString memberItem(const Unid& document) { return kMemberPrefix + document.toHex(); }
};

} // namespace sen::client
