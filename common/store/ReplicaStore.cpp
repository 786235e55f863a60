#include "common/store/ReplicaStore.h"

#include "common/acl/SecrecyRule.h"
#include "common/attachments/AttachmentStore.h"
#include "common/core/OwnerOnly.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/AttachmentRef.h"
#include "common/model/DocumentCodec.h"
#include "common/model/DocumentLimits.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/FileProbe.h"
#include "common/store/RefusedVersions.h"
#include "common/store/Schema.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <cassert>

namespace sen {

QString databaseKindName(DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return QStringLiteral("documents");
    case DatabaseKind::Calendar:
        return QStringLiteral("calendar");
    case DatabaseKind::News:
        return QStringLiteral("news");
    }
    return QStringLiteral("documents");
}

std::optional<DatabaseKind> databaseKindFromName(const QString& name)
{
    for (DatabaseKind kind : {DatabaseKind::Documents, DatabaseKind::Calendar, DatabaseKind::News}) {
        if (name.compare(databaseKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

namespace {

Status putMeta(sql::SqlDatabase& db, const QString& key, const QVariant& value)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)"));
    stmt->bind(1, key);
    if (value.typeId() == QMetaType::QByteArray)
        stmt->bind(2, value.toByteArray());
    else if (value.typeId() == QMetaType::QString)
        stmt->bind(2, value.toString());
    else
        stmt->bind(2, value.toLongLong());
    return stmt->exec();
}

} // namespace

ReplicaStore::ReplicaStore(std::unique_ptr<sql::SqlDatabase> db, const Clock& clock)
    : m_db(std::move(db)), m_hlc(clock), m_table(*m_db), m_fts(*m_db),
      m_attachments(std::make_unique<AttachmentStore>(*m_db))
{}

ReplicaStore::~ReplicaStore() = default;

const QString& ReplicaStore::path() const
{
    return m_db->path();
}

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::openConnection(const QString& path,
                                                                   const OpenOptions& options, bool create)
{
    sql::SqlDatabase::OpenOptions sqlOptions;
    sqlOptions.readOnly = options.readOnly;
    sqlOptions.create = create;
    sqlOptions.vfs = options.vfs;
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, sqlOptions));
    SEN_TRY(fts::registerTokenizer(db->handle()));
    const Clock& clock = options.clock ? *options.clock : SystemClock::instance();
    return std::unique_ptr<ReplicaStore>(new ReplicaStore(std::move(db), clock));
}

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::create(const QString& path, const CreateOptions& create,
                                                           const OpenOptions& options)
{
    if (QFileInfo::exists(path))
        return Status(ErrorCode::Conflict, QStringLiteral("%1: a file of that name exists").arg(path));
    if (options.readOnly)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("cannot create a replica read-only"));
    auto opened = openConnection(path, options, true);
    if (!opened)
        return opened.status().withContext(path);
    std::unique_ptr<ReplicaStore> store = std::move(opened).value();
    sql::SqlDatabase& db = *store->m_db;

    // Owner-only before the first byte is written; SQLite gives its -wal and -shm the main
    // file's permissions.
    Status status = restrictToOwner(path);

    // Schema and identity land in the main file before WAL is switched on, so a file
    // killed right after creation still identifies itself (see store/FileProbe.h).
    if (status.isOk())
        status = schema::createFresh(db);
    if (status.isOk()) {
        sql::SqlTransaction tx(db);
        status = tx.beginStatus();
        const ReplicaId replicaId = create.replicaId.isNull() ? newReplicaId() : create.replicaId;
        if (status.isOk())
            status = putMeta(db, QStringLiteral("replica_id"), replicaId.toBytes());
        if (status.isOk())
            status = putMeta(db, QStringLiteral("instance_id"), newInstanceId().toBytes());
        if (status.isOk())
            status = putMeta(db, QStringLiteral("title"), create.title);
        if (status.isOk())
            status = putMeta(db, QStringLiteral("kind"), static_cast<int>(create.kind));
        if (status.isOk())
            status = putMeta(db, QStringLiteral("created"),
                             static_cast<qint64>(hlcPhysicalMs(store->m_hlc.now())));
        if (status.isOk())
            status = tx.commit();
    }
    if (status.isOk())
        status = store->configure(false);
    if (status.isOk())
        status = store->loadInfo();
    if (!status.isOk()) {
        store.reset();
        QFile::remove(path);
        return status.withContext(QStringLiteral("creating %1").arg(path));
    }
    return store;
}

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::open(const QString& path, const OpenOptions& options)
{
    // Refuse what is not ours before SQLite sees the file (nothing written, no -wal made).
    const auto probe = store::probeReplicaFile(path);
    if (!probe)
        return probe.status();

    auto opened = openConnection(path, options, false);
    if (!opened)
        return opened.status().withContext(path);
    std::unique_ptr<ReplicaStore> store = std::move(opened).value();
    sql::SqlDatabase& db = *store->m_db;
    // Another connection closing the file holds it for a moment (its last-close checkpoint):
    // wait for it rather than fail (configure() sets the same timeout for writable stores).
    if (const Status waited = db.exec("PRAGMA busy_timeout = 10000"); !waited.isOk())
        return waited.withContext(path);

    // The WAL may hold a newer header than the main file: ask SQLite too, before writing.
    const auto appId = db.queryInt("PRAGMA application_id");
    if (!appId)
        return appId.status().withContext(path);
    if (*appId != schema::kApplicationId)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("%1: not a Sen replica").arg(path));
    const auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.status().withContext(path);
    if (*version > schema::kVersion)
        return Status(
            ErrorCode::Unsupported,
            QStringLiteral("%1: written by a newer Sen (file format %2; this version reads up to %3)")
                .arg(path)
                .arg(*version)
                .arg(schema::kVersion));
    if (*version < 1)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1: replica file was never completed").arg(path));

    Status status = store->configure(options.readOnly);
    if (status.isOk() && *version < schema::kVersion) {
        if (options.readOnly)
            return Status(ErrorCode::Unsupported,
                          QStringLiteral("%1: needs an upgrade; open it writable").arg(path));
        status = schema::migrate(db, static_cast<int>(*version));
    }
    if (status.isOk())
        status = store->loadInfo();
    if (!status.isOk())
        return status.withContext(path);
    return store;
}

