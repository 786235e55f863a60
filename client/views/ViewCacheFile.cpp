#include "client/views/ViewCacheFile.h"

#include "common/core/OwnerOnly.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlFileHeader.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace sen::views {

namespace {

constexpr const char* kSchema = "CREATE TABLE meta(key TEXT PRIMARY KEY, value);"
                                "CREATE TABLE docs(id INTEGER PRIMARY KEY, unid BLOB NOT NULL UNIQUE,"
                                " seq INTEGER NOT NULL, deleted INTEGER NOT NULL, read INTEGER NOT NULL);"
                                "CREATE INDEX docs_unread ON docs(deleted) WHERE read = 0 AND deleted = 0;"
                                "CREATE TABLE views(id TEXT PRIMARY KEY, tab INTEGER NOT NULL UNIQUE,"
                                " hash BLOB NOT NULL, seq INTEGER NOT NULL, indexed INTEGER NOT NULL);"
                                "CREATE TABLE fields(id INTEGER PRIMARY KEY, item TEXT NOT NULL,"
                                " kind INTEGER NOT NULL, UNIQUE(item, kind));"
                                "CREATE TABLE display(doc INTEGER PRIMARY KEY);";

} // namespace

QString ViewCacheFile::pathFor(const QString& replicaPath)
{
    QString path = replicaPath;
    if (path.endsWith(QLatin1String(".sen")))
        path.chop(4);
    return path + QStringLiteral(".views");
}

QByteArray ViewCacheFile::tableName(std::int64_t tab)
{
    return "v" + QByteArray::number(tab);
}

Status ViewCacheFile::checkHeader(const QString& path)
{
    // Through SQLite's own file handle: the GUI's connections have this file open, and
    // closing a descriptor of our own would drop their locks (sql/SqlFileHeader.h).
    const Result<sql::FileHeader> read = sql::readFileHeader(path);
    if (!read && read.code() == ErrorCode::NotFound)
        return Status(ErrorCode::NotFound, QStringLiteral("no view cache %1").arg(path));
    if (!read)
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(path));
    const QByteArray& header = read->bytes;
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return Status(ErrorCode::Corruption, QStringLiteral("%1 is not a view cache").arg(path));
    const auto version = qFromBigEndian<qint32>(header.constData() + 60);
    const auto appId = qFromBigEndian<qint32>(header.constData() + 68);
    if (appId != kApplicationId || version != kVersion)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1 is not a view cache of version %2").arg(path).arg(kVersion));
    return Status::ok();
}

Status ViewCacheFile::configure(sql::SqlDatabase& db)
{
    SEN_TRY(db.exec("PRAGMA busy_timeout = 10000;"
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = NORMAL;"
                    "PRAGMA temp_store = MEMORY;"
                    "PRAGMA cache_size = -16000;"));
    // The header check above read the main file; the WAL may hold a newer state.
    SEN_ASSIGN_OR_RETURN(const std::int64_t appId, db.queryInt("PRAGMA application_id"));
    SEN_ASSIGN_OR_RETURN(const std::int64_t version, db.queryInt("PRAGMA user_version"));
    if (appId != kApplicationId || version != kVersion)
        return Status(ErrorCode::Corruption, QStringLiteral("not a view cache of version %1").arg(kVersion));
    return Status::ok();
}

Status ViewCacheFile::createSchema(sql::SqlDatabase& db)
{
    // Identity and schema in one transaction in rollback-journal mode, then WAL: the main
    // file names itself as soon as it exists (as the replica file does).
    SEN_TRY(db.exec("PRAGMA journal_mode = DELETE"));
    SEN_TRY(db.exec("BEGIN IMMEDIATE"));
    Status status = db.exec(kSchema);
    if (status.isOk())
        status = db.exec(QByteArray("PRAGMA application_id = " + QByteArray::number(kApplicationId) +
                                    "; PRAGMA user_version = " + QByteArray::number(kVersion))
                             .constData());
    if (!status.isOk()) {
        (void)db.exec("ROLLBACK");
        return status;
    }
    return db.exec("COMMIT");
}

Status ViewCacheFile::remove(const QString& path)
{
    const QString paths[] = {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
    for (const QString& p : paths) {
        if (QFile::exists(p) && !QFile::remove(p))
            return Status(ErrorCode::IoError, QStringLiteral("cannot delete %1").arg(p));
    }
    return Status::ok();
}

Result<std::unique_ptr<sql::SqlDatabase>> ViewCacheFile::openForWriting(const QString& path,
                                                                        const QByteArray& vfs)
{
    const Status header = checkHeader(path);
    if (!header.isOk() && header.code() != ErrorCode::NotFound)
        SEN_TRY(remove(path));
    if (header.isOk()) {
        {
            sql::SqlDatabase::OpenOptions existing;
            existing.vfs = vfs;
            auto db = sql::SqlDatabase::open(path, existing);
            if (db && configure(**db).isOk())
                return db;
        }
        // Unreadable despite a good header: start again.
        SEN_TRY(remove(path));
    }
    sql::SqlDatabase::OpenOptions options;
    options.create = true;
    options.vfs = vfs;
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, options));
    // The cache copies the replica's view columns: as private as the replica.
    SEN_TRY(restrictToOwner(path));
    SEN_TRY(createSchema(*db));
    SEN_TRY(configure(*db));
    return db;
}

Result<std::unique_ptr<sql::SqlDatabase>> ViewCacheFile::openForReading(const QString& path)
{
    SEN_TRY(checkHeader(path));
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, {}));
    SEN_TRY(configure(*db));
    return db;
}

} // namespace sen::views
