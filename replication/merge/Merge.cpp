#include "replication/merge/Merge.h"

#include "common/crypto/Sha256.h"
#include "common/registers/Registers.h"

#include <QCborValue>

#include <algorithm>
#include <tuple>

namespace sen::merge {

bool stampWins(const Stamp& a, const Stamp& b)
{
    return std::tie(a.time, a.dot.instance, a.dot.counter) > std::tie(b.time, b.dot.instance, b.dot.counter);
}

Document makeConflictDocument(const Document& loser)
{
    // UNID = first 16 bytes of SHA-256("sen-conflict" ‖ loser UNID ‖ canonical vector).
    crypto::Sha256 h;
    h.update(QByteArrayView("sen-conflict"));
    h.update(loser.unid.data(), Unid::size);
    h.update(QCborValue(loser.versions.toCbor()).toCbor());
    const auto digest = h.finish();

    Document conflict;
    conflict.unid = *Unid::fromBytes(digest.toBytes().left(static_cast<qsizetype>(Unid::size)));
    conflict.form = loser.form;
    conflict.parent = loser.unid;
    conflict.flags = IsConflict;
    conflict.versions = loser.versions;
    conflict.items = loser.items;
    return conflict;
}

namespace {

// Both live and concurrent: item by item over the union of names (both lists are sorted).
MergeResult mergeConcurrentLive(const Document& local, const Document& remote)
{
    // Items both sides changed without seeing the other's edit go, each on its own, to the
    // later edit (HLC time, then instance, then counter): a total order, so every replica
    // picks the same winner whatever the order it met the versions in.
    bool localLost = false;
    bool remoteLost = false;

    // Pass 2: build the merged item list.
    Document merged = local;
    merged.versions = VersionVector::merged(local.versions, remote.versions);
    merged.items.clear();
    merged.items.reserve(std::max(local.items.size(), remote.items.size()));
    auto li = local.items.begin();
    auto ri = remote.items.begin();
    while (li != local.items.end() || ri != remote.items.end()) {
        if (ri == remote.items.end() || (li != local.items.end() && li->name < ri->name)) {
            merged.items.push_back(*li++);
        } else if (li == local.items.end() || ri->name < li->name) {
            merged.items.push_back(*ri++);
        } else {
            const bool remoteIsNew = !local.versions.knows(ri->stamp.dot);
            const bool localIsNew = !remote.versions.knows(li->stamp.dot);
            const Item* chosen;
            if (li->stamp == ri->stamp)
                chosen = &*li;
            else if (remoteIsNew && localIsNew && !li->sameContent(*ri)) {
                const bool remoteWins = stampWins(ri->stamp, li->stamp);
                chosen = remoteWins ? &*ri : &*li;
                (remoteWins ? localLost : remoteLost) = true;
            } else if (remoteIsNew && !localIsNew)
                chosen = &*ri; // only the remote side changed it
            else if (localIsNew && !remoteIsNew)
                chosen = &*li; // only the local side changed it
            else
                // Both changed it to the same content (no conflict to keep), or — impossible in
                // a consistent history — each claims to know the other's edit: pick by stamp so
                // the choice never depends on which side is local.
                chosen = stampWins(ri->stamp, li->stamp) ? &*ri : &*li;
            merged.items.push_back(*chosen);
            ++li;
            ++ri;
        }
    }

    MergeResult result;
    result.merged = std::move(merged);
    result.outcome = (localLost || remoteLost) ? Outcome::Conflicted : Outcome::Merged;
    if (localLost)
        result.conflicts.push_back(makeConflictDocument(local));
    if (remoteLost)
        result.conflicts.push_back(makeConflictDocument(remote));
    std::sort(result.conflicts.begin(), result.conflicts.end(),
              [](const Document& a, const Document& b) { return a.unid < b.unid; });
    return result;
}

// Two concurrent deletions: one stub whose tombstones are, name by name, the later of the two.
Document mergeDeletions(const Document& a, const Document& b)
{
    Document merged = a;
    merged.versions = VersionVector::merged(a.versions, b.versions);
    for (const Item& item : b.items) {
        const Item* mine = merged.anyItem(item.name);
        if (!mine || stampWins(item.stamp, mine->stamp))
            merged.putItem(item);
    }
    return merged;
}

// A live version and a concurrent deletion (rule 5): the document lives, and its items merge
// as if the deletion were an edit that removed every item it had seen (one tombstone each).
// An item only one side changed since the other saw it keeps that side's item; an item both
// changed (edited here, removed there, neither seeing the other) goes to the later of the
// two like any contested item, the live version being kept whole as a conflict document when
// its edit lost. Pure per-item last-writer-wins on hybrid-clock stamps is what keeps
// field-level transfers exact (docs/merge.md); the vector is the element-wise maximum.
// `liveLost` is set when an edit of an item other than a registration's numbering lost.
Document survive(const Document& live, const Document& stub, bool& liveLost)
{
    Document merged = live;
    merged.versions = VersionVector::merged(live.versions, stub.versions);
    merged.items.clear();
    auto li = live.items.begin();
    auto si = stub.items.begin();
    while (li != live.items.end() || si != stub.items.end()) {
        if (si == stub.items.end() || (li != live.items.end() && li->name < si->name)) {
            merged.items.push_back(*li++);
        } else if (li == live.items.end() || si->name < li->name) {
            merged.items.push_back(*si++);
        } else {
            const bool liveIsNew = !stub.versions.knows(li->stamp.dot);
            const bool stubIsNew = !live.versions.knows(si->stamp.dot);
            const Item* chosen;
            if (liveIsNew && stubIsNew) {
                const bool stubWins = stampWins(si->stamp, li->stamp);
                chosen = stubWins ? &*si : &*li;
                liveLost = liveLost || (stubWins && !li->isTombstone() &&
                                        !registers::isNumberingItem(live.form, li->name));
            } else if (liveIsNew)
                chosen = &*li;
            else if (stubIsNew)
                chosen = &*si;
            else
                chosen = stampWins(si->stamp, li->stamp) ? &*si : &*li;
            merged.items.push_back(*chosen);
            ++li;
            ++si;
        }
    }
    return merged;
}

} // namespace

MergeResult merge(const std::optional<Document>& local, const Document& remote)
{
    MergeResult result;
    if (!local) {
        result.outcome = Outcome::Inserted;
        result.merged = remote;
        return result;
    }
    switch (local->versions.compare(remote.versions)) {
    case VersionVector::Order::Equal:
    case VersionVector::Order::Dominates:
        result.outcome = Outcome::Unchanged;
        result.merged = *local;
        return result;
    case VersionVector::Order::Dominated:
        result.outcome = Outcome::FastForward;
        result.merged = remote;
        return result;
    case VersionVector::Order::Concurrent:
        break;
    }

    if (local->isDeleted() && remote.isDeleted()) {
        result.outcome = Outcome::Merged;
        result.merged = mergeDeletions(*local, remote);
        return result;
    }
    if (local->isDeleted() || remote.isDeleted()) {
        // A deletion that had not seen the other side's edit: the edit wins and the document
        // lives, item by item (see survive; docs/merge.md, rule 5).
        const bool remoteLives = local->isDeleted();
        const Document& live = remoteLives ? remote : *local;
        bool liveLost = false;
        result.merged = survive(live, remoteLives ? *local : remote, liveLost);
        // What lives is what the merged items say: only a live item of the document's content
        // keeps it alive, whatever the order the versions met in. A live side whose every
        // change the deletion had not seen was a removal (another deletion's tombstones,
        // merged into it by rule 5 elsewhere), or lost its item to the deletion (kept in the
        // conflict document below), or wrote the number a register gave it, leaves a
        // deletion; a numbering's items stay live in the stub (its number stays bound to it).
        if (std::none_of(result.merged.items.begin(), result.merged.items.end(), [&](const Item& item) {
                return !item.isTombstone() && !registers::isNumberingItem(live.form, item.name);
            }))
            result.merged.flags |= Deleted;
        result.outcome = liveLost                    ? Outcome::Conflicted
                         : result.merged.isDeleted() ? Outcome::Merged
                         : remoteLives               ? Outcome::Resurrected
                                                     : Outcome::Merged;
        if (liveLost)
            result.conflicts.push_back(makeConflictDocument(live));
        return result;
    }
    return mergeConcurrentLive(*local, remote);
}

} // namespace sen::merge
