#pragma once

// Looks at a file's first 100 bytes — through SQLite's file handle, without a lock, without
// writing, never opening a descriptor of its own (sql/SqlFileHeader.h) — to tell a Sen
// replica from anything else before the file is opened: not SQLite at all, SQLite but not
// Sen, cut short, or written by a newer Sen. Internal to common/.

#include "common/core/Result.h"

#include <QString>

namespace sen::store {

struct ProbeResult
{
    int schemaVersion = 0; // from the main file's header; the WAL may hold a newer one
};

// NotFound (no file), InvalidArgument (not a Sen replica), Corruption (truncated or a
// damaged header), Unsupported (a newer schema), IoError (unreadable).
Result<ProbeResult> probeReplicaFile(const QString& path);

} // namespace sen::store
