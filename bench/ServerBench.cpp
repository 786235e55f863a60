// Server benchmark (issue #4): the real sen-server executable in a child process on loopback,
// clients in this process over real TLS 1.3 (RemoteSession). Prints figures; asserts nothing.
//
// Documents have the shape of the PouchDB anchor measurements (sync-anchors §2.4); see
// BenchReplicas.h.
//
//   1. initial pull over TLS: a server database pre-filled with N documents (directly through
//      ReplicaStore, before the server starts); a fresh client replica pulls everything, as a
//      client does (the full-text index deferred, SessionOptions::deferFullText), then builds
//      that index (its own figure); each run alternates with a pull that indexes every document
//      as it lands (the way before the deferral). docs/s, bytes on the wire per document, wall
//      time, CPU of the client and the server. With --pouchdb, the PouchDB anchor of the same
//      size runs after it (bench/pouchdb/pull.js: PouchDB 9 pulling from pouchdb-server 4.2).
//   2. many clients at once: --clients replicas of one empty server database, each holding
//      --per-client new documents, all push at the same time (push only: the round measures
//      the server taking writes from many sessions; a pull of everyone else's documents would
//      be clients x clients x per-client documents and is left out). Wall time, aggregate
//      docs/s, errors, and the server process's peak memory (VmHWM of a server started just
//      for the round, so the figure is the server's own, without the clients).
//   With --senctl, figure 1 also runs the pull as a user does: `senctl replica add` in its own
//   process (start, the ID's Argon2id at the Interactive cost, the database described, the
//   replica created, the pull, the replica closed), timed from start to exit.
//   A 100 ms round-trip variant needs netem (tc qdisc ... netem), not available here: left out.
//
// Every figure is run --runs times (default 3); the median is printed with each run.
//
// usage: sen_bench_server [--docs N]... [--clients N] [--per-client N] [--threads N] [--runs N]
//                         [--dir DIR] [--server PATH] [--keep yes] [--pouchdb DIR] [--pull-only yes]
//                         [--senctl yes]
//   --docs        an initial-pull size (repeatable; default 10000 and 100000)
//   --clients     concurrent clients for figure 2 (default 100)
//   --per-client  documents each of them pushes (default 1000)
//   --threads     client threads sharing those clients, each with its own event loop (default 4)
//   --dir         where the data directory and the replicas go (default: a temporary directory;
//                 put it on tmpfs, e.g. /dev/shm, for CPU figures rather than disk ones)
//   --server      the sen-server executable (default: beside this one)
//   --keep yes    leave the data directory in place (the server's replication history, audit log)
//   --pouchdb     bench/pouchdb with its packages installed (npm install --ignore-scripts there):
//                 runs the PouchDB anchor side by side (needs node on PATH)
//   --pull-only yes  figure 1 only
//   --senctl yes  figure 1 also through a `senctl replica add` process (senctl beside this one)

#include "bench/BenchReplicas.h"
#include "bench/ServerProcess.h"
#include "common/crypto/SelfTest.h"
#include "common/identity/IdFile.h"
#include "common/store/ReplicaStore.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <sys/resource.h>
#include <vector>

using namespace sen;
using namespace sen::bench;

namespace {

struct Config
{
    std::vector<int> sizes;
    int clients = 100;
    int perClient = 1000;
    int threads = 4;
    int runs = 3;
    bool keep = false;
    bool pullOnly = false;
    bool senctl = false;
    QString dir;
    QString server;
    QString pouchdb; // bench/pouchdb, installed: the anchor side by side
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readLine()).section(u' ', 0, 2);
}

double secondsSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

// ---- Clients -------------------------------------------------------------------------------

QSslConfiguration userTls(const QString& idPath, const QString& password)
{
    auto file = identity::IdFile::load(idPath);
    if (!file)
        fail("load the ID file", file.status());
    auto credentials = identity::IdFile::open(*file, password);
    if (!credentials)
        fail("open the ID file", credentials.status());
    auto tls = makeTlsConfiguration(*credentials, credentials->certifierDer());
    if (!tls)
        fail("TLS configuration", tls.status());
    return *tls;
}

RemoteEndpoint endpointOf(const ServerProcess& server, const QString& database)
{
    auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(server.port()), database);
    if (!endpoint)
        fail("endpoint", endpoint.status());
    return *endpoint;
}

