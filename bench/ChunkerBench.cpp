// Attachment throughput: content-defined chunking alone, chunking plus SHA-256, and a full
// import into a real SQLite file (WAL, synchronous=NORMAL), on 256 MB of random data; then
// how many chunks a one-byte edit to a 20 MB file changes. Prints figures; asserts nothing.
// MB is 10^6 bytes.

#include "common/attachments/AttachmentStore.h"
#include "common/attachments/Chunker.h"
#include "common/codec/Zstd.h"
#include "common/crypto/Sha256.h"
#include "common/sql/SqlDatabase.h"

#include <QByteArray>
#include <QSet>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <functional>

using namespace sen;

namespace {

QByteArray randomBytes(qsizetype size, std::uint64_t seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(bytes.data());
    for (qsizetype i = 0; i < size; ++i) {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        p[i] = static_cast<unsigned char>((seed * 0x2545F4914F6CDD1Dull) >> 56);
    }
    return bytes;
}

// Best of `runs` timings of `work`, in seconds: the first run also warms caches.
double bestSeconds(int runs, const std::function<void()>& work)
{
    double best = 1e30;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        best = std::min(best, elapsed.count());
    }
    return best;
}

double mbPerSecond(qsizetype bytes, double seconds)
{
    return static_cast<double>(bytes) / 1e6 / seconds;
}

QSet<crypto::Sha256Digest> chunkHashes(const QByteArray& data)
{
    QSet<crypto::Sha256Digest> hashes;
    QByteArrayView rest(data);
    while (!rest.isEmpty()) {
        const auto cut = static_cast<qsizetype>(Chunker::nextCut(rest));
        hashes.insert(crypto::Sha256::hash(rest.first(cut)));
        rest = rest.sliced(cut);
    }
    return hashes;
}

int newChunks(const QByteArray& original, const QByteArray& edited)
{
    const QSet<crypto::Sha256Digest> before = chunkHashes(original);
    int count = 0;
    for (const auto& h : chunkHashes(edited))
        count += before.contains(h) ? 0 : 1;
    return count;
}

int importBench(const QByteArray& data)
{
    QTemporaryDir dir;
    auto db = sql::SqlDatabase::open(dir.filePath(QStringLiteral("bench.sen")), {.create = true});
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.status().toString()));
        return 1;
    }
    for (const char* sql :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", AttachmentStore::createTableSql()}) {
        if (const Status s = (*db)->exec(sql); !s.isOk()) {
            std::fprintf(stderr, "%s: %s\n", sql, qPrintable(s.toString()));
            return 1;
        }
    }
    AttachmentStore store(**db);
    Status failure;
    const double seconds = bestSeconds(1, [&] {
        auto ref = store.importBytes(data, QStringLiteral("random.bin"));
        if (!ref)
            failure = ref.status();
    });
    if (!failure.isOk()) {
        std::fprintf(stderr, "import: %s\n", qPrintable(failure.toString()));
        return 1;
    }
    std::printf("import into SQLite (WAL, sync=NORMAL):  %8.1f MB/s\n", mbPerSecond(data.size(), seconds));

    // The same file again: every chunk is already stored, so this is chunk + hash + lookups.
    const double again = bestSeconds(1, [&] { (void)store.importBytes(data, QStringLiteral("again.bin")); });
    std::printf("re-import of the same file (dedup):    %8.1f MB/s\n", mbPerSecond(data.size(), again));
    return 0;
}

} // namespace

int main()
{
    const qsizetype size = 256 * 1000 * 1000;
    std::printf("generating %lld MB of random data...\n", static_cast<long long>(size / 1000000));
    const QByteArray data = randomBytes(size, 0x5EED);

    std::size_t chunks = 0;
    const double chunkSeconds = bestSeconds(3, [&] {
        chunks = 0;
        QByteArrayView rest(data);
        while (!rest.isEmpty()) {
            rest = rest.sliced(static_cast<qsizetype>(Chunker::nextCut(rest)));
            ++chunks;
        }
    });
    std::printf("chunking only:                         %8.1f MB/s\n", mbPerSecond(size, chunkSeconds));
    std::printf("average chunk size:                    %8.1f KiB (%zu chunks)\n",
                static_cast<double>(size) / static_cast<double>(chunks) / 1024.0, chunks);

    crypto::Sha256 sha;
    const double hashSeconds = bestSeconds(2, [&] {
        QByteArrayView rest(data);
        while (!rest.isEmpty()) {
            const auto cut = static_cast<qsizetype>(Chunker::nextCut(rest));
            sha.update(rest.first(cut));
            (void)sha.finish();
            rest = rest.sliced(cut);
        }
    });
    std::printf("chunking + SHA-256:                    %8.1f MB/s\n", mbPerSecond(size, hashSeconds));

    // What the import adds before SQLite: a zstd attempt on every chunk (kept only when it
    // saves 1/8, which random data never does).
    const double zstdSeconds = bestSeconds(1, [&] {
        QByteArrayView rest(data);
        while (!rest.isEmpty()) {
            const auto cut = static_cast<qsizetype>(Chunker::nextCut(rest));
            sha.update(rest.first(cut));
            (void)sha.finish();
            (void)zstd::compress(rest.first(cut));
            rest = rest.sliced(cut);
        }
    });
    std::printf("chunking + SHA-256 + zstd attempt:     %8.1f MB/s\n", mbPerSecond(size, zstdSeconds));

    if (const int rc = importBench(data); rc != 0)
        return rc;

    const QByteArray original = data.first(20 * 1000 * 1000);
    QByteArray changed = original;
    changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 0x5a);
    QByteArray inserted = original;
    inserted.insert(inserted.size() / 2, 'x');
    std::printf("one byte changed in a 20 MB file:      %8d new chunks (of %zu)\n",
                newChunks(original, changed), Chunker::split(original).size());
    std::printf("one byte inserted in a 20 MB file:     %8d new chunks\n", newChunks(original, inserted));
    return 0;
}
