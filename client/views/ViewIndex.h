#pragma once

// The view indexer (docs/views.md): keeps the view tables of one replica's cache file
// (ViewCacheFile) up to date by following the replica's change feed, as Notes' view
// indexer (the Update task) does.
//
// Guarantees:
// - After update() returns Ok, every view holds exactly the documents its definition
//   selects in the replica as of one moment (a read snapshot of the replica): edited sort
//   keys are rewritten, deleted, purged and no longer selected documents are gone.
// - Each view remembers the hash of the definition it was built for: a changed definition
//   (or a changed user, for "assigned to me") rebuilds that view only; views no longer
//   defined are dropped.
// - Progress is committed in batches with the feed position it covers, so an interrupted
//   build resumes where it stopped.
// - A first build may go a view at a time (update(viewIds), docs/views.md §"The first view
//   first"): the view asked for is built alone (only the items and values it needs, the SQL
//   index of its default order), the others stay as they were until their turn; the next
//   update() of all makes its other orders' indexes. A view is readable once isBuilt() says
//   so; until then its rows are incomplete.
// - A cache file that is foreign, damaged, of another version or made for another replica
//   is replaced (it is only a cache); the read marks go with it.
// - Read marks: a document first seen here is marked unread unless this replica file made
//   it (its version vector names only this instance): what came by replication or from
//   another user is unread (ReadMarks reads and sets them).
//
// Thread-safety: none. The indexer may run on a worker thread; it then needs a ReplicaStore
// opened on that thread (its own connection) and uses its own connection to the cache.
// Readers (ViewQuery, ReadMarks) use their own connections on their own threads meanwhile
// (WAL): they see the last committed batch.

#include "client/views/ViewDefinition.h"
#include "common/core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace sen {
class ReplicaStore;
namespace sql {
class SqlDatabase;
}
namespace store {
struct StoredDocument;
}
} // namespace sen

namespace sen::views {

class DisplayTable;
class DocumentValues;

class ViewIndex
{
public:
    struct UpdateStats
    {
        std::int64_t changes = 0; // change-feed entries read
        int rebuiltViews = 0;     // views built from the start of the feed
        std::int64_t purged = 0;  // documents gone from the replica without a feed entry
        std::int64_t seq = 0;     // the feed position the index now covers
        bool interrupted = false; // stopped between two batches when asked to (update(ids, stop))
    };

    struct Options
    {
        std::int64_t batch = 20000; // documents per committed batch of a long build
        QByteArray vfs;             // SQLite VFS for the cache file (tests: "sen-fault")
    };

    // Opens (or creates) the cache at `cachePath` for `replica`, which must outlive the
    // index and is used only by it from now on. `views` are the definitions to keep
    // (usually ViewCatalog::viewsFor(kind)); `userName` resolves "assigned to me".
    // Nothing is indexed until update().
    static Result<std::unique_ptr<ViewIndex>> open(ReplicaStore& replica, const QString& cachePath,
                                                   std::vector<ViewDefinition> views,
                                                   const QString& userName);
    static Result<std::unique_ptr<ViewIndex>> open(ReplicaStore& replica, const QString& cachePath,
                                                   std::vector<ViewDefinition> views, const QString& userName,
                                                   const Options& options);
    ~ViewIndex();
    ViewIndex(const ViewIndex&) = delete;
    ViewIndex& operator=(const ViewIndex&) = delete;

    // Brings every view up to the replica's current feed position. A first build of 100,000
    // documents takes seconds; an update after a few changes milliseconds. On a damaged
    // cache the file is replaced and the build runs again once.
    Result<UpdateStats> update();
    // Brings only the views `viewIds` (ids of the definitions given; unknown ids are ignored)
    // up to the replica's current feed position, with the documents' read marks and their
    // shown text; the other views are left behind, to a later call. The first build of one
    // view of 100,000 documents costs a fraction of all of them.
    // `stop`, when given, is asked after each committed batch: true stops there (the stats say
    // interrupted; the views keep what is committed and resume from it next time).
    Result<UpdateStats> update(const QStringList& viewIds, const std::function<bool()>& stop = {});
    // The views whose first build (from the start of the feed, SQL indexes included) is not
    // complete, in the order of the definitions: update() or update(ids) builds them.
    QStringList unbuiltViews() const;
    bool isBuilt(const QString& viewId) const;

    const QString& path() const { return m_path; }

private:
    struct Table;
    struct Pass;
    ViewIndex(ReplicaStore& replica, QString path, std::vector<ViewDefinition> views, QString userName,
              Options options);

    Status openCache();
    Status checkReplicaIdentity();
    Status prepareTables();
    Status createTable(Table& table);
    Status createIndexes(Table& table, bool all);
    Status prepareStatements(Table& table);
    Result<UpdateStats> updateViews(const QStringList* viewIds, const std::function<bool()>& stop);
    Result<UpdateStats> updateOnce(const QStringList* viewIds, const std::function<bool()>& stop);
    Result<Pass> passFor(const QStringList* viewIds);
    Status applyChanges(Pass& pass, std::int64_t lastSeq, const std::function<bool()>& stop,
                        UpdateStats& stats);
    Status apply(Pass& pass, const store::StoredDocument& stored);
    Status checkpoint(const Pass& pass, std::int64_t seq);
    Status restart();
    Result<std::int64_t> reconcile();
    bool isLocalCreation(const store::StoredDocument& stored) const;

    ReplicaStore& m_replica;
    QString m_path;
    Options m_options;
    QString m_user;
    QString m_userKey; // acl::nameKey(m_user)
    std::vector<ViewDefinition> m_definitions;
    std::unique_ptr<sql::SqlDatabase> m_db;
    std::unique_ptr<DocumentValues> m_values;
    std::vector<std::unique_ptr<Table>> m_tables;
    std::unique_ptr<DisplayTable> m_display;
    std::int64_t m_docsSeq = 0;
};

} // namespace sen::views
