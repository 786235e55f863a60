// Full-text search on a replica of realistic size: 100,000 documents of about 1 KB of
// Vietnamese-like text each, saved through ReplicaStore (so the file has the real schema,
// items and change feed beside the index), then 200 queries of 1–3 words.
//
// Prints: save rate (documents, items and index in one transaction per batch of 1,000) and
// query latency on the index as built incrementally; then the index-only rate
// (FullTextIndex::add alone, on the same file) and query latency after an FTS5 'optimize'.
// No assertions. Usage: sen_bench_fulltext [documents] [seed] [file to keep]

#include "common/core/Ids.h"
#include "common/crypto/SelfTest.h"
#include "common/fts/FullTextIndex.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/Document.h"
#include "common/model/DocumentCodec.h"
#include "common/model/DocumentEdit.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/ReplicaStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace sen;

namespace {

// Syllables of official Vietnamese prose, roughly most frequent first (so the Zipf draw below
// makes "của", "và", "các" common and "phúc", "khiếu" rare), with every tone and đ present.
const char* const kWords[] = {
    "của",    "và",     "các",    "có",    "được",  "trong",  "cho",    "không",  "người", "những",  "một",
    "này",    "với",    "đã",     "là",    "để",    "theo",   "về",     "năm",    "công",  "tác",    "đảng",
    "ủy",     "ban",    "tỉnh",   "huyện", "xã",    "quyết",  "định",   "thông",  "báo",   "kế",     "hoạch",
    "thực",   "hiện",   "chỉ",    "đạo",   "cán",   "bộ",     "đồng",   "chí",    "nhân",  "dân",    "hội",
    "nghị",   "thường", "trực",   "văn",   "phòng", "chấp",   "hành",   "trung",  "ương",  "tổ",     "chức",
    "kiểm",   "tra",    "giám",   "sát",   "tuyên", "giáo",   "vận",    "nội",    "chính", "tài",    "ngân",
    "sách",   "phát",   "triển",  "kinh",  "tế",    "xây",    "dựng",   "chương", "trình", "nhiệm",  "vụ",
    "đề",     "nghị",   "sở",     "ngành", "địa",   "phương", "báo",    "cáo",    "kết",   "quả",    "tình",
    "hình",   "tháng",  "quý",    "tuần",  "lãnh",  "đạo",    "bí",     "thư",    "phó",   "chủ",    "tịch",
    "ủy",     "viên",   "thành",  "phố",   "quận",  "phường", "đơn",    "vị",     "cơ",    "quan",   "hành",
    "chính",  "sự",     "nghiệp", "đầu",   "tư",    "công",   "trình",  "dự",     "án",    "giải",   "quyết",
    "khiếu",  "nại",    "tố",     "cáo",   "tiếp",  "công",   "dân",    "an",     "ninh",  "quốc",   "phòng",
    "trật",   "tự",     "xã",     "hội",   "giáo",  "dục",    "đào",    "tạo",    "y",     "tế",     "văn",
    "hóa",    "thể",    "thao",   "du",    "lịch",  "nông",   "nghiệp", "nông",   "thôn",  "mới",    "tài",
    "nguyên", "môi",    "trường", "đất",   "đai",   "khoa",   "học",    "kỹ",     "thuật", "chuyển", "đổi",
    "số",     "cải",    "cách",   "thủ",   "tục",   "hồ",     "sơ",     "lưu",    "trữ",   "mật",    "tuyệt",
    "khẩn",   "hỏa",    "tốc",    "ngày",  "giờ",   "họp",    "mời",    "dự",     "đại",   "biểu",   "thành",
    "phần",   "nội",    "dung",   "ý",     "kiến",  "góp",    "thống",  "nhất",   "triển", "khai",   "phân",
    "công",   "phối",   "hợp",    "trách", "nhiệm", "thẩm",   "quyền",  "ký",     "ban",   "hành",   "hướng",
    "dẫn",    "quy",    "chế",    "quy",   "định",  "điều",   "lệ",     "nghị",   "quyết", "chỉ",    "thị",
    "kết",    "luận",   "tờ",     "trình", "công",  "văn",    "giấy",   "mời",    "biên",  "bản",    "phụ",
    "lục",    "danh",   "sách",   "bổ",    "nhiệm", "luân",   "chuyển", "điều",   "động",  "khen",   "thưởng",
    "kỷ",     "luật",   "thi",    "đua",   "phong", "trào",   "đoàn",   "thanh",  "niên",  "phụ",    "nữ",
    "cựu",    "chiến",  "binh",   "mặt",   "trận",  "tổ",     "quốc",   "hạnh",   "phúc",  "độc",    "lập",
    "nước",   "cộng",   "hòa",    "chủ",   "nghĩa", "việt",   "nam",    "nguyễn", "trần",  "lê",     "phạm",
    "hoàng",  "huỳnh",  "võ",     "đặng",  "bùi",   "đỗ",     "hồ",     "ngô",    "dương", "lý",     "ước",
    "ưu",     "tiên",   "ổn",     "ấn",    "ẩn",    "ỷ",      "ỹ",      "ữ",      "ờ",     "ợ",      "ở",
    "ỡ",      "ặc",     "ắt",     "ằng",   "ẳng",   "ẵng",    "ậy",     "ầm",     "ẫn",    "ệ",      "ễ",
};
constexpr int kWordCount = static_cast<int>(std::size(kWords));

class Vocabulary
{
public:
    Vocabulary()
    {
        double total = 0;
        for (int i = 0; i < kWordCount; ++i) {
            words.push_back(QString::fromUtf8(kWords[i]));
            total += 1.0 / (i + 1); // Zipf, s = 1
            cumulative.push_back(total);
        }
    }
    // A Zipf-distributed word. Our own draw from the raw engine output, so the text is the
    // same with every standard library.
    const QString& zipf(std::mt19937_64& rng) const
    {
        const double u = static_cast<double>(rng() >> 11) / 9007199254740992.0 * cumulative.back();
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        return words[static_cast<std::size_t>(
            std::min<std::ptrdiff_t>(it - cumulative.begin(), kWordCount - 1))];
    }
    const QString& uniform(std::mt19937_64& rng) const { return words[rng() % words.size()]; }

