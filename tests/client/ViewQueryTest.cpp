// Reading views: Vietnamese sort orders, pages at any depth, categories, week categories
// of the calendar, unread marks and search results shown as rows.

#include "client/views/ReadMarks.h"
#include "common/sql/SqlDatabase.h"
#include "tests/client/ViewFixture.h"

using namespace sen;
using namespace sen::test;
using views::ViewSort;

TEST_CASE("Views: Vietnamese text sorts without regard to marks, Đ with D", "[views]")
{
    // Issuers starting with Đ, D, C and lower-case letters sort as a Vietnamese reader
    // expects: by the folded text, then by the original to keep a stable order.
    ViewFixture f;
    const QStringList issuers{S("Đảng ủy Khối"), S("Ủy ban nhân dân"), S("Công an huyện"),
                              S("Dân vận"),      S("ban Tổ chức"),     S("Đoàn thanh niên")};
    int n = 0;
    for (const QString& issuer : issuers)
        f.incoming({.number = ++n, .issuer = issuer});
    f.update();
    auto q = f.query("incoming-by-date");
    const int issuerColumn = 3;
    CHECK(columnOf(requireValue(q->rows({issuerColumn, false}, 0, 10)), issuerColumn) ==
          QStringList{S("ban Tổ chức"), S("Công an huyện"), S("Dân vận"), S("Đảng ủy Khối"),
                      S("Đoàn thanh niên"), S("Ủy ban nhân dân")});
    CHECK(columnOf(requireValue(q->rows({issuerColumn, true}, 0, 2)), issuerColumn) ==
          QStringList{S("Ủy ban nhân dân"), S("Đoàn thanh niên")});
    // Numbers sort as numbers.
    CHECK(columnOf(requireValue(q->rows({1, true}, 0, 3)), 1) == QStringList{S("6"), S("5"), S("4")});
    // A categorised column does not sort rows by itself.
    CHECK(q->rows({0, false}, 0, 1).isOk());
    CHECK(f.query("by-type")->rows({0, false}, 0, 1).code() == ErrorCode::InvalidArgument);
}

TEST_CASE("Views: pages at any offset join into the whole order, and positions agree", "[views]")
{
    // 250 documents with repeating dates (ties) are read in pages of 40 in both directions;
    // the pages concatenate into one order without gaps, and position() finds each row.
    ViewFixture f;
    requireOk(f.store->batch([&] {
        for (int i = 0; i < 250; ++i)
            f.incoming({.number = i, .arrived = 1 + i % 28});
        return Status::ok();
    }));
    f.update();
    auto q = f.query("incoming-by-date");
    REQUIRE(requireValue(q->count()) == 250);
    for (const bool descending : {false, true}) {
        const ViewSort sort{0, descending};
        std::vector<views::ViewRow> all;
        for (std::int64_t offset = 0; offset < 250; offset += 40) {
            for (auto& row : requireValue(q->rows(sort, offset, 40)))
                all.push_back(std::move(row));
        }
        REQUIRE(all.size() == 250);
        QSet<Unid> seen;
        for (std::size_t i = 0; i < all.size(); ++i) {
            seen.insert(all[i].unid);
            if (i % 37 == 0)
                CHECK(requireValue(q->position(all[i].unid, sort)) == std::optional<std::int64_t>(i));
        }
        CHECK(seen.size() == 250);
        const QDate first = QDate::fromString(all.front().values[0], QStringLiteral("dd/MM/yyyy"));
        const QDate last = QDate::fromString(all.back().values[0], QStringLiteral("dd/MM/yyyy"));
        CHECK((descending ? first > last : first < last));
    }
}

TEST_CASE("Views: categories list their titles and counts, and list their own rows", "[views]")
{
    // By type: three kinds of document, one without a type; each category's count matches
    // its rows, and the missing value makes a "(Not categorised)" category first.
    ViewFixture f;
    f.incoming({.number = 1, .type = S("Quyết định")});
    f.incoming({.number = 2, .type = S("Công văn")});
    f.incoming({.number = 3, .type = S("Công văn")});
    f.incoming({.number = 4, .type = S("Thông báo")});
    f.incoming({.number = 5, .type = QString()});
    f.update();
    auto q = f.query("by-type");
    const auto categories = requireValue(q->categories());
    REQUIRE(categories.size() == 4);
    QStringList titles;
    for (const auto& c : categories)
        titles.push_back(c.title + QStringLiteral(":") + QString::number(c.count));
    CHECK(titles ==
          QStringList{S("(Not categorised):1"), S("Công văn:2"), S("Quyết định:1"), S("Thông báo:1")});
    const auto rows = requireValue(q->categoryRows(categories[1].key, q->defaultSort(), 0, 10));
    CHECK(rows.size() == 2);
    CHECK(requireValue(q->position(rows[1].unid, q->defaultSort(), categories[1].key)) ==
          std::optional<std::int64_t>(1));
    CHECK(requireValue(q->position(rows[1].unid, q->defaultSort(), categories[2].key)) == std::nullopt);
    CHECK(requireValue(q->categories(true)).front().title == S("Thông báo"));
}

