// sen_bench_spokes, figure 2: the fan-out of one change from the hub to --spokes spokes, every
// server a real sen-server daemon (`run`) on loopback, over TLS. The hub holds a database of
// --fanout-docs incoming documents; each spoke is made with `init --server-id` and takes its
// replica with `db replicate` before its daemon starts. Then, --changes times per mechanism,
// the benchmark changes one document in the hub's replica file (a local save through
// ReplicaStore, as an admin command or the hub's own workers would write it; the daemon and
// the sessions read the file through SQLite) and measures how long until every spoke's replica
// holds that version (its dump line equal to the hub's):
//
//   A. spokes pull now: every spoke runs `sen-server --data SPOKE replicate HUB DB`, 30 at a
//      time (each is a process start, a server ID opened, a TLS session pulling and pushing,
//      an audit record): the time until the last has ended. Not 50 at once: here they all
//      dial from 127.0.0.1, and the hub refuses a 33rd connection in the handshake from one
//      address (server/net/ConnectionLimits.h).
//      Also one spoke alone, for the cost of one such run without the crowd.
//   B. the hub pushes now: `sen-server --data HUB replicate SPOKE DB` for every spoke, at once.
//   C. scheduled: every spoke daemon has a connection document to the hub (`connection add
//      HUB --every 1`) with a test minute of --minute-seconds; the benchmark polls every
//      spoke's replica file (read-only) every 10 ms. The figure is dominated by the schedule:
//      a change waits for each spoke's next run, up to one interval.
//
// Every process is stopped at the end; on a failure they end with the benchmark
// (ServerProcess.h).

#include "bench/BenchReplicas.h"
#include "bench/SpokeBench.h"
#include "client/core/DocumentJson.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace sen::bench {