Status ReplicaStore::configure(bool readOnly)
{
    // WAL: readers never block the writer; NORMAL sync is durable against a killed process
    // (the WAL is in the OS cache) and loses at most the last commits on power loss, never
    // consistency. See docs/file-format.md §Durability.
    // The busy timeout comes first: setting WAL mode needs a lock that another connection
    // closing the file (its last-close checkpoint) holds for a moment.
    SEN_TRY(m_db->exec("PRAGMA busy_timeout = 10000;"));
    if (!readOnly)
        SEN_TRY(m_db->exec("PRAGMA journal_mode = WAL"));
    SEN_TRY(m_db->exec("PRAGMA synchronous = NORMAL;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA temp_store = MEMORY;"
                       "PRAGMA cache_size = -16000;"));
    return Status::ok();
}

Status ReplicaStore::loadInfo()
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db->cached("SELECT key, value FROM meta"));
    bool haveReplica = false;
    bool haveInstance = false;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        const QString key = stmt->text(0);
        if (key == u"replica_id") {
            const auto id = ReplicaId::fromBytes(stmt->blobView(1));
            haveReplica = id.has_value();
            if (id)
                m_info.replicaId = *id;
        } else if (key == u"instance_id") {
            const auto id = InstanceId::fromBytes(stmt->blobView(1));
            haveInstance = id.has_value();
            if (id)
                m_info.instanceId = *id;
        } else if (key == u"title") {
            m_info.title = stmt->text(1);
        } else if (key == u"kind") {
            const auto kind = stmt->int64(1);
            if (kind < static_cast<int>(DatabaseKind::Documents) ||
                kind > static_cast<int>(DatabaseKind::News))
                return Status(ErrorCode::Unsupported,
                              QStringLiteral("a kind of database this version does not know (%1)").arg(kind));
            m_info.kind = static_cast<DatabaseKind>(kind);
        } else if (key == u"created") {
            m_info.createdMs = stmt->int64(1);
        }
    }
    if (!haveReplica || !haveInstance)
        return Status(ErrorCode::Corruption, QStringLiteral("replica or instance ID missing"));
    SEN_ASSIGN_OR_RETURN(const std::int64_t hlc, m_db->queryInt("SELECT hlc FROM local_state WHERE id = 1"));
    m_hlc.observe(static_cast<HlcTime>(hlc));
    return Status::ok();
}

