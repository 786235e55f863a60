#pragma once

// The plain types of the store that the application layer's callers name: a replica's
// kind and identity (DatabaseKind, ReplicaInfo), a local edit (DocumentEdit) and a row of
// the replication history (HistoryEntry). The widgets (client/gui) include this header, never
// common/store, so they stand on the application layer alone (tests/layers/check_layers.py).

#include "common/model/DocumentEdit.h"
#include "common/model/ReplicaInfo.h"
#include "common/store/ReplicationLog.h"
