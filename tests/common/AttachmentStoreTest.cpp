// The chunk store on a real SQLite file: round trips, deduplication, compression, refusal of
// tampered or unverified bytes, and resuming a transfer from the chunks already present.

#include "common/attachments/AttachmentStore.h"

#include "common/attachments/Chunker.h"
#include "common/crypto/Sha256.h"
#include "common/sql/SqlDatabase.h"
#include "tests/support/TempDir.h"

#include <QBuffer>
#include <QFile>

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>

using sen::AttachmentRef;
using sen::AttachmentStore;
using sen::ChunkRef;
using sen::ErrorCode;
using sen::crypto::Sha256;
using sen::crypto::Sha256Digest;

namespace {

QByteArray randomBytes(qsizetype size, std::uint64_t seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        // xorshift64*: reproducible and fast enough for a few megabytes in a debug build.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        bytes[i] = static_cast<char>((seed * 0x2545F4914F6CDD1Dull) >> 56);
    }
    return bytes;
}

QByteArray compressibleBytes(qsizetype size)
{
    QByteArray bytes;
    bytes.reserve(size);
    for (int i = 0; bytes.size() < size; ++i)
        bytes += "Biên bản họp số " + QByteArray::number(i) + " của Đảng ủy, nội dung như sau.\n";
    bytes.truncate(size);
    return bytes;
}

// One replica's SQLite file with the chunks table, until ReplicaStore creates it.
struct Replica
{
    explicit Replica(const QString& name = QStringLiteral("replica.sen"))
    {
        auto opened = sen::sql::SqlDatabase::open(dir.path(name), {.create = true});
        REQUIRE(opened.isOk());
        db = std::move(opened).value();
        REQUIRE(db->exec(AttachmentStore::createTableSql()).isOk());
        store = std::make_unique<AttachmentStore>(*db);
    }

    AttachmentStore::Stats stats() const
    {
        auto s = store->stats();
        REQUIRE(s.isOk());
        return *s;
    }

    AttachmentRef import(const QByteArray& bytes, const QString& name = QStringLiteral("file.bin"))
    {
        auto ref = store->importBytes(bytes, name);
        INFO(ref.status().toString().toStdString());
        REQUIRE(ref.isOk());
        return *ref;
    }

    sen::test::TempDir dir;
    std::unique_ptr<sen::sql::SqlDatabase> db;
    std::unique_ptr<AttachmentStore> store;
};

// A file's bytes as the store should describe them.
void checkRef(const AttachmentRef& ref, const QByteArray& bytes)
{
    CHECK(ref.size == static_cast<std::uint64_t>(bytes.size()));
    CHECK(ref.sha256 == Sha256::hash(bytes));
    std::uint64_t sum = 0;
    qsizetype offset = 0;
    for (const ChunkRef& c : ref.chunks) {
        CHECK(c.hash == Sha256::hash(QByteArrayView(bytes).sliced(offset, c.size)));
        sum += c.size;
        offset += c.size;
    }
    CHECK(sum == ref.size);
}

// Flips one byte of a chunk's stored bytes, behind the store's back.
void tamper(sen::sql::SqlDatabase& db, const Sha256Digest& hash, qsizetype offset)
{
    auto select = db.prepare("SELECT data FROM chunks WHERE hash = ?1");
    REQUIRE(select.isOk());
    select->bind(1, hash.toBytes());
    REQUIRE(*select->step());
    QByteArray data = select->blob(0);
    REQUIRE(offset < data.size());
    data[offset] = static_cast<char>(data[offset] ^ 1);
    auto update = db.prepare("UPDATE chunks SET data = ?1 WHERE hash = ?2");
    REQUIRE(update.isOk());
    update->bind(1, data).bind(2, hash.toBytes());
    REQUIRE(update->exec().isOk());
    REQUIRE(db.changes() == 1);
}