// ---- 1. Initial pull ------------------------------------------------------------------------

struct PullRun
{
    double seconds = 0;
    double docsPerSecond = 0;
    double clientCpu = 0;
    double serverCpu = 0;
    double buildSeconds = 0; // the deferred full-text index's build after the pull
    double buildCpu = 0;
    SessionStats stats;
};

PullRun pullOnce(ServerProcess& server, const QSslConfiguration& tls, const QString& database,
                 const ReplicaId& replicaId, const QString& path, bool deferFullText)
{
    auto store = createReplica(path, replicaId);
    SessionOptions options;
    options.deferFullText = deferFullText; // as client::Replicator sets it
    RemoteSession session(*store, tls, endpointOf(server, database), options);
    const ProcessSample serverBefore = server.sample();
    const ProcessSample clientBefore = bench::sampleProcess();
    QElapsedTimer timer;
    timer.start();
    const Status status = session.runBlocking(1'800'000);
    PullRun run;
    run.seconds = secondsSince(timer);
    if (!status.isOk())
        fail("pull", status);
    run.clientCpu = bench::sampleProcess().cpuSeconds - clientBefore.cpuSeconds;
    run.serverCpu = server.sample().cpuSeconds - serverBefore.cpuSeconds;
    run.stats = session.stats();
    run.docsPerSecond = static_cast<double>(run.stats.received) / run.seconds;
    if (deferFullText) {
        // What the client's index worker does next, off the pull's path.
        const double cpuBefore = bench::sampleProcess().cpuSeconds;
        timer.restart();
        for (;;) {
            const Result<bool> complete = store->buildSearchIndex(5000);
            if (!complete)
                fail("search index build", complete.status());
            if (*complete)
                break;
        }
        run.buildSeconds = secondsSince(timer);
        run.buildCpu = bench::sampleProcess().cpuSeconds - cpuBefore;
    }
    store.reset();
    removeReplica(path);
    return run;
}

// ---- The pull as a user runs it: a senctl process --------------------------------------------

// A workspace logged in with the bench user's ID, resealed by `senctl password` at the
// Interactive KDF cost a real user's ID has (the bench's IDs are made with the Test cost).
QString senctlWorkspace(const ServerProcess& server, const QString& idPath, const Config& config)
{
    const QString home = config.dir + QStringLiteral("/senctl-home");
    const QString senctl = QCoreApplication::applicationDirPath() + QStringLiteral("/senctl");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SEN_KDF_COST"));
    env.insert(QStringLiteral("SEN_PASSWORD"), server.password());
    env.insert(QStringLiteral("SEN_NEW_PASSWORD"), server.password());
    for (const QStringList& args : {QStringList{QStringLiteral("login"), QStringLiteral("--id"), idPath},
                                    QStringList{QStringLiteral("password")}}) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(senctl, QStringList{QStringLiteral("--home"), home} + args);
        if (!process.waitForFinished(120'000) || process.exitCode() != 0)
            fail("senctl login or password",
                 Status(ErrorCode::Internal, QString::fromUtf8(process.readAllStandardError())));
    }
    return home;
}

struct SenctlRun
{
    double seconds = 0;
    double cpu = 0; // the senctl process's user + system time
    double serverCpu = 0;
};

SenctlRun senctlOnce(ServerProcess& server, const QString& home, const QString& database)
{
    QDir(home + QStringLiteral("/replicas")).removeRecursively();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SEN_KDF_COST"));
    env.insert(QStringLiteral("SEN_PASSWORD"), server.password());
    process.setProcessEnvironment(env);
    const ProcessSample serverBefore = server.sample();
    struct rusage before
    {};
    getrusage(RUSAGE_CHILDREN, &before);
    QElapsedTimer timer;
    timer.start();
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/senctl"),
                  {QStringLiteral("--home"), home, QStringLiteral("replica"), QStringLiteral("add"),
                   QStringLiteral("127.0.0.1:%1").arg(server.port()), database});
    if (!process.waitForFinished(1'800'000) || process.exitCode() != 0)
        fail("senctl replica add",
             Status(ErrorCode::Internal, QString::fromUtf8(process.readAllStandardError())));
    SenctlRun run;
    run.seconds = secondsSince(timer);
    struct rusage after
    {};
    getrusage(RUSAGE_CHILDREN, &after);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
    };
    run.cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) -
              seconds(before.ru_stime);
    run.serverCpu = server.sample().cpuSeconds - serverBefore.cpuSeconds;
    return run;
}