TEST_CASE("Views: the calendar groups by ISO week and by month", "[views]")
{
    // Work-schedule entries on 16, 22 and 23 November 2026 fall into weeks 47 and 48.
    ViewFixture f(DatabaseKind::Calendar);
    for (const int day : {16, 22, 23})
        requireOk(f.store
                      ->save(DocumentEdit::create(QStringLiteral("LichCongTac"))
                                 .set(f.dateItem("Ngay", day))
                                 .set(Item::text(QStringLiteral("NoiDung"), S("Giao ban"))))
                      .status());
    f.update();
    const auto weeks = requireValue(f.query("by-week")->categories());
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0].title == S("Week 47: 16/11/2026 – 22/11/2026"));
    CHECK(weeks[0].count == 2);
    CHECK(weeks[1].title == S("Week 48: 23/11/2026 – 29/11/2026"));
    const auto months = requireValue(f.query("by-month")->categories());
    REQUIRE(months.size() == 1);
    CHECK(months[0].title == S("Month 11/2026"));
    CHECK(months[0].count == 3);
}

TEST_CASE("Views: documents from elsewhere are unread until opened, own documents are read", "[views]")
{
    // One document is made here, two arrive by replication; opening one marks it read, and
    // the per-database unread count follows, also for a mark set before the index saw it.
    ViewFixture f;
    const Unid own = f.incoming({.number = 1});
    const Unid r1 = f.receivedIncoming({.number = 2});
    const Unid r2 = f.receivedIncoming({.number = 3});
    f.update();
    auto marks = requireValue(views::ReadMarks::open(f.cachePath));
    CHECK(requireValue(marks->unreadCount()) == 2);
    CHECK_FALSE(requireValue(marks->isUnread(own)));
    CHECK(requireValue(marks->isUnread(r1)));

    requireOk(marks->setRead(r1));
    CHECK(requireValue(marks->unreadCount()) == 1);
    auto q = f.query("incoming-by-date");
    for (const auto& row : requireValue(q->rows({1, false}, 0, 10)))
        CHECK(row.unread == (row.unid == r2));

    // Opened before the indexer saw it: the mark waits for it.
    const Unid early = newUnid();
    requireOk(marks->setRead(early));
    const Unid r3 = f.received(QStringLiteral("VanBanDen"), {Item::text(QStringLiteral("TrichYeu"), S("x"))});
    requireOk(marks->setRead(r3));
    f.update();
    CHECK_FALSE(requireValue(marks->isUnread(r3)));
    CHECK(requireValue(marks->unreadCount()) == 1);

    requireOk(marks->markAllRead());
    CHECK(requireValue(marks->unreadCount()) == 0);
}

TEST_CASE("Views: full-text hits show as rows of a view in the order of the hits", "[views]")
{
    // A diacritic-free search finds documents about "Đảng ủy"; their rows come back in
    // rank order with the view's columns, and a hit outside the view is left out.
    ViewFixture f;
    f.incoming({.number = 1, .subject = S("Hội nghị Đảng ủy khối")});
    f.incoming({.number = 2, .subject = S("Báo cáo tài chính")});
    f.incoming({.number = 3, .subject = S("Kế hoạch của Đảng ủy, Đảng ủy xã")});
    requireOk(f.store
                  ->save(DocumentEdit::create(QStringLiteral("GhiChu"))
                             .set(Item::text(QStringLiteral("NoiDung"), S("Đảng ủy"))))
                  .status());
    f.update();
    const auto hits = requireValue(f.store->search(QStringLiteral("\"dang uy\"")));
    REQUIRE(hits.size() == 3);
    std::vector<Unid> unids;
    for (const auto& hit : hits)
        unids.push_back(hit.unid);
    auto q = f.query(views::ViewCatalog::searchViewId(DatabaseKind::Documents).toLatin1().constData());
    const auto rows = requireValue(q->rowsFor(unids));
    REQUIRE(rows.size() == 2);
    std::vector<Unid> expected;
    for (const Unid& unid : unids) {
        if (unid == rows[0].unid || unid == rows[1].unid)
            expected.push_back(unid);
    }
    CHECK(rows[0].unid == expected[0]);
    CHECK(rows[1].unid == expected[1]);
}

