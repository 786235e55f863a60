#pragma once

// The open connection to one replica file and what the store's two APIs share
// (ReplicaStore for documents, ReplicaSync for replication; docs/file-format.md):
// the row table, the full-text index, the attachment store, the hybrid clock, the replica's
// identity, and the allocation of dots and change-feed positions.
//
// Guarantees:
// - create() and open() are those ReplicaStore documents: opening refuses, without writing,
//   what is not a Sen replica, a truncated file and a newer schema version; it migrates an
//   older one (writable only) and loads the identity.
// - nextAllocation() reads the instance's local_state row (and its instance ID) inside the
//   caller's write transaction, once per transaction, so several connections to one file
//   never hand out a dot or a feed position twice.
//
// Internal to common/store: ReplicaStore owns one and lends it to its ReplicaSync;
// InstanceRenewal opens one on a file no store holds. Thread-safety: that of the connection
// (one thread at a time).

#include "common/core/HybridClock.h"
#include "common/core/Result.h"
#include "common/fts/FullTextIndex.h"
#include "common/model/ReplicaInfo.h"
#include "common/store/DocumentTable.h"
#include "common/store/ReplicaOptions.h"

#include <QVariant>

#include <memory>

namespace sen {

class AttachmentStore;
class AttachmentTextStore;
namespace workflow {
class WorkflowIndexTable;
}
namespace sql {
class SqlDatabase;
}

namespace store {

class ReplicaFile
{
public:
    // Creates a new replica file; fails with Conflict when `path` exists.
    static Result<std::unique_ptr<ReplicaFile>>
    create(const QString& path, const ReplicaCreateOptions& create, const ReplicaOpenOptions& options);
    static Result<std::unique_ptr<ReplicaFile>> open(const QString& path, const ReplicaOpenOptions& options);
    ~ReplicaFile();
    ReplicaFile(const ReplicaFile&) = delete;
    ReplicaFile& operator=(const ReplicaFile&) = delete;

    sql::SqlDatabase& db() { return *m_db; }
    const QString& path() const;
    // As loaded at open; the instance ID as the last allocation read it.
    const ReplicaInfo& info() const { return m_info; }
    HybridClock& clock() { return m_hlc; }
    DocumentTable& table() { return m_table; }
    FullTextIndex& fts() { return m_fts; }
    AttachmentStore& attachments() { return *m_attachments; }
    AttachmentTextStore& attachmentText() { return *m_attachmentText; }
    workflow::WorkflowIndexTable& workflowIndex() { return *m_workflowIndex; }

    // Inside a write transaction: the next seq and time from this instance's local_state row,
    // and with `newDot` the next counter (else counter is 0). nextAllocation() writes
    // nothing; recordAllocation() writes what it handed out; allocate() does both.
    struct Allocation
    {
        std::uint64_t counter;
        std::int64_t seq;
        HlcTime time;
    };
    Result<Allocation> nextAllocation(bool newDot);
    Status recordAllocation(const Allocation& a, bool newDot);
    Result<Allocation> allocate(bool newDot = true);

    // The attachment chunks a stored version references and this file lacks become wanted.
    Status noteWantedChunks(const Document& doc);

    // One row of the meta table (a byte array, a text or an integer).
    Status putMeta(const QString& key, const QVariant& value);

private:
    ReplicaFile(std::unique_ptr<sql::SqlDatabase> db, const Clock& clock);
    static Result<std::unique_ptr<ReplicaFile>>
    openConnection(const QString& path, const ReplicaOpenOptions& options, bool create);
    Status configure(bool readOnly);
    Status loadInfo();

    // The local_state row as of the last allocation in the current transaction (valid while
    // the connection's transactionSerial() is `transaction`).
    struct LocalState
    {
        bool valid = false;
        std::uint64_t transaction = 0;
        std::uint64_t counter = 0;
        std::int64_t seq = 0;
        HlcTime hlc = 0;
    };
    LocalState m_localState;

    std::unique_ptr<sql::SqlDatabase> m_db;
    HybridClock m_hlc;
    ReplicaInfo m_info;
    DocumentTable m_table;
    FullTextIndex m_fts;
    std::unique_ptr<AttachmentStore> m_attachments;
    std::unique_ptr<AttachmentTextStore> m_attachmentText;
    std::unique_ptr<workflow::WorkflowIndexTable> m_workflowIndex;
};

} // namespace store
} // namespace sen
