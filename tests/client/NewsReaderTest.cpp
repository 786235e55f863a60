// The news read as news (docs/news-reader.md; issue #15), through app::NewsReader on real
// replicas: the categories come from the NewsCategory catalogue (an added and a renamed entry
// show at once; an article of no listed category goes to Other), the articles newest first,
// in pages, with previous/next within a category; drafts only for those who may edit them; and
// over a real server, what an editor publishes reaches a reader unread, opening clears the
// mark, and the counts per category follow.

#include "client/app/NewsReader.h"

#include "client/app/ArticleText.h"
#include "client/views/ReadMarks.h"
#include "tests/client/AppOffice.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QDateTime kNow(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);

DocumentEdit article(const QString& title, const QString& category, const QDateTime& published)
{
    DocumentEdit edit = DocumentEdit::create(QLatin1String(news::kArticleForm));
    edit.set(Item::text(QLatin1String(news::kItemTitle), title))
        .set(Item::text(QLatin1String(news::kItemSummary), S("Tóm tắt: ") + title));
    if (!category.isEmpty())
        edit.set(Item::text(QLatin1String(news::kItemCategory), category));
    if (published.isValid())
        edit.set(Item::dateTime(QLatin1String(news::kItemPublished), published));
    return edit;
}

DocumentEdit categoryEntry(const QString& name, double order)
{
    DocumentEdit edit = DocumentEdit::create(QLatin1String(catalogues::kEntryForm));
    edit.set(Item::text(QLatin1String(catalogues::kItemCatalogue), QStringLiteral("ChuyenMuc")))
        .set(Item::text(QLatin1String(catalogues::kItemName), name))
        .set(Item::number(QLatin1String(catalogues::kItemOrder), order));
    return edit;
}

QDateTime day(int d, int hour = 8)
{
    return QDateTime(QDate(2026, 12, d), QTime(hour, 0), Qt::UTC);
}

// The titles, "A | B | C" (std::string: Catch prints it when a check fails).
std::string titles(const std::vector<app::NewsItem>& items)
{
    QStringList out;
    for (const app::NewsItem& item : items)
        out << item.article.title;
    return out.join(QStringLiteral(" | ")).toStdString();
}

// "name unread/articles" of each category.
std::string counts(const std::vector<app::NewsCategory>& categories)
{
    QStringList out;
    for (const app::NewsCategory& category : categories)
        out << QStringLiteral("%1 %2/%3").arg(category.name).arg(category.unread).arg(category.articles);
    return out.join(QStringLiteral(" | ")).toStdString();
}

struct LocalNews
{
    test::TempDir dir;
    client::Workspace workspace = *client::Workspace::open(dir.root() + QStringLiteral("/home"));
    std::unique_ptr<app::DatabaseSession> session;
    std::unique_ptr<views::ReadMarks> marks;

    LocalNews()
    {
        REQUIRE(workspace.createDatabase(QStringLiteral("tin"), DatabaseKind::News, S("Tin tức")));
        auto opened = app::DatabaseSession::open(workspace, QStringLiteral("tin"), S("Biên Tập/VPTU"));
        REQUIRE(opened);
        session = std::move(*opened);
    }

    Unid save(const DocumentEdit& edit)
    {
        auto saved = session->save(edit);
        INFO(saved.status().toString().toStdString());
        REQUIRE(saved);
        return saved->unid;
    }

    app::NewsReader reader()
    {
        auto opened = app::NewsReader::openMarks(*session);
        REQUIRE(opened);
        marks = std::move(*opened);
        return app::NewsReader(*session, marks.get(), kNow);
    }
};

} // namespace

