// sen_bench_mywork: the home page "Việc của tôi" (docs/workflow.md "My work") on a workspace
// whose documents database holds N incoming documents (default 100,000; ~0.9 KB each,
// bench/BenchReplicas.h) and S open directions (default 5,000), of which --mine name the
// user as lead (the others name nine colleagues and the [ChuyenVien] role co-ordinating), with
// deadlines spread around today so that some are overdue and some due soon.
//
// Prints:
//   - filling, and the first build of the workflow index (once per file: schema 7);
//   - the home page's first paint, --runs times, each from fresh sessions: app::MyWork's
//     query across the workspace, the model, and the page (MyWorkPage, offscreen) painted
//     to a pixmap — wall and CPU time of the whole, and of the query alone; medians;
//   - the same query without the index: every incoming document's steps read and derived
//     (what each refresh would cost if nothing were kept), for the ratio.
// Target (issue #14): first paint ≤ 100 ms.
//
// usage: sen_bench_mywork [--docs N] [--slips S] [--mine M] [--runs R] [--dir DIR]

#include "bench/BenchReplicas.h"
#include "client/app/DatabaseSession.h"
#include "client/app/MyWork.h"
#include "client/core/Workspace.h"
#include "client/gui/workspace/MyWorkPage.h"
#include "common/acl/EffectiveAccess.h"
#include "common/workflow/WorkflowIndex.h"
#include "common/workflow/WorkflowIndexer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <random>
#include <sys/resource.h>

using namespace sen;

namespace {

const QString kUser = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");

template <typename T>
T must(const char* what, Result<T> result)
{
    if (!result)
        bench::fail(what, result.status());
    return std::move(*result);
}

double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) {
        return t.tv_sec * 1000.0 + t.tv_usec / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double ms(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? -1 : values[values.size() / 2];
}

DocumentEdit direction(const Unid& doc, const QString& lead, const QDate& deadline, int n)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("PhieuXuLy"), doc);
    edit.set(Item::text(QStringLiteral("CapYKien"), QString::fromUtf16(workflow::kLevelAgency)))
        .set(Item::names(QStringLiteral("NguoiGiao"), ItemType::Names,
                         {QStringLiteral("Lê Văn Lãnh/VPTU/HaNoi")}))
        .set(Item::dateTime(QStringLiteral("NgayGiao"),
                            QDateTime(QDate(2026, 11, 2), QTime(8, 0), QTimeZone::utc()).addSecs(n)))
        .set(Item::text(QStringLiteral("NoiDungChiDao"), QStringLiteral("Giao xử lý, báo cáo kết quả")))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {lead}))
        .set(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, {QStringLiteral("[ChuyenVien]")}))
        .set(Item::dateTime(QStringLiteral("HanXuLy"), QDateTime(deadline, QTime(0, 0), QTimeZone::utc())));
    return edit;
}

