#include "common/attachments/AttachmentStore.h"

#include "common/attachments/Chunker.h"
#include "common/codec/Zstd.h"
#include "common/crypto/Sha256.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"

#include <QBuffer>
#include <QSet>

#include <cstring>

namespace sen {

namespace {

// How a chunk's bytes are stored in chunks.codec. Persisted: the numbers never change.
enum class Codec : std::int64_t
{
    Raw = 0,
    Zstd = 1,
};

QByteArrayView bytesOf(const crypto::Sha256Digest& digest)
{
    return QByteArrayView(digest.data(), static_cast<qsizetype>(crypto::Sha256Digest::size));
}

Status mismatch(const crypto::Sha256Digest& hash)
{
    return Status(ErrorCode::Corruption,
                  QStringLiteral("chunk %1 does not match its hash").arg(hash.toHex()));
}

Result<bool> isStored(sql::SqlDatabase& db, const crypto::Sha256Digest& hash)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, db.cached("SELECT 1 FROM chunks WHERE hash = ?1"));
    stmt->bind(1, bytesOf(hash));
    return stmt->step();
}

// Stores one chunk whose hash the caller has checked, unless it is already there.
Status store(sql::SqlDatabase& db, const crypto::Sha256Digest& hash, QByteArrayView bytes)
{
    // The lookup costs far less than compressing 64 KiB, and repeated chunks are the point
    // of the store (the same file attached twice, a file re-imported after a small edit).
    SEN_ASSIGN_OR_RETURN(const bool present, isStored(db, hash));
    if (present)
        return Status::ok();

    // Compression must save at least 1/8 to be worth a decompression on every read; random or
    // already-compressed data (photos, PDFs, archives) is stored as it is.
    const QByteArray compressed = zstd::compress(bytes);
    const bool useZstd = compressed.size() * 8 <= bytes.size() * 7;

    SEN_ASSIGN_OR_RETURN(
        auto stmt,
        db.cached("INSERT OR IGNORE INTO chunks(hash, size, codec, data) VALUES (?1, ?2, ?3, ?4)"));
    stmt->bind(1, bytesOf(hash));
    stmt->bind(2, static_cast<std::int64_t>(bytes.size()));
    stmt->bind(3, static_cast<std::int64_t>(useZstd ? Codec::Zstd : Codec::Raw));
    stmt->bind(4, useZstd ? QByteArrayView(compressed) : bytes);
    return stmt->exec();
}

// The verified raw bytes of one chunk.
Result<QByteArray> load(sql::SqlDatabase& db, const crypto::Sha256Digest& hash)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, db.cached("SELECT size, codec, data FROM chunks WHERE hash = ?1"));
    stmt->bind(1, bytesOf(hash));
    SEN_ASSIGN_OR_RETURN(const bool found, stmt->step());
    if (!found)
        return Status(ErrorCode::NotFound, QStringLiteral("chunk %1 is not stored").arg(hash.toHex()));

    const std::int64_t size = stmt->int64(0);
    const std::int64_t codec = stmt->int64(1);
    // The size column bounds decompression, so it is checked before it is trusted.
    if (size <= 0 || size > std::int64_t{AttachmentRef::kMaxChunkSize})
        return Status(ErrorCode::Corruption,
                      QStringLiteral("chunk %1 has an impossible size %2").arg(hash.toHex()).arg(size));

    QByteArray raw;
    if (codec == static_cast<std::int64_t>(Codec::Raw)) {
        raw = stmt->blob(2);
    } else if (codec == static_cast<std::int64_t>(Codec::Zstd)) {
        Result<QByteArray> inflated = zstd::decompress(stmt->blobView(2), static_cast<qsizetype>(size));
        if (!inflated)
            return inflated.status().withContext(QStringLiteral("chunk %1").arg(hash.toHex()));
        raw = std::move(inflated).value();
    } else {
        return Status(ErrorCode::Corruption,
                      QStringLiteral("chunk %1 has unknown codec %2").arg(hash.toHex()).arg(codec));
    }

    if (raw.size() != size || crypto::Sha256::hash(raw) != hash)
        return mismatch(hash);
    return raw;
}

Status cancelled(const QString& fileName)
{
    return Status(ErrorCode::Cancelled, QStringLiteral("%1: cancelled").arg(fileName));
}

