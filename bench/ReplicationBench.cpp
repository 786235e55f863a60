// Replication benchmark: two replicas of one database as real SQLite files in a temporary
// directory, synced over the in-memory transport (both sessions in this one thread, so every
// figure is the sum of both sides' CPU). Prints figures; asserts nothing.
//
// Documents have the shape of the PouchDB anchor measurements (sync-anchors §2.4): form
// "Bench", a ~40-character Subject, an 800-character random base64 Body and a number N.
//
//   1. initial pull of 10,000 and of 100,000 documents into an empty replica (docs/s)
//   2. bytes on the wire per document for that pull, against zstd -3 of the documents'
//      canonical encodings concatenated
//   3. N changed in 1 % of the documents, then a sync: bytes per changed document (pull and push)
//   4. a sync with nothing to do: frames, bytes and round trips (50 ms one way)
//   5. the initial pull at 100 ms round-trip time against zero latency
//   6. a 20 MB attachment whose transfer is cut at 90 %: bytes re-sent after resuming
//
// usage: sen_bench_replication [--docs N]... [--latency MS] [--batch N] [--window N] [--dir DIR]
//                              [--pull-only RUNS]
//
// The pulls defer the full-text index as clients do (SessionOptions::deferFullText): the figures
// are those of the pull, and with --pull-only each run is followed by the index's bulk build
// (its own figure), and alternates with a pull that indexes every document as it lands (the
// way before the deferral), so the two compare within one run.
//   --docs     an initial-pull size (repeatable; default 10000 and 100000)
//   --latency  one-way latency for figures 4 and 5 (default 50)
//   --batch, --window  SessionOptions (default protocol::kDefaultBatchSize / kDefaultWindow)
//   --dir      where to put the replica files (default: a temporary directory)
//   --defer-fulltext no  index every document as it lands instead (the figures before the deferral)
//   --pull-only  only figure 1, RUNS times, each printed, then the medians of docs/s and of
//                documents per CPU-second (for comparing changes on a loaded machine)

#include "bench/BenchReplicas.h"
#include "common/attachments/AttachmentStore.h"
#include "common/codec/Zstd.h"
#include "common/crypto/SelfTest.h"
#include "common/model/AttachmentRef.h"
#include "common/model/DocumentCodec.h"
#include "common/store/ReplicaStore.h"
#include "replication/session/Session.h"
#include "replication/transport/MemoryTransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace sen;