// The work of the user without the index: every incoming document derived from its steps.
int scanWithoutIndex(const ReplicaStore& store)
{
    acl::EffectiveAccess me;
    me.userName = kUser;
    int mine = 0;
    const Status status = store.forEachDocument([&](const Document& doc) {
        if (doc.form != QLatin1String(workflow::kIncomingForm) || doc.isConflict())
            return true;
        const auto processing = workflow::storedProcessing(store, doc);
        if (!processing)
            return false;
        for (const workflow::Step* d : processing->directionsInForce())
            if (workflow::isOpen(processing->state) &&
                (me.isNamedIn(d->lead) || me.isNamedIn(d->coordinating)))
                ++mine;
        return true;
    });
    if (!status.isOk())
        bench::fail("scan", status);
    return mine;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    int docs = 100'000, slips = 5'000, mine = 500, runs = 7;
    QString dirPath = QDir::tempPath();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--docs")
            docs = args[i + 1].toInt();
        else if (args[i] == u"--slips")
            slips = args[i + 1].toInt();
        else if (args[i] == u"--mine")
            mine = args[i + 1].toInt();
        else if (args[i] == u"--runs")
            runs = args[i + 1].toInt();
        else if (args[i] == u"--dir")
            dirPath = args[i + 1];
    }
    slips = std::min(slips, docs);
    mine = std::min(mine, slips);
    QTemporaryDir tmp(dirPath + QStringLiteral("/sen-mywork-XXXXXX"));
    auto workspace = must("workspace", client::Workspace::open(tmp.path()));
    const QDate today = QDate::currentDate();
    {
        auto store =
            must("create", workspace.createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents,
                                                    QStringLiteral("Văn bản")));
        QRandomGenerator random(20261207);
        QElapsedTimer timer;
        timer.start();
        std::vector<Unid> unids;
        unids.reserve(docs);
        for (int start = 0; start < docs; start += 1000) {
            const Status status = store->batch([&] {
                for (int n = start; n < std::min(docs, start + 1000); ++n) {
                    auto saved = store->save(bench::incomingDocument(random, n));
                    if (!saved)
                        return saved.status();
                    unids.push_back(saved->unid);
                }
                return Status::ok();
            });
            if (!status.isOk())
                bench::fail("fill", status);
        }
        std::shuffle(unids.begin(), unids.end(), std::mt19937(7));
        const Status status = store->batch([&] {
            for (int n = 0; n < slips; ++n) {
                const QString lead = n < mine ? kUser : QStringLiteral("Cán bộ %1/VPTU/HaNoi").arg(n % 9);
                const QDate deadline = today.addDays(int(random.bounded(60)) - 20);
                SEN_TRY(store->save(direction(unids[n], lead, deadline, n)).status());
            }
            return Status::ok();
        });
        if (!status.isOk())
            bench::fail("directions", status);
        std::printf("%d incoming documents, %d directions (%d naming the user), filled in %.1f s\n", docs,
                    slips, mine, ms(timer) / 1000);

        const double cpu = cpuMs();
        timer.restart();
        const auto built = must("index", workflow::WorkflowIndexer::catchUp(*store));
        std::printf("workflow index, first build: %.0f ms wall, %.0f ms CPU (%d documents, %lld rows)\n",
                    ms(timer), cpuMs() - cpu, built.documents,
                    static_cast<long long>(store->workflowIndex().count().valueOr(-1)));
        timer.restart();
        const double scanCpu = cpuMs();
        const int found = scanWithoutIndex(*store);
        std::printf("without the index (derive every document): %.0f ms wall, %.0f ms CPU, %d rows\n",
                    ms(timer), cpuMs() - scanCpu, found);
    }

    std::vector<double> wall, cpu, queryWall, modelWall, rows;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = cpuMs();
        auto session = must("open", app::DatabaseSession::open(workspace, QStringLiteral("vanban"), kUser));
        app::MyWorkOptions options;
        options.today = today;
        const auto report = must("collect", app::MyWork::collect({session.get()}, options));
        queryWall.push_back(ms(timer));
        gui::MyWorkPage page;
        page.resize(1200, 800);
        page.showReport(report, {});
        modelWall.push_back(ms(timer) - queryWall.back());
        const QPixmap painted = page.grab();
        wall.push_back(ms(timer));
        cpu.push_back(cpuMs() - cpu0);
        rows.push_back(double(report.rows.size()));
        if (painted.isNull())
            bench::fail("paint", Status(ErrorCode::Internal, QStringLiteral("nothing painted")));
    }
    std::printf("home page first paint (open session, query, model, paint), median of %d: %.1f ms wall, "
                "%.1f ms CPU; query %.1f ms, model %.1f ms; %.0f rows (target <= 100 ms)\n",
                runs, median(wall), median(cpu), median(queryWall), median(modelWall), median(rows));
    std::printf("runs (ms wall):");
    for (double w : wall)
        std::printf(" %.1f", w);
    std::printf("\n");
    return 0;
}
