#include "common/sql/SqlFileHeader.h"

#include "common/sql/SqlDatabase.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace sen::sql {

Result<FileHeader> readFileHeader(const QString& path, int length)
{
    if (!QFileInfo::exists(path))
        return Status(ErrorCode::NotFound, QStringLiteral("%1: no such file").arg(path));
    // Opening read-only reads nothing and creates nothing: SQLite opens the main file
    // and waits for the first statement, which never comes.
    SqlDatabase::OpenOptions options;
    options.readOnly = true;
    auto db = SqlDatabase::open(path, options);
    if (!db)
        return Status(ErrorCode::IoError, QStringLiteral("%1: cannot read: %2").arg(path, db.message()));
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control((*db)->handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
        !file || !file->pMethods)
        return Status(ErrorCode::IoError, QStringLiteral("%1: cannot read: not opened").arg(path));

    FileHeader header;
    sqlite3_int64 size = 0;
    if (const int rc = file->pMethods->xFileSize(file, &size); rc != SQLITE_OK)
        return Status(ErrorCode::IoError,
                      QStringLiteral("%1: cannot read: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
    header.size = size;
    const int wanted = static_cast<int>(std::min<sqlite3_int64>(length, size));
    header.bytes = QByteArray(wanted, '\0');
    if (wanted > 0) {
        const int rc = file->pMethods->xRead(file, header.bytes.data(), wanted, 0);
        // A short read (the file shrank meanwhile) zero-fills: keep what the size says.
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
            return Status(
                ErrorCode::IoError,
                QStringLiteral("%1: cannot read: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    return header;
}

} // namespace sen::sql
