#include "common/store/ReplicaBackup.h"

#include "common/core/OwnerOnly.h"
#include "common/crypto/Random.h"
#include "common/sql/SqlError.h"
#include "common/store/FileProbe.h"
#include "common/store/ReplicaStore.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <sqlite3.h>

namespace sen::store {

namespace {

// Closes a raw connection on every path out.
struct Connection
{
    sqlite3* db = nullptr;
    ~Connection() { sqlite3_close_v2(db); }
};

Status openRaw(const QString& path, int flags, Connection& connection)
{
    const QByteArray utf8 = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(utf8.constData(), &connection.db, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK)
        return sql::statusFromSqlite(connection.db, rc, "opening for backup");
    return Status::ok();
}

void removeWithSidecars(const QString& path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
}

// Copies page by page; returns the number of pages copied.
Result<qint64> copyPages(sqlite3* source, sqlite3* target, const BackupOptions& options)
{
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        return sql::statusFromSqlite(target, sqlite3_errcode(target), "starting the backup");
    int waitedMs = 0;
    int rc = SQLITE_OK;
    while (true) {
        rc = sqlite3_backup_step(backup, options.pagesPerStep);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_OK)
            continue;
        const int primary = rc & 0xff;
        if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && waitedMs < options.maxBusyWaitMs) {
            QThread::msleep(static_cast<unsigned long>(options.busyRetryMs));
            waitedMs += options.busyRetryMs;
            continue;
        }
        break;
    }
    const qint64 pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        const int primary = rc & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
            return Status(ErrorCode::Busy,
                          QStringLiteral("the replica stayed locked for %1 ms; try again later")
                              .arg(options.maxBusyWaitMs));
        return sql::statusFromSqlite(target, rc, "copying pages");
    }
    return pages;
}

// Opens the copy as a replica and checks it; returns what the report needs.
Result<BackupReport> verifyCopy(const QString& path, qint64 pages)
{
    ReplicaOpenOptions open;
    open.readOnly = true;
    SEN_ASSIGN_OR_RETURN(auto store, ReplicaStore::open(path, open));
    SEN_TRY(store->integrityCheck());
    BackupReport report;
    report.info = store->info();
    SEN_ASSIGN_OR_RETURN(report.documents, store->documentCount());
    report.pages = pages;
    return report;
}

} // namespace

Result<BackupReport> backupReplica(const QString& sourcePath, const QString& targetPath,
                                   const BackupOptions& options)
{
    if (QFileInfo::exists(targetPath))
        return Status(ErrorCode::Conflict, QStringLiteral("%1 already exists").arg(targetPath));
    if (const auto probe = probeReplicaFile(sourcePath); !probe)
        return probe.status().withContext(sourcePath);

    const QString partPath =
        targetPath + QStringLiteral(".part-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    Result<BackupReport> report = [&]() -> Result<BackupReport> {
        qint64 pages = 0;
        {
            Connection source;
            Connection target;
            SEN_TRY(openRaw(sourcePath, SQLITE_OPEN_READONLY, source).withContext(sourcePath));
            SEN_TRY(openRaw(partPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, target)
                        .withContext(targetPath));
            // Owner-only before the first page is copied (SQLite created the file on open).
            SEN_TRY(restrictToOwner(partPath).withContext(targetPath));
            SEN_ASSIGN_OR_RETURN(pages, copyPages(source.db, target.db, options));
        }
        SEN_ASSIGN_OR_RETURN(BackupReport verified, verifyCopy(partPath, pages));
        verified.bytes = QFileInfo(partPath).size();
        return verified;
    }();
    if (!report) {
        removeWithSidecars(partPath);
        return report.status().code() == ErrorCode::Busy
                   ? report.status()
                   : report.status().withContext(QStringLiteral("backup"));
    }
    // The copy was written through a rollback journal and then only read: any sidecar left
    // by the read-only check holds nothing.
    QFile::remove(partPath + QStringLiteral("-wal"));
    QFile::remove(partPath + QStringLiteral("-shm"));
    if (!QFile::rename(partPath, targetPath)) {
        removeWithSidecars(partPath);
        return Status(ErrorCode::IoError, QStringLiteral("cannot rename the backup to %1").arg(targetPath));
    }
    return report;
}

} // namespace sen::store
