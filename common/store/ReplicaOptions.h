#pragma once

// How a replica file is created and opened (ReplicaStore::create and open).

#include "common/core/Clock.h"
#include "common/core/Ids.h"
#include "common/model/ReplicaInfo.h"

#include <QByteArray>
#include <QString>

namespace sen {

struct ReplicaCreateOptions
{
    ReplicaId replicaId; // null: a new database with a fresh replica ID
    QString title;
    DatabaseKind kind = DatabaseKind::Documents;
};

struct ReplicaOpenOptions
{
    bool readOnly = false;
    const Clock* clock = nullptr; // null: the system clock
    QByteArray vfs;               // a registered SQLite VFS name (tests: "sen-fault")
};

} // namespace sen