Result<ReplicaStore::Allocation> ReplicaStore::nextAllocation(bool newDot)
{
    // Read inside the write transaction: another process may have written since we looked.
    // Once per transaction: until it ends no other connection can write, so the row is then
    // what our own last UPDATE left (a batch of saves reads it once).
    const std::uint64_t transaction = m_db->transactionSerial();
    if (!m_localState.valid || m_localState.transaction != transaction || !m_db->inTransaction()) {
        // The instance ID too: another connection may have renewed it (InstanceRenewal.h,
        // the sync of a restored replica), and a dot of the old instance past its counter
        // would name another edit.
        SEN_ASSIGN_OR_RETURN(auto read,
                             m_db->cached("SELECT counter, seq, hlc, (SELECT value FROM meta WHERE key = "
                                          "'instance_id') FROM local_state WHERE id = 1"));
        SEN_ASSIGN_OR_RETURN(const bool row, read->step());
        if (!row)
            return Status(ErrorCode::Corruption, QStringLiteral("local_state row missing"));
        const auto instance = InstanceId::fromBytes(read->blobView(3));
        if (!instance)
            return Status(ErrorCode::Corruption, QStringLiteral("instance ID missing"));
        m_info.instanceId = *instance;
        m_localState = LocalState{true, transaction, static_cast<std::uint64_t>(read->int64(0)),
                                  read->int64(1), static_cast<HlcTime>(read->int64(2))};
    }
    Allocation a;
    a.counter = newDot ? m_localState.counter + 1 : 0;
    a.seq = m_localState.seq + 1;
    m_hlc.observe(m_localState.hlc);
    a.time = m_hlc.now();
    return a;
}

Status ReplicaStore::recordAllocation(const Allocation& a, bool newDot)
{
    const std::uint64_t counter = newDot ? a.counter : m_localState.counter;
    m_localState.valid = false; // until the UPDATE succeeds
    SEN_ASSIGN_OR_RETURN(
        auto write, m_db->cached("UPDATE local_state SET counter = ?1, seq = ?2, hlc = ?3 WHERE id = 1"));
    write->bind(1, counter).bind(2, a.seq).bind(3, static_cast<std::int64_t>(a.time));
    SEN_TRY(write->exec());
    m_localState = LocalState{true, m_db->transactionSerial(), counter, a.seq, a.time};
    return Status::ok();
}

Result<ReplicaStore::Allocation> ReplicaStore::allocate(bool newDot)
{
    SEN_ASSIGN_OR_RETURN(const Allocation a, nextAllocation(newDot));
    SEN_TRY(recordAllocation(a, newDot));
    return a;
}

Result<Document> ReplicaStore::get(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stored, m_table.find(unid));
    if (!stored)
        return Status(ErrorCode::NotFound, QStringLiteral("no document %1").arg(unid.toHex()));
    return std::move(stored->doc);
}

