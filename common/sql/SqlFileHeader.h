#pragma once

// The first bytes of a database file and its size, read through SQLite's own file handle.
//
// Sen never opens a descriptor of its own on a file SQLite owns (a replica, a view cache,
// their -wal, -shm and -journal): on POSIX, closing any descriptor on a file drops every
// fcntl lock the process holds on it, including those of its live SQLite connections, and
// another process may then checkpoint or delete the WAL under them. SQLite's unix VFS
// shares one descriptor per file among the connections of a process and defers closing it
// while locks are held, so a connection opened and closed here is safe.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

namespace sen::sql {

struct FileHeader
{
    QByteArray bytes; // the first min(length, size) bytes
    qint64 size = 0;  // the main file's size in bytes
};

// Reads without taking a lock and without writing (no -wal or -shm is made). NotFound if
// there is no file; IoError if it cannot be opened or read.
[[nodiscard]] Result<FileHeader> readFileHeader(const QString& path, int length = 100);

} // namespace sen::sql
