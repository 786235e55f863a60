// The view indexer over a real replica file: first build, incremental updates from the
// change feed, purges, responses and conflicts, definition changes and a replaced cache.

#include "common/sql/SqlDatabase.h"
#include "tests/client/ViewFixture.h"

#include <QFile>

using namespace sen;
using namespace sen::test;
using views::ViewSort;

TEST_CASE("Views: a first build indexes a replica file and each view selects its forms", "[views]")
{
    // Three incoming and one outgoing document are saved, then the cache is built once.
    ViewFixture f;
    f.incoming({.number = 1, .arrived = 16});
    f.incoming({.number = 2, .arrived = 18});
    f.incoming({.number = 3, .arrived = 17});
    requireOk(f.store
                  ->save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                             .set(f.dateItem("NgayBanHanh", 19))
                             .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("9-CV/HU"))))
                  .status());

    const auto stats = f.update();
    CHECK(stats.changes == 4);
    CHECK(stats.seq == requireValue(f.store->lastSeq()));
    CHECK(QFile::exists(f.cachePath));

    auto incoming = f.query("incoming-by-date");
    CHECK(requireValue(incoming->count()) == 3);
    const auto rows = requireValue(incoming->rows(incoming->defaultSort(), 0, 10));
    CHECK(columnOf(rows, 0) == QStringList{S("18/11/2026"), S("17/11/2026"), S("16/11/2026")});
    CHECK(columnOf(rows, 1) == QStringList{S("2"), S("3"), S("1")});
    CHECK(requireValue(f.query("outgoing-by-date")->count()) == 1);
    CHECK(requireValue(f.query("all-by-date")->count()) == 4);

    // Nothing new: an update reads nothing.
    CHECK(f.update().changes == 0);
}

TEST_CASE("Views: edits move documents, deletions and deselected documents leave", "[views]")
{
    // After a first build, a save, an edit of the sort key, a status change and a deletion
    // are each picked up by the next incremental update.
    ViewFixture f;
    const Unid a = f.incoming({.number = 1, .arrived = 16});
    const Unid b = f.incoming({.number = 2, .arrived = 17});
    f.update();
    auto q = f.query("incoming-by-date");

    const Unid c = f.incoming({.number = 3, .arrived = 10});
    requireOk(f.store->save(DocumentEdit::update(a).set(f.dateItem("NgayDen", 20))).status());
    CHECK(f.update().changes == 2);
    CHECK(columnOf(requireValue(q->rows(q->defaultSort(), 0, 10)), 1) == QStringList{S("1"), S("2"), S("3")});

    requireOk(f.store->remove(b).status());
    CHECK(f.update().changes == 1);
    CHECK(columnOf(requireValue(q->rows(q->defaultSort(), 0, 10)), 1) == QStringList{S("1"), S("3")});

    // A status change moves the document between categories of "by status".
    auto byStatus = f.query("by-status");
    CHECK(requireValue(byStatus->categoryOf(c)).value().toString().startsWith(S("dang xu ly")));
    requireOk(
        f.store->save(DocumentEdit::update(c).set(Item::text(QStringLiteral("TrangThai"), S("Đã xử lý"))))
            .status());
    f.update();
    CHECK(requireValue(byStatus->categoryOf(c)).value().toString().startsWith(S("da xu ly")));

    // A document whose form another view does not select never enters it.
    CHECK(requireValue(f.query("outgoing-by-date")->count()) == 0);
}

TEST_CASE("Views: a purged document leaves every view without a feed entry", "[views]")
{
    // The server withdraws a document (purge: no stub, no change-feed entry); the next
    // update notices the replica holds fewer documents and takes it out of every view.
    ViewFixture f;
    const Unid a = f.receivedIncoming({.number = 1});
    f.receivedIncoming({.number = 2});
    f.update();
    const std::int64_t seq = requireValue(f.store->lastSeq());
    requireOk(f.store->replication().purge(a));
    REQUIRE(requireValue(f.store->lastSeq()) == seq);

    const auto stats = f.update();
    CHECK(stats.purged == 1);
    CHECK(requireValue(f.query("incoming-by-date")->count()) == 1);
    CHECK(requireValue(f.query("all-by-date")->rowsFor({a})).empty());
}

