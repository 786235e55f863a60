#include "server/core/DataDirectoryLock.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLockFile>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>

namespace sen::server {

QString DataDirectoryLock::lockPath(const QString& dir)
{
    return QDir(dir).filePath(QStringLiteral("sen-server.lock"));
}

Result<DataDirectoryLock> DataDirectoryLock::acquire(const QString& dir, int timeoutMs)
{
    auto lock = std::make_unique<QLockFile>(lockPath(dir));
    // Polled every few milliseconds rather than with tryLock(timeoutMs): QLockFile doubles its
    // sleep from 100 ms, so it looks about seven times in ten seconds and a daemon appending
    // audit records back to back (an office pushing thousands of documents) holds the lock at
    // each look; an admin command then failed as "in use" though the lock was free most of
    // the time.
    QDeadlineTimer deadline(std::max(0, timeoutMs));
    while (!lock->tryLock(0)) {
        if (lock->error() != QLockFile::LockFailedError || deadline.hasExpired())
            break;
        QThread::msleep(
            std::min<qint64>(5 + QRandomGenerator::global()->bounded(15), deadline.remainingTime()));
    }
    if (lock->isLocked())
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
