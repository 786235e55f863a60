// The processing of an incoming document (common/workflow; docs/workflow.md): what a step
// document must say, and the state and timeline every replica derives from the same steps —
// in whatever order they arrived (a random order, seed printed).

#include "common/workflow/Processing.h"
#include "common/workflow/StepCheck.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::workflow;

namespace {

const QString kLeader = QStringLiteral("Lê Văn Lãnh/VPTU/HaNoi");
const QString kHead = QStringLiteral("Trần Văn Trưởng/VPTU/HaNoi");
const QString kAn = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");
const QString kBinh = QStringLiteral("Trần Thị Bình/VPTU/HaNoi");
const QString kClerk = QStringLiteral("Phạm Thị Thư/VPTU/HaNoi");

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, 0), QTimeZone::utc());
}

Document make(const QString& form, const std::optional<Unid>& parent, std::vector<Item> items)
{
    Document doc;
    doc.unid = newUnid();
    doc.form = form;
    doc.parent = parent;
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.name < b.name; });
    doc.items = std::move(items);
    return doc;
}

Document incoming()
{
    return make(QStringLiteral("VanBanDen"), std::nullopt,
                {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về việc tổng kết năm")),
                 Item::dateTime(QStringLiteral("NgayDen"), at(1, 0))});
}

Document presentation(const Document& doc, const QDateTime& when)
{
    return make(QStringLiteral("TrinhVanBan"), doc.unid,
                {Item::names(QStringLiteral("NguoiTrinh"), ItemType::Names, {kClerk}),
                 Item::dateTime(QStringLiteral("ThoiGian"), when),
                 Item::names(QStringLiteral("TrinhCho"), ItemType::Names, {QStringLiteral("[LanhDao]")})});
}

Document direction(const Document& doc, const QDateTime& when, const QStringList& lead,
                   const QStringList& with = {}, const QString& level = QString::fromUtf16(kLevelAgency),
                   const std::optional<Unid>& from = std::nullopt)
{
    std::vector<Item> items{Item::text(QStringLiteral("CapYKien"), level),
                            Item::names(QStringLiteral("NguoiGiao"), ItemType::Names, {kLeader}),
                            Item::dateTime(QStringLiteral("NgayGiao"), when),
                            Item::text(QStringLiteral("NoiDungChiDao"), QStringLiteral("Giao xử lý")),
                            Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, lead),
                            Item::dateTime(QStringLiteral("HanXuLy"), at(20, 0))};
    if (!with.isEmpty())
        items.push_back(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, with));
    if (from)
        items.push_back(Item::text(QStringLiteral("GiaoTu"), from->toHex()));
    return make(QStringLiteral("PhieuXuLy"), doc.unid, std::move(items));
}

Document report(const Document& slip, const QString& who, const QDateTime& when, const char16_t* status,
                const char16_t* part = kPartLead)
{
    return make(QStringLiteral("BaoCaoXuLy"), slip.unid,
                {Item::names(QStringLiteral("NguoiBaoCao"), ItemType::Names, {who}),
                 Item::dateTime(QStringLiteral("ThoiGian"), when),
                 Item::text(QStringLiteral("TrangThai"), QString::fromUtf16(status)),
                 Item::text(QStringLiteral("VaiTro"), QString::fromUtf16(part)),
                 Item::text(QStringLiteral("NoiDung"), QStringLiteral("Báo cáo"))});
}

std::vector<Step> steps(const std::vector<Document>& docs)
{
    std::vector<Step> result;
    for (const Document& doc : docs) {
        Result<Step> step = stepFromDocument(doc);
        INFO(step.status().toString().toStdString());
        REQUIRE(step.isOk());
        result.push_back(*step);
    }
    return result;
}

} // namespace