Result<Document> ReplicaStore::save(const DocumentEdit& edit)
{
    SEN_TRY(edit.validate());
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());

    // A create is not looked up first: its insert finds an existing UNID, writing nothing.
    std::optional<store::StoredDocument> stored;
    if (!edit.isCreate()) {
        SEN_ASSIGN_OR_RETURN(stored, m_table.find(edit.unid()));
        if (!stored || stored->doc.isDeleted())
            return Status(ErrorCode::NotFound, QStringLiteral("no document %1").arg(edit.unid().toHex()));
    }

    Document doc;
    if (stored) {
        doc = std::move(stored->doc);
    } else {
        doc.unid = edit.unid();
        doc.form = edit.form();
        doc.parent = edit.parent();
    }

    // Which items does the edit really change? Unchanged ones keep their stamps, so they
    // are neither rewritten nor replicated. (A new document takes every item it sets.)
    std::vector<const Item*> changedSets;
    std::vector<QString> changedRemoves;
    if (stored) {
        for (const Item& item : edit.sets()) {
            const Item* current = doc.anyItem(item.name);
            if (!current || current->isTombstone() || !current->sameContent(item))
                changedSets.push_back(&item);
        }
        for (const QString& name : edit.removes()) {
            if (doc.item(name))
                changedRemoves.push_back(name);
        }
        if (changedSets.empty() && changedRemoves.empty())
            return doc;
    }

    SEN_ASSIGN_OR_RETURN(const Allocation a, nextAllocation(true));
    const Stamp stamp{Dot{m_info.instanceId, a.counter}, a.time};
    if (stored) {
        for (const Item* item : changedSets) {
            Item stamped = *item;
            stamped.stamp = stamp;
            doc.putItem(std::move(stamped));
        }
        for (const QString& name : changedRemoves) {
            Item tombstone = *doc.anyItem(name);
            tombstone.value = QCborValue();
            tombstone.stamp = stamp;
            doc.putItem(std::move(tombstone));
        }
    } else {
        // The edit holds each name once, so sorting gives what putItem() one by one would.
        doc.items = edit.sets();
        std::sort(doc.items.begin(), doc.items.end(),
                  [](const Item& x, const Item& y) { return x.name < y.name; });
        for (Item& item : doc.items)
            item.stamp = stamp;
    }
    doc.versions.set(m_info.instanceId, a.counter);
    // Classified: a register entry only (docs/access-control.md), refused before any write.
    SEN_TRY(acl::checkSecrecy(doc));

    // Encoded once: the row stores these bytes and the index reads its text from them.
    const QByteArray items = encodeItems(doc.items);
    // Whatever is stored must be able to travel in one DOCS frame (docs/protocol.md §Limits).
    SEN_TRY(checkDocumentLimits(doc, items.size()));
    if (stored) {
        SEN_TRY(recordAllocation(a, true));
        SEN_TRY(m_table.update(stored->id, doc, items, a.seq, a.time));
        SEN_TRY(m_fts.update(stored->id, stored->items, items));
    } else {
        SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> id,
                             m_table.insertIfAbsent(doc, items, a.seq, a.time, a.time));
        if (!id)
            return Status(ErrorCode::Conflict, QStringLiteral("document %1 exists").arg(edit.unid().toHex()));
        SEN_TRY(recordAllocation(a, true));
        SEN_TRY(m_fts.add(*id, items));
    }
    SEN_TRY(tx.commit());
    return doc;
}

Result<Document> ReplicaStore::remove(const Unid& unid)
{
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    // With items: the index needs the text it holds to take it out.
    SEN_ASSIGN_OR_RETURN(auto stored, m_table.find(unid));
    if (!stored)
        return Status(ErrorCode::NotFound, QStringLiteral("no document %1").arg(unid.toHex()));
    if (stored->doc.isDeleted())
        return std::move(stored->doc);

    SEN_ASSIGN_OR_RETURN(const Allocation a, allocate());
    SEN_TRY(m_fts.remove(stored->id, stored->items));
    Document& doc = stored->doc;
    doc.flags |= Deleted;
    // Every live item becomes a tombstone of the deletion: the stub then holds what its
    // vector claims, which merging it with a concurrent edit relies on (docs/merge.md).
    const Stamp stamp{Dot{m_info.instanceId, a.counter}, a.time};
    for (Item& item : doc.items) {
        if (!item.isTombstone()) {
            item.value = QCborValue();
            item.stamp = stamp;
        }
    }
    doc.versions.set(m_info.instanceId, a.counter);
    SEN_TRY(m_table.update(stored->id, doc, encodeItems(doc.items), a.seq, a.time));
    SEN_TRY(tx.commit());
    return std::move(doc);
}

Result<std::optional<Document>> ReplicaStore::find(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stored, m_table.find(unid));
    if (!stored)
        return std::optional<Document>();
    return std::optional<Document>(std::move(stored->doc));
}

Result<std::optional<Document>> ReplicaStore::findHeader(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stored, m_table.find(unid, store::ItemsRead::None));
    if (!stored)
        return std::optional<Document>();
    return std::optional<Document>(std::move(stored->doc));
}

Result<std::optional<store::StoredDocument>> ReplicaStore::findEncoded(const Unid& unid) const
{
    return m_table.find(unid, store::ItemsRead::Bytes);
}

Result<std::optional<store::StoredDocument>> ReplicaStore::findStored(const Unid& unid) const
{
    return m_table.find(unid, store::ItemsRead::Decoded);
}