// The PouchDB anchor of the same size (bench/pouchdb/pull.js); 0 when it could not run.
double pouchdbPull(const Config& config, int docs)
{
    QProcess node;
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral("node"),
               {config.pouchdb + QStringLiteral("/pull.js"), QStringLiteral("--docs"), QString::number(docs),
                QStringLiteral("--runs"), QString::number(config.runs), QStringLiteral("--dir"), config.dir});
    if (!node.waitForStarted() || !node.waitForFinished(1'800'000)) {
        std::printf("  PouchDB: node did not run (%s)\n", qPrintable(node.errorString()));
        return 0;
    }
    double rate = 0;
    for (const QByteArray& line : node.readAll().split('\n')) {
        if (line.startsWith("median: "))
            rate = line.split(' ').value(3).toDouble();
        else if (!line.isEmpty())
            std::printf("%s\n", line.constData());
    }
    return rate;
}

void initialPull(ServerProcess& server, const QSslConfiguration& tls, const QString& database,
                 const ReplicaId& replicaId, int docs, const Config& config, const QString& senctlHome)
{
    std::printf("\n== 1. initial pull of %d documents over TLS (load average %s) ==\n", docs,
                qPrintable(loadAverage()));
    std::vector<double> rates, seconds, clientCpu, serverCpu, buildSeconds, buildCpu;
    std::vector<double> inlineRates, inlineSeconds, inlineClientCpu;
    std::vector<double> senctlSeconds, senctlCpu, senctlServerCpu;
    SessionStats stats;
    const QString path = config.dir + QStringLiteral("/pull-client.sen");
    for (int i = 0; i < config.runs; ++i) {
        const PullRun run = pullOnce(server, tls, database, replicaId, path, true);
        stats = run.stats;
        if (run.stats.received != docs)
            std::printf("  !! received %lld of %d documents\n", static_cast<long long>(run.stats.received),
                        docs);
        std::printf("  run %d: %.3f s, %9.0f docs/s; CPU client %.3f s, server %.3f s; then the search "
                    "index %.3f s (CPU %.3f s)\n",
                    i + 1, run.seconds, run.docsPerSecond, run.clientCpu, run.serverCpu, run.buildSeconds,
                    run.buildCpu);
        rates.push_back(run.docsPerSecond);
        seconds.push_back(run.seconds);
        clientCpu.push_back(run.clientCpu);
        serverCpu.push_back(run.serverCpu);
        buildSeconds.push_back(run.buildSeconds);
        buildCpu.push_back(run.buildCpu);
        const PullRun indexing = pullOnce(server, tls, database, replicaId, path, false);
        std::printf("  run %d indexing as documents land: %.3f s, %9.0f docs/s; CPU client %.3f s, "
                    "server %.3f s\n",
                    i + 1, indexing.seconds, indexing.docsPerSecond, indexing.clientCpu, indexing.serverCpu);
        inlineRates.push_back(indexing.docsPerSecond);
        inlineSeconds.push_back(indexing.seconds);
        inlineClientCpu.push_back(indexing.clientCpu);
        if (!senctlHome.isEmpty()) {
            const SenctlRun user = senctlOnce(server, senctlHome, database);
            std::printf("  run %d senctl replica add (its own process, start to exit): %.3f s, %9.0f docs/s; "
                        "CPU senctl %.3f s, server %.3f s\n",
                        i + 1, user.seconds, docs / user.seconds, user.cpu, user.serverCpu);
            senctlSeconds.push_back(user.seconds);
            senctlCpu.push_back(user.cpu);
            senctlServerCpu.push_back(user.serverCpu);
        }
    }
    std::printf("  median of %d: %.3f s = %.0f docs/s   (PouchDB anchor 3,700-4,100; target >= 5x that)\n",
                config.runs, median(seconds), median(rates));
    std::printf("    CPU: client %.3f s, server %.3f s (medians); the client's includes its SQLite writes\n",
                median(clientCpu), median(serverCpu));
    std::printf("    then the search index's bulk build (the client's index worker): %.3f s, CPU %.3f s\n",
                median(buildSeconds), median(buildCpu));
    std::printf(
        "  indexing as documents land (before): %.3f s = %.0f docs/s, client CPU %.3f s; the deferred "
        "pull is %.2f x as fast\n",
        median(inlineSeconds), median(inlineRates), median(inlineClientCpu),
        median(rates) / median(inlineRates));
    if (!senctlSeconds.empty())
        std::printf("  senctl replica add: %.3f s = %.0f docs/s, CPU senctl %.3f s, server %.3f s (medians; "
                    "senctl's includes its ID's Argon2id)\n",
                    median(senctlSeconds), docs / median(senctlSeconds), median(senctlCpu),
                    median(senctlServerCpu));
    std::printf("  wire (TLS payload as the sessions count it): in %lld B, out %lld B = %.1f B/doc in all; "
                "frames in %lld / out %lld   (PouchDB 749 B/doc gzip)\n",
                static_cast<long long>(stats.bytesIn), static_cast<long long>(stats.bytesOut),
                static_cast<double>(stats.bytesIn + stats.bytesOut) / docs,
                static_cast<long long>(stats.framesIn), static_cast<long long>(stats.framesOut));
    std::printf("  server after the runs: RSS %lld KiB, peak (VmHWM) %lld KiB\n",
                static_cast<long long>(server.sample().rssKiB),
                static_cast<long long>(server.sample().peakKiB));
    if (config.pouchdb.isEmpty())
        return;
    std::printf(
        "  PouchDB 9 <- pouchdb-server 4.2 on loopback, plain HTTP, leveldb on disk (load average %s):\n",
        qPrintable(loadAverage()));
    const double pouch = pouchdbPull(config, docs);
    if (pouch > 0)
        std::printf("  side by side: Sen %.0f docs/s (indexing as documents land: %.0f), PouchDB %.0f docs/s "
                    "= %.2f x (%.2f x)\n",
                    median(rates), median(inlineRates), pouch, median(rates) / pouch,
                    median(inlineRates) / pouch);
    if (pouch > 0 && !senctlSeconds.empty())
        std::printf("  side by side: senctl replica add %.0f docs/s, PouchDB %.0f docs/s = %.2f x\n",
                    docs / median(senctlSeconds), pouch, docs / median(senctlSeconds) / pouch);
}