// Reads from `source` and fails with an I/O error once `failAt` bytes have been delivered.
class FailingDevice : public QIODevice
{
public:
    FailingDevice(QByteArray source, qint64 failAt) : m_source(std::move(source)), m_failAt(failAt)
    {
        open(QIODevice::ReadOnly);
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_pos >= m_failAt) {
            setErrorString(QStringLiteral("injected read failure"));
            return -1;
        }
        const qint64 n = std::min({maxSize, m_failAt - m_pos, qint64{m_source.size()} - m_pos});
        std::memcpy(data, m_source.constData() + m_pos, static_cast<std::size_t>(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_source;
    qint64 m_failAt;
    qint64 m_pos = 0;
};

} // namespace

TEST_CASE("AttachmentStore: a random file comes back byte for byte", "[attachments]")
{
    // A 3 MiB incompressible file imported from disk is exported to another file identical,
    // and its reference names every chunk by the SHA-256 of its bytes.
    Replica r;
    const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 17, 1);
    REQUIRE(sen::test::writeFile(r.dir.path(QStringLiteral("in.bin")), bytes));

    QFile in(r.dir.path(QStringLiteral("in.bin")));
    REQUIRE(in.open(QIODevice::ReadOnly));
    auto ref = r.store->importFile(in, QStringLiteral("in.bin"));
    REQUIRE(ref.isOk());
    CHECK(ref->fileName == QStringLiteral("in.bin"));
    CHECK(ref->chunks.size() > 10);
    checkRef(*ref, bytes);

    QFile out(r.dir.path(QStringLiteral("out.bin")));
    REQUIRE(out.open(QIODevice::WriteOnly));
    REQUIRE(r.store->exportFile(*ref, out).isOk());
    out.close();
    CHECK(sen::test::readFile(r.dir.path(QStringLiteral("out.bin"))) == bytes);
}

TEST_CASE("AttachmentStore: a highly compressible file comes back byte for byte", "[attachments]")
{
    // Text that zstd shrinks many times over is stored compressed and read back exactly.
    Replica r;
    const QByteArray bytes = compressibleBytes(2 * 1024 * 1024);
    const AttachmentRef ref = r.import(bytes, QStringLiteral("minutes.txt"));
    checkRef(ref, bytes);
    auto back = r.store->readAll(ref);
    REQUIRE(back.isOk());
    CHECK(*back == bytes);
}

TEST_CASE("AttachmentStore: an empty file has no chunks and comes back empty", "[attachments]")
{
    // A zero-byte attachment is a reference with no chunks and the hash of nothing.
    Replica r;
    const AttachmentRef ref = r.import(QByteArray(), QStringLiteral("empty.txt"));
    CHECK(ref.size == 0);
    CHECK(ref.chunks.empty());
    CHECK(ref.sha256 == Sha256::hash(QByteArrayView()));
    auto back = r.store->readAll(ref);
    REQUIRE(back.isOk());
    CHECK(back->isEmpty());
    CHECK(r.stats().chunks == 0);
}

TEST_CASE("AttachmentStore: a file smaller than the minimum chunk is one chunk", "[attachments]")
{
    // A 5000-byte file is stored as a single chunk and read back.
    Replica r;
    const QByteArray bytes = randomBytes(5000, 2);
    const AttachmentRef ref = r.import(bytes);
    REQUIRE(ref.chunks.size() == 1);
    CHECK(ref.chunks[0].size == 5000);
    checkRef(ref, bytes);
    CHECK(*r.store->readAll(ref) == bytes);
}

TEST_CASE("AttachmentStore: a file imported twice stores its chunks once", "[attachments]")
{
    // Importing the same bytes again, under the same or another name, adds no chunk and no byte.
    Replica r;
    const QByteArray bytes = randomBytes(1024 * 1024, 3);
    const AttachmentRef first = r.import(bytes, QStringLiteral("a.bin"));
    const AttachmentStore::Stats before = r.stats();
    CHECK(before.chunks == static_cast<std::int64_t>(first.chunks.size()));
    CHECK(before.bytes == bytes.size());

    const AttachmentRef again = r.import(bytes, QStringLiteral("a.bin"));
    const AttachmentRef renamed = r.import(bytes, QStringLiteral("copy of a.bin"));
    CHECK(again.chunks == first.chunks);
    CHECK(renamed.chunks == first.chunks);
    const AttachmentStore::Stats after = r.stats();
    CHECK(after.chunks == before.chunks);
    CHECK(after.bytes == before.bytes);
    CHECK(after.storedBytes == before.storedBytes);
}