namespace {

struct Config
{
    std::vector<int> sizes;
    int latencyMs = 50;
    int pullOnlyRuns = 0; // 0: every figure
    SessionOptions options;
    QString dir;
};

using bench::benchDocument;
using bench::createReplica;
using bench::fail;
using bench::fill;

std::vector<Unid> unids(const ReplicaStore& store)
{
    std::vector<Unid> out;
    const Status status = store.forEachDocument([&](const Document& doc) {
        out.push_back(doc.unid);
        return true;
    });
    if (!status.isOk())
        fail("forEachDocument", status);
    return out;
}

// Sets N in every `step`-th document (by UNID order, starting at `offset`); returns how many.
int changeNumbers(ReplicaStore& store, const std::vector<Unid>& all, int step, int offset, double value)
{
    int changed = 0;
    const Status status = store.batch([&]() -> Status {
        for (std::size_t i = static_cast<std::size_t>(offset); i < all.size();
             i += static_cast<std::size_t>(step)) {
            SEN_TRY(store
                        .save(DocumentEdit::update(all[i]).set(
                            Item::number(QStringLiteral("N"), value + changed)))
                        .status());
            ++changed;
        }
        return Status::ok();
    });
    if (!status.isOk())
        fail("change", status);
    return changed;
}

// What the documents themselves cost compressed: every canonical encoding (encodeDocument,
// UNID and version vector and item stamps included) concatenated, through zstd once (level 3,
// as the wire; level 1 for comparison).
struct Payload
{
    qint64 canonical = 0;
    qint64 zstd3 = 0;
    qint64 zstd1 = 0;
};

Payload payloadOf(const ReplicaStore& store)
{
    QByteArray all;
    const Status status = store.forEachDocument([&](const Document& doc) {
        all += encodeDocument(doc);
        return true;
    });
    if (!status.isOk())
        fail("forEachDocument", status);
    return {all.size(), zstd::compress(all, 3).size(), zstd::compress(all, 1).size()};
}

// ---- One sync ------------------------------------------------------------------------------

struct Run
{
    SessionStats initiator; // initiator's counters
    SessionStats responder;
    qint64 wireBytes = 0;
    double initiatorSeconds = 0; // start() until the initiator finished
    double bothSeconds = 0;      // until both had finished
    double cpuSeconds = 0;       // CPU time of this process (both sides) until both had finished
};

// `a` (initiator) syncs with `b` (responder), as tests/replication/SyncFixture does. A failed
// session ends the benchmark unless `mayFail` (a link cut on purpose).
Run sync(ReplicaStore& a, ReplicaStore& b, const LinkOptions& link, const SessionOptions& options,
         bool mayFail = false)
{
    MemoryLink memory(link);
    SessionOptions initiatorOptions = options;
    initiatorOptions.localName = QStringLiteral("initiator");
    // A client remembers the server's instance from its last session (Session::peerInstance())
    // and passes it on; here: when `a` has pulled from `b` before.
    const auto pulled = a.replication().checkpoint(b.info().instanceId, ReplicaSync::Direction::Pull);
    if (pulled && *pulled > 0)
        initiatorOptions.expectedPeer = b.info().instanceId;
    SessionOptions responderOptions = options;
    responderOptions.localName = QStringLiteral("responder");
    Session initiator(Session::Role::Initiator, a, memory.a(), initiatorOptions);
    Session responder(Session::Role::Responder, b, memory.b(), responderOptions);

    Run run;
    QElapsedTimer timer;
    std::clock_t cpuStart = 0;
    QEventLoop loop;
    const auto maybeQuit = [&] {
        if (initiator.isFinished() && run.initiatorSeconds == 0)
            run.initiatorSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        if (initiator.isFinished() && responder.isFinished()) {
            run.bothSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
            run.cpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
        }
    };
    QObject::connect(&initiator, &Session::finished, &loop, maybeQuit);
    QObject::connect(&responder, &Session::finished, &loop, maybeQuit);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(1'800'000);
    timer.start();
    cpuStart = std::clock();
    initiator.start();
    loop.exec();
    if (!watchdog.isActive())
        fail("sync",
             Status(ErrorCode::Internal, QStringLiteral("the session did not finish within 30 minutes")));
    if (!mayFail && !initiator.result().isOk())
        fail("sync (initiator)", initiator.result());
    if (!mayFail && !responder.result().isOk())
        fail("sync (responder)", responder.result());
    memory.a().close();
    memory.b().close();
    run.initiator = initiator.stats();
    run.responder = responder.stats();
    run.wireBytes = memory.bytesCarried();
    return run;
}

void printFrames(const char* indent, const Run& run)
{
    std::printf(
        "%sframes: initiator out %lld / in %lld, bytes out %lld / in %lld\n", indent,
        static_cast<long long>(run.initiator.framesOut), static_cast<long long>(run.initiator.framesIn),
        static_cast<long long>(run.initiator.bytesOut), static_cast<long long>(run.initiator.bytesIn));
}

// ---- Scenarios -----------------------------------------------------------------------------

struct PullFigures
{
    double docsPerSecond = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    double buildSeconds = 0; // the deferred full-text index's bulk build after the pull, if asked
    double buildCpuSeconds = 0;
};

// Builds what the pull left of the full-text index, as the client's index worker does.
void buildSearchIndex(ReplicaStore& target, PullFigures& f)
{
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    for (;;) {
        const Result<bool> complete = target.buildSearchIndex(5000);
        if (!complete)
            fail("search index build", complete.status());
        if (*complete)
            break;
    }
    f.buildSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    f.buildCpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
}

// A fresh empty replica of `source`'s database pulls everything.
PullFigures initialPull(ReplicaStore& source, const QString& path, int docs, const LinkOptions& link,
                        const SessionOptions& options, bool details, bool build = false)
{
    auto target = createReplica(path, source.info().replicaId);
    const Run run = sync(*target, source, link, options);
    PullFigures f;
    f.seconds = run.initiatorSeconds;
    f.cpuSeconds = run.cpuSeconds;
    f.docsPerSecond = docs / run.initiatorSeconds;
    if (build)
        buildSearchIndex(*target, f);
    if (run.initiator.received != docs)
        std::printf("  !! received %lld of %d documents\n", static_cast<long long>(run.initiator.received),
                    docs);
    if (details) {
        std::printf("  initial pull of %d docs: %.3f s (CPU %.3f s), %9.0f docs/s   (target >= 30,000; "
                    "PouchDB ~4,000)\n",
                    docs, f.seconds, f.cpuSeconds, f.docsPerSecond);
        printFrames("    ", run);
        const Payload payload = payloadOf(source);
        const double wirePerDoc = static_cast<double>(run.wireBytes) / docs;
        const double zstdPerDoc = static_cast<double>(payload.zstd3) / docs;
        std::printf("  wire: %lld B = %.1f B/doc (both directions, frame headers included)\n",
                    static_cast<long long>(run.wireBytes), wirePerDoc);
        std::printf("  documents: canonical %.1f B/doc; their concatenation through zstd -3 %.1f B/doc "
                    "(zstd -1: %.1f B/doc)\n",
                    static_cast<double>(payload.canonical) / docs, zstdPerDoc,
                    static_cast<double>(payload.zstd1) / docs);
        std::printf("  wire / zstd -3 of the documents = %.3f   (target <= 1.05; PouchDB 749 B/doc gzip)\n",
                    wirePerDoc / zstdPerDoc);
    }
    target.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    return f;
}

PullFigures best(const PullFigures& a, const PullFigures& b)
{
    return a.docsPerSecond >= b.docsPerSecond ? a : b;
}

// The initial pull with `latencyMs` one way against zero latency. With a window of batches in
// flight the latency should cost about one round trip in all (PULL goes with HELLO, and a
// replica that holds nothing gets DOCS with each CHANGES, without WANT), not some per batch:
// the overhead is printed in round trips.
void pullWithLatency(ReplicaStore& source, const QString& prefix, int docs, int latencyMs, int runs,
                     PullFigures zero, const SessionOptions& options)
{
    for (int i = 1; i < runs; ++i)
        zero =
            best(zero, initialPull(source, prefix + QStringLiteral("again.sen"), docs, {}, options, false));
    LinkOptions link;
    link.latencyMs = latencyMs;
    PullFigures slow;
    for (int i = 0; i < std::max(1, runs - 1); ++i)
        slow =
            best(slow, initialPull(source, prefix + QStringLiteral("slow.sen"), docs, link, options, false));
    const double rtt = 2.0 * latencyMs / 1e3;
    std::printf(
        "  initial pull of %d docs, %d ms RTT: %.3f s = %.0f docs/s, vs %.3f s = %.0f docs/s at zero latency "
        "(best of %d) = %.0f %%   (target >= 80 %%; PouchDB ~30 %%)\n",
        docs, 2 * latencyMs, slow.seconds, slow.docsPerSecond, zero.seconds, zero.docsPerSecond, runs,
        100.0 * slow.docsPerSecond / zero.docsPerSecond);
    std::printf("    latency cost %.3f s = %.2f RTT in all; CPU %.3f s with latency, %.3f s without\n",
                slow.seconds - zero.seconds, (slow.seconds - zero.seconds) / rtt, slow.cpuSeconds,
                zero.cpuSeconds);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Figure 1 alone, `config.pullOnlyRuns` times (the first is `first`): each run, then medians;
// each run of the deferred pull followed by the index's build, and one pull indexing as it
// lands (SessionOptions::deferFullText off) after each, for the ratio.
void pullRuns(ReplicaStore& source, const QString& path, int docs, const PullFigures& first,
              const Config& config)
{
    std::vector<double> rates{first.docsPerSecond};
    std::vector<double> perCpu{docs / first.cpuSeconds};
    std::vector<double> buildRates, buildPerCpu, inlineRates, inlinePerCpu;
    SessionOptions inlineOptions = config.options;
    inlineOptions.deferFullText = false;
    for (int i = 0; i < config.pullOnlyRuns; ++i) {
        if (i > 0) {
            const PullFigures f = initialPull(source, path, docs, {}, config.options, false, true);
            std::printf(
                "  initial pull of %d docs: %.3f s (CPU %.3f s), %9.0f docs/s; then the search index: "
                "%.3f s (CPU %.3f s)\n",
                docs, f.seconds, f.cpuSeconds, f.docsPerSecond, f.buildSeconds, f.buildCpuSeconds);
            rates.push_back(f.docsPerSecond);
            perCpu.push_back(docs / f.cpuSeconds);
            buildRates.push_back(docs / f.buildSeconds);
            buildPerCpu.push_back(docs / f.buildCpuSeconds);
        }
        const PullFigures g = initialPull(source, path, docs, {}, inlineOptions, false);
        std::printf("  initial pull of %d docs indexing as they land: %.3f s (CPU %.3f s), %9.0f docs/s\n",
                    docs, g.seconds, g.cpuSeconds, g.docsPerSecond);
        inlineRates.push_back(g.docsPerSecond);
        inlinePerCpu.push_back(docs / g.cpuSeconds);
    }
    std::printf("  median of %d: %.0f docs/s, %.0f docs per CPU-second   (target >= 50,000 docs/s)\n",
                config.pullOnlyRuns, median(rates), median(perCpu));
    if (!buildRates.empty())
        std::printf("    then the search index's bulk build (median of %zu): %.0f docs/s, %.0f docs per "
                    "CPU-second\n",
                    buildRates.size(), median(buildRates), median(buildPerCpu));
    std::printf("  indexing as they land (median of %d): %.0f docs/s, %.0f docs per CPU-second; the deferred "
                "pull takes %.2f x less CPU\n",
                config.pullOnlyRuns, median(inlineRates), median(inlinePerCpu),
                median(perCpu) / median(inlinePerCpu));
}

void incremental(ReplicaStore& source, ReplicaStore& target, int docs, const SessionOptions& options)
{
    const std::vector<Unid> all = unids(source);
    const int step = 100; // 1 %

    // Baseline: what a sync with nothing to do costs, to see what the changes themselves add.
    const Run idle = sync(target, source, {}, options);

    // Pull: the source changes N in 1 % of its documents; the target pulls them.
    const int pulled = changeNumbers(source, all, step, 0, 1e6);
    const Run pull = sync(target, source, {}, options);
    std::printf(
        "  pull after N changed in %d of %d docs: %lld B on the wire = %.1f B per changed doc "
        "(%.1f without the %lld B of an idle sync)   (target <= 60; PouchDB ~800 pull, ~1,100 push)\n",
        pulled, docs, static_cast<long long>(pull.wireBytes), static_cast<double>(pull.wireBytes) / pulled,
        static_cast<double>(pull.wireBytes - idle.wireBytes) / pulled,
        static_cast<long long>(idle.wireBytes));
    printFrames("    ", pull);
    std::printf("    %lld received, %lld conflicts, %.3f s\n",
                static_cast<long long>(pull.initiator.received),
                static_cast<long long>(pull.initiator.conflicts), pull.initiatorSeconds);

    // Push: the target changes N in another 1 %; it pushes them to the source.
    const int pushed = changeNumbers(target, all, step, step / 2, 2e6);
    const Run push = sync(target, source, {}, options);
    std::printf("  push after N changed in %d of %d docs: %lld B on the wire = %.1f B per changed doc "
                "(%.1f without the idle sync)\n",
                pushed, docs, static_cast<long long>(push.wireBytes),
                static_cast<double>(push.wireBytes) / pushed,
                static_cast<double>(push.wireBytes - idle.wireBytes) / pushed);
    printFrames("    ", push);
    std::printf("    %lld sent, %.3f s\n", static_cast<long long>(push.initiator.sent),
                push.initiatorSeconds);
}

void noOp(ReplicaStore& source, ReplicaStore& target, int latencyMs, const SessionOptions& options)
{
    const Run fast = sync(target, source, {}, options);
    std::printf("  no-op sync, zero latency: %lld B on the wire, %.2f ms\n",
                static_cast<long long>(fast.wireBytes), fast.initiatorSeconds * 1e3);
    printFrames("    ", fast);
    LinkOptions link;
    link.latencyMs = latencyMs;
    const Run slow = sync(target, source, link, options);
    const double rtt = 2.0 * latencyMs / 1e3;
    std::printf("  no-op sync, %d ms one way: initiator done after %.1f ms = %.2f RTT (handshake 1 + %.2f; "
                "target 1 after the handshake; PouchDB 6), responder after %.2f RTT\n",
                latencyMs, slow.initiatorSeconds * 1e3, slow.initiatorSeconds / rtt,
                slow.initiatorSeconds / rtt - 1, slow.bothSeconds / rtt);
    printFrames("    ", slow);
}

// 6: a 20 MB attachment (random bytes: incompressible) pulled over a link cut once 90 % of
// its size has crossed, then the target reopened (as after a restart) and synced again.
void attachmentResume(const QString& dir)
{
    std::printf("\n== a 20 MB attachment, transfer cut at 90 %% ==\n");
    auto source = createReplica(dir + QStringLiteral("/attachment-source.sen"));
    QRandomGenerator random(7);
    QByteArray content(20 << 20, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);
    const auto ref = source->attachments().importBytes(content, QStringLiteral("bao-cao.pdf"));
    if (!ref)
        fail("import", ref.status());
    const auto saved = source->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                        .set(Item::withValue(QStringLiteral("$File:bao-cao.pdf"),
                                                             ItemType::Attachment, ref->toCbor(), 0)));
    if (!saved)
        fail("save", saved.status());
    const QString targetPath = dir + QStringLiteral("/attachment-target.sen");
    auto target = createReplica(targetPath, source->info().replicaId);
    LinkOptions cut;
    cut.cutAfterBytes = content.size() * 9 / 10;
    const Run first = sync(*target, *source, cut, {}, true);
    target.reset();
    target = bench::openReplica(targetPath);
    const Run resumed = sync(*target, *source, {}, {});
    const auto stored = target->attachments().readAll(*ref);
    // Resuming must carry the 10 % that never crossed; anything beyond is what the cut cost:
    // the chunk that was in flight, sent again, and the protocol's own messages.
    const qint64 extra = first.wireBytes + resumed.wireBytes - content.size();
    std::printf("  cut after %lld B; the resumed sync carried %lld B = %.1f %% of the file; both sessions\n"
                "  together carried %lld B = %.2f %% more than the file (sent twice, or protocol messages);\n"
                "  target: bytes re-sent <= 10 %% of the file; file %s\n",
                static_cast<long long>(first.wireBytes), static_cast<long long>(resumed.wireBytes),
                100.0 * static_cast<double>(resumed.wireBytes) / static_cast<double>(content.size()),
                static_cast<long long>(extra),
                100.0 * static_cast<double>(extra) / static_cast<double>(content.size()),
                stored && *stored == content ? "complete and identical" : "NOT complete");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!crypto::runSelfTests().isOk())
        return 2;

