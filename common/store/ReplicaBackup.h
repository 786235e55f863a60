#pragma once

// A consistent copy of a replica file taken while it is in use, through SQLite's online
// backup API (sqlite3_backup_*): the `sen-server backup` command.
//
// Guarantees:
// - The copy is taken in steps of a few hundred pages; between steps the source is not
//   locked, so writers are held up for one step at most. If another connection writes to
//   the source meanwhile, SQLite restarts the copy, so the result is always one committed
//   state of the source.
// - The copy is written beside the target under a temporary name, opened as a replica and
//   integrity-checked, and only then renamed to `targetPath`: a target that exists is a good
//   backup. On any failure the temporary file is removed and nothing is left at the target.
// - The copy keeps the source's replica and instance IDs, like any copied file: when it is
//   restored and replicates again, its peers tell it to take a new instance ID (docs/protocol.md).
// - The target file is owner-only (0600): a backup holds everything the database does.
//
// Thread-safety: stateless; the source may be in use by other connections and processes.

#include "common/core/Result.h"
#include "common/model/ReplicaInfo.h"

#include <QString>

namespace sen::store {

struct BackupOptions
{
    int pagesPerStep = 256;     // pages copied while the source is locked for reading
    int busyRetryMs = 20;       // wait before retrying a step the source refused as busy
    int maxBusyWaitMs = 30'000; // give up (Busy) after waiting this long in total
};

struct BackupReport
{
    ReplicaInfo info;           // of the copy, as it opened
    std::int64_t documents = 0; // live documents in the copy
    qint64 pages = 0;           // pages copied
    qint64 bytes = 0;           // size of the copy
};

// Copies the replica at `sourcePath` to `targetPath`. Conflict if `targetPath` exists;
// NotFound / InvalidArgument / Corruption / Unsupported if the source is not a readable
// replica (as probeReplicaFile says); Busy if the source stayed locked too long; IoError or
// Corruption if the copy could not be written or did not verify.
[[nodiscard]] Result<BackupReport> backupReplica(const QString& sourcePath, const QString& targetPath,
                                                 const BackupOptions& options = {});

} // namespace sen::store