TEST_CASE("AttachmentStore: compressible chunks are stored compressed, random ones raw", "[attachments]")
{
    // Text is stored in far fewer bytes than it holds; random data gains nothing from zstd and
    // is stored as it is.
    Replica text;
    text.import(compressibleBytes(1024 * 1024));
    const AttachmentStore::Stats t = text.stats();
    CHECK(t.bytes == 1024 * 1024);
    CHECK(t.storedBytes < t.bytes / 4);

    Replica random;
    random.import(randomBytes(1024 * 1024, 4));
    const AttachmentStore::Stats s = random.stats();
    CHECK(s.bytes == 1024 * 1024);
    CHECK(s.storedBytes == s.bytes);
}

TEST_CASE("AttachmentStore: a chunk whose stored bytes were altered is refused", "[attachments]")
{
    // Someone flips a byte of a raw chunk in the SQLite file: reading the chunk or the file
    // fails with Corruption instead of returning wrong bytes.
    Replica r;
    const QByteArray bytes = randomBytes(200 * 1024, 5);
    const AttachmentRef ref = r.import(bytes);
    const Sha256Digest victim = ref.chunks.at(1).hash;
    tamper(*r.db, victim, 100);

    auto read = r.store->readAll(ref);
    REQUIRE_FALSE(read.isOk());
    CHECK(read.code() == ErrorCode::Corruption);
    CHECK(read.message().contains(QStringLiteral("chunk %1 does not match its hash").arg(victim.toHex())));
    CHECK(r.store->chunk(victim).code() == ErrorCode::Corruption);
    CHECK(r.store->chunk(ref.chunks.at(0).hash).isOk());
}

TEST_CASE("AttachmentStore: a compressed chunk whose stored bytes were altered is refused", "[attachments]")
{
    // Damage inside a zstd frame is caught either by zstd or by the hash, as Corruption.
    Replica r;
    const QByteArray bytes = compressibleBytes(100 * 1024);
    const AttachmentRef ref = r.import(bytes);
    REQUIRE(r.stats().storedBytes < r.stats().bytes);
    tamper(*r.db, ref.chunks.at(0).hash, 40);
    auto read = r.store->readAll(ref);
    REQUIRE_FALSE(read.isOk());
    CHECK(read.code() == ErrorCode::Corruption);
}

TEST_CASE("AttachmentStore: missing chunks are listed once each, in order", "[attachments]")
{
    // After some chunk rows are deleted, missingChunks names exactly those, each once even when
    // the list repeats it, and exporting the file fails with NotFound.
    Replica r;
    const AttachmentRef ref = r.import(randomBytes(2 * 1024 * 1024, 6));
    REQUIRE(ref.chunks.size() >= 6);
    auto none = r.store->missingChunks(ref.chunks);
    REQUIRE(none.isOk());
    CHECK(none->empty());

    const std::vector<Sha256Digest> deleted = {ref.chunks[1].hash, ref.chunks[4].hash};
    auto del = r.db->prepare("DELETE FROM chunks WHERE hash = ?1");
    REQUIRE(del.isOk());
    for (const Sha256Digest& h : deleted) {
        del->bind(1, h.toBytes());
        REQUIRE(del->exec().isOk());
        del->reset();
    }

    std::vector<ChunkRef> asked = ref.chunks;
    asked.push_back(ref.chunks[4]);
    asked.push_back(ref.chunks[1]);
    auto missing = r.store->missingChunks(asked);
    REQUIRE(missing.isOk());
    CHECK(*missing == deleted);
    CHECK_FALSE(r.store->hasChunk(deleted[0]));
    CHECK(r.store->hasChunk(ref.chunks[0].hash));

    CHECK(r.store->readAll(ref).code() == ErrorCode::NotFound);
    CHECK(r.store->chunk(deleted[1]).code() == ErrorCode::NotFound);
}

