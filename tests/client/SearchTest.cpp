// Search (client/app/Search.h, SearchQuery.h) on real replica files of a workspace: word
// order in the ranking, each field filter alone and with words, the merge across databases,
// and hits that name their database and their form's title; a search during a first pull's
// index build says it is incomplete.

#include "client/app/Search.h"

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QCoreApplication>
#include <QTranslator>

#include <catch2/catch.hpp>
#include <set>

using namespace sen;
using app::Search;
using app::SearchQuery;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QDateTime at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(9, 0));
}

struct Office
{
    test::TempDir dir;
    client::Workspace workspace = *client::Workspace::open(dir.root() + QStringLiteral("/home"));
    std::map<QString, std::unique_ptr<app::DatabaseSession>> sessions;

    app::DatabaseSession& db(const QString& name, const QString& title = {},
                             DatabaseKind kind = DatabaseKind::Documents)
    {
        auto& session = sessions[name];
        if (!session) {
            REQUIRE(workspace.createDatabase(name, kind, title));
            auto opened = app::DatabaseSession::open(workspace, name);
            REQUIRE(opened);
            session = std::move(*opened);
        }
        return *session;
    }

    // An incoming registration: số ký hiệu, issuer, issue date and abstract.
    Unid incoming(const QString& name, const QString& number, const QString& issuer, const QDate& issued,
                  const QString& abstract)
    {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        if (!number.isEmpty())
            edit.set(Item::text(QStringLiteral("SoKyHieu"), number));
        if (!issuer.isEmpty())
            edit.set(Item::text(QStringLiteral("CoQuanBanHanh"), issuer));
        if (issued.isValid())
            edit.set(Item::dateTime(QStringLiteral("NgayBanHanh"),
                                    at(issued.year(), issued.month(), issued.day())));
        edit.set(Item::text(QStringLiteral("TrichYeu"), abstract));
        auto saved = db(name).save(edit);
        REQUIRE(saved);
        return saved->unid;
    }

    std::vector<app::SearchResult> search(const QString& name, const SearchQuery& query, int limit = 50)
    {
        auto hits = Search::run(db(name), query, limit);
        REQUIRE(hits);
        return std::move(*hits);
    }
};

SearchQuery words(const QString& text)
{
    SearchQuery query;
    query.words = text;
    return query;
}

std::set<Unid> unids(const std::vector<app::SearchResult>& hits)
{
    std::set<Unid> out;
    for (const auto& hit : hits)
        out.insert(hit.unid);
    return out;
}

} // namespace

TEST_CASE("Search lists the words in the order typed before scattered ones", "[search]")
{
    Office office;
    const Unid together = office.incoming(QStringLiteral("vanban"), {}, {}, {}, S("Đảng ủy phường họp"));
    const Unid scattered =
        office.incoming(QStringLiteral("vanban"), {}, {}, {}, S("Đang xử lý công văn của Huyện ủy"));
    // đ and Đ, typed with or without diacritics, fold alike.
    for (const QString& typed : {S("dang uy"), S("Đảng ủy"), S("đang ủy"), S("ĐẢNG UY")}) {
        INFO(typed.toStdString());
        const auto hits = office.search(QStringLiteral("vanban"), words(typed));
        REQUIRE(hits.size() == 2);
        CHECK(hits[0].unid == together);
        CHECK(hits[1].unid == scattered);
    }
}

TEST_CASE("The số ký hiệu filter matches SoKyHieu, or So and KyHieu, diacritics and case ignored", "[search]")
{
    Office office;
    const QString db = QStringLiteral("vanban");
    const Unid fifteen = office.incoming(db, S("15/QĐ-UBND"), S("UBND tỉnh"), {}, S("Quyết định về lụt bão"));
    const Unid hundred = office.incoming(db, S("115/QĐ-UBND"), S("UBND huyện"), {}, S("Quyết định khác"));
    const Unid report = office.incoming(db, S("15-BC/HU"), S("Huyện ủy"), {}, S("Báo cáo lụt bão"));
    // An outgoing document numbered through So and KyHieu (SoKyHieu composed on save).
    auto composed =
        office.db(db).save(std::move(DocumentEdit::create(QStringLiteral("VanBanDi"))
                                         .set(Item::number(QStringLiteral("So"), 7))
                                         .set(Item::text(QStringLiteral("KyHieu"), S("CV-VP")))
                                         .set(Item::text(QStringLiteral("TrichYeu"), S("Công văn")))));
    REQUIRE(composed);

    SearchQuery query;
    query.number = S("qd-ubnd");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{fifteen, hundred});
    query.number = S("15/QD");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{fifteen});
    query.number = S("15");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{fifteen, report});
    query.number = S("cv-vp");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{composed->unid});
    query.number = S("7");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{composed->unid});
    // With words: both must match.
    query.number = S("15");
    query.words = S("lut bao");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{fifteen, report});
    query.words = S("quyet dinh");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{fifteen});
}

TEST_CASE("The issuer filter matches the words of CoQuanBanHanh, diacritics ignored", "[search]")
{
    Office office;
    const QString db = QStringLiteral("vanban");
    const Unid hanoi = office.incoming(db, S("1/TB"), S("UBND thành phố Hà Nội"), {}, S("Thông báo nghỉ lễ"));
    const Unid hanam = office.incoming(db, S("2/TB"), S("Tỉnh ủy Hà Nam"), {}, S("Thông báo họp"));
    office.incoming(db, S("3/TB"), S("Sở Tài chính"), {}, S("Thông báo ngân sách Hà Nội"));

    SearchQuery query;
    query.issuer = S("ubnd ha noi");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{hanoi});
    query.issuer = S("Hà");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{hanoi, hanam});
    query.issuer = S("TINH UY");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{hanam});
    // The words of the issuer must be in the issuer, not anywhere in the document.
    query.issuer = S("ngan sach");
    CHECK(office.search(db, query).empty());
    query.issuer = S("ha");
    query.words = S("thong bao hop");
    CHECK(unids(office.search(db, query)) == std::set<Unid>{hanam});
}

TEST_CASE("The date range is on the issue date, else the arrival date", "[search]")
{
    Office office;
    const QString db = QStringLiteral("vanban");
    const Unid march =
        office.incoming(db, S("1/TB"), S("Huyện ủy"), QDate(2026, 3, 10), S("Thông báo tháng ba"));
    const Unid may =
        office.incoming(db, S("2/TB"), S("Huyện ủy"), QDate(2026, 5, 1), S("Thông báo tháng năm"));
    office.incoming(db, S("3/TB"), S("Huyện ủy"), {}, S("Thông báo không ngày"));
    auto arrived =
        office.db(db).save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                         .set(Item::dateTime(QStringLiteral("NgayDen"), at(2026, 3, 31)))
                                         .set(Item::text(QStringLiteral("TrichYeu"), S("Thông báo đến")))));
    REQUIRE(arrived);

    auto range = SearchQuery::fromTexts({}, {}, {}, S("01/03/2026"), S("2026-03-31"));
    REQUIRE(range);
    // Dates alone: every document read, newest date first.
    const auto hits = office.search(db, *range);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].unid == arrived->unid);
    CHECK(hits[1].unid == march);
    CHECK(hits[1].record.date == QDate(2026, 3, 10));
    // Open ends, and words with dates.
    range->to = QDate();
    CHECK(unids(office.search(db, *range)) == std::set<Unid>{march, may, arrived->unid});
    range->words = S("thang");
    CHECK(unids(office.search(db, *range)) == std::set<Unid>{march, may});
    range->from = QDate();
    range->to = QDate(2026, 4, 1);
    CHECK(unids(office.search(db, *range)) == std::set<Unid>{march});

    CHECK_FALSE(SearchQuery::fromTexts({}, {}, {}, S("31/02/2026"), {}));
    CHECK_FALSE(SearchQuery::fromTexts({}, {}, {}, S("2026-05-01"), S("2026-04-01")));
}

TEST_CASE("A search across the workspace merges every database's hits by rank", "[search]")
{
    Office office;
    office.db(QStringLiteral("vanban"), S("Văn bản Huyện ủy"));
    office.db(QStringLiteral("lich"), S("Lịch công tác"), DatabaseKind::Calendar);
    const Unid scattered =
        office.incoming(QStringLiteral("vanban"), {}, {}, {}, S("Đang xử lý công văn của Huyện ủy"));
    auto entry =
        office.db(QStringLiteral("lich"))
            .save(std::move(DocumentEdit::create(QStringLiteral("LichCongTac"))
                                .set(Item::dateTime(QStringLiteral("Ngay"), at(2026, 12, 8)))
                                .set(Item::text(QStringLiteral("NoiDung"), S("Họp Đảng ủy phường")))));
    REQUIRE(entry);
    office.sessions.clear(); // runWorkspace opens every database itself

    auto outcome = Search::runWorkspace(office.workspace, {}, words(S("dang uy")), 50);
    REQUIRE(outcome);
    CHECK(outcome->failures.empty());
    REQUIRE(outcome->hits.size() == 2);
    const app::SearchResult& first = outcome->hits[0];
    const app::SearchResult& second = outcome->hits[1];
    CHECK(first.unid == entry->unid);
    CHECK(first.database == QStringLiteral("lich"));
    CHECK(first.databaseTitle == S("Lịch công tác"));
    CHECK(first.form == QStringLiteral("LichCongTac"));
    CHECK(first.record.date == QDate(2026, 12, 8));
    CHECK(second.unid == scattered);
    CHECK(second.databaseTitle == S("Văn bản Huyện ủy"));
    CHECK(first.rank < second.rank);

    // The limit cuts the merged list.
    auto one = Search::runWorkspace(office.workspace, {}, words(S("dang uy")), 1);
    REQUIRE(one);
    REQUIRE(one->hits.size() == 1);
    CHECK(one->hits[0].unid == entry->unid);
}