// ---- 2. Many clients at once ----------------------------------------------------------------

struct ClientResult
{
    Status status = Status(ErrorCode::Internal, QStringLiteral("never finished"));
    SessionStats stats;
    double finishedAt = 0; // seconds after the start signal
};

// Runs one push session per replica in `paths`, spread over `threadCount` threads; each
// thread opens its replicas, waits for the common start, starts all its sessions at once and
// runs its event loop until they have all finished.
std::vector<ClientResult> pushAtOnce(const std::vector<QString>& paths, const QSslConfiguration& tls,
                                     const RemoteEndpoint& endpoint, int threadCount)
{
    std::vector<ClientResult> results(paths.size());
    std::latch ready(threadCount + 1);
    std::latch go(1);
    std::chrono::steady_clock::time_point start;
    SessionOptions options;
    options.pull = false;

    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&, t, tls, endpoint, options] {
            std::vector<std::unique_ptr<ReplicaStore>> stores;
            std::vector<std::unique_ptr<RemoteSession>> sessions;
            QEventLoop loop;
            int pending = 0;
            for (std::size_t i = static_cast<std::size_t>(t); i < paths.size();
                 i += static_cast<std::size_t>(threadCount)) {
                stores.push_back(openReplica(paths[i]));
                auto* session = new RemoteSession(*stores.back(), tls, endpoint, options);
                sessions.emplace_back(session);
                QObject::connect(session, &RemoteSession::finished, &loop, [&, i, session](const Status& s) {
                    results[i].status = s;
                    results[i].stats = session->stats();
                    results[i].finishedAt =
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    if (--pending == 0)
                        loop.quit();
                });
            }
            pending = static_cast<int>(sessions.size());
            ready.count_down();
            go.wait();
            for (auto& session : sessions)
                session->start();
            QTimer::singleShot(1'800'000, &loop, &QEventLoop::quit);
            if (pending > 0)
                loop.exec();
            sessions.clear(); // before their stores
        }));
        threads.back()->start();
    }
    ready.arrive_and_wait();
    start = std::chrono::steady_clock::now();
    go.count_down();
    for (auto& thread : threads)
        thread->wait();
    return results;
}