namespace {

const QString kDb = QStringLiteral("vanban");
// Spokes' `replicate` runs in flight at once from 127.0.0.1 (below the hub's 32).
constexpr std::size_t kPullWindow = 30;

struct Province
{
    std::unique_ptr<ServerProcess> hub;
    std::vector<std::unique_ptr<ServerProcess>> spokes;
    std::unique_ptr<ReplicaStore> hubStore;                 // the benchmark's own connection
    std::vector<std::unique_ptr<ReplicaStore>> spokeStores; // read-only, for looking
    Unid target;                                            // the document the changes edit
};

std::unique_ptr<ReplicaStore> openReadOnly(const QString& path)
{
    ReplicaOpenOptions options;
    options.readOnly = true;
    auto store = ReplicaStore::open(path, options);
    if (!store)
        fail("open a spoke's replica", store.status());
    return std::move(store).value();
}

void setUp(const SpokeConfig& config, Province& province)
{
    QElapsedTimer timer;
    timer.start();
    province.hub = std::make_unique<ServerProcess>(config.server, config.dir + QStringLiteral("/fan-hub"));
    ServerProcess& hub = *province.hub;
    if (const Status status = hub.init(); !status.isOk())
        fail("hub init", status);
    if (auto made = hub.admin({QStringLiteral("db"), QStringLiteral("create"), kDb, QStringLiteral("--kind"),
                               QStringLiteral("documents")});
        !made)
        fail("db create", made.status());
    QRandomGenerator random(50);
    fill(*openReplica(hub.databasePath(kDb)), config.fanoutDocs, random, incomingDocument);
    QStringList idFiles;
    for (int i = 0; i < config.spokes; ++i) {
        idFiles << config.dir + QStringLiteral("/spoke%1.id").arg(i + 1);
        if (auto added =
                hub.admin({QStringLiteral("server"), QStringLiteral("add"),
                           QStringLiteral("spoke%1").arg(i + 1), QStringLiteral("--id"), idFiles.last()});
            !added)
            fail("server add", added.status());
    }
    if (const Status started = hub.start(); !started.isOk())
        fail("hub run", started);
    std::printf("(the hub: %d incoming documents, %d servers added, running: %.1f s)\n", config.fanoutDocs,
                config.spokes, static_cast<double>(timer.restart()) / 1e3);
    std::fflush(stdout);

    for (int i = 0; i < config.spokes; ++i) {
        auto spoke = std::make_unique<ServerProcess>(config.server,
                                                     config.dir + QStringLiteral("/spoke%1").arg(i + 1));
        spoke->setEnvironment(QStringLiteral("SEN_TEST_MINUTE_SECONDS"),
                              QString::number(config.minuteSeconds));
        if (auto made = spoke->admin({QStringLiteral("init"), QStringLiteral("--server-id"), idFiles[i]});
            !made)
            fail("spoke init --server-id", made.status());
        if (auto pulled =
                spoke->admin({QStringLiteral("db"), QStringLiteral("replicate"), hub.address(), kDb});
            !pulled)
            fail("spoke db replicate", pulled.status());
        if (const Status started = spoke->start(); !started.isOk())
            fail("spoke run", started);
        province.spokeStores.push_back(openReadOnly(spoke->databasePath(kDb)));
        province.spokes.push_back(std::move(spoke));
    }
    std::printf("(%d spokes: init --server-id, db replicate of %d documents, run: %.1f s; load average %s)\n",
                config.spokes, config.fanoutDocs, static_cast<double>(timer.elapsed()) / 1e3,
                qPrintable(loadAverage()));

    province.hubStore = openReplica(hub.databasePath(kDb));
    if (const Status walked = province.hubStore->forEachDocument([&](const Document& doc) {
            province.target = doc.unid;
            return false;
        });
        !walked.isOk())
        fail("the hub's first document", walked);
}

// Saves a new subject on the target document at the hub; returns the version's dump line.
QByteArray changeAtHub(Province& province, int n)
{
    const auto saved = province.hubStore->save(
        DocumentEdit::update(province.target)
            .set(Item::text(QStringLiteral("TrichYeu"), QString::fromUtf8("Công văn sửa lần %1 tại "
                                                                          "Tỉnh ủy")
                                                            .arg(n))));
    if (!saved)
        fail("a change at the hub", saved.status());
    const auto stored = province.hubStore->get(province.target);
    if (!stored)
        fail("the change at the hub", stored.status());
    return client::dumpLine(*stored);
}

bool holds(const ReplicaStore& store, const Unid& unid, const QByteArray& line)
{
    const auto found = store.find(unid);
    return found && found->has_value() && client::dumpLine(**found) == line;
}

double cpuOf(const std::vector<const ServerProcess*>& servers)
{
    double sum = 0;
    for (const ServerProcess* server : servers)
        sum += server->sample().cpuSeconds;
    return sum;
}

std::vector<const ServerProcess*> allServers(const Province& province)
{
    std::vector<const ServerProcess*> servers{province.hub.get()};
    for (const auto& spoke : province.spokes)
        servers.push_back(spoke.get());
    return servers;
}

struct Command
{
    const ServerProcess* server;
    QStringList args;
};

// Runs the commands (sen-server --data DIR ARGS), `window` at a time (all at once when it is
// 0 or more than there are), starting the next as one ends; each one's end, in seconds after
// the first was started. Fails on a command that fails.
std::vector<double> runAtOnce(const std::vector<Command>& commands, std::size_t window = 0)
{
    std::vector<double> ended(commands.size(), -1);
    std::vector<std::unique_ptr<QProcess>> processes;
    QEventLoop loop;
    std::size_t pending = commands.size();
    std::size_t next = 0;
    QString firstError;
    QElapsedTimer timer;
    std::function<void()> startNext = [&] {
        const std::size_t i = next++;
        auto process = std::make_unique<QProcess>();
        QProcess* p = process.get();
        p->setProcessEnvironment(commands[i].server->environment());
        endWithThisProcess(*p);
        QObject::connect(p, &QProcess::finished, &loop, [&, i, p](int code, QProcess::ExitStatus status) {
            ended[i] = static_cast<double>(timer.nsecsElapsed()) / 1e9;
            if ((code != 0 || status != QProcess::NormalExit) && firstError.isEmpty())
                firstError = commands[i].args.join(u' ') + QStringLiteral(": ") +
                             QString::fromUtf8(p->readAllStandardError());
            if (next < commands.size())
                startNext();
            if (--pending == 0)
                loop.quit();
        });
        p->start(commands[i].server->executable(),
                 QStringList{QStringLiteral("--data"), commands[i].server->dataDir()} + commands[i].args);
        processes.push_back(std::move(process));
    };
    timer.start();
    const std::size_t first = window == 0 ? commands.size() : std::min(window, commands.size());
    while (next < first)
        startNext();
    QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
    if (pending > 0)
        loop.exec();
    if (pending > 0)
        fail("fan-out", Status(ErrorCode::Internal, QStringLiteral("%1 commands never ended").arg(pending)));
    if (!firstError.isEmpty())
        fail("fan-out", Status(ErrorCode::Internal, firstError));
    return ended;
}

void requireAllHold(const Province& province, const QByteArray& line)
{
    for (std::size_t i = 0; i < province.spokeStores.size(); ++i)
        if (!holds(*province.spokeStores[i], province.target, line))
            fail("fan-out",
                 Status(ErrorCode::Internal, QStringLiteral("spoke%1 lacks the change").arg(i + 1)));
}

struct Figures
{
    std::vector<double> all, middle, cpu, hubCpu;
    void add(std::vector<double> reached, double cpuSeconds, double hubSeconds)
    {
        all.push_back(*std::max_element(reached.begin(), reached.end()));
        middle.push_back(median(reached));
        cpu.push_back(cpuSeconds);
        hubCpu.push_back(hubSeconds);
    }
    void print(const char* what, int runs) const
    {
        std::printf("  %s: all reached in %.3f s (median of %d changes; each: ", what, median(all), runs);
        for (const double s : all)
            std::printf("%.3f ", s);
        std::printf(
            "s); the median spoke at %.3f s; CPU of every process %.2f s, of the hub's daemon %.2f s\n",
            median(middle), median(cpu), median(hubCpu));
    }
};

// A and B: one command per spoke, all at once; `hubSide` runs them on the hub's directory.
void atOnce(const SpokeConfig& config, Province& province, bool hubSide, int& change)
{
    Figures figures;
    for (int r = 0; r < config.changes; ++r) {
        const QByteArray line = changeAtHub(province, ++change);
        std::vector<Command> commands;
        for (const auto& spoke : province.spokes) {
            if (hubSide)
                commands.push_back(
                    {province.hub.get(), {QStringLiteral("replicate"), spoke->address(), kDb}});
            else
                commands.push_back(
                    {spoke.get(), {QStringLiteral("replicate"), province.hub->address(), kDb}});
        }
        const double cpuBefore = cpuOf(allServers(province)) + childrenCpuSeconds();
        const double hubBefore = province.hub->sample().cpuSeconds;
        // Every spoke dials from 127.0.0.1 here, and the hub closes at once a connection from an
        // address that already has kMaxPendingPerAddress (32) in the handshake
        // (server/net/ConnectionLimits.h, issue #11): 50 spokes dialling together from one
        // address are refused beyond it, where a province's spokes have an address each. So
        // the spokes' runs go kPullWindow at a time, the next starting as one ends.
        const std::vector<double> ended = runAtOnce(commands, hubSide ? 0 : kPullWindow);
        const double cpu = cpuOf(allServers(province)) + childrenCpuSeconds() - cpuBefore;
        requireAllHold(province, line);
        figures.add(ended, cpu, province.hub->sample().cpuSeconds - hubBefore);
        std::printf("    change %d: last spoke %.3f s, first %.3f s (load average %s)\n", change,
                    *std::max_element(ended.begin(), ended.end()),
                    *std::min_element(ended.begin(), ended.end()), qPrintable(loadAverage()));
    }
    figures.print(hubSide ? "B. the hub pushes now, one `replicate` per spoke at once"
                          : "A. spokes pull now, one `replicate` per spoke, 30 in flight at once",
                  config.changes);
}

void alone(const SpokeConfig& config, Province& province, int& change)
{
    std::vector<double> seconds, cpu;
    for (int r = 0; r < config.changes; ++r) {
        const QByteArray line = changeAtHub(province, ++change);
        const double hubBefore = province.hub->sample().cpuSeconds;
        const TimedRun run =
            runTimed(*province.spokes.front(), {QStringLiteral("replicate"), province.hub->address(), kDb});
        if (run.exitCode != 0)
            fail("replicate", Status(ErrorCode::Internal, run.err));
        if (!holds(*province.spokeStores.front(), province.target, line))
            fail("replicate", Status(ErrorCode::Internal, QStringLiteral("spoke1 lacks the change")));
        seconds.push_back(run.seconds);
        cpu.push_back(run.cpuSeconds + province.hub->sample().cpuSeconds - hubBefore);
    }
    std::printf(
        "  one spoke alone, `replicate` after one change: %.3f s (median of %d), CPU spoke + hub %.3f s\n",
        median(seconds), config.changes, median(cpu));
}

void scheduled(const SpokeConfig& config, Province& province, int& change)
{
    for (const auto& spoke : province.spokes)
        if (auto added =
                spoke->admin({QStringLiteral("connection"), QStringLiteral("add"), province.hub->address(),
                              QStringLiteral("--every"), QStringLiteral("1")});
            !added)
            fail("connection add", added.status());
    // Every daemon sees its new connection within a tick and runs it at once; let those runs pass.
    QThread::sleep(static_cast<unsigned long>(3 + config.minuteSeconds));
    Figures figures;
    for (int r = 0; r < config.changes; ++r) {
        const double cpuBefore = cpuOf(allServers(province));
        const double hubBefore = province.hub->sample().cpuSeconds;
        const QByteArray line = changeAtHub(province, ++change);
        QElapsedTimer timer;
        timer.start();
        std::vector<double> reached(province.spokes.size(), -1);
        std::size_t pending = reached.size();
        while (pending > 0 && timer.elapsed() < 600'000) {
            for (std::size_t i = 0; i < reached.size(); ++i)
                if (reached[i] < 0 && holds(*province.spokeStores[i], province.target, line)) {
                    reached[i] = static_cast<double>(timer.nsecsElapsed()) / 1e9;
                    --pending;
                }
            QThread::msleep(10);
        }
        if (pending > 0)
            fail("scheduled fan-out",
                 Status(ErrorCode::Internal, QStringLiteral("%1 spokes never got it").arg(pending)));
        figures.add(reached, cpuOf(allServers(province)) - cpuBefore,
                    province.hub->sample().cpuSeconds - hubBefore);
        std::printf("    change %d: last spoke %.3f s, first %.3f s (load average %s)\n", change,
                    *std::max_element(reached.begin(), reached.end()),
                    *std::min_element(reached.begin(), reached.end()), qPrintable(loadAverage()));
    }
    figures.print("C. scheduled, every spoke's connection to the hub due every test minute", config.changes);
    std::printf("     (test minute %d s: a change waits up to one interval for each spoke's next run)\n",
                config.minuteSeconds);
    for (const auto& spoke : province.spokes)
        if (auto removed = spoke->admin(
                {QStringLiteral("connection"), QStringLiteral("remove"), province.hub->address()});
            !removed)
            fail("connection remove", removed.status());
}

} // namespace

