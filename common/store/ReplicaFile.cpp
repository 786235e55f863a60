#include "common/store/ReplicaFile.h"

#include "common/attachments/AttachmentStore.h"
#include "common/core/OwnerOnly.h"
#include "common/fts/AttachmentTextStore.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/AttachmentRef.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/FileProbe.h"
#include "common/store/Schema.h"
#include "common/workflow/WorkflowIndex.h"

#include <QFile>
#include <QFileInfo>

namespace sen::store {

Status ReplicaFile::putMeta(const QString& key, const QVariant& value)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db->cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)"));
    stmt->bind(1, key);
    if (value.typeId() == QMetaType::QByteArray)
        stmt->bind(2, value.toByteArray());
    else if (value.typeId() == QMetaType::QString)
        stmt->bind(2, value.toString());
    else
        stmt->bind(2, value.toLongLong());
    return stmt->exec();
}

ReplicaFile::ReplicaFile(std::unique_ptr<sql::SqlDatabase> db, const Clock& clock)
    : m_db(std::move(db)), m_hlc(clock), m_table(*m_db), m_fts(*m_db),
      m_attachments(std::make_unique<AttachmentStore>(*m_db)),
      m_attachmentText(std::make_unique<AttachmentTextStore>(*m_db)),
      m_workflowIndex(std::make_unique<workflow::WorkflowIndexTable>(*m_db))
{}

ReplicaFile::~ReplicaFile() = default;

const QString& ReplicaFile::path() const
{
    return m_db->path();
}

Result<std::unique_ptr<ReplicaFile>>
ReplicaFile::openConnection(const QString& path, const ReplicaOpenOptions& options, bool create)
{
    sql::SqlDatabase::OpenOptions sqlOptions;
    sqlOptions.readOnly = options.readOnly;
    sqlOptions.create = create;
    sqlOptions.vfs = options.vfs;
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, sqlOptions));
    SEN_TRY(fts::registerTokenizer(db->handle()));
    const Clock& clock = options.clock ? *options.clock : SystemClock::instance();
    return std::unique_ptr<ReplicaFile>(new ReplicaFile(std::move(db), clock));
}

Result<std::unique_ptr<ReplicaFile>> ReplicaFile::create(const QString& path,
                                                         const ReplicaCreateOptions& create,
                                                         const ReplicaOpenOptions& options)
{
    if (QFileInfo::exists(path))
        return Status(ErrorCode::Conflict, QStringLiteral("%1: a file of that name exists").arg(path));
    if (options.readOnly)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("cannot create a replica read-only"));
    auto opened = openConnection(path, options, true);
    if (!opened)
        return opened.status().withContext(path);
    std::unique_ptr<ReplicaFile> file = std::move(opened).value();
    sql::SqlDatabase& db = *file->m_db;

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
            status = file->putMeta(QStringLiteral("replica_id"), replicaId.toBytes());
        if (status.isOk())
            status = file->putMeta(QStringLiteral("instance_id"), newInstanceId().toBytes());
        if (status.isOk())
            status = file->putMeta(QStringLiteral("title"), create.title);
        if (status.isOk())
            status = file->putMeta(QStringLiteral("kind"), static_cast<int>(create.kind));
        if (status.isOk())
            status = file->putMeta(QStringLiteral("created"),
                                   static_cast<qint64>(hlcPhysicalMs(file->m_hlc.now())));
        if (status.isOk())
            status = tx.commit();
    }
    if (status.isOk())
        status = file->configure(false);
    if (status.isOk())
        status = file->loadInfo();
    if (!status.isOk()) {
        file.reset();
        QFile::remove(path);
        return status.withContext(QStringLiteral("creating %1").arg(path));
    }
    return file;
}

Result<std::unique_ptr<ReplicaFile>> ReplicaFile::open(const QString& path, const ReplicaOpenOptions& options)
{
    // Refuse what is not ours before SQLite sees the file (nothing written, no -wal made).
    const auto probe = store::probeReplicaFile(path);
    if (!probe)
        return probe.status();

    auto opened = openConnection(path, options, false);
    if (!opened)
        return opened.status().withContext(path);
    std::unique_ptr<ReplicaFile> file = std::move(opened).value();
    sql::SqlDatabase& db = *file->m_db;
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

    Status status = file->configure(options.readOnly);
    if (status.isOk() && *version < schema::kVersion) {
        if (options.readOnly)
            return Status(ErrorCode::Unsupported,
                          QStringLiteral("%1: needs an upgrade; open it writable").arg(path));
        status = schema::migrate(db, static_cast<int>(*version));
    }
    if (status.isOk())
        status = file->loadInfo();
    if (!status.isOk())
        return status.withContext(path);
    return file;
}

Status ReplicaFile::configure(bool readOnly)
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

Status ReplicaFile::loadInfo()
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
            const std::optional<DatabaseKind> kind = databaseKindFromInt(stmt->int64(1));
            if (!kind)
                return Status(
                    ErrorCode::Unsupported,
                    QStringLiteral("a kind of database this version does not know (%1)").arg(stmt->int64(1)));
            m_info.kind = *kind;
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

Result<ReplicaFile::Allocation> ReplicaFile::nextAllocation(bool newDot)
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

Status ReplicaFile::recordAllocation(const Allocation& a, bool newDot)
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

Result<ReplicaFile::Allocation> ReplicaFile::allocate(bool newDot)
{
    SEN_ASSIGN_OR_RETURN(const Allocation a, nextAllocation(newDot));
    SEN_TRY(recordAllocation(a, newDot));
    return a;
}

Status ReplicaFile::noteWantedChunks(const Document& doc)
{
    for (const Item& item : doc.items) {
        if (item.type != ItemType::Attachment || item.isTombstone())
            continue;
        SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, AttachmentRef::fromCbor(item.value));
        SEN_TRY(m_attachments->noteWanted(ref));
    }
    return Status::ok();
}

} // namespace sen::store
