// Building the view cache: a first build interrupted and resumed, display fields that come
// and go with the definitions, and the memo the indexer computes values through.

#include "client/views/ViewRowBuilder.h"
#include "client/views/ViewValueMemo.h"
#include "common/sql/FaultInjectingVfs.h"
#include "common/sql/SqlDatabase.h"
#include "tests/client/ViewFixture.h"
#include "tests/client/ViewSnapshot.h"

#include <QDateTime>

#include <ctime>

using namespace sen;
using namespace sen::test;

TEST_CASE("Views: a first build interrupted then resumed gives the rows of an uninterrupted one", "[views]")
{
    // A build in batches of four documents fails on a write part-way (a full disk, a crash);
    // the next update resumes from the last committed batch, and every view then reads as
    // the cache of a build that never stopped.
    ViewFixture f;
    fill(f);
    const auto defs = f.definitions();
    const QString whole = f.dir.path(QStringLiteral("whole.views"));
    requireValue(requireValue(views::ViewIndex::open(*f.store, whole, defs, f.user()))->update());
    const QStringList expected = snapshot(whole, defs, f.user());

    requireOk(sql::FaultInjectingVfs::install());
    views::ViewIndex::Options options;
    options.batch = 4;
    options.vfs = sql::FaultInjectingVfs::name;
    // How many writes a whole build makes with these batches.
    sql::FaultInjectingVfs::reset();
    requireValue(requireValue(views::ViewIndex::open(*f.store, f.dir.path(QStringLiteral("count.views")),
                                                     defs, f.user(), options))
                     ->update());
    const std::int64_t writes = sql::FaultInjectingVfs::writesSeen();
    REQUIRE(writes > 10);

    // The last part of a build (its sort indexes, the WAL copied back) writes about as much
    // as the batches: try failures ever earlier until one falls among the batches.
    const std::int64_t all = requireValue(f.store->documentCount(true));
    bool resumedMidway = false;
    for (int part = 3; part <= 12 && !resumedMidway; ++part) {
        const QString cache = f.dir.path(QStringLiteral("cut-%1.views").arg(part));
        {
            auto index = requireValue(views::ViewIndex::open(*f.store, cache, defs, f.user(), options));
            sql::FaultInjectingVfs::failWrite(writes / part, sql::FaultInjectingVfs::Fault::DiskFull);
            const auto failed = index->update();
            CHECK(sql::FaultInjectingVfs::fired());
            CHECK_FALSE(failed.isOk());
            sql::FaultInjectingVfs::reset();
        }
        const auto resumed = requireValue(
            requireValue(views::ViewIndex::open(*f.store, cache, defs, f.user(), {.batch = 4}))->update());
        // Rows as an uninterrupted build's, wherever it stopped.
        CHECK(snapshot(cache, defs, f.user()) == expected);
        resumedMidway = resumed.changes > 0 && resumed.changes < all; // it did not start again
    }
    CHECK(resumedMidway);
}

TEST_CASE("Views: a column on a new item gets its display field, and loses it with the column", "[views]")
{
    // A view gains a column on an item no view showed (a note; the urgency is a marker of
    // the catalogue's views now): the cache adds a display field and
    // rebuilds that view alone; with the column gone again the field goes too, and every
    // other view still shows what it did.
    ViewFixture f;
    requireOk(f.store
                  ->save(f.incomingEdit({.number = 1, .handlers = {S("Trần Thị Bình/VPTU/HaNoi")}},
                                        DocumentEdit::create(QStringLiteral("VanBanDen")))
                             .set(Item::text(QStringLiteral("GhiChu"), S("Hỏa tốc"))))
                  .status());
    f.update();
    f.closeIndex();
    const QStringList before = snapshot(f.cachePath, f.definitions(), f.user());

    auto defs = f.definitions();
    defs.front().columns.push_back(
        views::ViewColumn{QStringLiteral("note"), "Note", QStringLiteral("GhiChu")});
    {
        auto index = requireValue(views::ViewIndex::open(*f.store, f.cachePath, defs, f.user()));
        CHECK(requireValue(index->update()).rebuiltViews == 1);
    }
    auto q = requireValue(views::ViewQuery::open(f.cachePath, defs.front(), f.user()));
    const auto rows = requireValue(q->rows(q->defaultSort(), 0, 10));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].values.back() == S("Hỏa tốc"));
    CHECK(rows[0].values.value(3) == S("Tỉnh ủy Hà Nam"));
    CHECK(columnOf(requireValue(f.query("by-status")->rows({1, true}, 0, 10)), 5) ==
          QStringList{S("Trần Thị Bình")});

    const auto fieldsNamed = [&](const char* item) {
        auto db = requireValue(sql::SqlDatabase::open(f.cachePath, {}));
        auto stmt = requireValue(db->prepare("SELECT count(*) FROM fields WHERE item = ?1"));
        stmt.bind(1, QString::fromLatin1(item));
        REQUIRE(requireValue(stmt.step()));
        return stmt.int64(0);
    };
    CHECK(fieldsNamed("GhiChu") == 1);
    f.update(); // the catalogue's definitions again
    CHECK(fieldsNamed("GhiChu") == 0);
    CHECK(snapshot(f.cachePath, f.definitions(), f.user()) == before);
}

TEST_CASE("Views: the indexer's memo gives the values of the plain functions, across a clock change",
          "[views]")
{
    // Text keys and local dates through the memo equal ViewRowBuilder's, hour by hour over a
    // daylight-saving change (Berlin, 29 March 2026 at 01:00 UTC) and the dates around it.
    const QByteArray oldTz = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    views::ViewValueMemo memo;
    const std::int64_t change =
        QDateTime(QDate(2026, 3, 29), QTime(1, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    for (std::int64_t ms = change - 30 * 3600000LL; ms <= change + 30 * 3600000LL; ms += 1799999) {
        INFO(ms);
        CHECK(memo.localDate(ms) == views::ViewValueMemo::plainLocalDate(ms));
        CHECK(memo.formatDate(ms) == views::ViewRowBuilder::formatDate(ms));
        CHECK(memo.formatDate(ms) == views::ViewRowBuilder::formatDate(ms)); // from the memo now
    }
    for (const std::int64_t ms : {std::int64_t(-1), std::int64_t(0), std::int64_t(-86400001)})
        CHECK(memo.formatDate(ms) == views::ViewRowBuilder::formatDate(ms));
    if (oldTz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", oldTz);
    tzset();

    const QString longText = QString(60, QChar(u'Đ')) + S(" tail");
    for (const QString& text : QStringList{S("Đảng ủy Khối"), S(""), longText, longText + S("x")}) {
        CHECK(memo.textKey(text) == views::ViewRowBuilder::textKey(text));
        CHECK(memo.textKey(text) == views::ViewRowBuilder::textKey(text));
    }
}
