// The first view first (docs/views.md §"The first view first"): a first build a view at a
// time reads as a whole build, with edits, deletions and received documents between and after
// its steps; a build stopped between batches resumes; the index worker builds the view asked
// for before the others, and a view asked for meanwhile next; closing the updater mid-build
// and opening it again ends with the rows of a whole build.

#include "client/app/IndexUpdater.h"
#include "client/views/ReadMarks.h"
#include "common/sql/SqlDatabase.h"
#include "tests/client/ViewFixture.h"
#include "tests/client/ViewSnapshot.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

using namespace sen;
using namespace sen::test;

namespace {

// A view's rows, its categories and totals, and the cache's unread count.
QStringList everything(const QString& cachePath, const std::vector<views::ViewDefinition>& defs,
                       const QString& user)
{
    QStringList lines = snapshot(cachePath, defs, user);
    auto marks = requireValue(views::ReadMarks::open(cachePath));
    lines << QStringLiteral("unread %1").arg(requireValue(marks->unreadCount()));
    return lines;
}

std::vector<views::ViewDefinition> only(const std::vector<views::ViewDefinition>& defs, const QString& id)
{
    std::vector<views::ViewDefinition> one;
    for (const auto& def : defs) {
        if (def.id == id)
            one.push_back(def);
    }
    REQUIRE(one.size() == 1);
    return one;
}

// The SQL indexes of a view's table in the cache.
std::int64_t indexesOf(const QString& cachePath, const QString& viewId)
{
    auto db = requireValue(views::ViewCacheFile::openForReading(cachePath));
    return requireValue(
        db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                    "tbl_name = (SELECT 'v' || tab FROM views WHERE id = '%1')")
                         .arg(viewId)
                         .toUtf8()
                         .constData()));
}

QStringList idsOf(const std::vector<views::ViewDefinition>& defs)
{
    QStringList ids;
    for (const auto& def : defs)
        ids << def.id;
    return ids;
}

bool waitUntil(const std::function<bool()>& done, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

// More incoming documents, so that a build takes a while.
void addIncoming(ViewFixture& f, int from, int count)
{
    requireOk(f.store->batch([&] {
        for (int n = from; n < from + count; ++n) {
            Incoming in{.number = n, .arrived = 1 + n % 27};
            in.type = n % 2 ? S("Công văn") : S("Tờ trình");
            in.status = n % 3 ? S("Đang xử lý") : S("Đã xử lý");
            if (n % 7 == 0)
                in.handlers = {f.user()};
            if (n % 2)
                f.incoming(in);
            else
                f.receivedIncoming(in);
        }
        return Status::ok();
    }));
}

// The whole build of every view, in a file of its own: what a view-at-a-time build must match.
QString buildWhole(ViewFixture& f, const std::vector<views::ViewDefinition>& defs)
{
    const QString whole = f.dir.path(QStringLiteral("whole.views"));
    requireValue(requireValue(views::ViewIndex::open(*f.store, whole, defs, f.user()))->update());
    return whole;
}

// The replica filled, with `incoming` more incoming documents, and its whole build made.
struct Built
{
    std::vector<views::ViewDefinition> defs;
    QString whole;
};
Built filledAndBuiltWhole(ViewFixture& f, int incoming)
{
    fill(f);
    addIncoming(f, 100, incoming);
    const auto defs = f.definitions();
    return Built{defs, buildWhole(f, defs)};
}

} // namespace

TEST_CASE("Views: a first build a view at a time gives the rows of a whole build", "[views][first-view]")
{
    ViewFixture f;
    fill(f);
    const auto defs = f.definitions();
    const QString whole = f.dir.path(QStringLiteral("whole.views"));
    auto wholeIndex = requireValue(views::ViewIndex::open(*f.store, whole, defs, f.user()));
    requireValue(wholeIndex->update());

    auto& index = f.index();
    CHECK(index.unbuiltViews() == idsOf(defs));
    // The view a database opens on, alone: its rows, categories and totals are the whole
    // build's; no other view is built yet.
    const QString first = defs.front().id;
    const auto stats = requireValue(index.update(QStringList{first}));
    CHECK(stats.rebuiltViews == 1);
    CHECK(index.isBuilt(first));
    CHECK(index.unbuiltViews().size() == static_cast<qsizetype>(defs.size() - 1));
    CHECK(snapshot(f.cachePath, only(defs, first), f.user()) == snapshot(whole, only(defs, first), f.user()));
    // Only its default order's SQL index (and its responses'); the whole update makes the others.
    CHECK(indexesOf(f.cachePath, first) == 2);
    CHECK(indexesOf(whole, first) > 2);

    // Changes between the steps (a sync: received documents; an edit; a deletion), then a
    // categorised view alone, then the others together, then the catch-up of all.
    addIncoming(f, 100, 6);
    const Unid edited = f.incoming({.number = 200, .arrived = 3});
    requireOk(
        f.store
            ->save(DocumentEdit::update(edited).set(Item::text(QStringLiteral("TrangThai"), S("Đã xử lý"))))
            .status());
    const Unid gone = f.incoming({.number = 201, .arrived = 4});
    requireOk(f.store->remove(gone).status());
    requireValue(index.update(QStringList{QStringLiteral("by-status")}));
    CHECK(index.isBuilt(QStringLiteral("by-status")));
    requireValue(wholeIndex->update());
    CHECK(snapshot(f.cachePath, only(defs, QStringLiteral("by-status")), f.user()) ==
          snapshot(whole, only(defs, QStringLiteral("by-status")), f.user()));
    requireValue(index.update(index.unbuiltViews()));
    CHECK(index.unbuiltViews().isEmpty());
    requireValue(index.update());
    CHECK(everything(f.cachePath, defs, f.user()) == everything(whole, defs, f.user()));
    for (const QString& id : idsOf(defs))
        CHECK(indexesOf(f.cachePath, id) == indexesOf(whole, id));

    // Incremental updates after it stay those of the whole build.
    requireOk(f.store->remove(edited).status());
    addIncoming(f, 300, 3);
    requireValue(index.update());
    requireValue(wholeIndex->update());
    CHECK(everything(f.cachePath, defs, f.user()) == everything(whole, defs, f.user()));
}

