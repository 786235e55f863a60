#pragma once

// The chunk store of one replica (docs/file-format.md §Attachments): attachment files are
// cut by Chunker, each chunk is named by its SHA-256, stored once however many documents
// use it, and compressed with zstd when that makes it at least 1/8 smaller. Reading a file
// back verifies every chunk's hash and the whole file's hash; a chunk whose bytes do not
// match is refused.
//
// Owned by ReplicaStore; uses its connection and thread.

#include "common/core/Result.h"
#include "common/model/AttachmentRef.h"

#include <QIODevice>

#include <functional>
#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

class AttachmentStore
{
public:
    explicit AttachmentStore(sql::SqlDatabase& db) : m_db(db) {}

    // The chunks table, created by the replica schema. chunks.codec says how `data` holds the
    // chunk: 0 = raw, 1 = zstd frame. Persisted: the numbers never change.
    // The DDL of the chunk tables (chunks, wanted_chunks), run by the schema migration.
    static const char* createTableSql();

    // Told the bytes done so far after each chunk of an import or export (called on the
    // calling thread, from inside the operation); returning false cancels it, which then
    // fails with Cancelled (an import's transaction rolls back unless the caller's is open).
    using Progress = std::function<bool(std::uint64_t bytesDone)>;

    // Reads `input` to the end, stores its chunks (skipping those already present), and
    // returns the reference to put in an attachment item. Runs in its own transaction
    // unless the caller has one open.
    Result<AttachmentRef> importFile(QIODevice& input, const QString& fileName,
                                     const Progress& progress = {});
    Result<AttachmentRef> importBytes(QByteArrayView bytes, const QString& fileName);

    // Writes the file to `output`, verifying every chunk and the whole-file hash. Fails
    // with NotFound when a chunk is missing (summary-only replicas fetch on demand) and with
    // Corruption when a chunk's bytes do not match its name.
    Status exportFile(const AttachmentRef& ref, QIODevice& output, const Progress& progress = {}) const;
    Result<QByteArray> readAll(const AttachmentRef& ref) const;

    // Which of these chunks are not stored here (in the order given, duplicates once).
    Result<std::vector<crypto::Sha256Digest>> missingChunks(const std::vector<ChunkRef>& chunks) const;
    bool hasChunk(const crypto::Sha256Digest& hash) const;

    // A chunk received from elsewhere: refused unless sha256(bytes) == hash. Idempotent.
    // It is no longer wanted (see wantedChunks).
    Status putChunk(const crypto::Sha256Digest& hash, QByteArrayView bytes);

    // Records the chunks of `ref` this replica lacks as wanted (replication asks peers for
    // them). Runs in the caller's transaction.
    Status noteWanted(const AttachmentRef& ref);
    // Up to `limit` wanted chunks, in hash order after `after` (null: from the start).
    Result<std::vector<crypto::Sha256Digest>> wantedChunks(int limit,
                                                           const crypto::Sha256Digest& after = {}) const;
    // Whether a stored chunk is kept compressed (compressible data) — the wire then lets its
    // frame be compressed; raw chunks are incompressible and travel as they are.
    Result<bool> isCompressible(const crypto::Sha256Digest& hash) const;
    // The raw bytes of one stored chunk, verified.
    Result<QByteArray> chunk(const crypto::Sha256Digest& hash) const;

    // Number of chunks and their total uncompressed and stored sizes.
    struct Stats
    {
        std::int64_t chunks = 0;
        std::int64_t bytes = 0;
        std::int64_t storedBytes = 0;
    };
    Result<Stats> stats() const;

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen
