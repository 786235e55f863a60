#pragma once

// Who could read a deleted document (issue #11, point 11; docs/access-control.md §"Deletion
// stubs"): for each deletion stub a server stored over a Readers-restricted live version, the
// names of that version's Readers and Authors items. A stub keeps one tombstone per item it
// removed — their names say what the document held — so a server sends it only to a peer those
// names would have let read the live version; to anyone else the stub is withdrawn, like the
// document was. Server-side bookkeeping: not replicated, not part of any document, so the
// merge never sees it. Internal to the store; reached through ReplicaSync::stubReaders()
// (ReplicaStore::replication()).

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QStringList>

#include <optional>

namespace sen {
namespace sql {
class SqlDatabase;
}

struct StubReadersRecord
{
    QStringList readers; // the live version's Readers items, every name (never empty)
    QStringList authors; // its Authors items
    // A live document holding one Readers and one Authors item with these names: what
    // acl::canRead judges in place of the stub.
    Document asDocument(const Unid& unid) const;
};

class StubReaders
{
public:
    explicit StubReaders(sql::SqlDatabase& db) : m_db(db) {}

    // For a stub stored over `live`: remembers its readers when it was restricted, forgets any
    // earlier record otherwise.
    Status noteDeletion(const Document& live);
    Result<std::optional<StubReadersRecord>> find(const Unid& unid) const;

    // The names of `doc`'s live Readers items (empty: anyone at its level may read it).
    static QStringList readersOf(const Document& doc);

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen
