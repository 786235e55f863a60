// Content-defined chunking: bounds, determinism, the format's gear table and masks, streaming,
// and the property that matters, that a small edit changes only the chunks around it.

#include "common/attachments/Chunker.h"

#include "common/crypto/Sha256.h"

#include <QByteArray>
#include <QSet>

#include <array>
#include <catch2/catch.hpp>
#include <numeric>
#include <random>

using sen::Chunker;

namespace {

std::uint64_t splitmix64(std::uint64_t& state)
{
    state += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Reproducible pseudo-random bytes.
QByteArray randomBytes(qsizetype size, std::uint64_t seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; i += 8) {
        const std::uint64_t v = splitmix64(seed);
        for (qsizetype k = 0; k < 8 && i + k < size; ++k)
            bytes[i + k] = static_cast<char>(v >> (8 * k));
    }
    return bytes;
}

const QByteArray& random32MiB()
{
    static const QByteArray bytes = randomBytes(32 * 1024 * 1024, 32);
    return bytes;
}

std::size_t sum(const std::vector<std::size_t>& v)
{
    return std::accumulate(v.begin(), v.end(), std::size_t{0});
}

// The SHA-256 of every chunk of `data`.
QSet<sen::crypto::Sha256Digest> chunkHashes(const QByteArray& data)
{
    QSet<sen::crypto::Sha256Digest> hashes;
    qsizetype offset = 0;
    for (const std::size_t length : Chunker::split(data)) {
        hashes.insert(
            sen::crypto::Sha256::hash(QByteArrayView(data).sliced(offset, static_cast<qsizetype>(length))));
        offset += static_cast<qsizetype>(length);
    }
    return hashes;
}

// How many chunks of `edited` are not chunks of `original`.
int newChunks(const QByteArray& original, const QByteArray& edited)
{
    const QSet<sen::crypto::Sha256Digest> before = chunkHashes(original);
    int count = 0;
    for (const auto& h : chunkHashes(edited))
        count += before.contains(h) ? 0 : 1;
    return count;
}

// FastCDC as the comment in Chunker.cpp specifies it, one byte at a time, written from the
// specification rather than the code: gear table from splitmix64 seeded with "SenGEAR1",
// 18-bit mask before 64 KiB, 14-bit mask after, hashing from offset 16 KiB.
std::size_t referenceCut(QByteArrayView data)
{
    static const std::array<std::uint64_t, 256> gear = [] {
        std::array<std::uint64_t, 256> g{};
        std::uint64_t state = 0x53656E4745415231ull;
        for (auto& v : g)
            v = splitmix64(state);
        return g;
    }();
    const std::uint64_t maskS = 0x0000d90707537000ull;
    const std::uint64_t maskL = 0x0000d90313530000ull;
    const auto n = static_cast<std::size_t>(data.size());
    if (n <= 16 * 1024)
        return n;
    const std::size_t limit = std::min<std::size_t>(n, 256 * 1024);
    std::uint64_t h = 0;
    for (std::size_t i = 16 * 1024; i < limit; ++i) {
        h = (h << 1) + gear[static_cast<std::uint8_t>(data[static_cast<qsizetype>(i)])];
        if ((h & (i < 64 * 1024 ? maskS : maskL)) == 0)
            return i + 1;
    }
    return limit;
}

} // namespace

TEST_CASE("Chunker: the same bytes are always cut in the same places", "[chunker]")
{
    // Two replicas chunking the same file must agree, so split() is a pure function of the
    // bytes; the first cuts of a fixed input are pinned, as a change to them is a format change.
    const QByteArray data = randomBytes(1024 * 1024, 1);
    const std::vector<std::size_t> first = Chunker::split(data);
    CHECK(Chunker::split(data) == first);
    CHECK(Chunker::split(QByteArray(data)) == first);
    const std::vector<std::size_t> pinned = {69588, 67601, 91233, 41009, 64930, 91990, 68072, 74170};
    REQUIRE(first.size() >= pinned.size());
    CHECK(std::vector<std::size_t>(first.begin(),
                                   first.begin() + static_cast<std::ptrdiff_t>(pinned.size())) == pinned);
}

TEST_CASE("Chunker: cuts follow the documented gear table and masks", "[chunker]")
{
    // A one-byte-at-a-time implementation written from the format comment cuts random and
    // low-entropy data exactly where the two-bytes-per-step Chunker does.
    QByteArray data = randomBytes(8 * 1024 * 1024, 2);
    // Some low-entropy stretches, where cuts are rarer and the maximum size matters.
    data.append(QByteArray(600 * 1024, 'a'));
    for (int i = 0; i < 20000; ++i)
        data += "line of text number " + QByteArray::number(i % 97) + '\n';
    data.append(randomBytes(100 * 1024 + 3, 3));

    QByteArrayView rest(data);
    while (!rest.isEmpty()) {
        const std::size_t expected = referenceCut(rest);
        REQUIRE(Chunker::nextCut(rest) == expected);
        rest = rest.sliced(static_cast<qsizetype>(expected));
    }
}

