#include "client/views/ViewIndex.h"

#include "client/views/DisplayTable.h"
#include "client/views/DocumentValues.h"
#include "client/views/ViewCacheFile.h"
#include "client/views/ViewRowBuilder.h"
#include "common/acl/NameMatch.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/ReplicaStore.h"

#include <QSet>

#include <algorithm>
#include <climits>
#include <optional>

namespace sen::views {

namespace {

QByteArray unidBytes(const Unid& unid)
{
    return unid.toBytes();
}

} // namespace

struct ViewIndex::Table
{
    ViewDefinition def;
    QByteArray hash;
    std::int64_t tab = 0;
    std::int64_t seq = 0;
    // Its SQL indexes (views.indexed): none (a first build not complete), those of its default
    // order only (built alone for a user waiting: readable, other orders sort without an
    // index until the next whole update makes theirs), or all.
    enum Indexes
    {
        None = 0,
        All = 1,
        DefaultOrder = 2
    } indexed = None;
    bool fresh = false; // empty at the start of this update: no row to delete
    sql::SqlStatement upsert;
    sql::SqlStatement remove;
};

// The views one update brings up to date, and what it computes and writes for them.
struct ViewIndex::Pass
{
    std::vector<std::size_t> tables;  // indexes into m_tables, in definition order
    DocumentValues* values = nullptr; // its view k is m_tables[tables[k]]
    DisplayTable* display = nullptr;
    bool some = false;        // not every view: the others' display fields are kept
    bool allFresh = false;    // every view empty: no display row exists
    bool othersFresh = false; // every view outside the pass empty
    std::unique_ptr<DocumentValues> ownValues;
    std::unique_ptr<DisplayTable> ownDisplay;
};

ViewIndex::ViewIndex(ReplicaStore& replica, QString path, std::vector<ViewDefinition> views, QString userName,
                     Options options)
    : m_replica(replica), m_path(std::move(path)), m_options(std::move(options)), m_user(std::move(userName)),
      m_userKey(m_user.isEmpty() ? QString() : acl::nameKey(m_user)), m_definitions(std::move(views)),
      m_values(std::make_unique<DocumentValues>(m_definitions))
{}

ViewIndex::~ViewIndex()
{
    // Statements before their connection.
    m_tables.clear();
    m_display.reset();
}

Result<std::unique_ptr<ViewIndex>> ViewIndex::open(ReplicaStore& replica, const QString& cachePath,
                                                   std::vector<ViewDefinition> views, const QString& userName)
{
    return open(replica, cachePath, std::move(views), userName, Options());
}

Result<std::unique_ptr<ViewIndex>> ViewIndex::open(ReplicaStore& replica, const QString& cachePath,
                                                   std::vector<ViewDefinition> views, const QString& userName,
                                                   const Options& options)
{
    // Documents per committed batch of a long build: readers see progress, a crash loses little.
    if (options.batch < 1)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a view index batch holds at least one document"));
    std::unique_ptr<ViewIndex> index(new ViewIndex(replica, cachePath, std::move(views), userName, options));
    SEN_TRY(index->openCache());
    return index;
}

Status ViewIndex::openCache()
{
    m_tables.clear();
    m_display.reset();
    m_db.reset();
    SEN_ASSIGN_OR_RETURN(m_db, ViewCacheFile::openForWriting(m_path, m_options.vfs));
    SEN_TRY(checkReplicaIdentity());
    return prepareTables();
}

Status ViewIndex::checkReplicaIdentity()
{
    const QString replicaId = m_replica.info().replicaId.toHex();
    const std::int64_t created = m_replica.info().createdMs;
    SEN_ASSIGN_OR_RETURN(auto read, m_db->prepare("SELECT key, value FROM meta"));
    QString storedId;
    std::optional<std::int64_t> storedCreated;
    m_docsSeq = 0;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, read.step());
        if (!row)
            break;
        const QString key = read.text(0);
        if (key == u"replica_id")
            storedId = read.text(1);
        else if (key == u"replica_created")
            storedCreated = read.int64(1);
        else if (key == u"docs_seq")
            m_docsSeq = read.int64(1);
    }
    read = sql::SqlStatement();
    if (storedId == replicaId && storedCreated == created)
        return Status::ok();
    if (!storedId.isEmpty()) {
        // Made for another replica file: start again with an empty cache.
        m_db.reset();
        SEN_TRY(ViewCacheFile::remove(m_path));
        SEN_ASSIGN_OR_RETURN(m_db, ViewCacheFile::openForWriting(m_path, m_options.vfs));
        m_docsSeq = 0;
    }
    SEN_ASSIGN_OR_RETURN(auto put, m_db->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)"));
    put.bind(1, QStringLiteral("replica_id")).bind(2, replicaId);
    SEN_TRY(put.exec());
    put.reset();
    put.bind(1, QStringLiteral("replica_created")).bind(2, created);
    return put.exec();
}

