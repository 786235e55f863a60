#pragma once

// A document version (docs/architecture.md §Documents and versions): UNID, form, optional
// parent (response documents), flags, version vector and items sorted by name. A deleted
// document is a stub: no items, just the vector of the edits the deletion has seen.

#include "common/core/Ids.h"
#include "common/core/VersionVector.h"
#include "common/model/Item.h"

#include <QString>

#include <optional>
#include <vector>

namespace sen {

// Bit flags, persisted.
enum DocumentFlag : int
{
    Deleted = 1,    // a deletion stub
    IsConflict = 2, // a conflict document kept as a response to the winner
};

struct Document
{
    Unid unid;
    QString form;
    std::optional<Unid> parent;
    int flags = 0;
    VersionVector versions;
    std::vector<Item> items; // sorted by name, names unique; tombstones included

    bool isDeleted() const { return flags & Deleted; }
    bool isConflict() const { return flags & IsConflict; }

    // The live (non-tombstone) item with this name, or null.
    const Item* item(const QString& name) const;
    // The item with this name, tombstone or not, or null.
    const Item* anyItem(const QString& name) const;
    // Convenience: the text of a live item, or an empty string.
    QString text(const QString& name) const;
    // The newest stamp time of any item (the document's "modified" time), or 0.
    HlcTime modifiedTime() const;

    // Inserts or replaces an item, keeping the order.
    void putItem(Item item);
    // Whether `other` holds the same live items with the same content (stamps, tombstones,
    // vectors and flags aside): what a rule on write-once documents compares.
    bool sameLiveContent(const Document& other) const;

    friend bool operator==(const Document&, const Document&) = default;
};

} // namespace sen
