#pragma once

// Owner-only files and folders for what a workspace holds (replicas, view caches, ID files,
// backups, attachments opened from a document): on POSIX mode 0600 for a file and 0700 for a
// folder; on Windows a protected DACL that grants the current user full control and nobody
// else anything (a folder's entry is inherited by what is created inside it).
//
// Changes the file's metadata only (chmod, SetNamedSecurityInfo): it never opens the file,
// so it is safe on a database SQLite has open (see sql/SqlFileHeader.h).

#include "common/core/Result.h"

#include <QString>

namespace sen {

// IoError if the permissions cannot be set; NotFound if there is no such file or folder.
[[nodiscard]] Status restrictToOwner(const QString& path);

} // namespace sen