    std::vector<QString> words;
    std::vector<double> cumulative;
};

struct Generated
{
    Unid unid;
    QString subject;
    QString body;
    QStringList tags;
};

QString capitalised(const QString& word)
{
    return word.left(1).toUpper() + word.mid(1);
}

// Document `index` of the set: a function of (seed, index) only, so it can be made again.
Generated generate(const Vocabulary& vocab, std::uint64_t seed, int index)
{
    std::mt19937_64 rng(seed * 1000003u + static_cast<std::uint64_t>(index));
    Generated g;
    for (std::size_t i = 0; i < Unid::size; i += 8) {
        const std::uint64_t r = rng();
        for (std::size_t j = 0; j < 8 && i + j < Unid::size; ++j)
            g.unid.data()[i + j] = static_cast<std::uint8_t>(r >> (8 * j));
    }
    QStringList subject;
    for (int i = 0, n = 4 + static_cast<int>(rng() % 6); i < n; ++i)
        subject << vocab.zipf(rng);
    g.subject = capitalised(subject.join(u' '));

    // About 1 KB of UTF-8: sentences of 8–20 words.
    QString body;
    while (body.toUtf8().size() < 1000) {
        QStringList sentence;
        for (int i = 0, n = 8 + static_cast<int>(rng() % 13); i < n; ++i)
            sentence << vocab.zipf(rng);
        body += capitalised(sentence.join(u' ')) + QStringLiteral(". ");
    }
    g.body = body.trimmed();
    for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i)
        g.tags << vocab.uniform(rng);
    return g;
}

double percentile(std::vector<double> sorted, double p)
{
    std::sort(sorted.begin(), sorted.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

[[noreturn]] void fail(const char* what, const Status& status)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(status.toString()));
    std::exit(1);
}

// 200 queries of 1–3 uniformly drawn words, half typed without diacritics as users type;
// the same queries on every call. Latency is per query, the middle of three runs.
void runQueries(ReplicaStore& store, const Vocabulary& vocab, std::uint64_t seed, const char* label)
{
    constexpr int kQueries = 200;
    std::mt19937_64 rng(seed ^ 0x5eedu);
    std::vector<double> latencies;
    std::vector<double> hitCounts;
    QElapsedTimer timer;
    for (int q = 0; q < kQueries; ++q) {
        QStringList words;
        for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i)
            words << vocab.uniform(rng);
        QString query = words.join(u' ');
        if (rng() % 2)
            query = fts::foldForSearch(query);
        // Each query three times, keeping the middle time: the machine may be shared.
        std::vector<double> runs;
        std::size_t hitCount = 0;
        for (int run = 0; run < 3; ++run) {
            timer.start();
            const auto hits = store.search(query);
            runs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (!hits)
                fail("search", hits.status());
            hitCount = hits->size();
        }
        latencies.push_back(percentile(runs, 0.5));
        hitCounts.push_back(static_cast<double>(hitCount));
    }
    double total = 0;
    for (double ms : latencies)
        total += ms;
    std::printf("queries, index %s: %d queries (limit 50, with snippets): median %.2f ms, p95 %.2f ms, "
                "max %.2f ms, mean %.2f ms; median hits %.0f\n",
                label, kQueries, percentile(latencies, 0.5), percentile(latencies, 0.95),
                *std::max_element(latencies.begin(), latencies.end()), total / kQueries,
                percentile(hitCounts, 0.5));
}

} // namespace

