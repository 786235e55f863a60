// The weekly schedule's records and what is derived from them (common/schedule/Schedule.h,
// docs/schedule.md): ISO weeks across year ends, a week's state and an entry's mark the same
// whatever order the records arrive in, malformed records refused with the item named.

#include "common/schedule/Schedule.h"

#include <QDateTime>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace sen;
using namespace sen::schedule;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, 0), Qt::UTC);
}

} // namespace

TEST_CASE("ISO weeks: parse, Monday, across the year's end", "[schedule]")
{
    const auto week = WeekId::parse(QStringLiteral("2026-W50"));
    REQUIRE(week);
    CHECK(week->monday() == QDate(2026, 12, 7));
    CHECK(week->sunday() == QDate(2026, 12, 13));
    CHECK(week->toString() == QStringLiteral("2026-W50"));
    CHECK(WeekId::of(QDate(2026, 12, 13)) == *week);
    // 2026 has 53 weeks; 1 January 2027 is in its week 53, 4 January 2027 starts 2027-W01.
    CHECK(WeekId::of(QDate(2027, 1, 1)).toString() == QStringLiteral("2026-W53"));
    CHECK(WeekId::parse(QStringLiteral("2026-W53"))->next().toString() == QStringLiteral("2027-W01"));
    CHECK(WeekId::parse(QStringLiteral("2027-W01"))->previous().toString() == QStringLiteral("2026-W53"));
    CHECK(WeekId::parse(QStringLiteral("2026-W53"))->monday() == QDate(2026, 12, 28));
    for (const char* bad : {"2025-W53", "2026-W00", "2026-W54", "2026-50", "2026-W5", " 2026-W50", ""})
        CHECK_FALSE(WeekId::parse(QString::fromLatin1(bad)));
}

TEST_CASE("A week's state and an entry's mark do not depend on the order records arrive in", "[schedule]")
{
    const WeekId week{2026, 50};
    std::vector<WeekAction> actions = {
        {newUnid(), week, WeekActionKind::Approve, S("B"), at(4, 9)},
        {newUnid(), week, WeekActionKind::Approve, S("A"), at(4, 8)},
        {newUnid(), week, WeekActionKind::Publish, S("A"), at(4, 16)},
        {newUnid(), WeekId{2026, 51}, WeekActionKind::Approve, S("A"), at(11, 8)},
    };
    std::vector<ChangeRecord> changes = {
        {newUnid(), newUnid(), ChangeKind::Changed, S("Đổi giờ"), S("A"), at(8, 9)},
        {newUnid(), newUnid(), ChangeKind::Cancelled, S("Hoãn"), S("B"), at(8, 10)},
        {newUnid(), newUnid(), ChangeKind::Changed, S("Đổi phòng"), S("A"), at(8, 8)},
    };
    const auto seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(actions.begin(), actions.end(), random);
        std::shuffle(changes.begin(), changes.end(), random);
        const WeekStatus status = deriveWeek(week, actions);
        CHECK(status.state == WeekState::Published);
        CHECK(status.approval->actor == S("A"));
        CHECK(deriveWeek(WeekId{2026, 51}, actions).state == WeekState::Approved);
        CHECK(deriveWeek(WeekId{2026, 52}, actions).state == WeekState::Draft);
        CHECK(deriveMark(changes) == EntryMark::Cancelled);
        std::vector<ChangeRecord> log = changes;
        sortChanges(log);
        CHECK(log.front().reason == S("Đổi phòng"));
    }
    // A later "Thay đổi" reinstates a cancelled entry.
    changes.push_back({newUnid(), newUnid(), ChangeKind::Changed, S("Họp lại"), S("A"), at(9, 8)});
    CHECK(deriveMark(changes) == EntryMark::Changed);
    CHECK(deriveMark({}) == EntryMark::None);
    // Without a publication, an approved week is approved.
    actions.erase(std::remove_if(actions.begin(), actions.end(),
                                 [](const WeekAction& a) { return a.kind == WeekActionKind::Publish; }),
                  actions.end());
    CHECK(deriveWeek(week, actions).state == WeekState::Approved);
}

TEST_CASE("Malformed schedule records are refused naming the item", "[schedule]")
{
    Document action;
    action.unid = newUnid();
    action.form = QStringLiteral("DuyetLichTuan");
    action.putItem(Item::text(QStringLiteral("Tuan"), QStringLiteral("2026-W50")));
    action.putItem(Item::text(QStringLiteral("HanhDong"), S("Công bố")));
    action.putItem(Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names, {S("Lê Thị Chánh/VP/HN")}));
    action.putItem(Item::dateTime(QStringLiteral("ThoiGian"), at(4, 16)));
    const auto parsed = weekActionFromDocument(action);
    REQUIRE(parsed.isOk());
    CHECK(parsed->kind == WeekActionKind::Publish);

    Document twoActors = action;
    twoActors.putItem(
        Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names, {S("A/VP/HN"), S("B/VP/HN")}));
    CHECK(weekActionFromDocument(twoActors).status().message().contains(QStringLiteral("NguoiThucHien")));
    Document badWeek = action;
    badWeek.putItem(Item::text(QStringLiteral("Tuan"), QStringLiteral("2026-W99")));
    CHECK(weekActionFromDocument(badWeek).status().message().contains(QStringLiteral("Tuan")));
    Document response = action;
    response.parent = newUnid();
    CHECK_FALSE(weekActionFromDocument(response).isOk());

    Document change;
    change.unid = newUnid();
    change.form = QStringLiteral("ThayDoiLich");
    change.putItem(Item::text(QStringLiteral("LoaiThayDoi"), S("Hoãn/Hủy")));
    change.putItem(Item::text(QStringLiteral("LyDo"), S("Hoãn")));
    change.putItem(Item::names(QStringLiteral("NguoiThayDoi"), ItemType::Names, {S("A/VP/HN")}));
    change.putItem(Item::dateTime(QStringLiteral("ThoiGian"), at(8, 9)));
    CHECK(changeFromDocument(change).status().message().contains(QStringLiteral("response")));
    change.parent = newUnid();
    REQUIRE(changeFromDocument(change).isOk());
    CHECK(changeFromDocument(change)->kind == ChangeKind::Cancelled);
    change.putItem(Item::text(QStringLiteral("LoaiThayDoi"), S("Xóa")));
    CHECK(changeFromDocument(change).status().message().contains(QStringLiteral("LoaiThayDoi")));

    const Unid record = newUnid();
    CHECK(changeItemRecord(changeItemName(record)) == record);
    CHECK_FALSE(changeItemRecord(QStringLiteral("ThayDoi_xyz")));
    CHECK_FALSE(changeItemRecord(QStringLiteral("GhiChu")));
}