TEST_CASE("Views: a view-at-a-time build stopped between batches resumes to the whole build's rows",
          "[views][first-view]")
{
    ViewFixture f;
    const auto [defs, whole] = filledAndBuiltWhole(f, 30);

    views::ViewIndex::Options options;
    options.batch = 4;
    {
        auto index = requireValue(views::ViewIndex::open(*f.store, f.cachePath, defs, f.user(), options));
        requireValue(index->update(QStringList{defs.front().id}));
        // The others together, stopped after their second batch (the workspace closing).
        int batches = 0;
        const auto stopped =
            requireValue(index->update(index->unbuiltViews(), [&] { return ++batches == 2; }));
        CHECK(stopped.interrupted);
        CHECK(stopped.changes == 8);
        CHECK(index->unbuiltViews().size() == static_cast<qsizetype>(defs.size() - 1));
    }
    // Opened again: it resumes from the committed batches, not from the start.
    auto index = requireValue(views::ViewIndex::open(*f.store, f.cachePath, defs, f.user(), options));
    CHECK(index->isBuilt(defs.front().id));
    const std::int64_t all = requireValue(f.store->lastSeq());
    const auto resumed = requireValue(index->update());
    CHECK(resumed.changes < all);
    CHECK(index->unbuiltViews().isEmpty());
    CHECK(everything(f.cachePath, defs, f.user()) == everything(whole, defs, f.user()));
}

TEST_CASE("Views: the index worker builds the view asked for first, and one asked for meanwhile next",
          "[views][first-view]")
{
    ViewFixture f;
    const auto [defs, whole] = filledAndBuiltWhole(f, 1500);

    std::vector<QStringList> reports;
    bool updated = false;
    {
        app::IndexUpdater updater(f.store->path(), f.cachePath, defs, f.user());
        QObject::connect(&updater, &app::IndexUpdater::viewsReady,
                         [&](const QStringList& ids) { reports.push_back(ids); });
        QObject::connect(&updater, &app::IndexUpdater::updated, [&] { updated = true; });
        QObject::connect(&updater, &app::IndexUpdater::failed,
                         [](const Status& status) { FAIL(status.toString().toStdString()); });
        updater.prefer(QStringLiteral("incoming-by-date"));
        updater.requestUpdate();
        // A second view opened while the first is being built.
        updater.prefer(QStringLiteral("by-type"));
        CHECK_FALSE(updater.isViewReady(QStringLiteral("by-type")));
        REQUIRE(waitUntil([&] { return updated; }, 120'000));
        CHECK(updater.readyViews() == updater.viewCount());
        CHECK(updater.isViewReady(QStringLiteral("all-by-date")));
    }
    // The two views asked for each alone (the latest first if both were asked for before the
    // worker began), then the others together.
    REQUIRE(reports.size() >= 3);
    QStringList firstTwo = reports[0] + reports[1];
    firstTwo.sort();
    CHECK(firstTwo == (QStringList{QStringLiteral("by-type"), QStringLiteral("incoming-by-date")}));
    CHECK(reports[2].size() == static_cast<qsizetype>(defs.size() - 2));
    QStringList reported;
    for (const auto& ids : reports)
        reported << ids;
    reported.sort();
    QStringList expected = idsOf(defs);
    expected.sort();
    CHECK(reported == expected);
    CHECK(everything(f.cachePath, defs, f.user()) == everything(whole, defs, f.user()));
}

TEST_CASE("Views: closing the index worker in the middle of a first build, then opening it again, ends "
          "with a whole build's rows",
          "[views][first-view]")
{
    ViewFixture f;
    const auto [defs, whole] = filledAndBuiltWhole(f, 1500);

    {
        app::IndexUpdater updater(f.store->path(), f.cachePath, defs, f.user());
        bool firstReady = false;
        QObject::connect(&updater, &app::IndexUpdater::viewsReady, [&] { firstReady = true; });
        updater.requestUpdate();
        REQUIRE(waitUntil([&] { return firstReady; }, 120'000));
        CHECK(updater.readyViews() < updater.viewCount());
    } // closed while the other views are built: it stops at the next batch or view
    {
        auto index = requireValue(views::ViewIndex::open(*f.store, f.cachePath, defs, f.user()));
        CHECK(index->isBuilt(defs.front().id));
    }
    app::IndexUpdater again(f.store->path(), f.cachePath, defs, f.user());
    bool updated = false;
    QObject::connect(&again, &app::IndexUpdater::updated, [&] { updated = true; });
    again.requestUpdate();
    REQUIRE(waitUntil([&] { return updated; }, 120'000));
    CHECK(everything(f.cachePath, defs, f.user()) == everything(whole, defs, f.user()));
}
