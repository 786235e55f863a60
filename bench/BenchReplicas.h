#pragma once

// Replica files and documents for the benchmarks that need many of them. Documents have the
// shape of the PouchDB anchor measurements (sync-anchors §2.4), as in ReplicationBench: form
// "Bench", a ~40-character Subject, an 800-character random base64 Body and a number N.
// Every function prints the reason and exits the process on failure (benchmarks only).

#include "common/store/ReplicaStore.h"

#include <QRandomGenerator>

#include <memory>

namespace sen::bench {

[[noreturn]] void fail(const char* what, const Status& status);

DocumentEdit benchDocument(QRandomGenerator& random, int n);
// An incoming document (form VanBanDen, the demo's items) of about 0.9 KB with a random
// date in 2024–2026, issuer, type, status and a 560-character subject; one in ten is
// assigned (NguoiXuLy) to "Nguyễn Văn An/VPTU/HaNoi".
DocumentEdit incomingDocument(QRandomGenerator& random, int n);

// A new replica file of the database `replicaId`.
std::unique_ptr<ReplicaStore> createReplica(const QString& path, const ReplicaId& replicaId = {});
std::unique_ptr<ReplicaStore> openReplica(const QString& path);
// Deletes a closed replica file with its -wal and -shm.
void removeReplica(const QString& path);

// Saves `count` documents made by `make` (number n from 0) in batches of 1,000 (one
// transaction each).
void fill(ReplicaStore& store, int count, QRandomGenerator& random,
          DocumentEdit (*make)(QRandomGenerator&, int) = benchDocument);

} // namespace sen::bench