Status ReplicaStore::putReplicated(const Document& doc)
{
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    // With items: the index needs the text it holds to replace it.
    SEN_ASSIGN_OR_RETURN(const auto stored, m_table.find(doc.unid, store::ItemsRead::Bytes));
    SEN_TRY(putReplicated(doc, stored));
    return tx.commit();
}

Status ReplicaStore::putReplicated(const Document& doc, const std::optional<store::StoredDocument>& stored,
                                   const QByteArray& encodedItems)
{
    assert(encodedItems.isEmpty() || encodedItems == encodeItems(doc.items));
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    // Later local edits must order after every edit we hold, whatever our wall clock says.
    m_hlc.observe(doc.modifiedTime());
    SEN_ASSIGN_OR_RETURN(const Allocation a, allocate(false));
    const HlcTime modified = std::max(doc.modifiedTime(), stored ? HlcTime(0) : a.time);
    // Encoded once (or not at all, when the caller has the bytes): the row stores these bytes
    // and the index reads its text from them.
    const QByteArray items = encodedItems.isEmpty() ? encodeItems(doc.items) : encodedItems;
    if (stored) {
        if (stored->doc.form != doc.form || stored->doc.parent != doc.parent)
            return Status(
                ErrorCode::Conflict,
                QStringLiteral("document %1 arrived with a different form or parent").arg(doc.unid.toHex()));
        SEN_TRY(m_table.update(stored->id, doc, items, a.seq, modified));
        SEN_TRY(m_fts.update(stored->id, stored->items, items));
    } else {
        SEN_ASSIGN_OR_RETURN(const std::int64_t id, m_table.insert(doc, items, a.seq, a.time, modified));
        SEN_TRY(m_fts.add(id, items));
    }
    SEN_TRY(noteWantedChunks(doc));
    return tx.commit();
}

Result<bool> ReplicaStore::insertReplicated(const Document& doc, const QByteArray& encodedItems)
{
    assert(encodedItems.isEmpty() || encodedItems == encodeItems(doc.items));
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    // As putReplicated() for a document that has no row; the insert itself finds out.
    m_hlc.observe(doc.modifiedTime());
    SEN_ASSIGN_OR_RETURN(const Allocation a, nextAllocation(false));
    const QByteArray items = encodedItems.isEmpty() ? encodeItems(doc.items) : encodedItems;
    SEN_ASSIGN_OR_RETURN(
        const std::optional<std::int64_t> id,
        m_table.insertIfAbsent(doc, items, a.seq, a.time, std::max(doc.modifiedTime(), a.time)));
    if (!id)
        return false;
    SEN_TRY(recordAllocation(a, false));
    SEN_TRY(m_fts.add(*id, items));
    SEN_TRY(noteWantedChunks(doc));
    SEN_TRY(tx.commit());
    return true;
}

Status ReplicaStore::noteWantedChunks(const Document& doc)
{
    for (const Item& item : doc.items) {
        if (item.type != ItemType::Attachment || item.isTombstone())
            continue;
        SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, AttachmentRef::fromCbor(item.value));
        SEN_TRY(m_attachments->noteWanted(ref));
    }
    return Status::ok();
}

Result<QString> ReplicaStore::setting(const QString& name) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db->cached("SELECT value FROM meta WHERE key = ?1"));
    stmt->bind(1, QStringLiteral("setting.") + name);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->text(0) : QString();
}

Status ReplicaStore::setSetting(const QString& name, const QString& value)
{
    return putMeta(*m_db, QStringLiteral("setting.") + name, value);
}

Result<std::int64_t> ReplicaStore::checkpoint(const InstanceId& peer, Direction direction) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db->cached("SELECT seq FROM checkpoints WHERE peer = ?1 AND direction = ?2"));
    stmt->bind(1, peer.toBytes()).bind(2, static_cast<int>(direction));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->int64(0) : std::int64_t(0);
}

Result<bool> ReplicaStore::hasPulled() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db->cached("SELECT 1 FROM checkpoints WHERE direction = ?1 AND seq > 0 LIMIT 1"));
    stmt->bind(1, static_cast<int>(Direction::Pull));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row;
}

