// The province's servers as real processes (issue #16): sen-server executables over TLS on
// loopback, set up as docs/servers.md says (init, server add, init --server-id, db replicate,
// replicate, connection add, run). Prints figures; asserts nothing but that every replica
// ends equal to the hub's.
//
//   1. A spoke's first replication: a hub (`run`) holding a database of N incoming documents
//      (BenchReplicas' Vietnamese VanBanDen, about 0.9 KB each); a new spoke made with
//      `init --server-id` runs `db replicate HUB DB` in its own process. Wall time, docs/s,
//      the spoke's CPU (getrusage of the child) and the hub's (/proc), and that the spoke's
//      replica equals the hub's (count and dump digest).
//   2. Fan-out (SpokeFanout.cpp): a hub and --spokes spoke daemons, each holding a replica
//      made by db replicate; one document changed at the hub, then the time until every
//      spoke's replica holds it, by three mechanisms.
//
// usage: sen_bench_spokes [--docs N]... [--runs N] [--spokes N] [--fanout-docs N] [--changes N]
//                         [--minute-seconds N] [--first-only yes] [--fanout-only yes]
//                         [--dir DIR] [--server PATH] [--keep yes] [--wrap "CMD ARGS"]
//   --docs            a first-replication size (repeatable; default 10000 and 100000)
//   --runs            first replications of each size (default 1)
//   --spokes          spoke processes of the fan-out (default 50)
//   --fanout-docs     documents in the fan-out's database (default 1000)
//   --changes         changes measured per fan-out mechanism (default 3; medians)
//   --minute-seconds  the spokes' test minute for the scheduled fan-out (default 1)
//   --dir             where the data directories go (tmpfs, e.g. /dev/shm, for CPU figures)
//   --server          the sen-server executable (default: beside this one)
//   --keep yes        leave the data directories
//   --wrap "CMD"      run the spoke's db replicate under CMD, e.g. "valgrind --tool=callgrind
//                     --callgrind-out-file=spoke.out" (the wall figures then mean nothing)

#include "bench/SpokeBench.h"

#include "bench/BenchReplicas.h"
#include "client/core/DocumentJson.h"
#include "common/crypto/SelfTest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace sen::bench {

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

double childrenCpuSeconds()
{
#ifdef Q_OS_LINUX
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
#else
    return -1;
#endif
}

TimedRun runTimed(const ServerProcess& server, const QStringList& args, const QStringList& wrap)
{
    QProcess process;
    process.setProcessEnvironment(server.environment());
    endWithThisProcess(process);
    QStringList command = QStringList{QStringLiteral("--data"), server.dataDir()} + args;
    QString program = server.executable();
    if (!wrap.isEmpty()) {
        command = wrap.mid(1) + QStringList{program} + command;
        program = wrap.first();
    }
    TimedRun run;
    const double cpuBefore = childrenCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    process.start(program, command);
    if (!process.waitForFinished(3'600'000)) {
        process.kill();
        process.waitForFinished();
    }
    run.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = childrenCpuSeconds() - cpuBefore;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

ReplicaIdentity replicaIdentity(const QString& path)
{
    ReplicaOpenOptions options;
    options.readOnly = true;
    auto store = ReplicaStore::open(path, options);
    if (!store)
        fail("open a replica to compare", store.status());
    ReplicaIdentity identity;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 documents = 0;
    const Status walked = (*store)->forEachDocument(
        [&](const Document& doc) {
            hash.addData(client::dumpLine(doc));
            hash.addData("\n");
            ++documents;
            return true;
        },
        true);
    if (!walked.isOk())
        fail("read a replica to compare", walked);
    identity.documents = documents;
    identity.digest = hash.result().toHex().left(16);
    return identity;
}

// ---- 1. A spoke's first replication -----------------------------------------------------------

void runFirstReplication(const SpokeConfig& config)
{
    std::printf("\n== 1. a spoke's first replication: `db replicate HUB DB` in its own process, over TLS "
                "==\n");
    ServerProcess hub(config.server, config.dir + QStringLiteral("/hub"));
    if (const Status status = hub.init(); !status.isOk())
        fail("hub init", status);
    QRandomGenerator random(16);
    std::vector<ReplicaIdentity> hubIdentities;
    for (const int docs : config.sizes) {
        const QString name = QStringLiteral("vanban-%1").arg(docs);
        if (auto made = hub.admin({QStringLiteral("db"), QStringLiteral("create"), name,
                                   QStringLiteral("--kind"), QStringLiteral("documents")});
            !made)
            fail("db create", made.status());
        QElapsedTimer timer;
        timer.start();
        fill(*openReplica(hub.databasePath(name)), docs, random, incomingDocument);
        hubIdentities.push_back(replicaIdentity(hub.databasePath(name)));
        std::printf("(the hub's %s: %d incoming documents filled in %.1f s, %.0f MB)\n", qPrintable(name),
                    docs, static_cast<double>(timer.elapsed()) / 1e3,
                    static_cast<double>(QFile(hub.databasePath(name)).size()) / 1e6);
    }
    if (const Status started = hub.start(); !started.isOk())
        fail("hub run", started);

    for (std::size_t s = 0; s < config.sizes.size(); ++s) {
        const int docs = config.sizes[s];
        const QString name = QStringLiteral("vanban-%1").arg(docs);
        std::vector<double> seconds, rates, spokeCpu, hubCpu;
        for (int r = 0; r < config.runs; ++r) {
            // A new spoke for every run: server add at the hub, init --server-id.
            const QString spokeName = QStringLiteral("spoke-%1-%2").arg(docs).arg(r + 1);
            const QString idFile = config.dir + u'/' + spokeName + QStringLiteral(".id");
            if (auto added = hub.admin({QStringLiteral("server"), QStringLiteral("add"), spokeName,
                                        QStringLiteral("--id"), idFile});
                !added)
                fail("server add", added.status());
            ServerProcess spoke(config.server, config.dir + u'/' + spokeName);
            if (auto made = spoke.admin({QStringLiteral("init"), QStringLiteral("--server-id"), idFile});
                !made)
                fail("spoke init --server-id", made.status());

            std::printf("  %d documents, run %d (load average %s):\n", docs, r + 1,
                        qPrintable(loadAverage()));
            std::fflush(stdout);
            const double hubBefore = hub.sample().cpuSeconds;
            const TimedRun run = runTimed(
                spoke, {QStringLiteral("db"), QStringLiteral("replicate"), hub.address(), name}, config.wrap);
            const double hubSpent = hub.sample().cpuSeconds - hubBefore;
            if (run.exitCode != 0)
                fail("db replicate", Status(ErrorCode::Internal, run.err));
            const ReplicaIdentity got = replicaIdentity(spoke.databasePath(name));
            const bool same =
                got.documents == hubIdentities[s].documents && got.digest == hubIdentities[s].digest;
            // The database's design documents (forms, views) travel too: count what the replica holds.
            const double held = static_cast<double>(got.documents);
            std::printf(
                "    %.2f s wall = %.0f docs/s; CPU spoke %.2f s (%.0f docs per CPU-second), hub %.2f s; "
                "replica %.0f MB\n",
                run.seconds, held / run.seconds, run.cpuSeconds, held / run.cpuSeconds, hubSpent,
                static_cast<double>(QFile(spoke.databasePath(name)).size()) / 1e6);
            std::printf("    %s", qPrintable(run.out.section(u'\n', 1)));
            std::printf("    the spoke's replica: %lld documents, dump digest %s: %s\n",
                        static_cast<long long>(got.documents), got.digest.constData(),
                        same ? "equal to the hub's" : "DIFFERENT FROM THE HUB'S");
            if (!same)
                fail("first replication", Status(ErrorCode::Internal, QStringLiteral("replica differs")));
            seconds.push_back(run.seconds);
            rates.push_back(held / run.seconds);
            spokeCpu.push_back(run.cpuSeconds);
            hubCpu.push_back(hubSpent);
            if (!config.keep)
                QDir(spoke.dataDir()).removeRecursively();
        }
        if (config.runs > 1)
            std::printf("  %d documents, median of %d: %.2f s = %.0f docs/s; CPU spoke %.2f s, hub %.2f s\n",
                        docs, config.runs, median(seconds), median(rates), median(spokeCpu), median(hubCpu));
    }
    hub.stop();
}

} // namespace sen::bench

