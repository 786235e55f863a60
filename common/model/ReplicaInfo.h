#pragma once

// What a replica file says about itself: its kind of database and its identity
// (docs/file-format.md, table `meta`). Plain values, no store behind them: what a caller
// that lists or describes replicas needs without including the store.

#include "common/core/Ids.h"

#include <QString>

#include <optional>

namespace sen {

// Persisted and sent on the wire: the numbers never change.
enum class DatabaseKind : int
{
    Documents = 1, // văn bản: incoming, outgoing and internal documents
    Calendar = 2,  // lịch công tác: the weekly work schedule
    News = 3,      // tin tức: the internal news site
};
QString databaseKindName(DatabaseKind kind); // "documents", "calendar", "news"
std::optional<DatabaseKind> databaseKindFromName(const QString& name);
// The kind a stored or received number names, or nullopt for a number no kind has (a file
// or a server of a newer Sen, or damage): never a cast.
std::optional<DatabaseKind> databaseKindFromInt(qint64 value);

struct ReplicaInfo
{
    ReplicaId replicaId;
    InstanceId instanceId;
    QString title;
    DatabaseKind kind = DatabaseKind::Documents;
    qint64 createdMs = 0;
};

} // namespace sen