TEST_CASE("Workflow: an incoming document goes from registered to done as its steps arrive", "[workflow]")
{
    const Document doc = incoming();
    std::vector<Document> docs;
    auto state = [&] {
        return derive(doc, steps(docs)).state;
    };
    CHECK(state() == State::Registered);
    docs.push_back(presentation(doc, at(1, 9)));
    CHECK(state() == State::Presented);
    const Document slip = direction(doc, at(2, 8), {kAn}, {kBinh});
    docs.push_back(slip);
    CHECK(state() == State::Directed);
    CHECK(derive(doc, steps(docs)).deadline == QDate(2026, 12, 20));
    docs.push_back(report(slip, kBinh, at(3, 10), kStatusDone, kPartCoordinating));
    CHECK(state() == State::InProgress); // a co-ordinator's "done" does not finish the document
    docs.push_back(report(slip, kAn, at(4, 10), kStatusInProgress));
    CHECK(state() == State::InProgress);
    docs.push_back(report(slip, kAn, at(5, 10), kStatusDone));
    const Processing done = derive(doc, steps(docs));
    CHECK(done.state == State::Done);
    REQUIRE(done.timeline.size() == 5);
    CHECK(done.timeline.front().kind == StepKind::Presentation);
    CHECK(done.timeline.back().status == ReportStatus::Done);
}

TEST_CASE("Workflow: a return ends the direction; a new direction starts again", "[workflow]")
{
    const Document doc = incoming();
    const Document first = direction(doc, at(2, 8), {kAn});
    std::vector<Document> docs{first, report(first, kAn, at(3, 8), kStatusReturned)};
    CHECK(derive(doc, steps(docs)).state == State::Returned);
    const Document second = direction(doc, at(4, 8), {kBinh});
    docs.push_back(second);
    CHECK(derive(doc, steps(docs)).state == State::Directed);
    // A late report on the old direction changes nothing.
    docs.push_back(report(first, kAn, at(5, 8), kStatusDone));
    CHECK(derive(doc, steps(docs)).state == State::Directed);
    docs.push_back(report(second, kBinh, at(6, 8), kStatusDone));
    CHECK(derive(doc, steps(docs)).state == State::Done);
}

TEST_CASE("Workflow: a unit head's direction carries out the leader's; its lead finishes the document",
          "[workflow]")
{
    const Document doc = incoming();
    const Document top = direction(doc, at(2, 8), {kHead});
    const Document unit = direction(doc, at(2, 14), {kAn}, {}, QString::fromUtf16(kLevelUnit), top.unid);
    const std::vector<Document> docs{top, unit, report(unit, kAn, at(3, 8), kStatusDone)};
    const Processing p = derive(doc, steps(docs));
    CHECK(p.governingDirection()->unid == top.unid);
    CHECK(p.directionsInForce().size() == 2);
    CHECK(p.state == State::Done);
}

TEST_CASE("Workflow: every order of arrival derives the same state and timeline", "[workflow]")
{
    const Document doc = incoming();
    const Document slip = direction(doc, at(2, 8), {kAn}, {kBinh});
    std::vector<Document> docs{presentation(doc, at(1, 9)), slip,
                               report(slip, kBinh, at(3, 10), kStatusInProgress, kPartCoordinating),
                               report(slip, kAn, at(3, 10), kStatusInProgress),
                               report(slip, kAn, at(6, 10), kStatusDone)};
    const Processing expected = derive(doc, steps(docs));
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator random(seed);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(docs.begin(), docs.end(), random);
        const Processing p = derive(doc, steps(docs));
        CHECK(p.state == expected.state);
        REQUIRE(p.timeline.size() == expected.timeline.size());
        for (std::size_t i = 0; i < p.timeline.size(); ++i)
            CHECK(p.timeline[i].unid == expected.timeline[i].unid);
    }
}