struct CrowdRun
{
    double seconds = 0;
    double docsPerSecond = 0;
    int errors = 0;
    qint64 sent = 0;
    qint64 bytes = 0;
    double medianSession = 0;
    double serverCpu = 0;
    double clientCpu = 0;
    qint64 serverIdleKiB = 0;
    qint64 serverPeakKiB = 0;
    qint64 onServer = 0;
    qint64 listenOverflows = 0;
};

CrowdRun crowdOnce(ServerProcess& server, const QSslConfiguration& tls, const QString& userName,
                   const QString& database, const Config& config, QRandomGenerator& random)
{
    auto serverPath = server.createDatabase(database, userName);
    if (!serverPath)
        fail("db create", serverPath.status());
    const ReplicaId replicaId = openReplica(*serverPath)->info().replicaId;
    const QString clientDir = config.dir + u'/' + database;
    QDir().mkpath(clientDir);
    std::vector<QString> paths;
    for (int i = 0; i < config.clients; ++i) {
        paths.push_back(clientDir + QStringLiteral("/client-%1.sen").arg(i));
        fill(*createReplica(paths.back(), replicaId), config.perClient, random);
    }

    // A server started for this round alone: its VmHWM at the end is the round's peak.
    if (const Status started = server.start(); !started.isOk())
        fail("sen-server run", started);
    CrowdRun run;
    const ProcessSample serverBefore = server.sample();
    const ProcessSample clientBefore = bench::sampleProcess();
    run.serverIdleKiB = serverBefore.rssKiB;
    const qint64 overflowsBefore = listenOverflows();
    const std::vector<ClientResult> results =
        pushAtOnce(paths, tls, endpointOf(server, database), std::min(config.threads, config.clients));
    const ProcessSample serverAfter = server.sample();
    run.serverPeakKiB = serverAfter.peakKiB;
    run.serverCpu = serverAfter.cpuSeconds - serverBefore.cpuSeconds;
    run.clientCpu = bench::sampleProcess().cpuSeconds - clientBefore.cpuSeconds;
    run.listenOverflows = listenOverflows() - overflowsBefore;
    server.stop();

    std::vector<double> sessionSeconds;
    for (const ClientResult& result : results) {
        if (!result.status.isOk()) {
            if (run.errors++ < 3)
                std::printf("  !! %s\n", qPrintable(result.status.toString()));
        }
        run.sent += result.stats.sent;
        run.bytes += result.stats.bytesIn + result.stats.bytesOut;
        run.seconds = std::max(run.seconds, result.finishedAt);
        sessionSeconds.push_back(result.finishedAt);
    }
    run.medianSession = median(sessionSeconds);
    run.docsPerSecond = static_cast<double>(run.sent) / run.seconds;
    auto count = openReplica(*serverPath)->documentCount();
    run.onServer = count ? *count : -1;
    for (const QString& path : paths)
        removeReplica(path);
    return run;
}