TEST_CASE("AttachmentStore: putChunk refuses bytes that do not match the hash", "[attachments]")
{
    // A chunk received under the wrong name is rejected and nothing is stored; so are empty and
    // oversized chunks.
    Replica r;
    const QByteArray bytes = randomBytes(70000, 7);
    const Sha256Digest other = Sha256::hash(QByteArrayLiteral("something else"));
    const sen::Status wrong = r.store->putChunk(other, bytes);
    CHECK(wrong.code() == ErrorCode::Corruption);
    CHECK(r.stats().chunks == 0);
    CHECK_FALSE(r.store->hasChunk(other));

    CHECK(r.store->putChunk(Sha256::hash(QByteArrayView()), QByteArrayView()).code() ==
          ErrorCode::InvalidArgument);
    const QByteArray huge(AttachmentRef::kMaxChunkSize + 1, 'x');
    CHECK(r.store->putChunk(Sha256::hash(huge), huge).code() == ErrorCode::InvalidArgument);
    CHECK(r.stats().chunks == 0);
}

TEST_CASE("AttachmentStore: putChunk is idempotent", "[attachments]")
{
    // Receiving the same chunk twice (a retried transfer) stores it once and succeeds both times.
    Replica r;
    const QByteArray bytes = randomBytes(70000, 8);
    const Sha256Digest hash = Sha256::hash(bytes);
    REQUIRE(r.store->putChunk(hash, bytes).isOk());
    REQUIRE(r.store->putChunk(hash, bytes).isOk());
    CHECK(r.stats().chunks == 1);
    CHECK(r.stats().bytes == 70000);
    CHECK(r.store->hasChunk(hash));
    auto back = r.store->chunk(hash);
    REQUIRE(back.isOk());
    CHECK(*back == bytes);
}

TEST_CASE("AttachmentStore: a transfer cut off half way resumes from the chunks present", "[attachments]")
{
    // Replica B receives half of a file's chunks from A, is told exactly which are still
    // missing, receives those, and then exports a file identical to A's.
    Replica a(QStringLiteral("a.sen"));
    Replica b(QStringLiteral("b.sen"));
    const QByteArray bytes = randomBytes(3 * 1024 * 1024, 9) + compressibleBytes(512 * 1024);
    const AttachmentRef ref = a.import(bytes, QStringLiteral("report.pdf"));
    REQUIRE(ref.chunks.size() >= 4);

    std::vector<Sha256Digest> secondHalf;
    for (std::size_t i = 0; i < ref.chunks.size(); ++i) {
        const Sha256Digest& h = ref.chunks[i].hash;
        if (i % 2 == 0) {
            auto chunk = a.store->chunk(h);
            REQUIRE(chunk.isOk());
            REQUIRE(b.store->putChunk(h, *chunk).isOk());
        } else {
            secondHalf.push_back(h);
        }
    }
    auto missing = b.store->missingChunks(ref.chunks);
    REQUIRE(missing.isOk());
    CHECK(*missing == secondHalf);
    CHECK(b.store->readAll(ref).code() == ErrorCode::NotFound);

    for (const Sha256Digest& h : *missing)
        REQUIRE(b.store->putChunk(h, *a.store->chunk(h)).isOk());
    auto none = b.store->missingChunks(ref.chunks);
    REQUIRE(none.isOk());
    CHECK(none->empty());
    auto back = b.store->readAll(ref);
    REQUIRE(back.isOk());
    CHECK(*back == bytes);
    CHECK(b.stats().chunks == a.stats().chunks);
    CHECK(b.stats().storedBytes == a.stats().storedBytes);
}

TEST_CASE("AttachmentStore: an import whose input fails half way stores nothing", "[attachments]")
{
    // The device reports a read error after 1 MiB: the import fails with IoError and its
    // transaction leaves no chunk behind.
    Replica r;
    FailingDevice input(randomBytes(3 * 1024 * 1024, 10), 1024 * 1024 + 5);
    auto ref = r.store->importFile(input, QStringLiteral("broken.bin"));
    REQUIRE_FALSE(ref.isOk());
    CHECK(ref.code() == ErrorCode::IoError);
    CHECK(r.stats().chunks == 0);
    CHECK_FALSE(r.db->inTransaction());
}

