#include "client/views/ReadMarks.h"

#include "client/views/ViewCacheFile.h"
#include "common/sql/SqlDatabase.h"

namespace sen::views {

ReadMarks::ReadMarks(std::unique_ptr<sql::SqlDatabase> db) : m_db(std::move(db)) {}

ReadMarks::~ReadMarks() = default;

Result<std::unique_ptr<ReadMarks>> ReadMarks::open(const QString& cachePath)
{
    SEN_ASSIGN_OR_RETURN(auto db, ViewCacheFile::openForReading(cachePath));
    return std::unique_ptr<ReadMarks>(new ReadMarks(std::move(db)));
}

Status ReadMarks::setRead(const Unid& unid, bool read)
{
    // seq 0: a placeholder the indexer fills in (its upsert keeps `read`).
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db->cached("INSERT INTO docs(unid, seq, deleted, read) VALUES (?1, 0, 0, ?2) "
                                      "ON CONFLICT(unid) DO UPDATE SET read = excluded.read"));
    stmt->bind(1, unid.toBytes()).bind(2, read ? 1 : 0);
    return stmt->exec();
}

Status ReadMarks::markAllRead()
{
    return m_db->exec("UPDATE docs SET read = 1 WHERE read = 0");
}

Result<bool> ReadMarks::isUnread(const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db->cached("SELECT read FROM docs WHERE unid = ?1"));
    stmt->bind(1, unid.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return !row || stmt->int64(0) == 0;
}

Result<std::int64_t> ReadMarks::unreadCount()
{
    // The partial index docs_unread holds exactly these rows.
    return m_db->queryInt("SELECT count(*) FROM docs WHERE read = 0 AND deleted = 0");
}

} // namespace sen::views