Status ViewIndex::prepareTables()
{
    struct Stored
    {
        std::int64_t tab;
        QByteArray hash;
        std::int64_t seq;
        std::int64_t indexed;
    };
    QHash<QString, Stored> stored;
    std::int64_t nextTab = 1;
    {
        SEN_ASSIGN_OR_RETURN(auto read, m_db->prepare("SELECT id, tab, hash, seq, indexed FROM views"));
        for (;;) {
            SEN_ASSIGN_OR_RETURN(const bool row, read.step());
            if (!row)
                break;
            const std::int64_t indexed = read.int64(4);
            stored.insert(read.text(0), {read.int64(1), read.blob(2), read.int64(3),
                                         indexed == Table::All || indexed == Table::DefaultOrder
                                             ? indexed
                                             : std::int64_t(Table::None)});
            nextTab = std::max(nextTab, read.int64(1) + 1);
        }
    }
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    for (const ViewDefinition& def : m_definitions) {
        auto table = std::make_unique<Table>();
        table->def = def;
        table->hash = def.indexHash(m_user);
        const auto it = stored.constFind(def.id);
        if (it != stored.cend() && it->hash == table->hash) {
            table->tab = it->tab;
            table->seq = it->seq;
            table->indexed = static_cast<Table::Indexes>(it->indexed);
        } else {
            table->tab = it != stored.cend() ? it->tab : nextTab++;
            SEN_TRY(createTable(*table));
        }
        stored.remove(def.id);
        m_tables.push_back(std::move(table));
    }
    // Views no longer defined.
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        SEN_TRY(
            m_db->exec(QByteArray("DROP TABLE IF EXISTS " + ViewCacheFile::tableName(it->tab)).constData()));
        SEN_ASSIGN_OR_RETURN(auto drop, m_db->prepare("DELETE FROM views WHERE id = ?1"));
        drop.bind(1, it.key());
        SEN_TRY(drop.exec());
    }
    SEN_ASSIGN_OR_RETURN(m_display, DisplayTable::open(*m_db, m_values->fields()));
    SEN_TRY(tx.commit());
    for (auto& table : m_tables)
        SEN_TRY(prepareStatements(*table));
    return Status::ok();
}

Status ViewIndex::createTable(Table& table)
{
    const QByteArray name = ViewCacheFile::tableName(table.tab);
    QByteArray sql = "DROP TABLE IF EXISTS " + name + "; CREATE TABLE " + name +
                     "(doc INTEGER PRIMARY KEY, unid BLOB NOT NULL, parent BLOB, conflict INTEGER NOT NULL";
    for (std::size_t i = 0; i < table.def.columns.size(); ++i)
        sql += ", s" + QByteArray::number(i);
    sql += ");";
    SEN_TRY(m_db->exec(sql.constData()));
    SEN_ASSIGN_OR_RETURN(auto put, m_db->prepare("INSERT OR REPLACE INTO views(id, tab, hash, seq, indexed) "
                                                 "VALUES (?1, ?2, ?3, 0, 0)"));
    put.bind(1, table.def.id).bind(2, table.tab).bind(3, table.hash);
    SEN_TRY(put.exec());
    table.seq = 0;
    table.indexed = Table::None;
    return Status::ok();
}