using namespace sen;
using namespace sen::bench;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!crypto::runSelfTests().isOk())
        return 2;

    SpokeConfig config;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString& value = args[i + 1];
        if (args[i] == u"--docs")
            config.sizes.push_back(std::max(1, value.toInt()));
        else if (args[i] == u"--runs")
            config.runs = std::max(1, value.toInt());
        else if (args[i] == u"--spokes")
            config.spokes = std::max(1, value.toInt());
        else if (args[i] == u"--fanout-docs")
            config.fanoutDocs = std::max(1, value.toInt());
        else if (args[i] == u"--changes")
            config.changes = std::max(1, value.toInt());
        else if (args[i] == u"--minute-seconds")
            config.minuteSeconds = std::max(1, value.toInt());
        else if (args[i] == u"--first-only")
            config.firstOnly = value == u"yes";
        else if (args[i] == u"--fanout-only")
            config.fanoutOnly = value == u"yes";
        else if (args[i] == u"--dir")
            config.dir = value;
        else if (args[i] == u"--server")
            config.server = value;
        else if (args[i] == u"--keep")
            config.keep = value == u"yes";
        else if (args[i] == u"--wrap")
            config.wrap = value.split(u' ', Qt::SkipEmptyParts);
    }
    if (config.sizes.empty())
        config.sizes = {10'000, 100'000};
    if (config.server.isEmpty())
        config.server = QCoreApplication::applicationDirPath() + QStringLiteral("/sen-server");
    QTemporaryDir tmp(config.dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/sen-spokes-XXXXXX")
                                           : config.dir + QStringLiteral("/sen-spokes-XXXXXX"));
    if (!tmp.isValid())
        fail("temporary directory", Status(ErrorCode::IoError, tmp.errorString()));
    config.dir = tmp.path();
    tmp.setAutoRemove(!config.keep);
    // fail() exits without unwinding: the data directories (hundreds of MB) go all the same.
    static QString removeAtExit;
    if (!config.keep) {
        removeAtExit = config.dir;
        std::atexit([] { QDir(removeAtExit).removeRecursively(); });
    }

    std::printf("sen-server %s in child processes, TLS 1.3 on loopback; data in %s; %d cores, load average "
                "%s\n",
                qPrintable(config.server), qPrintable(config.dir), QThread::idealThreadCount(),
                qPrintable(loadAverage()));
    if (!config.fanoutOnly)
        runFirstReplication(config);
    if (!config.firstOnly)
        runFanout(config);
    return 0;
}