TEST_CASE("A hit shows its form's title, never the internal form name", "[search]")
{
    Office office;
    const QString db = QStringLiteral("vanban");
    office.incoming(db, S("15/QĐ-UBND"), S("UBND tỉnh"), QDate(2026, 2, 3), S("Quyết định về lụt bão"));
    auto hits = office.search(db, words(S("lut bao")));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].formTitle == QStringLiteral("Incoming document"));
    CHECK(hits[0].record.number == S("15/QĐ-UBND"));
    CHECK(hits[0].record.abstract == S("Quyết định về lụt bão"));
    CHECK(hits[0].snippet.contains(S("[lụt] [bão]")));

    QTranslator vietnamese;
    REQUIRE(vietnamese.load(QStringLiteral(SEN_QM_VI)));
    REQUIRE(QCoreApplication::installTranslator(&vietnamese));
    hits = office.search(db, words(S("lut bao")));
    QCoreApplication::removeTranslator(&vietnamese);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].formTitle == S("Văn bản đến"));
    CHECK(Search::formTitle(QStringLiteral("KhongCo")) == QStringLiteral("Document"));
}

TEST_CASE("Fields checked past the first pages of the index's hits still find their documents", "[search]")
{
    // The two documents of 2020 are the oldest of 452 with the words, so they come last in
    // the index's order (ties newest first), past its first pages.
    Office office;
    const QString db = QStringLiteral("vanban");
    const Unid first = office.incoming(db, S("1/TB"), S("Huyện ủy"), QDate(2020, 5, 4), S("Thông báo cũ"));
    const Unid second =
        office.incoming(db, S("2/TB"), S("Huyện ủy"), QDate(2020, 6, 1), S("Thông báo cũ nữa"));
    REQUIRE(office.db(db).batch([&] {
        for (int i = 0; i < 450; ++i)
            office.incoming(db, S("%1/TB").arg(i + 10), S("Huyện ủy"), QDate(2026, 1, 1 + i % 28),
                            S("Thông báo số %1").arg(i));
        return Status::ok();
    }));
    auto query = SearchQuery::fromTexts(S("thong bao"), {}, {}, {}, S("31/12/2020"));
    REQUIRE(query);
    const auto hits = office.search(db, *query);
    CHECK(unids(hits) == std::set<Unid>{first, second});
}

TEST_CASE("A search while a first pull's full-text index is being built says it is incomplete", "[search]")
{
    Office office;
    office.incoming(QStringLiteral("a"), {}, {}, {}, S("Đê điều huyện"));
    office.incoming(QStringLiteral("b"), {}, {}, {}, S("Đê điều tỉnh"));
    {
        // What a first pull does before its first document (docs/search.md §"The first pull").
        auto file = ReplicaStore::open(office.workspace.replicaPath(QStringLiteral("a")));
        REQUIRE(file);
        REQUIRE((*file)->replication().deferFullText().isOk());
    }
    office.incoming(QStringLiteral("a"), {}, {}, {}, S("Đê điều xã"));

    const std::vector<const app::DatabaseSession*> both{&office.db(QStringLiteral("a")),
                                                        &office.db(QStringLiteral("b"))};
    app::SearchOutcome outcome = Search::runAll(both, words(S("de dieu")), 50);
    REQUIRE(outcome.failures.empty());
    REQUIRE(outcome.hits.size() == 2); // the third is not indexed yet
    REQUIRE(outcome.building.size() == 1);
    REQUIRE(outcome.building.front().database == QStringLiteral("a"));
    REQUIRE(outcome.building.front().percent == 50);
    REQUIRE(Search::buildingNotice(outcome.building) ==
            QStringLiteral("Search index being built: 50 %; the results are incomplete."));

    std::vector<int> shown;
    REQUIRE(office.db(QStringLiteral("a")).finishSearchIndex([&](int percent) { shown.push_back(percent); }));
    REQUIRE(shown == std::vector<int>{50});
    outcome = Search::runAll(both, words(S("de dieu")), 50);
    REQUIRE(outcome.hits.size() == 3);
    REQUIRE(outcome.building.empty());
    REQUIRE(Search::buildingNotice(outcome.building).isEmpty());
}