TEST_CASE("AttachmentStore: an import inside the caller's transaction rolls back with it", "[attachments]")
{
    // Importing while the caller has a transaction open nests in it (a savepoint): the chunks
    // are visible inside it and gone after the caller rolls back.
    Replica r;
    REQUIRE(r.db->exec("BEGIN").isOk());
    const AttachmentRef ref = r.import(randomBytes(500 * 1024, 11));
    CHECK(r.db->inTransaction());
    CHECK(r.stats().chunks == static_cast<std::int64_t>(ref.chunks.size()));
    REQUIRE(r.db->exec("ROLLBACK").isOk());
    CHECK(r.stats().chunks == 0);
}

TEST_CASE("AttachmentStore: a reference whose file hash is wrong is refused on export", "[attachments]")
{
    // Chunks that are all intact but a reference whose whole-file hash or size disagrees with
    // them (a damaged or forged item) fail with Corruption.
    Replica r;
    AttachmentRef ref = r.import(randomBytes(100 * 1024, 12));
    AttachmentRef badHash = ref;
    badHash.sha256 = Sha256::hash(QByteArrayLiteral("not this file"));
    CHECK(r.store->readAll(badHash).code() == ErrorCode::Corruption);

    AttachmentRef badSize = ref;
    badSize.chunks[0].size += 1;
    CHECK(r.store->readAll(badSize).code() == ErrorCode::Corruption);
}

TEST_CASE("Importing and exporting a large file report progress chunk by chunk")
{
    // A 3 MB file is imported and exported with a progress callback: the reports rise to the
    // file's size, one per chunk, and the bytes come back unchanged.
    Replica replica;
    const QByteArray bytes = randomBytes(3 * 1024 * 1024, 7);
    QByteArray source = bytes;
    QBuffer input(&source);
    REQUIRE(input.open(QIODevice::ReadOnly));
    std::vector<std::uint64_t> imported;
    auto ref = replica.store->importFile(input, QStringLiteral("big.bin"), [&](std::uint64_t done) {
        imported.push_back(done);
        return true;
    });
    REQUIRE(ref.isOk());
    REQUIRE(imported.size() == ref->chunks.size());
    CHECK(std::is_sorted(imported.begin(), imported.end()));
    CHECK(imported.back() == static_cast<std::uint64_t>(bytes.size()));

    QByteArray out;
    QBuffer output(&out);
    REQUIRE(output.open(QIODevice::WriteOnly));
    std::vector<std::uint64_t> exported;
    REQUIRE(replica.store
                ->exportFile(*ref, output,
                             [&](std::uint64_t done) {
                                 exported.push_back(done);
                                 return true;
                             })
                .isOk());
    CHECK(exported == imported);
    CHECK(out == bytes);
}

TEST_CASE("An import cancelled by its progress callback stores nothing")
{
    // The callback refuses after the first chunk: the import fails with Cancelled and its
    // transaction leaves no chunk behind; an export cancelled the same way fails likewise.
    Replica replica;
    const QByteArray bytes = randomBytes(2 * 1024 * 1024, 11);
    QByteArray source = bytes;
    QBuffer input(&source);
    REQUIRE(input.open(QIODevice::ReadOnly));
    auto ref =
        replica.store->importFile(input, QStringLiteral("big.bin"), [](std::uint64_t) { return false; });
    REQUIRE_FALSE(ref.isOk());
    CHECK(ref.code() == ErrorCode::Cancelled);
    CHECK(replica.stats().chunks == 0);

    const AttachmentRef stored = replica.import(bytes);
    QByteArray out;
    QBuffer output(&out);
    REQUIRE(output.open(QIODevice::WriteOnly));
    const sen::Status status = replica.store->exportFile(stored, output, [](std::uint64_t) { return false; });
    CHECK(status.code() == ErrorCode::Cancelled);
}
