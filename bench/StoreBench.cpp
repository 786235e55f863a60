// Document store benchmark: saves per second (batched and one per transaction) and the
// latency of "changes since N" on a large replica. Prints figures; asserts nothing.
//
// usage: sen_bench_store [--docs N] [--dir DIR]
//   --docs  size of the large replica for the change-feed figure (default 1000000)
//   --dir   where to put the replica files (default: a temporary directory)

#include "common/crypto/SelfTest.h"
#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sen;

namespace {

// A ~1 KB document of 8 items, as in the issue: a 110-word abstract of Vietnamese-like text
// (about 800 bytes of UTF-8), number, symbol, issuer, type, signer, recipients and date; its
// items encode to about 1,000 bytes (printed by main()).
DocumentEdit sampleDocument(QRandomGenerator& random, int n)
{
    static const QStringList words = {
        QStringLiteral("Đảng"),  QStringLiteral("ủy"),     QStringLiteral("quyết"), QStringLiteral("định"),
        QStringLiteral("hội"),   QStringLiteral("nghị"),   QStringLiteral("ban"),   QStringLiteral("chấp"),
        QStringLiteral("hành"),  QStringLiteral("thường"), QStringLiteral("trực"),  QStringLiteral("văn"),
        QStringLiteral("bản"),   QStringLiteral("kế"),     QStringLiteral("hoạch"), QStringLiteral("triển"),
        QStringLiteral("khai"),  QStringLiteral("công"),   QStringLiteral("tác"),   QStringLiteral("năm"),
        QStringLiteral("tổ"),    QStringLiteral("chức"),   QStringLiteral("cán"),   QStringLiteral("bộ"),
        QStringLiteral("tuyên"), QStringLiteral("giáo"),   QStringLiteral("kiểm"),  QStringLiteral("tra"),
        QStringLiteral("giám"),  QStringLiteral("sát"),    QStringLiteral("nhân"),  QStringLiteral("dân"),
    };
    auto phrase = [&](int count) {
        QString s;
        for (int i = 0; i < count; ++i) {
            if (i)
                s += u' ';
            s += words[random.bounded(words.size())];
        }
        return s;
    };
    return DocumentEdit::create(QStringLiteral("VanBanDen"))
        .set(Item::text(QStringLiteral("TrichYeu"), phrase(110)))
        .set(Item::number(QStringLiteral("SoDen"), n))
        .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("%1/QĐ-UBND").arg(n)))
        .set(Item::text(QStringLiteral("CoQuanBanHanh"), QStringLiteral("Ủy ban nhân dân tỉnh")))
        .set(Item::text(QStringLiteral("LoaiVanBan"), QStringLiteral("Quyết định")))
        .set(Item::text(QStringLiteral("NguoiKy"), QStringLiteral("Nguyễn Văn An")))
        .set(Item::textList(QStringLiteral("NoiNhan"),
                            {QStringLiteral("Văn phòng"), QStringLiteral("Ban Tổ chức")}))
        .set(Item::dateTime(QStringLiteral("NgayBanHanh"),
                            QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + n, Qt::UTC)));
}

std::unique_ptr<ReplicaStore> createStore(const QString& path)
{
    auto store = ReplicaStore::create(path, {});
    if (!store)
        qFatal("%s", qPrintable(store.status().toString()));
    return std::move(store).value();
}

// Saves per second. Each transaction's documents are made before the clock starts: the
// figure is the store's, not the random text generator's.
double batchedSaves(ReplicaStore& store, int count, int perTransaction, QRandomGenerator& random, int firstN)
{
    QElapsedTimer timer;
    qint64 elapsedNs = 0;
    std::vector<DocumentEdit> edits;
    for (int done = 0; done < count; done += perTransaction) {
        edits.clear();
        for (int i = 0; i < perTransaction && done + i < count; ++i)
            edits.push_back(sampleDocument(random, firstN + done + i));
        timer.start();
        const Status status = store.batch([&]() -> Status {
            for (const DocumentEdit& edit : edits)
                SEN_TRY(store.save(edit).status());
            return Status::ok();
        });
        elapsedNs += timer.nsecsElapsed();
        if (!status.isOk())
            qFatal("%s", qPrintable(status.toString()));
    }
    return count / (static_cast<double>(elapsedNs) / 1e9);
}

// What a sample document weighs: its items as stored, and the UTF-8 of their text.
void printDocumentSize(QRandomGenerator random)
{
    constexpr int kSamples = 1000;
    qint64 encoded = 0;
    qint64 text = 0;
    for (int n = 0; n < kSamples; ++n) {
        const DocumentEdit edit = sampleDocument(random, n);
        std::vector<Item> items = edit.sets();
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.name < b.name; });
        encoded += encodeItems(items).size();
        for (const Item& item : items)
            text += item.toList().join(QString()).toUtf8().size();
    }
    std::printf("sample document: 8 items, %lld bytes encoded, %lld bytes of text\n",
                static_cast<long long>(encoded / kSamples), static_cast<long long>(text / kSamples));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!crypto::runSelfTests().isOk())
        return 2;
    int bigDocs = 1'000'000;
    QString dirPath;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            bigDocs = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            dirPath = args[i + 1];
    }
    QTemporaryDir tmp;
    if (dirPath.isEmpty())
        dirPath = tmp.path();
    QRandomGenerator random(42);
    printDocumentSize(random);

    {
        auto store = createStore(dirPath + QStringLiteral("/single.sen"));
        const double perSecond = batchedSaves(*store, 5'000, 1, random, 0);
        std::printf("saves, one per transaction:      %9.0f docs/s  (target >= 2,000)\n", perSecond);
    }
    {
        auto store = createStore(dirPath + QStringLiteral("/batched.sen"));
        const double perSecond = batchedSaves(*store, 100'000, 1'000, random, 0);
        std::printf("saves, 1,000 per transaction:    %9.0f docs/s  (target >= 50,000)\n", perSecond);
        auto db = sql::SqlDatabase::open(store->path(), {});
        if (!db || !(*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)").isOk())
            qFatal("checkpoint failed");
        std::printf("  file size per document:        %9d bytes (row, change feed and full-text index)\n",
                    static_cast<int>(QFileInfo(store->path()).size() / 100'000));
    }
    {
        const QString path = dirPath + QStringLiteral("/large.sen");
        auto store = createStore(path);
        const double perSecond = batchedSaves(*store, bigDocs, 5'000, random, 0);
        std::printf("built a %d-document replica at %.0f docs/s\n", bigDocs, perSecond);

        // "Changes since N" returning 100 changes, from random points of the feed.
        const std::int64_t last = store->lastSeq().value();
        std::vector<double> ms;
        for (int i = 0; i < 200; ++i) {
            const std::int64_t since =
                random.bounded(static_cast<int>(std::max<std::int64_t>(1, last - 100)));
            QElapsedTimer timer;
            timer.start();
            const auto changes = store->changesSince(since, 100);
            ms.push_back(timer.nsecsElapsed() / 1e6);
            if (!changes || changes->size() != 100)
                qFatal("changesSince returned %d", changes ? int(changes->size()) : -1);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("changes since N (100 changes of %d docs): median %.3f ms, p95 %.3f ms, max %.3f ms  "
                    "(target <= 5 ms)\n",
                    bigDocs, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
    }
    return 0;
}