void manyClients(ServerProcess& server, const QSslConfiguration& tls, const QString& userName,
                 const Config& config, QRandomGenerator& random)
{
    const int total = config.clients * config.perClient;
    std::printf("\n== 2. %d clients push %d new documents each at once (%d client threads; load average "
                "%s) ==\n",
                config.clients, config.perClient, std::min(config.threads, config.clients),
                qPrintable(loadAverage()));
    std::vector<double> seconds, rates, peaks, serverCpu;
    int errors = 0;
    for (int i = 0; i < config.runs; ++i) {
        const CrowdRun run =
            crowdOnce(server, tls, userName, QStringLiteral("crowd-%1").arg(i + 1), config, random);
        errors += run.errors;
        std::printf("  run %d: %.3f s (median session %.3f s), %9.0f docs/s; errors %d; sent %lld, on the "
                    "server %lld of %d\n",
                    i + 1, run.seconds, run.medianSession, run.docsPerSecond, run.errors,
                    static_cast<long long>(run.sent), static_cast<long long>(run.onServer), total);
        std::printf("         wire %.1f B/doc; CPU server %.3f s, clients %.3f s; server RSS idle %lld KiB, "
                    "peak %lld KiB; listen queue overflows %lld\n",
                    static_cast<double>(run.bytes) / total, run.serverCpu, run.clientCpu,
                    static_cast<long long>(run.serverIdleKiB), static_cast<long long>(run.serverPeakKiB),
                    static_cast<long long>(run.listenOverflows));
        seconds.push_back(run.seconds);
        rates.push_back(run.docsPerSecond);
        peaks.push_back(static_cast<double>(run.serverPeakKiB));
        serverCpu.push_back(run.serverCpu);
    }
    std::printf("  median of %d: %.3f s = %.0f docs/s aggregate; errors %d in all; server CPU %.3f s; "
                "server peak memory %.1f MiB\n",
                config.runs, median(seconds), median(rates), errors, median(serverCpu), median(peaks) / 1024);
    std::printf("    (peak memory: VmHWM of the sen-server process, started for each round, read from "
                "/proc/<pid>/status just before it is stopped; clients not included)\n");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!crypto::runSelfTests().isOk())
        return 2;

    Config config;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            config.sizes.push_back(args[i + 1].toInt());
        else if (args[i] == u"--clients")
            config.clients = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--per-client")
            config.perClient = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--threads")
            config.threads = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--runs")
            config.runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--dir")
            config.dir = args[i + 1];
        else if (args[i] == u"--server")
            config.server = args[i + 1];
        else if (args[i] == u"--keep")
            config.keep = args[i + 1] == u"yes";
        else if (args[i] == u"--pouchdb")
            config.pouchdb = args[i + 1];
        else if (args[i] == u"--pull-only")
            config.pullOnly = args[i + 1] == u"yes";
        else if (args[i] == u"--senctl")
            config.senctl = args[i + 1] == u"yes";
    }
    if (config.sizes.empty())
        config.sizes = {10'000, 100'000};
    if (config.server.isEmpty())
        config.server = QCoreApplication::applicationDirPath() + QStringLiteral("/sen-server");
    QTemporaryDir tmp(config.dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/sen-bench-XXXXXX")
                                           : config.dir + QStringLiteral("/sen-bench-XXXXXX"));
    if (!tmp.isValid())
        fail("temporary directory", Status(ErrorCode::IoError, tmp.errorString()));
    config.dir = tmp.path();
    tmp.setAutoRemove(!config.keep);

    std::printf("sen-server %s in a child process; data and replicas in %s (tmpfs gives CPU figures);\n"
                "%d runs per figure, medians; %d cores\n",
                qPrintable(config.server), qPrintable(config.dir), config.runs, QThread::idealThreadCount());

    ServerProcess server(config.server, config.dir + QStringLiteral("/server"));
    if (const Status status = server.init(); !status.isOk())
        fail("sen-server init", status);
    const QString idPath = config.dir + QStringLiteral("/bench.id");
    if (const Status status = server.registerUser(QStringLiteral("Bench User"), idPath); !status.isOk())
        fail("sen-server register", status);
    const QString userName = QStringLiteral("Bench User/") + server.org();
    const QSslConfiguration tls = userTls(idPath, server.password());

    // 1: the pull databases are filled before the server starts, straight into their files.
    QRandomGenerator random(42);
    std::vector<std::pair<QString, ReplicaId>> pullDatabases;
    for (const int docs : config.sizes) {
        const QString name = QStringLiteral("pull-%1").arg(docs);
        auto path = server.createDatabase(name, userName);
        if (!path)
            fail("db create", path.status());
        auto store = openReplica(*path);
        QElapsedTimer timer;
        timer.start();
        fill(*store, docs, random);
        std::printf("(filled %s with %d documents at %.0f docs/s)\n", qPrintable(name), docs,
                    docs / secondsSince(timer));
        pullDatabases.emplace_back(name, store->info().replicaId);
    }
    if (const Status started = server.start(); !started.isOk())
        fail("sen-server run", started);
    const QString senctlHome = config.senctl ? senctlWorkspace(server, idPath, config) : QString();
    for (std::size_t i = 0; i < config.sizes.size(); ++i)
        initialPull(server, tls, pullDatabases[i].first, pullDatabases[i].second, config.sizes[i], config,
                    senctlHome);
    server.stop();
    if (config.pullOnly)
        return 0;

    // 2: one server process per round.
    manyClients(server, tls, userName, config, random);

    std::printf("\n(3. a 100 ms round-trip variant needs netem, which this machine lacks: left out; "
                "sen_bench_replication measures latency on its in-memory link)\n");
    return 0;
}