TEST_CASE("News: categories from the catalogue, newest first, pages, previous and next, drafts",
          "[client][app][news]")
{
    LocalNews news;
    const Unid chuyenDoiSo = news.save(categoryEntry(S("Chuyển đổi số"), 1));
    news.save(categoryEntry(S("Xây dựng Đảng"), 2));
    news.save(categoryEntry(S("Hoạt động của cấp ủy"), 3));

    // Five articles on digital transformation over a week, two on the Party, one whose category
    // is no catalogue entry, one without, a draft and one scheduled for tomorrow.
    std::vector<Unid> digital;
    for (int d = 1; d <= 5; ++d)
        digital.push_back(news.save(article(S("Số %1").arg(d), S("chuyen doi so"), day(d))));
    const Unid party1 = news.save(article(S("Đảng 1"), S("Xây dựng Đảng"), day(2, 10)));
    news.save(article(S("Đảng 2"), S("Xây dựng Đảng"), day(4, 10)));
    news.save(article(S("Lạc"), S("Thể thao"), day(3, 9)));
    news.save(article(S("Không chuyên mục"), QString(), day(1, 7)));
    const Unid draft = news.save(article(S("Nháp"), S("Chuyển đổi số"), {}));
    news.save(article(S("Ngày mai"), S("Chuyển đổi số"), day(8)));

    app::NewsReader reader = news.reader();
    auto categories = reader.categories();
    REQUIRE(categories);
    // The catalogue's order, Other last; articles made here are read already.
    CHECK(counts(*categories) ==
          "Chuyển đổi số 0/5 | Xây dựng Đảng 0/2 | Hoạt động của cấp ủy 0/0 | Other 0/2");

    auto all = reader.articles(app::NewsFilter::all());
    REQUIRE(all);
    CHECK(titles(*all) == "Số 5 | Đảng 2 | Số 4 | Lạc | Số 3 | Đảng 1 | Số 2 | Số 1 | Không chuyên mục");
    CHECK(all->at(3).other);
    CHECK(all->at(3).category == S("Other"));
    CHECK(all->at(2).category == S("Chuyển đổi số")); // the catalogue's spelling

    // Pages of 4 across every category, then within one; a page past the end is the last.
    auto first = reader.page(app::NewsFilter::all(), 0, 4);
    auto third = reader.page(app::NewsFilter::all(), 2, 4);
    REQUIRE((first && third));
    CHECK(first->pageCount == 3);
    CHECK(first->total == 9);
    CHECK(titles(first->items) == "Số 5 | Đảng 2 | Số 4 | Lạc");
    CHECK(titles(third->items) == "Không chuyên mục");
    app::NewsFilter digitalOnly = app::NewsFilter::of(categories->at(0));
    auto second = reader.page(digitalOnly, 7, 2);
    REQUIRE(second);
    CHECK(second->page == 2);
    CHECK(titles(second->items) == "Số 1");

    CHECK(reader.pageOf(digital[0], digitalOnly, 2)->value() == 2);
    CHECK(reader.pageOf(digital[0], app::NewsFilter::all(), 4)->value() == 1);
    CHECK_FALSE(*reader.pageOf(party1, digitalOnly, 2));

    // Previous (newer) and next (older) stay within the category.
    auto next = reader.neighbour(digital[3], digitalOnly, +1);
    auto previous = reader.neighbour(digital[3], digitalOnly, -1);
    auto newest = reader.neighbour(digital[4], digitalOnly, -1);
    auto oldest = reader.neighbour(digital[0], digitalOnly, +1);
    REQUIRE((next && previous && newest && oldest));
    REQUIRE(*next);
    CHECK((*next)->article.unid == digital[2]);
    REQUIRE(*previous);
    CHECK((*previous)->article.unid == digital[4]);
    CHECK_FALSE(*newest);
    CHECK_FALSE(*oldest);
    auto acrossAll = reader.neighbour(digital[3], app::NewsFilter::all(), -1);
    REQUIRE((acrossAll && *acrossAll));
    CHECK((*acrossAll)->article.title == S("Đảng 2"));
    CHECK(reader.neighbour(party1, app::NewsFilter::all(), +1)->value().article.title == S("Số 2"));

    // Drafts: listed only when asked, those without a date first, and only to one who may edit them (here: a
    // local database, where everything is offered); opening one works the same way.
    app::NewsFilter withDrafts = digitalOnly;
    withDrafts.drafts = true;
    auto drafted = reader.articles(withDrafts);
    REQUIRE(drafted);
    CHECK(titles(*drafted).rfind("Nháp | Ngày mai | Số 5", 0) == 0);
    CHECK(drafted->at(0).draft);
    CHECK_FALSE(drafted->at(2).draft);
    CHECK(reader.categories(true)->at(0).articles == 7);
    auto opened = reader.open(draft);
    REQUIRE(opened);
    CHECK(opened->draft);
    // Tomorrow the scheduled one is published.
    app::NewsReader later(*news.session, news.marks.get(), day(9));
    CHECK(later.categories()->at(0).articles == 6);

    // The catalogue decides: a new entry shows at once (Thể thao's article leaves Other), and
    // a renamed one carries its new name; articles of the old name go to Other.
    news.save(categoryEntry(S("Thể thao"), 4));
    DocumentEdit rename = DocumentEdit::update(chuyenDoiSo);
    rename.set(Item::text(QLatin1String(catalogues::kItemName), S("Kinh tế số")));
    news.save(rename);
    categories = reader.categories();
    REQUIRE(categories);
    CHECK(counts(*categories) ==
          "Kinh tế số 0/0 | Xây dựng Đảng 0/2 | Hoạt động của cấp ủy 0/0 | Thể thao 0/1 | Other 0/6");
    // An article re-filed under the new name is back in its category.
    DocumentEdit refile = DocumentEdit::update(digital[0]);
    refile.set(Item::text(QLatin1String(news::kItemCategory), S("Kinh tế số")));
    news.save(refile);
    CHECK(reader.categories()->at(0).articles == 1);
}

