#include "server/core/DataDirectoryLock.h"

#include <QDir>
#include <QLockFile>

namespace sen::server {

QString DataDirectoryLock::lockPath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("sen-server.lock"));
}

Result<DataDirectoryLock> DataDirectoryLock::acquire(const QString& dir, int timeoutMs)
{
    auto lock = std::make_unique<QLockFile>(lockPath(dir));
    if (lock->tryLock(timeoutMs))
        return DataDirectoryLock(std::move(lock));
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, application;
        lock->getLockInfo(&pid, &host, &application);
        return Status(
            ErrorCode::Busy,
            QStringLiteral("%1 is in use by another sen-server process (pid %2)").arg(dir).arg(pid));
    }
    return Status(ErrorCode::IoError, QStringLiteral("cannot write the lock file in %1").arg(dir));
}

DataDirectoryLock::DataDirectoryLock(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}
DataDirectoryLock::DataDirectoryLock(DataDirectoryLock&&) noexcept = default;
DataDirectoryLock& DataDirectoryLock::operator=(DataDirectoryLock&&) noexcept = default;
DataDirectoryLock::~DataDirectoryLock() = default;

} // namespace sen::server