// Reads up to `max` bytes, fewer only at the end of the input.
Result<qsizetype> readUpTo(QIODevice& input, char* out, qsizetype max)
{
    qsizetype got = 0;
    while (got < max) {
        const qint64 n = input.read(out + got, max - got);
        if (n < 0)
            return Status(ErrorCode::IoError, QStringLiteral("reading: %1").arg(input.errorString()));
        if (n == 0) {
            // A pipe or socket may have nothing buffered yet; it is at its end only when
            // waiting for more fails.
            if (input.isSequential() && input.waitForReadyRead(-1))
                continue;
            break;
        }
        got += static_cast<qsizetype>(n);
    }
    return got;
}

} // namespace

const char* AttachmentStore::createTableSql()
{
    // codec: 0 = raw, 1 = zstd (see Codec above; persisted, never renumbered).
    // size: the raw length, which also bounds decompression.
    // wanted_chunks: chunks that stored documents reference but this replica lacks — what
    // the next sync asks for (summary-only replicas fetch them on demand instead).
    return "CREATE TABLE chunks(id INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, size INTEGER NOT NULL, "
           "codec INTEGER NOT NULL, data BLOB NOT NULL) STRICT;"
           "CREATE TABLE wanted_chunks(hash BLOB PRIMARY KEY) STRICT, WITHOUT ROWID";
}

Result<AttachmentRef> AttachmentStore::importFile(QIODevice& input, const QString& fileName,
                                                  const Progress& progress)
{
    if (!input.isReadable())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("importing %1: input is not open for reading").arg(fileName));

    sql::SqlTransaction transaction(m_db);
    SEN_TRY(transaction.beginStatus());

    AttachmentRef ref;
    ref.fileName = fileName;
    crypto::Sha256 fileHash;
    crypto::Sha256 chunkHash;

    // A window of two maximum chunks: whenever less than one maximum chunk is left it is moved
    // to the front and topped up, so nextCut always sees either kMaxSize bytes or the end.
    QByteArray buffer(static_cast<qsizetype>(2 * Chunker::kMaxSize), Qt::Uninitialized);
    qsizetype begin = 0;
    qsizetype end = 0;
    bool atEnd = false;
    std::uint64_t bytesRead = 0;
    for (;;) {
        if (!atEnd && end - begin < static_cast<qsizetype>(Chunker::kMaxSize)) {
            std::memmove(buffer.data(), buffer.constData() + begin, static_cast<std::size_t>(end - begin));
            end -= begin;
            begin = 0;
            Result<qsizetype> got = readUpTo(input, buffer.data() + end, buffer.size() - end);
            if (!got)
                return got.status().withContext(QStringLiteral("importing %1").arg(fileName));
            atEnd = *got < buffer.size() - end;
            end += *got;
            bytesRead += static_cast<std::uint64_t>(*got);
            if (bytesRead > AttachmentRef::kMaxFileSize)
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("importing %1: larger than the %2-byte limit for attachments")
                                  .arg(fileName)
                                  .arg(AttachmentRef::kMaxFileSize));
        }
        if (begin == end && atEnd)
            break;
        const QByteArrayView window(buffer.constData() + begin, end - begin);
        const std::size_t cut = Chunker::nextCut(window, atEnd);
        if (cut == 0)
            continue; // more input needed (only on a short read; the refill above handles it)

        const QByteArrayView piece = window.first(static_cast<qsizetype>(cut));
        chunkHash.update(piece);
        const crypto::Sha256Digest digest = chunkHash.finish();
        fileHash.update(piece);
        SEN_TRY(store(m_db, digest, piece));
        ref.chunks.push_back({digest, static_cast<std::uint32_t>(cut)});
        ref.size += cut;
        begin += static_cast<qsizetype>(cut);
        if (progress && !progress(ref.size))
            return cancelled(fileName);
    }
    ref.sha256 = fileHash.finish();

    SEN_TRY(transaction.commit());
    return ref;
}

Result<AttachmentRef> AttachmentStore::importBytes(QByteArrayView bytes, const QString& fileName)
{
    // QBuffer wants a QByteArray; fromRawData shares the caller's bytes instead of copying.
    QByteArray shared = QByteArray::fromRawData(bytes.data(), bytes.size());
    QBuffer buffer(&shared);
    buffer.open(QIODevice::ReadOnly);
    return importFile(buffer, fileName);
}