void runFanout(const SpokeConfig& config)
{
    std::printf("\n== 2. fan-out: one change at the hub to %d spoke daemons over TLS (load average %s) ==\n",
                config.spokes, qPrintable(loadAverage()));
    std::fflush(stdout);
    Province province;
    setUp(config, province);
    int change = 0;
    alone(config, province, change);
    std::fflush(stdout);
    atOnce(config, province, false, change);
    std::fflush(stdout);
    atOnce(config, province, true, change);
    std::fflush(stdout);
    scheduled(config, province, change);

    // Every spoke's whole replica equals the hub's.
    province.spokeStores.clear();
    province.hubStore.reset();
    const ReplicaIdentity hub = replicaIdentity(province.hub->databasePath(kDb));
    int equal = 0;
    for (const auto& spoke : province.spokes)
        equal += replicaIdentity(spoke->databasePath(kDb)).digest == hub.digest ? 1 : 0;
    std::printf("  at the end %d of %d spokes' replicas equal the hub's (%lld documents, dump digest %s)\n",
                equal, config.spokes, static_cast<long long>(hub.documents), hub.digest.constData());
    if (equal != config.spokes)
        fail("fan-out",
             Status(ErrorCode::Internal, QStringLiteral("a spoke's replica differs from the hub's")));
    QElapsedTimer timer;
    timer.start();
    for (const auto& spoke : province.spokes)
        spoke->stop();
    province.hub->stop();
    std::printf("(%d daemons stopped in %.1f s)\n", config.spokes + 1,
                static_cast<double>(timer.elapsed()) / 1e3);
}

} // namespace sen::bench