TEST_CASE("Chunker: chunk lengths add up to the input", "[chunker]")
{
    // Chunking loses and duplicates nothing, for inputs of assorted lengths around the limits.
    for (const qsizetype size :
         {qsizetype{0}, qsizetype{1}, qsizetype{Chunker::kMinSize}, qsizetype{Chunker::kMinSize + 1},
          qsizetype{Chunker::kMaxSize}, qsizetype{Chunker::kMaxSize + 1}, qsizetype{3 * 1024 * 1024 + 7}}) {
        const QByteArray data = randomBytes(size, 4);
        CHECK(sum(Chunker::split(data)) == static_cast<std::size_t>(size));
    }
    CHECK(sum(Chunker::split(random32MiB())) == static_cast<std::size_t>(random32MiB().size()));
}

TEST_CASE("Chunker: every chunk but the last is between the minimum and maximum size", "[chunker]")
{
    // On random data and on constant data (which has no content-defined cut points and is
    // cut at the maximum), no chunk is shorter than kMinSize or longer than kMaxSize.
    for (const QByteArray& data : {random32MiB(), QByteArray(3 * 1024 * 1024, '\0')}) {
        const std::vector<std::size_t> lengths = Chunker::split(data);
        REQUIRE(lengths.size() > 1);
        for (std::size_t i = 0; i + 1 < lengths.size(); ++i) {
            CHECK(lengths[i] >= Chunker::kMinSize);
            CHECK(lengths[i] <= Chunker::kMaxSize);
        }
        CHECK(lengths.back() >= 1);
        CHECK(lengths.back() <= Chunker::kMaxSize);
    }
}

TEST_CASE("Chunker: the average chunk on random data is about 64 KiB", "[chunker]")
{
    // Normalised chunking keeps the mean near the target: between 40 and 100 KiB over 32 MiB.
    const std::vector<std::size_t> lengths = Chunker::split(random32MiB());
    const double average = static_cast<double>(random32MiB().size()) / static_cast<double>(lengths.size());
    INFO("average chunk " << average << " bytes over " << lengths.size() << " chunks");
    CHECK(average >= 40 * 1024);
    CHECK(average <= 100 * 1024);
}

TEST_CASE("Chunker: input shorter than the minimum is one chunk, or needs more data", "[chunker]")
{
    // At the end of a file a short tail is a chunk of its own; in the middle of a stream it
    // cannot be cut yet, and an empty file has no chunks.
    const QByteArray small = randomBytes(1000, 5);
    CHECK(Chunker::nextCut(small, true) == 1000);
    CHECK(Chunker::nextCut(small, false) == 0);
    CHECK(Chunker::split(small) == std::vector<std::size_t>{1000});
    CHECK(Chunker::split(QByteArray()).empty());
    CHECK(Chunker::nextCut(QByteArrayView(), true) == 0);
}

TEST_CASE("Chunker: streaming over arbitrary buffer boundaries cuts where split() does", "[chunker]")
{
    // A reader that sees the file a few bytes or many kilobytes at a time, asking nextCut
    // with atEnd=false until the last read, finds exactly the cuts of split() on the whole.
    const QByteArray data = randomBytes(6 * 1024 * 1024 + 123, 6) + QByteArray(700 * 1024, 'z');
    const std::vector<std::size_t> expected = Chunker::split(data);

    const std::uint64_t seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<qsizetype> step(1, 300 * 1024);

    std::vector<std::size_t> streamed;
    qsizetype begin = 0;
    qsizetype available = 0;
    while (begin < data.size()) {
        const bool atEnd = available == data.size();
        const std::size_t cut =
            Chunker::nextCut(QByteArrayView(data).sliced(begin, available - begin), atEnd);
        if (cut == 0) {
            REQUIRE(!atEnd);
            REQUIRE(available - begin < static_cast<qsizetype>(Chunker::kMaxSize));
            available = std::min(data.size(), available + step(rng));
            continue;
        }
        streamed.push_back(cut);
        begin += static_cast<qsizetype>(cut);
    }
    CHECK(streamed == expected);
}

TEST_CASE("Chunker: changing one byte of a 20 MB file makes at most 3 new chunks", "[chunker]")
{
    // Content-defined boundaries resynchronise right after an edit: overwriting a byte near the
    // start, in the middle or near the end leaves every other chunk as it was.
    const QByteArray original = randomBytes(20 * 1000 * 1000, 7);
    for (const qsizetype at : {qsizetype{100}, original.size() / 2, original.size() - 5000}) {
        QByteArray edited = original;
        edited[at] = static_cast<char>(edited[at] ^ 0x5a);
        const int fresh = newChunks(original, edited);
        INFO("byte " << at << " changed: " << fresh << " new chunks");
        CHECK(fresh >= 1);
        CHECK(fresh <= 3);
    }
}

TEST_CASE("Chunker: inserting or deleting one byte of a 20 MB file makes at most 3 new chunks", "[chunker]")
{
    // Shifting the rest of the file by one byte does not move the later cut points relative
    // to the content, so the chunks after the edit are found again.
    const QByteArray original = randomBytes(20 * 1000 * 1000, 8);
    const qsizetype middle = original.size() / 2;

    QByteArray inserted = original;
    inserted.insert(middle, 'x');
    const int afterInsert = newChunks(original, inserted);
    INFO("inserted: " << afterInsert << " new chunks");
    CHECK(afterInsert <= 3);

    QByteArray deleted = original;
    deleted.remove(middle, 1);
    const int afterDelete = newChunks(original, deleted);
    INFO("deleted: " << afterDelete << " new chunks");
    CHECK(afterDelete <= 3);
}