TEST_CASE("Workflow: a step document must say who, when and what, within bounds", "[workflow]")
{
    const Document doc = incoming();
    const Document slip = direction(doc, at(2, 8), {kAn});
    CHECK(stepFromDocument(slip).isOk());

    auto without = [](Document d, const QString& item) {
        d.items.erase(
            std::remove_if(d.items.begin(), d.items.end(), [&](const Item& i) { return i.name == item; }),
            d.items.end());
        return d;
    };
    auto with = [](Document d, Item item) {
        d.putItem(std::move(item));
        return d;
    };
    CHECK(stepFromDocument(without(slip, QStringLiteral("NguoiGiao"))).code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(without(slip, QStringLiteral("NgayGiao"))).code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(without(slip, QStringLiteral("NguoiXuLy"))).code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(with(slip, Item::text(QStringLiteral("CapYKien"), QStringLiteral("Chủ tịch"))))
              .code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(
              with(slip, Item::names(QStringLiteral("NguoiGiao"), ItemType::Names, {kLeader, kAn})))
              .code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(with(slip, Item::names(QStringLiteral("NguoiGiao"), ItemType::Names,
                                                  {QStringLiteral("[LanhDao]")})))
              .code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(with(slip, Item::text(QStringLiteral("NoiDungChiDao"), QString(4001, u'x'))))
              .code() == ErrorCode::InvalidArgument);
    QStringList many;
    for (int i = 0; i < 51; ++i)
        many << QStringLiteral("Người %1/VPTU/HaNoi").arg(i);
    CHECK(stepFromDocument(with(slip, Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, many)))
              .code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(with(slip, Item::text(QStringLiteral("GiaoTu"), QStringLiteral("not-a-unid"))))
              .code() == ErrorCode::InvalidArgument);
    Document orphan = report(slip, kAn, at(3, 8), kStatusDone);
    orphan.parent.reset();
    CHECK(stepFromDocument(orphan).code() == ErrorCode::InvalidArgument);
    CHECK(stepFromDocument(with(report(slip, kAn, at(3, 8), kStatusDone),
                                Item::text(QStringLiteral("TrangThai"), QStringLiteral("Xong"))))
              .code() == ErrorCode::InvalidArgument);
}

TEST_CASE("Workflow: the check holds each step to its role, its author and the server's clock", "[workflow]")
{
    const Document doc = incoming();
    const Document slip = direction(doc, at(2, 8), {kAn}, {QStringLiteral("Phòng Tổng hợp")});
    const std::vector<Document> stored{doc, slip};
    auto find = [&stored](const Unid& unid) -> Result<std::optional<Document>> {
        for (const Document& d : stored)
            if (d.unid == unid)
                return std::optional<Document>(d);
        return std::optional<Document>();
    };
    acl::EffectiveAccess leader{kLeader, acl::AccessLevel::Editor, 0, {QStringLiteral("[LanhDao]")}, {}, {}};
    acl::EffectiveAccess an{kAn, acl::AccessLevel::Author, 0, {}, {}, {}};
    acl::EffectiveAccess member{kBinh, acl::AccessLevel::Author,           0,
                                {},    {QStringLiteral("Phòng Tổng hợp")}, {}};
    const QDateTime now = at(10, 0);
    auto check = [&](const acl::EffectiveAccess& who, const Document& d,
                     const std::optional<Document>& before = std::nullopt) {
        return checkPushedStep(before, d, StepContext{who, find, now}).code();
    };
    CHECK(check(leader, direction(doc, at(3, 8), {kAn})) == ErrorCode::Ok);
    CHECK(check(an, report(slip, kAn, at(3, 8), kStatusDone)) == ErrorCode::Ok);
    // Through a group named as co-ordinating.
    CHECK(check(member, report(slip, kBinh, at(3, 8), kStatusDone, kPartCoordinating)) == ErrorCode::Ok);
    CHECK(check(member, report(slip, kBinh, at(3, 8), kStatusDone)) == ErrorCode::PermissionDenied);
    // No role, another's name, a time ahead of the clock, a parent that is not a direction.
    CHECK(check(an, direction(doc, at(3, 8), {kAn})) == ErrorCode::PermissionDenied);
    CHECK(check(an, report(slip, kBinh, at(3, 8), kStatusDone)) == ErrorCode::PermissionDenied);
    CHECK(check(an, report(slip, kAn, now.addSecs(3600), kStatusDone)) == ErrorCode::InvalidArgument);
    CHECK(check(an, report(doc, kAn, at(3, 8), kStatusDone)) == ErrorCode::InvalidArgument);
    // Once stored, never rewritten; only a Manager deletes.
    Document rewritten = slip;
    rewritten.putItem(Item::text(QStringLiteral("NoiDungChiDao"), QStringLiteral("Sửa lại")));
    CHECK(check(leader, rewritten, slip) == ErrorCode::PermissionDenied);
    CHECK(check(leader, slip, slip) == ErrorCode::Ok);
    Document stub = slip;
    stub.flags = Deleted;
    stub.items.clear();
    CHECK(check(leader, stub, slip) == ErrorCode::PermissionDenied);
    acl::EffectiveAccess manager = leader;
    manager.level = acl::AccessLevel::Manager;
    CHECK(check(manager, stub, slip) == ErrorCode::Ok);
}
