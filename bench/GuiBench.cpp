// sen_bench_gui: the desktop client's start-up and its biggest view, measured in real `sen`
// processes (offscreen) on a workspace holding a documents replica of N incoming documents
// (default 100,000; ~0.9 KB each, bench/BenchReplicas.h).
//
// Prints, as medians of --runs runs of `sen --startup-report` (client/gui/app/StartupReport.h):
//   - cold start to the first usable window (the login dialog), from the process's start;
//   - start to the main window with the workspace listed, logged in by SEN_PASSWORD (this
//     includes opening the ID file: Argon2id with the ID's cost, shown separately);
//   - opening the documents database's first view to its first rows painted, sorting it by
//     another column, jumping to its end;
//   - the process's peak and final memory with that view open.
// The view index is built once beforehand as the client's index worker builds it (the
// opened view alone, then the others; each time and CPU time printed: the first opening of a
// database waits for the first, in the background).
//
// usage: sen_bench_gui [--docs N] [--runs N] [--dir DIR] [--kdf interactive|test] [--sen PATH]

#include "bench/BenchReplicas.h"
#include "client/views/ViewCacheFile.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewIndex.h"
#include "common/identity/Certifier.h"
#include "common/identity/IdFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace sen;

namespace {

// This process's CPU time (user + system), in seconds: a build's cost apart from the load.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

const QString kPassword = QStringLiteral("bench-password-2026");

template <typename T>
T must(const char* what, Result<T> result)
{
    if (!result)
        bench::fail(what, result.status());
    return std::move(*result);
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Runs `sen --startup-report` once and returns its figures by name.
QMap<QString, double> runClient(const QString& sen, const QStringList& arguments, bool withPassword)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (withPassword)
        env.insert(QStringLiteral("SEN_PASSWORD"), kPassword);
    else
        env.remove(QStringLiteral("SEN_PASSWORD"));
    process.setProcessEnvironment(env);
    process.start(sen, arguments + QStringList{QStringLiteral("--startup-report")});
    if (!process.waitForFinished(900'000) || process.exitCode() != 0) {
        std::fprintf(stderr, "sen failed (exit %d, %s): %s\n", process.exitCode(),
                     process.exitStatus() == QProcess::CrashExit ? "crashed" : "exited",
                     process.readAllStandardError().constData());
        std::exit(1);
    }
    QMap<QString, double> figures;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.size() == 3 && words[0] == "startup")
            figures.insert(QString::fromLatin1(words[1]), words[2].toDouble());
    }
    return figures;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int docs = 100'000;
    int runs = 5;
    QString dirPath;
    QString sen = QCoreApplication::applicationDirPath() + QStringLiteral("/sen");
    identity::KdfCost kdf = identity::KdfCost::Interactive;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            docs = args[i + 1].toInt();
        else if (args[i] == u"--runs")
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--dir")
            dirPath = args[i + 1];
        else if (args[i] == u"--sen")
            sen = args[i + 1];
        else if (args[i] == u"--kdf")
            kdf = args[i + 1] == u"test" ? identity::KdfCost::Test : identity::KdfCost::Interactive;
    }
    QTemporaryDir tmp((dirPath.isEmpty() ? QDir::tempPath() : dirPath) + QStringLiteral("/sen-gui-XXXXXX"));
    const QString home = tmp.path() + QStringLiteral("/home");
    QDir().mkpath(home + QStringLiteral("/replicas"));

    // The user's ID, as `sen-server register` makes it.
    const auto org = must("name", identity::HierarchicalName::parse(QStringLiteral("HuyenUy/KimBang")));
    const auto user =
        must("name", identity::HierarchicalName::parse(QStringLiteral("Nguyễn Văn An/HuyenUy/KimBang")));
    identity::Certifier certifier =
        must("certifier", identity::Certifier::create(org, identity::Validity::days(365)));
    const identity::Credentials credentials =
        must("issue", certifier.issue(user, identity::CertificateRole::User, identity::Validity::days(365)));
    QElapsedTimer timer;
    timer.start();
    const QByteArray idFile = must("seal", identity::IdFile::seal(credentials, kPassword, kdf));
    const double sealMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (const Status saved = identity::IdFile::save(home + QStringLiteral("/user.id"), idFile); !saved.isOk())
        bench::fail("save ID", saved);

    // The documents database and its view index.
    const QString replicaPath = home + QStringLiteral("/replicas/vanban.sen");
    {
        ReplicaCreateOptions create;
        create.title = QStringLiteral("Văn bản đến, đi");
        auto store = must("create", ReplicaStore::create(replicaPath, create));
        QRandomGenerator random(20261122);
        timer.restart();
        for (int start = 0; start < docs; start += 1000) {
            const Status status = store->batch([&] {
                for (int n = start; n < std::min(docs, start + 1000); ++n) {
                    if (auto saved = store->save(bench::incomingDocument(random, n)); !saved)
                        return saved.status();
                }
                return Status::ok();
            });
            if (!status.isOk())
                bench::fail("fill", status);
        }
        std::printf("%d documents in %.1f s, replica %.0f MB\n", docs, timer.elapsed() / 1000.0,
                    QFileInfo(replicaPath).size() / 1048576.0);
        // As the client's index worker builds it (docs/views.md §"The first view first"): the
        // view the database opens on alone, then the others together.
        timer.restart();
        double cpu = cpuSeconds();
        const auto definitions = views::ViewCatalog::viewsFor(DatabaseKind::Documents);
        auto index = must("index", views::ViewIndex::open(*store, views::ViewCacheFile::pathFor(replicaPath),
                                                          definitions, user.toString()));
        must("first view", index->update(QStringList{definitions.front().id}));
        std::printf("first view index build, the opened view alone: %.1f s, %.1f s CPU\n",
                    timer.elapsed() / 1000.0, cpuSeconds() - cpu);
        timer.restart();
        cpu = cpuSeconds();
        must("other views", index->update(index->unbuiltViews()));
        must("update", index->update());
        std::printf("then the other %zu views together: %.1f s, %.1f s CPU\n", definitions.size() - 1,
                    timer.elapsed() / 1000.0, cpuSeconds() - cpu);
    }

    std::vector<double> window, workspace, open, sort, scrollEnd, peak;
    for (int run = 0; run < runs; ++run) {
        const auto cold = runClient(sen, {QStringLiteral("--home"), home}, false);
        window.push_back(cold.value(QStringLiteral("window-ms"), -1));
        const auto full = runClient(
            sen, {QStringLiteral("--home"), home, QStringLiteral("--open"), QStringLiteral("vanban")}, true);
        workspace.push_back(full.value(QStringLiteral("workspace-ms"), -1));
        open.push_back(full.value(QStringLiteral("view-open-ms"), -1));
        sort.push_back(full.value(QStringLiteral("view-sort-ms"), -1));
        scrollEnd.push_back(full.value(QStringLiteral("view-scroll-end-ms"), -1));
        peak.push_back(full.value(QStringLiteral("peak-rss-kib"), -1) / 1024.0);
    }
    std::printf("medians of %d runs of sen (offscreen):\n", runs);
    std::printf("  cold start to the login window:        %7.0f ms\n", median(window));
    std::printf("  start to the workspace, logged in:     %7.0f ms (opening the ID alone: %.0f ms)\n",
                median(workspace), sealMs);
    std::printf("  %d-document view, open to first rows: %7.1f ms\n", docs, median(open));
    std::printf("  sort by another column to first rows:  %7.1f ms\n", median(sort));
    std::printf("  jump to the end, rows painted:         %7.1f ms\n", median(scrollEnd));
    std::printf("  peak memory with the view open:        %7.1f MB (VmHWM, includes the KDF's %s)\n",
                median(peak), kdf == identity::KdfCost::Interactive ? "64 MiB" : "256 KiB");
    return 0;
}
