#pragma once

// What the replication page shows below the table for the selected replica, each as a plain
// item model a QTableView shows (and a test reads): its session history (ReplicationLog),
// its errors in plain words (SyncErrorText), and its edits the server refused
// (ReplicaSync::refusals()). GUI thread; reads the replica file.

#include "client/sync/Replicator.h"
#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>

#include <optional>

class QStandardItemModel;

namespace sen::gui {

class ReplicaDetails
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaDetails)
public:
    static constexpr int kHistoryRows = 50;

    // Columns: when, received, sent, conflicts, refused, bytes, result.
    static Status fillHistory(QStandardItemModel& model, ReplicaStore& store);
    // One row per failure, newest first: when, what happened in plain words. `report` is a
    // failure of this run the history does not hold (one before the handshake).
    static Status fillErrors(QStandardItemModel& model, ReplicaStore& store,
                             const client::ReplicaSettings& settings,
                             const std::optional<client::SyncReport>& report);
    // Columns: document, why, when, by whom; a refusal whose document changed since is
    // marked as offered again.
    static Status fillRefusals(QStandardItemModel& model, ReplicaStore& store);
    // Empties all three (no replica selected).
    static void clear(QStandardItemModel& history, QStandardItemModel& errors, QStandardItemModel& refusals);

    static QString bytesText(qint64 bytes);
};

} // namespace sen::gui