TEST_CASE("News: unread marks — opening clears one, mark all read clears a category", "[client][app][news]")
{
    LocalNews news;
    news.save(categoryEntry(S("Chuyển đổi số"), 1));
    news.save(categoryEntry(S("Xây dựng Đảng"), 2));
    const Unid a = news.save(article(S("A"), S("Chuyển đổi số"), day(1)));
    const Unid b = news.save(article(S("B"), S("Chuyển đổi số"), day(2)));
    const Unid c = news.save(article(S("C"), S("Xây dựng Đảng"), day(3)));
    app::NewsReader reader = news.reader();
    // As if they had come from elsewhere.
    for (const Unid& unid : {a, b, c})
        REQUIRE(reader.setRead(unid, false));
    CHECK(counts(*reader.categories()) == "Chuyển đổi số 2/2 | Xây dựng Đảng 1/1");

    auto opened = reader.open(b);
    REQUIRE(opened);
    CHECK_FALSE(opened->unread);
    CHECK_FALSE(*news.marks->isUnread(b));
    app::NewsFilter unread = app::NewsFilter::all();
    unread.unreadOnly = true;
    CHECK(titles(*reader.articles(unread)) == "C | A");

    auto marked = reader.markAllRead(app::NewsFilter::of(reader.categories()->at(0)));
    REQUIRE(marked);
    CHECK(*marked == 1);
    CHECK(counts(*reader.categories()) == "Chuyển đổi số 0/2 | Xây dựng Đảng 1/1");

    // Without marks every article is unread, and nothing can be marked.
    app::NewsReader unmarked(*news.session, nullptr, kNow);
    CHECK(unmarked.categories()->at(0).unread == 2);
    CHECK(unmarked.setRead(a).code() == ErrorCode::NotFound);
    // Not an article.
    CHECK(reader.open(*Unid::fromHex(QStringLiteral("0123456789abcdef0123456789abcdef"))).code() ==
          ErrorCode::NotFound);
}

