#pragma once

// groups.json: the server's groups, loaded into an acl::Directory (docs/server.md,
// "groups.json"). There is no command to edit it yet; an administrator edits the file and
// the next command or connection reads it.

#include "common/acl/Directory.h"
#include "common/core/Result.h"

namespace sen::server {

class GroupsFile
{
public:
    // Corruption naming the file and the group for anything malformed; Unsupported for a
    // newer format.
    [[nodiscard]] static Result<acl::Directory> load(const QString& path);
    // A file with no groups, as init writes it.
    [[nodiscard]] static Status writeEmpty(const QString& path);
    // A file with these groups (name, direct members), in this order, atomically (a spoke
    // writes the hub's groups from its authority record).
    [[nodiscard]] static Status write(const QString& path, const QList<QPair<QString, QStringList>>& groups);
};

} // namespace sen::server