Status ViewIndex::createIndexes(Table& table, bool all)
{
    // Partial indexes over main documents only: the rows a view lists at its top level or
    // under a category. Responses are found by parent.
    const QByteArray name = ViewCacheFile::tableName(table.tab);
    QByteArray sql =
        "CREATE INDEX IF NOT EXISTS " + name + "_parent ON " + name + "(parent) WHERE parent IS NOT NULL;";
    const bool categorised = table.def.isCategorised();
    if (categorised)
        sql += "CREATE INDEX IF NOT EXISTS " + name + "_c ON " + name + "(s0, doc) WHERE parent IS NULL;";
    // A view of shared categories only (the duplicates) lists a handful of documents per
    // category, found through the category index and sorted without one of their own; an
    // index per sortable column would repeat every document's long category key (the
    // duplicate key and its title) once more, for every document of the database.
    const std::size_t sortedFrom = table.def.sharedCategoriesOnly ? table.def.columns.size()
                                   : categorised                  ? 1
                                                                  : 0;
    for (std::size_t i = sortedFrom; i < table.def.columns.size(); ++i) {
        if (!table.def.columns[i].sortable || (!all && static_cast<int>(i) != table.def.defaultSortColumn))
            continue;
        const QByteArray s = "s" + QByteArray::number(i);
        sql += "CREATE INDEX IF NOT EXISTS " + name + "_" + s + " ON " + name +
               (categorised ? "(s0, " : "(") + s + ", doc) WHERE parent IS NULL;";
    }
    SEN_TRY(m_db->exec(sql.constData()));
    SEN_ASSIGN_OR_RETURN(auto put, m_db->prepare("UPDATE views SET indexed = ?2 WHERE id = ?1"));
    table.indexed = all ? Table::All : Table::DefaultOrder;
    put.bind(1, table.def.id).bind(2, static_cast<int>(table.indexed));
    SEN_TRY(put.exec());
    return Status::ok();
}

Status ViewIndex::prepareStatements(Table& table)
{
    const QByteArray name = ViewCacheFile::tableName(table.tab);
    QByteArray columns = "doc, unid, parent, conflict";
    QByteArray values = "?1, ?2, ?3, ?4";
    int bindIndex = 5;
    for (std::size_t i = 0; i < table.def.columns.size(); ++i) {
        columns += ", s" + QByteArray::number(i);
        values += ", ?" + QByteArray::number(bindIndex++);
    }
    SEN_ASSIGN_OR_RETURN(table.upsert, m_db->prepare(QByteArray("INSERT OR REPLACE INTO " + name + "(" +
                                                                columns + ") VALUES (" + values + ")")
                                                         .constData()));
    SEN_ASSIGN_OR_RETURN(table.remove,
                         m_db->prepare(QByteArray("DELETE FROM " + name + " WHERE doc = ?1").constData()));
    return Status::ok();
}

bool ViewIndex::isLocalCreation(const store::StoredDocument& stored) const
{
    const auto& entries = stored.doc.versions.entries();
    return entries.size() == 1 && entries.begin()->first == m_replica.info().instanceId;
}