Status ReplicaStore::setCheckpoint(const InstanceId& peer, Direction direction, std::int64_t seq)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db->cached("INSERT INTO checkpoints(peer, direction, seq, updated) "
                                      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(peer, direction) "
                                      "DO UPDATE SET seq = excluded.seq, updated = excluded.updated"));
    stmt->bind(1, peer.toBytes())
        .bind(2, static_cast<int>(direction))
        .bind(3, seq)
        .bind(4, hlcPhysicalMs(m_hlc.last()));
    return stmt->exec();
}

Result<QByteArray> ReplicaStore::pullFilter(const InstanceId& peer) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db->cached("SELECT filter FROM checkpoints WHERE peer = ?1 AND direction = ?2"));
    stmt->bind(1, peer.toBytes()).bind(2, static_cast<int>(Direction::Pull));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->blob(0) : QByteArray();
}

Status ReplicaStore::setPullFilter(const InstanceId& peer, const QByteArray& filter, bool restart)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db->cached("INSERT INTO checkpoints(peer, direction, seq, filter, updated) "
                                      "VALUES (?1, ?2, 0, ?3, ?4) ON CONFLICT(peer, direction) DO UPDATE SET "
                                      "seq = CASE WHEN ?5 THEN 0 ELSE seq END, filter = excluded.filter, "
                                      "updated = excluded.updated"));
    stmt->bind(1, peer.toBytes())
        .bind(2, static_cast<int>(Direction::Pull))
        .bind(3, filter)
        .bind(4, hlcPhysicalMs(m_hlc.last()))
        .bind(5, restart ? 1 : 0);
    return stmt->exec();
}

Status ReplicaStore::forEachDocumentReferencing(const crypto::Sha256Digest& hash,
                                                const std::function<bool(const Document&)>& visit) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<std::int64_t> ids,
                         store::ChunkRefs(*m_db).documentsReferencing(hash));
    for (const std::int64_t id : ids) {
        SEN_ASSIGN_OR_RETURN(const auto stored, m_table.findById(id));
        if (stored && !visit(stored->doc))
            break;
    }
    return Status::ok();
}

Status ReplicaStore::purge(const Unid& unid)
{
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    // With items: the index needs the text it holds to take it out.
    SEN_ASSIGN_OR_RETURN(auto stored, m_table.find(unid));
    if (!stored)
        return Status::ok();
    SEN_TRY(m_fts.remove(stored->id, stored->items));
    SEN_ASSIGN_OR_RETURN(auto drop, m_db->cached("DELETE FROM documents WHERE id = ?1"));
    drop->bind(1, stored->id);
    SEN_TRY(drop->exec());
    return tx.commit();
}

Status ReplicaStore::dropForRefetch(const Unid& unid)
{
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    SEN_TRY(purge(unid)); // nests: SqlTransaction joins the open one
    SEN_TRY(store::RefusedVersions(*m_db).forget(unid));
    SEN_ASSIGN_OR_RETURN(auto rewind, m_db->cached("UPDATE checkpoints SET seq = 0, updated = ?2 "
                                                   "WHERE direction = ?1"));
    rewind->bind(1, static_cast<int>(Direction::Pull)).bind(2, hlcPhysicalMs(m_hlc.last()));
    SEN_TRY(rewind->exec());
    return tx.commit();
}

Status ReplicaStore::noteRefused(const Unid& unid, const QString& peer, ErrorCode code,
                                 const QString& message)
{
    SEN_ASSIGN_OR_RETURN(const auto stored, m_table.find(unid, store::ItemsRead::None));
    if (!stored)
        return Status::ok();
    return store::RefusedVersions(*m_db).note(unid, stored->doc.versions, peer, code, message);
}

Result<std::vector<ReplicaStore::Refusal>> ReplicaStore::refusals() const
{
    return store::RefusedVersions(*m_db).list();
}

