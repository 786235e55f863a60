#pragma once

// The lock every sen-server process takes while it changes a data directory (DIR/
// sen-server.lock, a QLockFile): two inits, two registrations or an admin command and the
// daemon's audit appends never interleave. A lock left by a process that died is taken over.
//
// Move-only; released when destroyed.

#include "common/core/Result.h"

#include <QString>

#include <memory>

class QLockFile;

namespace sen::server {

class DataDirectoryLock
{
public:
    static constexpr int kDefaultTimeoutMs = 10'000;

    // Busy, "DIR is in use by another sen-server process (pid N)", when the lock stays held
    // for `timeoutMs` (looked at every 5-20 ms, so a lock taken and released often is still
    // won); IoError when the lock file cannot be written.
    [[nodiscard]] static Result<DataDirectoryLock> acquire(const QString& dir,
                                                           int timeoutMs = kDefaultTimeoutMs);
    static QString lockPath(const QString& dir);

    DataDirectoryLock(DataDirectoryLock&&) noexcept;
    DataDirectoryLock& operator=(DataDirectoryLock&&) noexcept;
    ~DataDirectoryLock();

private:
    explicit DataDirectoryLock(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace sen::server
