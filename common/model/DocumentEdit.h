#pragma once

// A local change to one document: the items to set and the items to remove. ReplicaStore
// applies it to the document's *current* stored version, so an edit made from a stale copy
// (say, while replication merged something in) touches only the items it names.
//
// A document's form and parent are fixed when it is created; they are not items and cannot
// be edited afterwards (so they never conflict).

#include "common/core/Result.h"
#include "common/model/Item.h"

#include <optional>
#include <vector>

namespace sen {

class DocumentEdit
{
public:
    // A new document with a fresh UNID.
    static DocumentEdit create(const QString& form, std::optional<Unid> parent = std::nullopt);
    // A new document with a chosen UNID (imports, tests).
    static DocumentEdit createWithUnid(const Unid& unid, const QString& form,
                                       std::optional<Unid> parent = std::nullopt);
    // Changes to an existing document.
    static DocumentEdit update(const Unid& unid);

    // Sets an item (its stamp is ignored: the store assigns one). A later set of the same
    // name replaces an earlier one in this edit; a set cancels an earlier remove.
    DocumentEdit& set(Item item);
    // Removes an item (it becomes a tombstone). Cancels an earlier set of the same name.
    DocumentEdit& remove(const QString& name);

    bool isCreate() const { return m_create; }
    const Unid& unid() const { return m_unid; }
    const QString& form() const { return m_form; }
    const std::optional<Unid>& parent() const { return m_parent; }
    const std::vector<Item>& sets() const { return m_sets; }
    const std::vector<QString>& removes() const { return m_removes; }

    // Item names, types and value shapes; the form name of a new document.
    Status validate() const;

private:
    DocumentEdit(const Unid& unid, bool create) : m_unid(unid), m_create(create) {}
    Unid m_unid;
    bool m_create;
    QString m_form;
    std::optional<Unid> m_parent;
    std::vector<Item> m_sets;
    std::vector<QString> m_removes;
};

} // namespace sen
