// sen_bench_views: the view index and the view model over a documents database of N
// incoming documents (~0.9 KB each, the demo's VanBanDen shape). Prints the first build,
// a cold open in a fresh process (open the cache, count, first 100 rows), a re-sort, pages
// in the middle and at the end, the category list, an update after 100 edits, and the
// peak memory (VmHWM) of a process holding the ViewModel over the whole view.
//
//   sen_bench_views [--docs N] [--dir DIR] [--keep yes] [--builds-only yes]

#include "bench/BenchReplicas.h"
#include "client/gui/views/ViewModel.h"
#include "client/views/ReadMarks.h"
#include "client/views/ViewCacheFile.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewIndex.h"
#include "client/views/ViewQuery.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

using namespace sen;

namespace {

[[noreturn]] void fail(const char* what, const Status& status)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(status.toString()));
    std::exit(1);
}

template <typename T>
T must(const char* what, Result<T> result)
{
    if (!result)
        fail(what, result.status());
    return std::move(result).value();
}

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

double ms(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// CPU time (user + system) of this process so far: the build's cost apart from waiting on a
// busy machine.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) {
        return t.tv_sec * 1000.0 + t.tv_usec / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

long vmHwmKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

const QString kUser = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");

views::ViewDefinition viewOf(const char* id)
{
    return views::ViewCatalog::find(DatabaseKind::Documents, QString::fromLatin1(id)).value();
}

// The child process: a fresh process state opens the view as the GUI would.
int measureOpen(const QString& cachePath)
{
    QElapsedTimer timer;
    timer.start();
    auto query = must("open view", views::ViewQuery::open(cachePath, viewOf("incoming-by-date"), kUser));
    const std::int64_t count = must("count", query->count());
    const auto first = must("rows", query->rows(query->defaultSort(), 0, 100));
    std::printf("cold open (open cache + count + first 100 rows): %.1f ms (%lld documents, %zu rows)\n",
                ms(timer), static_cast<long long>(count), first.size());

    timer.restart();
    auto rows = must("rows", query->rows({3, false}, 0, 100)); // by subject, text key
    std::printf("re-sort by issuer (text) to first 100 rows: %.1f ms\n", ms(timer));
    timer.restart();
    rows = must("rows", query->rows({3, false}, count / 2, 100));
    std::printf("page in the middle (offset %lld): %.1f ms\n", static_cast<long long>(count / 2), ms(timer));
    timer.restart();
    rows = must("rows", query->rows({3, false}, count - 100, 100));
    std::printf("last page: %.1f ms\n", ms(timer));

    timer.restart();
    auto byType = must("open by type", views::ViewQuery::open(cachePath, viewOf("by-type"), kUser));
    const auto categories = must("categories", byType->categories());
    std::printf("category list of by type: %.1f ms (%zu categories)\n", ms(timer), categories.size());
    timer.restart();
    auto byStatus = must("open by status", views::ViewQuery::open(cachePath, viewOf("by-status"), kUser));
    const auto statuses = must("categories", byStatus->categories());
    const auto inCategory =
        must("category rows", byStatus->categoryRows(statuses.front().key, byStatus->defaultSort(), 0, 100));
    std::printf("by status: categories + first 100 rows of one: %.1f ms\n", ms(timer));
    auto marks = must("read marks", views::ReadMarks::open(cachePath));
    timer.restart();
    const std::int64_t unread = must("unread", marks->unreadCount());
    std::printf("unread count: %.1f ms (%lld)\n", ms(timer), static_cast<long long>(unread));

    // The model over the whole view, as the view pane shows it: first screen, a jump to the
    // middle, the end, a re-sort.
    timer.restart();
    gui::ViewModel model(
        must("open view", views::ViewQuery::open(cachePath, viewOf("incoming-by-date"), kUser)),
        std::move(marks));
    for (int r = 0; r < 40; ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            (void)model.index(r, c).data();
    std::printf("ViewModel: open + first screen (40 rows): %.1f ms\n", ms(timer));
    timer.restart();
    for (int r = model.rowCount() / 2; r < model.rowCount() / 2 + 40; ++r)
        (void)model.index(r, 4).data();
    for (int r = model.rowCount() - 40; r < model.rowCount(); ++r)
        (void)model.index(r, 4).data();
    std::printf("ViewModel: screens in the middle and at the end: %.1f ms\n", ms(timer));
    timer.restart();
    model.sort(2, Qt::AscendingOrder);
    for (int r = 0; r < 40; ++r)
        (void)model.index(r, 2).data();
    std::printf("ViewModel: sort by number and symbol + first screen: %.1f ms\n", ms(timer));
    std::printf("peak memory with the ViewModel open (VmHWM): %.1f MB\n", vmHwmKb() / 1024.0);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--measure-open")
        return measureOpen(args.value(2));

    int docs = 100000;
    QString dirPath;
    bool keep = false;
    bool buildsOnly = false; // the first builds alone (for a profiler)
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            docs = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            dirPath = args[i + 1];
        else if (args[i] == u"--keep")
            keep = args[i + 1] == u"yes";
        else if (args[i] == u"--builds-only")
            buildsOnly = args[i + 1] == u"yes";
    }
    QTemporaryDir tmp(dirPath.isEmpty() ? QDir::tempPath() + QStringLiteral("/sen-views-XXXXXX")
                                        : dirPath + QStringLiteral("/sen-views-XXXXXX"));
    tmp.setAutoRemove(!keep);
    const QString replicaPath = tmp.path() + QStringLiteral("/documents.sen");
    const QString cachePath = views::ViewCacheFile::pathFor(replicaPath);
    ReplicaCreateOptions create;
    create.title = S("Văn bản");
    auto store = must("create", ReplicaStore::create(replicaPath, create));
    QRandomGenerator random(20261116);
    QElapsedTimer timer;
    timer.start();
    std::vector<Unid> unids;
    for (int start = 0; start < docs; start += 1000) {
        const Status status = store->batch([&] {
            for (int n = start; n < std::min(docs, start + 1000); ++n) {
                auto saved = store->save(bench::incomingDocument(random, n));
                if (!saved)
                    return saved.status();
                if (n % 997 == 0)
                    unids.push_back(saved->unid);
            }
            return Status::ok();
        });
        if (!status.isOk())
            fail("fill", status);
    }
    std::printf("%d documents, replica %.1f MB, filled in %.1f s\n", docs,
                QFileInfo(replicaPath).size() / 1048576.0, ms(timer) / 1000);

    const auto definitions = views::ViewCatalog::viewsFor(DatabaseKind::Documents);
    if (buildsOnly) {
        // The two first builds alone, for a profiler: all the views together (update()),
        // then the opened view alone into another file (update(ids)).
        timer.restart();
        double cpu = cpuMs();
        auto whole = must("open index", views::ViewIndex::open(*store, cachePath, definitions, kUser));
        must("build", whole->update());
        std::printf("index build (%zu views): %.0f ms, %.0f ms CPU\n", definitions.size(), ms(timer),
                    cpuMs() - cpu);
        timer.restart();
        cpu = cpuMs();
        auto first =
            must("open index", views::ViewIndex::open(*store, tmp.path() + QStringLiteral("/first.views"),
                                                      definitions, kUser));
        must("first view", first->update(QStringList{definitions.front().id}));
        std::printf("first view alone (%s): %.0f ms, %.0f ms CPU\n", qPrintable(definitions.front().id),
                    ms(timer), cpuMs() - cpu);
        return 0;
    }
    timer.restart();
    const double cpuBefore = cpuMs();
    auto index = must("open index", views::ViewIndex::open(*store, cachePath, definitions, kUser));
    const auto stats = must("build", index->update());
    const double buildMs = ms(timer);
    const double buildCpuMs = cpuMs() - cpuBefore;
    // The cache's size as its pages count: below 20,000 changes (ViewIndex::Options::batch)
    // the build leaves pages in the WAL, which the file's size alone would leave out.
    auto reader = must("read cache", views::ViewCacheFile::openForReading(cachePath));
    const std::int64_t pages = must("page count", reader->queryInt("PRAGMA page_count"));
    const std::int64_t pageSize = must("page size", reader->queryInt("PRAGMA page_size"));
    reader.reset();
    std::printf("index build (%zu views): %.0f ms, %.0f ms CPU (%lld changes), cache %.1f MB\n",
                definitions.size(), buildMs, buildCpuMs, static_cast<long long>(stats.changes),
                static_cast<double>(pages * pageSize) / 1048576.0);

    // The first view first (docs/views.md §"The first view first"), into another cache file:
    // the view a database opens on built alone, then the others together, then the update of
    // all, as the client's index worker does.
    {
        const QString firstPath = tmp.path() + QStringLiteral("/first.views");
        timer.restart();
        double cpu = cpuMs();
        auto first = must("open index", views::ViewIndex::open(*store, firstPath, definitions, kUser));
        const QString opened = definitions.front().id;
        must("first view", first->update(QStringList{opened}));
        std::printf("first view alone (%s): %.0f ms, %.0f ms CPU\n", qPrintable(opened), ms(timer),
                    cpuMs() - cpu);
        QElapsedTimer rest;
        rest.start();
        cpu = cpuMs();
        must("other views", first->update(first->unbuiltViews()));
        std::printf("then the other %zu views together: %.0f ms, %.0f ms CPU\n", definitions.size() - 1,
                    ms(rest), cpuMs() - cpu);
        rest.restart();
        cpu = cpuMs();
        must("catch-up", first->update());
        std::printf("then the update of all (the other orders' indexes): %.0f ms, %.0f ms CPU\n", ms(rest),
                    cpuMs() - cpu);
    }

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(app.applicationFilePath(), {QStringLiteral("--measure-open"), cachePath});
    child.waitForFinished(-1);

    // 100 edits that change sort keys and categories, then the incremental update.
    for (int i = 0; i < 100; ++i) {
        const Unid& unid = unids[static_cast<std::size_t>(i) % unids.size()];
        auto saved = store->save(DocumentEdit::update(unid)
                                     .set(Item::text(QStringLiteral("TrangThai"), S("Đã xử lý")))
                                     .set(Item::number(QStringLiteral("SoDen"), 1000000 + i)));
        if (!saved)
            fail("edit", saved.status());
    }
    timer.restart();
    const auto after = must("update", index->update());
    std::printf("update after 100 edited documents: %.1f ms (%lld changes)\n", ms(timer),
                static_cast<long long>(after.changes));
    timer.restart();
    (void)must("update", index->update());
    std::printf("update with nothing new: %.1f ms\n", ms(timer));
    if (keep)
        std::printf("kept in %s\n", qPrintable(tmp.path()));
    return child.exitCode();
}