TEST_CASE("Views: the duplicates view keeps only its category index and the key alone, and sorts each "
          "category by every column",
          "[views]")
{
    // Three registrations of công văn 17, two of 18, one of 19 (not a duplicate): the same
    // issuer, ký hiệu and issue date, arrival numbers and days apart.
    ViewFixture f;
    const auto registration = [&](int number, int soDen, int arrivedDay) {
        DocumentEdit edit = f.incomingEdit({.number = number, .arrived = 10},
                                           DocumentEdit::create(QStringLiteral("VanBanDen")));
        edit.set(Item::number(QStringLiteral("SoDen"), soDen)).set(f.dateItem("NgayDen", arrivedDay));
        return requireValue(f.store->save(edit)).unid;
    };
    const Unid a30 = registration(17, 30, 12);
    const Unid a10 = registration(17, 10, 14);
    const Unid a20 = registration(17, 20, 11);
    const Unid b40 = registration(18, 40, 15);
    const Unid b5 = registration(18, 5, 13);
    registration(19, 1, 13);
    f.update();

    // The category index only: an index per sortable column would repeat every document's
    // category key.
    {
        auto db = requireValue(sql::SqlDatabase::open(f.cachePath, {}));
        auto stmt =
            requireValue(db->prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND "
                                     "tbl_name = (SELECT 'v' || tab FROM views WHERE id = 'duplicates') "
                                     "ORDER BY name"));
        QStringList names;
        while (requireValue(stmt.step()))
            names << stmt.text(0).section(u'_', 1);
        CHECK(names == QStringList{S("c"), S("parent")});
    }

    auto q = f.query("duplicates");
    CHECK(requireValue(q->count()) == 5);
    const auto categories = requireValue(q->categories());
    REQUIRE(categories.size() == 2);
    CHECK(categories[0].title == S("17-CV/TU · TINH UY HA NAM · 08/11/2026"));
    CHECK(categories[0].count == 3);
    CHECK(categories[1].title == S("18-CV/TU · TINH UY HA NAM · 08/11/2026"));
    CHECK(categories[0].key.toString() == S("tinh uy ha nam|17|cv/tu|2026-11-08"));

    const auto unids = [](const std::vector<views::ViewRow>& rows) {
        std::vector<Unid> out;
        for (const views::ViewRow& r : rows)
            out.push_back(r.unid);
        return out;
    };
    const auto inCategory = [&](int category, ViewSort sort) {
        return unids(requireValue(q->categoryRows(categories[category].key, sort, 0, 10)));
    };
    // Arrival number, arrival date, number and symbol (equal within a category: by document).
    CHECK(inCategory(0, {1, false}) == std::vector<Unid>{a10, a20, a30});
    CHECK(inCategory(0, {1, true}) == std::vector<Unid>{a30, a20, a10});
    CHECK(inCategory(0, {2, false}) == std::vector<Unid>{a20, a30, a10});
    CHECK(inCategory(0, {2, true}) == std::vector<Unid>{a10, a30, a20});
    CHECK(inCategory(0, {3, false}) == std::vector<Unid>{a30, a10, a20});
    CHECK(inCategory(0, {3, true}) == std::vector<Unid>{a20, a10, a30});
    CHECK(inCategory(1, {1, false}) == std::vector<Unid>{b5, b40});
    CHECK(inCategory(1, {2, true}) == std::vector<Unid>{b40, b5});

    // The whole view in one order, category by category (descending, the last first), and
    // each row's position in it.
    for (const ViewSort sort : {ViewSort{1, false}, ViewSort{2, true}, ViewSort{3, false}}) {
        const std::vector<Unid> all = unids(requireValue(q->rows(sort, 0, 10)));
        std::vector<Unid> expected = inCategory(sort.descending ? 1 : 0, sort);
        for (const Unid& unid : inCategory(sort.descending ? 0 : 1, sort))
            expected.push_back(unid);
        CHECK(all == expected);
        for (std::size_t i = 0; i < all.size(); ++i)
            CHECK(requireValue(q->position(all[i], sort, QVariant())) == std::optional<std::int64_t>(i));
    }
}