Status ViewIndex::apply(Pass& pass, const store::StoredDocument& stored)
{
    const Document& doc = stored.doc;
    SEN_ASSIGN_OR_RETURN(auto upsertDoc,
                         m_db->cached("INSERT INTO docs(unid, seq, deleted, read) VALUES (?1, ?2, ?3, ?4) "
                                      "ON CONFLICT(unid) DO UPDATE SET seq = excluded.seq, "
                                      "deleted = excluded.deleted RETURNING id"));
    upsertDoc->bind(1, unidBytes(doc.unid))
        .bind(2, stored.seq)
        .bind(3, doc.isDeleted() ? 1 : 0)
        .bind(4, isLocalCreation(stored) ? 1 : 0);
    SEN_ASSIGN_OR_RETURN(const bool row, upsertDoc->step());
    if (!row)
        return Status(ErrorCode::Internal, QStringLiteral("docs upsert returned no row"));
    const std::int64_t id = upsertDoc->int64(0);
    SEN_ASSIGN_OR_RETURN(const bool more, upsertDoc->step());
    (void)more;

    // Every view that covers this version of the document shows it from the one display row,
    // so the row is written when any view of the pass selects it, even one already up to date.
    DocumentValues& values = *pass.values;
    values.reset(doc);
    bool shown = false;
    for (std::size_t k = 0; k < pass.tables.size(); ++k) {
        Table& table = *m_tables[pass.tables[k]];
        bool selected = false;
        if (!doc.isDeleted())
            selected = doc.parent ? table.def.showResponses
                                  : table.def.selectsForKey(doc, m_userKey,
                                                            [&values] { return values.duplicateKey(); });
        shown = shown || selected;
        if (stored.seq <= table.seq)
            continue;
        if (!selected) {
            if (!table.fresh) {
                table.remove.bind(1, id);
                const Status status = table.remove.exec();
                table.remove.reset();
                SEN_TRY(status);
            }
            continue;
        }
        sql::SqlStatement& put = table.upsert;
        put.bind(1, id).bind(2, unidBytes(doc.unid));
        if (doc.parent)
            put.bind(3, unidBytes(*doc.parent));
        else
            put.bindNull(3);
        put.bind(4, doc.isConflict() ? 1 : 0);
        int bindIndex = 5;
        for (std::size_t c = 0; c < table.def.columns.size(); ++c, ++bindIndex) {
            const ViewColumn& column = table.def.columns[c];
            if (!column.sortable && !column.categorised) {
                put.bindNull(bindIndex); // never compared: no key to store
                continue;
            }
            const ColumnValue& value = values.value(values.slot(k, c));
            switch (value.type) {
            case ColumnValue::Type::Integer:
                put.bind(bindIndex, value.integer);
                break;
            case ColumnValue::Type::Real:
                put.bind(bindIndex, value.real);
                break;
            case ColumnValue::Type::Text:
                put.bind(bindIndex, value.text);
                break;
            }
        }
        const Status status = put.exec();
        put.reset();
        SEN_TRY(status);
    }
    if (shown)
        return pass.display->put(id, values);
    if (pass.allFresh)
        return Status::ok(); // no row yet
    // A pass over some views knows nothing of the others' selections: the row stays for them
    // unless the document is deleted and no other view has rows to show from it yet. (A row
    // left behind is never read; the document's next change removes it.)
    if (pass.some && !(doc.isDeleted() && pass.othersFresh))
        return Status::ok();
    return pass.display->remove(id);
}