TEST_CASE("Views: responses and conflict documents show under their parent", "[views]")
{
    // A comment (a response) and a conflict document kept by a merge are indexed under the
    // document they answer, flagged, and not counted as main documents.
    ViewFixture f;
    const Unid main = f.incoming({.number = 7});
    f.update();
    const Unid comment =
        requireValue(f.store->save(DocumentEdit::create(QStringLiteral("YKien"), main)
                                       .set(Item::text(QStringLiteral("TrichYeu"), S("Ý kiến")))))
            .unid;
    const Unid conflict = f.received(QStringLiteral("VanBanDen"),
                                     {Item::text(QStringLiteral("TrichYeu"), S("Bản bị thay thế"))}, main,
                                     DocumentFlag::IsConflict);
    f.update();

    auto q = f.query("incoming-by-date");
    CHECK(requireValue(q->count()) == 1);
    const auto rows = requireValue(q->rows(q->defaultSort(), 0, 10));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].hasResponses);
    const auto responses = requireValue(q->responses(main));
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].unid == comment);
    CHECK_FALSE(responses[0].conflict);
    CHECK(responses[1].unid == conflict);
    CHECK(responses[1].conflict);
    CHECK(responses[1].parent == main);

    // Deleting the comment takes it from under its parent.
    requireOk(f.store->remove(comment).status());
    f.update();
    CHECK(requireValue(q->responses(main)).size() == 1);
}

TEST_CASE("Views: a changed definition rebuilds that view only", "[views]")
{
    // A view gains a column: its stored hash no longer matches, so it alone is built again;
    // a reader of the old definition is told the index is not built for it.
    ViewFixture f;
    f.incoming({.number = 1});
    f.update();
    f.closeIndex();

    auto defs = f.definitions();
    const views::ViewDefinition old = defs.front();
    defs.front().columns.push_back(
        views::ViewColumn{QStringLiteral("signer"), "Signed by", QStringLiteral("NguoiKy")});
    auto index = requireValue(views::ViewIndex::open(*f.store, f.cachePath, defs, f.user()));
    const auto stats = requireValue(index->update());
    CHECK(stats.rebuiltViews == 1);
    CHECK(stats.changes == 1);

    CHECK(views::ViewQuery::open(f.cachePath, old, f.user()).code() == ErrorCode::NotFound);
    auto q = requireValue(views::ViewQuery::open(f.cachePath, defs.front(), f.user()));
    CHECK(requireValue(q->count()) == 1);
}

TEST_CASE("Views: a foreign or damaged cache file is replaced by a new build", "[views]")
{
    // The .views file is only a cache: garbage, another SQLite file, or a cache made for
    // another replica are all thrown away and the views built again.
    ViewFixture f;
    f.incoming({.number = 1});

    SECTION("garbage")
    {
        REQUIRE(writeFile(f.cachePath, QByteArray(5000, 'x')));
    }
    SECTION("another SQLite file")
    {
        auto other = requireValue(sql::SqlDatabase::open(f.cachePath, {.create = true}));
        requireOk(other->exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)"));
    }
    SECTION("a cache of another replica")
    {
        ReplicaCreateOptions options;
        auto otherReplica =
            requireValue(ReplicaStore::create(f.dir.path(QStringLiteral("other.sen")), options));
        auto otherIndex =
            requireValue(views::ViewIndex::open(*otherReplica, f.cachePath, f.definitions(), f.user()));
        requireValue(otherIndex->update());
    }
    SECTION("a truncated cache")
    {
        f.update();
        f.closeIndex();
        QFile file(f.cachePath);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.resize(1024));
    }

    f.closeIndex();
    f.update();
    CHECK(requireValue(f.query("incoming-by-date")->count()) == 1);
}

TEST_CASE("Views: assigned to me selects by the handler names and the current user", "[views]")
{
    // Documents name their handlers in NguoiXuLy; the view holds those naming the user
    // (names compared as the ACL does), and a reassignment takes a document out.
    ViewFixture f;
    const Unid mine = f.incoming({.number = 1, .handlers = {S("CN=nguyễn văn an/VPTU/HaNoi")}});
    f.incoming({.number = 2, .handlers = {S("Trần Thị Bình/VPTU/HaNoi")}});
    f.incoming({.number = 3});
    f.update();
    auto q = f.query("assigned-to-me");
    CHECK(requireValue(q->count()) == 1);

    requireOk(f.store
                  ->save(DocumentEdit::update(mine).set(Item::names(
                      QStringLiteral("NguoiXuLy"), ItemType::Names, {S("Trần Thị Bình/VPTU/HaNoi")})))
                  .status());
    f.update();
    CHECK(requireValue(q->count()) == 0);

    // The by-status view shows the handler's common name.
    const auto rows = requireValue(f.query("by-status")->rows({1, true}, 0, 10));
    CHECK(columnOf(rows, 5).contains(S("Trần Thị Bình")));
}