    Config config;
    config.options.deferFullText = true; // as clients pull (client/sync/Replicator.cpp)
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            config.sizes.push_back(args[i + 1].toInt());
        else if (args[i] == u"--latency")
            config.latencyMs = args[i + 1].toInt();
        else if (args[i] == u"--batch")
            config.options.batchSize = args[i + 1].toInt();
        else if (args[i] == u"--window")
            config.options.window = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            config.dir = args[i + 1];
        else if (args[i] == u"--defer-fulltext")
            config.options.deferFullText = args[i + 1] != u"no";
        else if (args[i] == u"--pull-only")
            config.pullOnlyRuns = std::max(1, args[i + 1].toInt());
    }
    if (config.sizes.empty())
        config.sizes = {10'000, 100'000};
    QTemporaryDir tmp;
    if (config.dir.isEmpty())
        config.dir = tmp.path();

    std::printf(
        "batch size %d, window %d (protocol defaults %d, %d); both sessions in one thread; replicas in %s\n",
        config.options.batchSize, config.options.window, protocol::kDefaultBatchSize,
        protocol::kDefaultWindow, qPrintable(config.dir));

    QRandomGenerator random(42);
    for (const int docs : config.sizes) {
        std::printf("\n== %d documents ==\n", docs);
        const QString prefix = config.dir + QStringLiteral("/%1-").arg(docs);
        auto source = createReplica(prefix + QStringLiteral("source.sen"));
        QElapsedTimer timer;
        timer.start();
        fill(*source, docs, random);
        std::printf("  (filled the source at %.0f docs/s)\n",
                    docs / (static_cast<double>(timer.nsecsElapsed()) / 1e9));

        // 1, 2: the initial pull, with its bytes.
        const PullFigures zero =
            initialPull(*source, prefix + QStringLiteral("target.sen"), docs, {}, config.options, true);
        if (config.pullOnlyRuns > 0) {
            pullRuns(*source, prefix + QStringLiteral("target.sen"), docs, zero, config);
            continue;
        }

        // 4, 3: a replica that has everything: nothing to do, then 1 % changed.
        auto target = createReplica(prefix + QStringLiteral("replica.sen"), source->info().replicaId);
        (void)sync(*target, *source, {}, config.options);
        noOp(*source, *target, config.latencyMs, config.options);
        incremental(*source, *target, docs, config.options);

        // 5: the same initial pull with latency (fewer runs for the large sizes: they take a while).
        pullWithLatency(*source, prefix, docs, config.latencyMs, docs <= 20'000 ? 3 : 2, zero,
                        config.options);
    }
    if (config.pullOnlyRuns == 0)
        attachmentResume(config.dir);
    return 0;
}