TEST_CASE("News as text: the body's paragraphs, images and lists", "[client][app][news]")
{
    CHECK(app::articleBodyText(S("<html><head><style>p{}</style></head><body><p>Một &amp; hai.</p>"
                                 "<p><img src=\"attachment:anh%20a.png\"/> Hai</p><ul><li>X</li><li>Y</li>"
                                 "</ul><p>Ba<br>bốn</p></body></html>"))
              .toStdString() == "Một & hai.\n\n[Image: anh a.png] Hai\n\n• X\n• Y\n\nBa\n\nbốn");
    app::NewsItem item;
    item.article.title = S("Tiêu đề");
    item.article.published = day(1, 2);
    item.article.author = S("Phóng viên");
    item.article.summary = S("Tóm tắt");
    item.article.bodyHtml = S("<p>Thân bài</p>");
    item.article.attachments = {S("baocao.pdf")};
    item.category = S("Chuyển đổi số");
    CHECK(app::articleText(item) ==
          S("Tiêu đề\n%1 | Chuyển đổi số | Phóng viên\n\nTóm tắt\n\nThân bài\n\n"
            "Attachments:\n  - baocao.pdf\n")
              .arg(day(1, 2).toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
}

TEST_CASE("News over a server: a reader gets the published articles unread, never the drafts",
          "[client][app][news]")
{
    ServerFixture f;
    const QString kTin = QStringLiteral("tin");
    f.createDatabase(kTin, acl::AccessLevel::NoAccess, DatabaseKind::News);
    test::grant(f, kTin, S("Biên Tập"), acl::AccessLevel::Designer);
    test::grant(f, kTin, S("Cán Bộ"), acl::AccessLevel::Reader);
    test::AppOffice editor(f, S("Biên Tập"), kTin);
    test::AppOffice cadre(f, S("Cán Bộ"), kTin);

    for (const DocumentEdit& edit :
         {categoryEntry(S("Chuyển đổi số"), 1), categoryEntry(S("Xây dựng Đảng"), 2),
          article(S("A"), S("Chuyển đổi số"), day(1)), article(S("B"), S("Chuyển đổi số"), day(2)),
          article(S("C"), S("Xây dựng Đảng"), day(3)), article(S("Nháp"), S("Xây dựng Đảng"), {})})
        REQUIRE(editor.session->save(edit));
    REQUIRE(editor.sync() == 0);
    REQUIRE(cadre.sync() == 0);

    auto editorMarks = app::NewsReader::openMarks(*editor.session);
    auto cadreMarks = app::NewsReader::openMarks(*cadre.session);
    REQUIRE((editorMarks && cadreMarks));
    app::NewsReader mine(*editor.session, editorMarks->get(), kNow);
    app::NewsReader theirs(*cadre.session, cadreMarks->get(), kNow);

    // The editor wrote them: read; the cadre has them all unread, and no draft even if asked.
    CHECK(counts(*mine.categories(true)) == "Chuyển đổi số 0/2 | Xây dựng Đảng 0/2");
    CHECK(counts(*theirs.categories(true)) == "Chuyển đổi số 2/2 | Xây dựng Đảng 1/1");
    auto unreadDrafts = theirs.articles(app::NewsFilter{std::nullopt, false, false, true});
    REQUIRE(unreadDrafts);
    CHECK(titles(*unreadDrafts) == "C | B | A");

    // Opening B clears its mark, on the cadre's PC only.
    const Unid b = unreadDrafts->at(1).article.unid;
    REQUIRE(theirs.open(b));
    CHECK(counts(*theirs.categories()) == "Chuyển đổi số 1/2 | Xây dựng Đảng 1/1");
    auto reopened = app::NewsReader::openMarks(*cadre.session);
    REQUIRE(reopened);
    CHECK_FALSE(*(*reopened)->isUnread(b));
    // The draft cannot be opened by the cadre (the editor can).
    const auto draft = mine.articles(app::NewsFilter{std::nullopt, false, false, true})->at(0);
    CHECK(draft.draft);
    CHECK(theirs.open(draft.article.unid).code() == ErrorCode::NotFound);
}