int main(int argc, char* argv[])
{
    const int documents = argc > 1 ? std::atoi(argv[1]) : 100000;
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20240601;
    constexpr int kBatch = 1000;

    if (const Status status = crypto::runSelfTests(); !status.isOk())
        fail("crypto self-test", status);
    std::printf("full-text bench: %d documents, seed %llu\n", documents,
                static_cast<unsigned long long>(seed));

    QTemporaryDir dir;
    const QString path =
        argc > 3 ? QString::fromLocal8Bit(argv[3]) : dir.filePath(QStringLiteral("bench.sen"));
    ReplicaStore::CreateOptions createOptions;
    createOptions.title = QStringLiteral("Văn bản");
    auto created = ReplicaStore::create(path, createOptions);
    if (!created)
        fail("create", created.status());
    ReplicaStore& store = **created;
    const Vocabulary vocab;

    // 1. Save every document through the store: header, items, change feed and index.
    QElapsedTimer timer;
    qint64 saveNs = 0;
    qint64 bodyBytes = 0;
    for (int first = 0; first < documents; first += kBatch) {
        std::vector<DocumentEdit> edits;
        for (int i = first; i < std::min(first + kBatch, documents); ++i) {
            const Generated g = generate(vocab, seed, i);
            bodyBytes += g.body.toUtf8().size();
            DocumentEdit edit = DocumentEdit::createWithUnid(g.unid, QStringLiteral("Memo"));
            edit.set(Item::text(QStringLiteral("Subject"), g.subject));
            edit.set(Item::text(QStringLiteral("Body"), g.body, 0));
            edit.set(Item::textList(QStringLiteral("Tags"), g.tags));
            edits.push_back(std::move(edit));
        }
        timer.start();
        const Status status = store.batch([&]() -> Status {
            for (const DocumentEdit& edit : edits) {
                auto saved = store.save(edit);
                if (!saved)
                    return saved.status();
            }
            return Status::ok();
        });
        saveNs += timer.nsecsElapsed();
        if (!status.isOk())
            fail("save", status);
    }
    std::printf("save (items + index): %.0f docs/s  (%.1f s, mean body %.0f bytes)\n",
                documents / (static_cast<double>(saveNs) / 1e9), static_cast<double>(saveNs) / 1e9,
                static_cast<double>(bodyBytes) / documents);

    runQueries(store, vocab, seed, "as built");

    // 2. The index alone: drop its rows and index every document again on the same file.
    // A second connection to the file, as the store's is not lent out; it needs the tokenizer.
    auto opened = sql::SqlDatabase::open(store.path(), {});
    if (!opened)
        fail("open", opened.status());
    sql::SqlDatabase& db = **opened;
    if (const Status status = fts::registerTokenizer(db.handle()); !status.isOk())
        fail("tokenizer", status);
    if (const Status status = db.exec("INSERT INTO fulltext(fulltext) VALUES ('delete-all')"); !status.isOk())
        fail("clear index", status);
    FullTextIndex index(db);
    qint64 indexNs = 0;
    for (int first = 0; first < documents; first += kBatch) {
        std::vector<std::pair<std::int64_t, QByteArray>> batch; // row id, encoded items
        {
            auto lookup = db.cached("SELECT id FROM documents WHERE unid = ?1");
            if (!lookup)
                fail("lookup", lookup.status());
            for (int i = first; i < std::min(first + kBatch, documents); ++i) {
                const Generated g = generate(vocab, seed, i);
                Document doc;
                doc.unid = g.unid;
                doc.putItem(Item::text(QStringLiteral("Body"), g.body, 0));
                doc.putItem(Item::text(QStringLiteral("Subject"), g.subject));
                doc.putItem(Item::textList(QStringLiteral("Tags"), g.tags));
                (*lookup)->bind(1, QByteArrayView(g.unid.toBytes()));
                const auto row = (*lookup)->step();
                if (!row || !*row)
                    fail("lookup",
                         row ? Status(ErrorCode::NotFound, QStringLiteral("document")) : row.status());
                batch.emplace_back((*lookup)->int64(0), encodeItems(doc.items));
                (*lookup)->reset();
            }
        }
        timer.start();
        sql::SqlTransaction tx(db);
        Status status = tx.beginStatus();
        for (const auto& [id, items] : batch) {
            if (status.isOk())
                status = index.add(id, items);
        }
        if (status.isOk())
            status = tx.commit();
        indexNs += timer.nsecsElapsed();
        if (!status.isOk())
            fail("index", status);
    }
    std::printf("index only:           %.0f docs/s  (%.1f s)\n",
                documents / (static_cast<double>(indexNs) / 1e9), static_cast<double>(indexNs) / 1e9);
    if (const Status status = db.exec("INSERT INTO fulltext(fulltext) VALUES ('optimize')"); !status.isOk())
        fail("optimize", status);
    if (const Status status = db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); !status.isOk())
        fail("checkpoint", status);
    std::printf("file: %.1f MB\n", static_cast<double>(QFileInfo(path).size()) / 1e6);

    runQueries(store, vocab, seed, "after optimize");
    return 0;
}