Status AttachmentStore::exportFile(const AttachmentRef& ref, QIODevice& output,
                                   const Progress& progress) const
{
    if (!output.isWritable())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("exporting %1: output is not open for writing").arg(ref.fileName));

    crypto::Sha256 fileHash;
    std::uint64_t written = 0;
    for (const ChunkRef& c : ref.chunks) {
        SEN_ASSIGN_OR_RETURN(const QByteArray bytes, load(m_db, c.hash));
        if (static_cast<std::uint64_t>(bytes.size()) != c.size)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("chunk %1 has %2 bytes, the reference says %3")
                              .arg(c.hash.toHex())
                              .arg(bytes.size())
                              .arg(c.size));
        if (output.write(bytes) != bytes.size())
            return Status(ErrorCode::IoError,
                          QStringLiteral("exporting %1: %2").arg(ref.fileName, output.errorString()));
        fileHash.update(bytes);
        written += c.size;
        if (progress && !progress(written))
            return cancelled(ref.fileName);
    }
    if (written != ref.size || fileHash.finish() != ref.sha256)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("exporting %1: the file does not match its hash").arg(ref.fileName));
    return Status::ok();
}

Result<QByteArray> AttachmentStore::readAll(const AttachmentRef& ref) const
{
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(ref.size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    SEN_TRY(exportFile(ref, buffer));
    buffer.close();
    return bytes;
}

Result<std::vector<crypto::Sha256Digest>>
AttachmentStore::missingChunks(const std::vector<ChunkRef>& chunks) const
{
    std::vector<crypto::Sha256Digest> missing;
    QSet<crypto::Sha256Digest> seen;
    for (const ChunkRef& c : chunks) {
        if (seen.contains(c.hash))
            continue;
        seen.insert(c.hash);
        SEN_ASSIGN_OR_RETURN(const bool present, isStored(m_db, c.hash));
        if (!present)
            missing.push_back(c.hash);
    }
    return missing;
}

bool AttachmentStore::hasChunk(const crypto::Sha256Digest& hash) const
{
    // A failed query reports "not here": the caller then fetches the chunk, and putChunk
    // surfaces the error if the database is really broken.
    return isStored(m_db, hash).valueOr(false);
}

Status AttachmentStore::putChunk(const crypto::Sha256Digest& hash, QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.size() > qsizetype{AttachmentRef::kMaxChunkSize})
        return Status(ErrorCode::InvalidArgument, QStringLiteral("chunk %1 has %2 bytes, outside 1..%3")
                                                      .arg(hash.toHex())
                                                      .arg(bytes.size())
                                                      .arg(AttachmentRef::kMaxChunkSize));
    if (crypto::Sha256::hash(bytes) != hash)
        return mismatch(hash);
    SEN_TRY(store(m_db, hash, bytes));
    SEN_ASSIGN_OR_RETURN(auto forget, m_db.cached("DELETE FROM wanted_chunks WHERE hash = ?1"));
    forget->bind(1, hash.toBytes());
    return forget->exec();
}

Status AttachmentStore::noteWanted(const AttachmentRef& ref)
{
    for (const ChunkRef& c : ref.chunks) {
        SEN_ASSIGN_OR_RETURN(const bool stored, isStored(m_db, c.hash));
        if (stored)
            continue;
        SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT OR IGNORE INTO wanted_chunks(hash) VALUES (?1)"));
        stmt->bind(1, c.hash.toBytes());
        SEN_TRY(stmt->exec());
    }
    return Status::ok();
}

Result<std::vector<crypto::Sha256Digest>>
AttachmentStore::wantedChunks(int limit, const crypto::Sha256Digest& after) const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_db.cached("SELECT hash FROM wanted_chunks WHERE hash > ?1 ORDER BY hash LIMIT ?2"));
    stmt->bind(1, after.toBytes()).bind(2, limit);
    std::vector<crypto::Sha256Digest> hashes;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        if (const auto h = crypto::Sha256Digest::fromBytes(stmt->blobView(0)))
            hashes.push_back(*h);
    }
    return hashes;
}

Result<bool> AttachmentStore::isCompressible(const crypto::Sha256Digest& hash) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT codec FROM chunks WHERE hash = ?1"));
    stmt->bind(1, hash.toBytes());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return Status(ErrorCode::NotFound, QStringLiteral("no chunk %1").arg(hash.toHex()));
    return stmt->int64(0) == static_cast<std::int64_t>(Codec::Zstd);
}

Result<QByteArray> AttachmentStore::chunk(const crypto::Sha256Digest& hash) const
{
    return load(m_db, hash);
}

Result<AttachmentStore::Stats> AttachmentStore::stats() const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt,
        m_db.cached("SELECT count(*), coalesce(sum(size), 0), coalesce(sum(length(data)), 0) FROM chunks"));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row)
        return Status(ErrorCode::Internal, QStringLiteral("chunk statistics returned no row"));
    return Stats{stmt->int64(0), stmt->int64(1), stmt->int64(2)};
}

} // namespace sen
