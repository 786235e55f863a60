#pragma once

// Describing a database before a replica of it exists (docs/protocol.md §Describing a
// database): a client adding a replica sends a HELLO with a null replica ID naming the
// database; the server answers DATABASE_INFO and closes. The client then creates its replica
// with that replica ID and replicates as usual.

#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QString>

namespace sen::protocol {

struct DatabaseInfo
{
    ReplicaId replicaId;
    int kind = 0; // DatabaseKind (common/model/ReplicaInfo.h)
    QString title;
};

QByteArray encode(const DatabaseInfo& m);
Result<DatabaseInfo> decodeDatabaseInfo(QByteArrayView payload);

} // namespace sen::protocol