Result<std::int64_t> ReplicaStore::dropAcknowledgedStubs()
{
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    SEN_ASSIGN_OR_RETURN(auto lowest, m_db->cached("SELECT MIN(seq) FROM checkpoints WHERE direction = ?1"));
    lowest->bind(1, static_cast<int>(Direction::Push));
    SEN_ASSIGN_OR_RETURN(const bool row, lowest->step());
    if (!row || lowest->isNull(0))
        return std::int64_t(0);
    const std::int64_t acknowledged = lowest->int64(0);
    // documents_by_seq bounds the scan to the acknowledged part of the feed. A stub a peer
    // refused (no right to delete) is kept: the deletion did not reach it, and dropping the
    // stub would leave this replica without a document every other one still has.
    SEN_ASSIGN_OR_RETURN(auto drop,
                         m_db->cached("DELETE FROM documents WHERE seq <= ?1 AND (flags & ?2) != 0 "
                                      "AND NOT EXISTS (SELECT 1 FROM refused_versions r "
                                      "WHERE r.unid = documents.unid AND r.versions = documents.versions)"));
    drop->bind(1, acknowledged).bind(2, static_cast<int>(Deleted));
    SEN_TRY(drop->exec());
    const std::int64_t dropped = m_db->changes();
    SEN_TRY(tx.commit());
    return dropped;
}

Status ReplicaStore::batch(const std::function<Status()>& work)
{
    sql::SqlTransaction tx(*m_db);
    SEN_TRY(tx.beginStatus());
    SEN_TRY(work());
    return tx.commit();
}

Result<std::vector<store::Change>> ReplicaStore::changesSince(std::int64_t since, int limit) const
{
    return m_table.changesSince(since, limit);
}

Result<std::vector<store::StoredChange>> ReplicaStore::storedChangesSince(std::int64_t since, int limit) const
{
    return m_table.storedChangesSince(since, limit);
}

Result<std::uint64_t> ReplicaStore::localCounter() const
{
    SEN_ASSIGN_OR_RETURN(const std::int64_t counter,
                         m_db->queryInt("SELECT counter FROM local_state WHERE id = 1"));
    return static_cast<std::uint64_t>(counter);
}

Result<std::int64_t> ReplicaStore::lastSeq() const
{
    return m_db->queryInt("SELECT coalesce(max(seq), 0) FROM documents");
}

Result<std::int64_t> ReplicaStore::documentCount(bool includeDeleted) const
{
    return m_table.count(includeDeleted);
}

Status ReplicaStore::forEachDocument(const std::function<bool(const Document&)>& visit,
                                     bool includeDeleted) const
{
    return m_table.forEach([&](const store::StoredDocument& s) { return visit(s.doc); }, includeDeleted);
}

Result<std::vector<Document>> ReplicaStore::responses(const Unid& parent) const
{
    std::vector<Document> out;
    SEN_TRY(m_table.forEachChild(parent, [&](const store::StoredDocument& s) {
        if (!s.doc.isDeleted())
            out.push_back(s.doc);
        return true;
    }));
    std::stable_sort(out.begin(), out.end(), [](const Document& a, const Document& b) {
        return a.modifiedTime() < b.modifiedTime();
    });
    return out;
}

Status ReplicaStore::forEachChange(std::int64_t since,
                                   const std::function<bool(const store::StoredDocument&)>& visit) const
{
    return m_table.forEachSince(since, visit);
}

Status ReplicaStore::forEachChange(std::int64_t since, const QStringList& items,
                                   const std::function<bool(const store::StoredDocument&)>& visit) const
{
    return m_table.forEachSince(since, visit, &items);
}

Status ReplicaStore::readSnapshot(const std::function<Status()>& work) const
{
    if (m_db->inTransaction())
        return Status(ErrorCode::Internal, QStringLiteral("readSnapshot inside a transaction"));
    SEN_TRY(m_db->exec("BEGIN DEFERRED"));
    Status status = work();
    // A read transaction has nothing to keep: ROLLBACK ends it as well as COMMIT would.
    const Status end = m_db->exec("ROLLBACK");
    if (!status.isOk())
        return status;
    return end;
}

Result<std::vector<SearchHit>> ReplicaStore::search(const QString& query, const SearchOptions& options) const
{
    return m_fts.search(query, options);
}

AttachmentStore& ReplicaStore::attachments()
{
    return *m_attachments;
}

const AttachmentStore& ReplicaStore::attachments() const
{
    return *m_attachments;
}

Status ReplicaStore::integrityCheck() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db->prepare("PRAGMA integrity_check"));
    QStringList problems;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt.step());
        if (!row)
            break;
        const QString line = stmt.text(0);
        if (line != u"ok")
            problems << line;
    }
    if (!problems.isEmpty())
        return Status(ErrorCode::Corruption, problems.join(QStringLiteral("; ")));
    return Status::ok();
}

} // namespace sen