Status ViewIndex::checkpoint(const Pass& pass, std::int64_t seq)
{
    SEN_ASSIGN_OR_RETURN(auto views, m_db->cached("UPDATE views SET seq = ?1 WHERE id = ?2 AND seq < ?1"));
    for (const std::size_t t : pass.tables) {
        Table& table = *m_tables[t];
        views->bind(1, seq).bind(2, table.def.id);
        const Status status = views->exec();
        views->reset();
        SEN_TRY(status);
        table.seq = std::max(table.seq, seq);
    }
    SEN_ASSIGN_OR_RETURN(auto meta,
                         m_db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('docs_seq', ?1)"));
    meta->bind(1, std::max(seq, m_docsSeq));
    SEN_TRY(meta->exec());
    m_docsSeq = std::max(m_docsSeq, seq);
    return Status::ok();
}

Status ViewIndex::restart()
{
    // The replica's feed went backwards (a restored older file): build every view again.
    // Read marks stay; documents the replica no longer holds go at the reconcile.
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    for (auto& table : m_tables)
        SEN_TRY(createTable(*table));
    SEN_TRY(m_db->exec("UPDATE docs SET seq = 0 WHERE seq > 0; DELETE FROM meta WHERE key = 'docs_seq';"
                       "DELETE FROM display"));
    SEN_TRY(tx.commit());
    m_docsSeq = 0;
    for (auto& table : m_tables)
        SEN_TRY(prepareStatements(*table));
    return Status::ok();
}

Status ViewIndex::applyChanges(Pass& pass, std::int64_t lastSeq, const std::function<bool()>& stop,
                               UpdateStats& stats)
{
    pass.allFresh = true;
    pass.othersFresh = true;
    for (std::size_t t = 0; t < m_tables.size(); ++t) {
        Table& table = *m_tables[t];
        table.fresh = table.seq == 0;
        pass.allFresh = pass.allFresh && table.fresh;
        if (std::find(pass.tables.begin(), pass.tables.end(), t) == pass.tables.end())
            pass.othersFresh = pass.othersFresh && table.fresh;
    }
    std::int64_t from = m_docsSeq;
    for (const std::size_t t : pass.tables) {
        const Table& table = *m_tables[t];
        from = std::min(from, table.seq);
        if (table.fresh && lastSeq > 0)
            ++stats.rebuiltViews;
    }
    if (from >= lastSeq)
        return Status::ok();

    std::optional<sql::SqlTransaction> tx;
    tx.emplace(*m_db);
    SEN_TRY(tx->beginStatus());
    Status status;
    std::int64_t inBatch = 0;
    // Only the items the pass's views read are decoded (a document's body, attachments and
    // the like are skipped over).
    SEN_TRY(m_replica.forEachChange(from, pass.values->items(), [&](const store::StoredDocument& stored) {
        status = apply(pass, stored);
        ++stats.changes;
        if (status.isOk() && ++inBatch == m_options.batch) {
            inBatch = 0;
            status = checkpoint(pass, stored.seq);
            if (status.isOk())
                status = tx->commit();
            if (status.isOk() && stop && stop()) {
                stats.interrupted = true; // what is committed stays; the rest next time
                return false;
            }
            if (status.isOk()) {
                tx.emplace(*m_db);
                status = tx->beginStatus();
            }
        }
        return status.isOk();
    }));
    SEN_TRY(status);
    if (stats.interrupted)
        return Status::ok();
    SEN_TRY(checkpoint(pass, lastSeq));
    return tx->commit();
}

Result<std::int64_t> ViewIndex::reconcile()
{
    // A purge (or the drop of acknowledged stubs) leaves no feed entry: the cache then holds
    // more documents than the replica. Counting both is cheap; only a difference costs a walk.
    SEN_ASSIGN_OR_RETURN(const std::int64_t inReplica, m_replica.documentCount(true));
    SEN_ASSIGN_OR_RETURN(const std::int64_t inCache,
                         m_db->queryInt("SELECT count(*) FROM docs WHERE seq > 0"));
    if (inReplica == inCache)
        return std::int64_t(0);
    SEN_ASSIGN_OR_RETURN(const auto changes, m_replica.changesSince(0, INT_MAX));
    QSet<Unid> present;
    present.reserve(static_cast<qsizetype>(changes.size()));
    for (const store::Change& change : changes)
        present.insert(change.unid);
    std::vector<std::int64_t> gone;
    {
        SEN_ASSIGN_OR_RETURN(auto read, m_db->prepare("SELECT id, unid FROM docs WHERE seq > 0"));
        for (;;) {
            SEN_ASSIGN_OR_RETURN(const bool row, read.step());
            if (!row)
                break;
            const auto unid = Unid::fromBytes(read.blobView(1));
            if (!unid || !present.contains(*unid))
                gone.push_back(read.int64(0));
        }
    }
    if (gone.empty())
        return std::int64_t(0);
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    SEN_ASSIGN_OR_RETURN(auto drop, m_db->prepare("DELETE FROM docs WHERE id = ?1"));
    for (const std::int64_t id : gone) {
        drop.bind(1, id);
        SEN_TRY(drop.exec());
        drop.reset();
        SEN_TRY(m_display->remove(id));
        for (auto& table : m_tables) {
            table->remove.bind(1, id);
            const Status status = table->remove.exec();
            table->remove.reset();
            SEN_TRY(status);
        }
    }
    SEN_TRY(tx.commit());
    return static_cast<std::int64_t>(gone.size());
}

Result<ViewIndex::Pass> ViewIndex::passFor(const QStringList* viewIds)
{
    Pass pass;
    for (std::size_t t = 0; t < m_tables.size(); ++t) {
        if (!viewIds || viewIds->contains(m_tables[t]->def.id))
            pass.tables.push_back(t);
    }
    if (pass.tables.size() == m_tables.size()) {
        pass.values = m_values.get();
        pass.display = m_display.get();
        return pass;
    }
    // Some views: their values and display fields alone, so that nothing the others need is
    // decoded or computed.
    std::vector<ViewDefinition> definitions;
    for (const std::size_t t : pass.tables)
        definitions.push_back(m_tables[t]->def);
    pass.some = true;
    pass.ownValues = std::make_unique<DocumentValues>(definitions);
    SEN_ASSIGN_OR_RETURN(pass.ownDisplay, DisplayTable::openSome(*m_db, pass.ownValues->fields()));
    pass.values = pass.ownValues.get();
    pass.display = pass.ownDisplay.get();
    return pass;
}

Result<ViewIndex::UpdateStats> ViewIndex::updateOnce(const QStringList* viewIds,
                                                     const std::function<bool()>& stop)
{
    UpdateStats stats;
    SEN_ASSIGN_OR_RETURN(Pass pass, passFor(viewIds));
    if (pass.tables.empty())
        return stats;
    SEN_TRY(m_replica.readSnapshot([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(const std::int64_t lastSeq, m_replica.lastSeq());
        bool behind = lastSeq < m_docsSeq;
        for (const auto& table : m_tables)
            behind = behind || lastSeq < table->seq;
        if (behind)
            SEN_TRY(restart());
        SEN_TRY(applyChanges(pass, lastSeq, stop, stats));
        if (stats.interrupted)
            return Status::ok();
        SEN_ASSIGN_OR_RETURN(stats.purged, reconcile());
        stats.seq = lastSeq;
        return Status::ok();
    }));
    // Indexes after a first build: sorting 100,000 keys once is much faster than keeping
    // several B-trees ordered through as many inserts.
    // A pass over some views (the user waits for one) makes only the index of each one's
    // default order; a whole update makes the others.
    for (const std::size_t t : pass.tables) {
        Table& table = *m_tables[t];
        if (!stats.interrupted && (pass.some ? table.indexed == Table::None : table.indexed != Table::All))
            SEN_TRY(createIndexes(table, !pass.some));
        table.fresh = false;
    }
    pass = Pass(); // its statements before the checkpoint
    // After a long build the WAL holds the whole file: copy it back now rather than in the
    // first small update's commit. A reader still in the WAL only makes this partial.
    if (stats.changes >= m_options.batch)
        SEN_TRY(m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    return stats;
}

Result<ViewIndex::UpdateStats> ViewIndex::update()
{
    return updateViews(nullptr, {});
}

Result<ViewIndex::UpdateStats> ViewIndex::update(const QStringList& viewIds,
                                                 const std::function<bool()>& stop)
{
    return updateViews(&viewIds, stop);
}

QStringList ViewIndex::unbuiltViews() const
{
    QStringList ids;
    for (const auto& table : m_tables) {
        if (table->indexed == Table::None)
            ids.push_back(table->def.id);
    }
    return ids;
}

bool ViewIndex::isBuilt(const QString& viewId) const
{
    return std::any_of(m_tables.begin(), m_tables.end(), [&](const auto& table) {
        return table->def.id == viewId && table->indexed != Table::None;
    });
}

Result<ViewIndex::UpdateStats> ViewIndex::updateViews(const QStringList* viewIds,
                                                      const std::function<bool()>& stop)
{
    auto result = updateOnce(viewIds, stop);
    if (result.isOk() || result.code() != ErrorCode::Corruption)
        return result;
    // A damaged cache: replace it and build again, once.
    m_tables.clear(); // statements before their connection
    m_display.reset();
    m_db.reset();
    SEN_TRY(ViewCacheFile::remove(m_path));
    SEN_TRY(openCache());
    return updateOnce(viewIds, stop);
}

} // namespace sen::views
