#pragma once

// Unread marks of one database (docs/views.md), kept in its view cache file: local to the
// PC, never replicated. A document is unread until opened here, unless this replica file
// created it (ViewIndex marks those read when it first sees them).
//
// Thread-safety: none; one ReadMarks per thread, each with its own connection to the cache
// (WAL), alongside the indexer's.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QString>

#include <memory>

namespace sen::sql {
class SqlDatabase;
}

namespace sen::views {

class ReadMarks
{
public:
    // The cache must exist (ViewIndex creates it): NotFound otherwise.
    static Result<std::unique_ptr<ReadMarks>> open(const QString& cachePath);
    ~ReadMarks();

    // Marks a document read or unread. A document the index has not seen yet keeps the
    // mark for when it does.
    Status setRead(const Unid& unid, bool read = true);
    Status markAllRead();
    // Unread: not marked read (a document the index has not seen counts as unread).
    Result<bool> isUnread(const Unid& unid);
    // Live documents (responses included) that are unread: the figure on a database tile.
    Result<std::int64_t> unreadCount();

private:
    explicit ReadMarks(std::unique_ptr<sql::SqlDatabase> db);
    std::unique_ptr<sql::SqlDatabase> m_db;
};

} // namespace sen::views
