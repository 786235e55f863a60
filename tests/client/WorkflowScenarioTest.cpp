// The processing of an incoming document from registration to done, over a real server
// (issue #14; docs/workflow.md): the văn thư registers it and presents it to the leaders, the
// leader (Editor, [LanhDao]) directs it — one cadre leads, one co-ordinates, both at Author
// level — both report offline at the same time, everyone syncs, and every replica derives
// "hoàn thành" with the whole trace, nothing refused, no conflict. Then deadlines counted in
// working days, across a weekend and across Tết.

#include "client/app/Workflow.h"
#include "tests/client/AppOffice.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kVanBan = QStringLiteral("vanban");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Office : test::AppOffice
{
    Office(ServerFixture& f, const QString& user) : AppOffice(f, user, kVanBan), workflow(*session) {}

    app::Workflow workflow;
};

void grant(ServerFixture& f, const QString& name, acl::AccessLevel level, const QStringList& roles = {})
{
    test::grant(f, kVanBan, name, level, roles);
}

std::int64_t conflicts(Office& office)
{
    std::int64_t count = 0;
    REQUIRE(office.session
                ->forEachDocument([&count](const Document& doc) {
                    count += doc.isConflict() ? 1 : 0;
                    return true;
                })
                .isOk());
    return count;
}

} // namespace

TEST_CASE("Workflow scenario: registered, presented, directed, reported offline by two at once, done "
          "everywhere",
          "[client][app][workflow]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::NoAccess);
    grant(f, S("Phạm Thị Thư"), acl::AccessLevel::Editor, {QStringLiteral("[VanThu]")});
    grant(f, S("Lê Văn Lãnh"), acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
    grant(f, S("Nguyễn Văn An"), acl::AccessLevel::Author);
    grant(f, S("Trần Thị Bình"), acl::AccessLevel::Author);
    Office clerk(f, S("Phạm Thị Thư"));
    Office leader(f, S("Lê Văn Lãnh"));
    Office an(f, S("Nguyễn Văn An"));
    Office binh(f, S("Trần Thị Bình"));

    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết công tác năm 2026")))
        .set(Item::text(QStringLiteral("SoKyHieu"), S("125-CV/TU")))
        .set(
            Item::dateTime(QStringLiteral("NgayDen"), QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC)));
    const auto registered = clerk.session->save(letter);
    REQUIRE(registered.isOk());
    const Unid unid = registered->unid;
    CHECK(clerk.workflow.processing(unid)->state == workflow::State::Registered);
    // Only the leaders direct: the văn thư presents.
    app::DirectionRequest direction;
    direction.lead = {an.name()};
    direction.coordinating = {binh.name()};
    direction.deadline = QDate::currentDate().addDays(10);
    direction.text = S("Giao đồng chí An chủ trì, đồng chí Bình phối hợp tham mưu báo cáo.");
    CHECK(clerk.workflow.direct(unid, direction).code() == ErrorCode::PermissionDenied);
    REQUIRE(
        clerk.workflow.present(unid, {QStringLiteral("[LanhDao]")}, S("Kính trình đồng chí Bí thư")).isOk());
    CHECK(clerk.workflow.processing(unid)->state == workflow::State::Presented);
    REQUIRE(clerk.sync() == 0);

    REQUIRE(leader.sync() == 0);
    CHECK(leader.workflow.processing(unid)->state == workflow::State::Presented);
    CHECK(leader.workflow.offers(*leader.workflow.processing(unid)).directAgency);
    const auto slip = leader.workflow.direct(unid, direction);
    REQUIRE(slip.isOk());
    REQUIRE(leader.sync() == 0);

    // Both cadres take the direction, then go offline and report at the same time.
    REQUIRE(an.sync() == 0);
    REQUIRE(binh.sync() == 0);
    const auto offered = an.workflow.offers(*an.workflow.processing(unid));
    REQUIRE(offered.reportOn.size() == 1);
    CHECK(offered.reportOn.front() == slip->unid);
    app::ReportRequest report;
    report.text = S("Đang tổng hợp số liệu các phòng");
    REQUIRE(an.workflow.report(slip->unid, report).isOk());
    report.text = S("Phòng Tổng hợp đã gửi số liệu");
    report.status = workflow::ReportStatus::Done;
    REQUIRE(binh.workflow.report(slip->unid, report).isOk());
    report.text = S("Đã hoàn thành dự thảo báo cáo, trình lãnh đạo ký");
    report.reply = S("45-BC/VPTU");
    REQUIRE(an.workflow.report(slip->unid, report).isOk());
    CHECK(an.workflow.processing(unid)->state == workflow::State::Done);
    CHECK(binh.workflow.processing(unid)->state == workflow::State::InProgress);

    CHECK(binh.sync() == 0);
    CHECK(an.sync() == 0);
    for (Office* office : {&clerk, &leader, &an, &binh}) {
        INFO(office->name().toStdString());
        REQUIRE(office->sync() == 0);
        const auto processing = office->workflow.processing(unid);
        REQUIRE(processing.isOk());
        CHECK(processing->state == workflow::State::Done);
        // The trace: presented, directed, three reports, each with its author and time.
        REQUIRE(processing->timeline.size() == 5);
        CHECK(processing->timeline[0].kind == workflow::StepKind::Presentation);
        CHECK(processing->timeline[0].author == clerk.name());
        CHECK(processing->timeline[1].author == leader.name());
        for (const workflow::Step& step : processing->timeline)
            CHECK(step.time.isValid());
        // An's two reports keep their order; Bình's, made at the same time elsewhere, may fall
        // either side of An's last one (the same on every replica).
        std::vector<const workflow::Step*> ans;
        for (const workflow::Step& step : processing->timeline)
            if (step.author == an.name())
                ans.push_back(&step);
        REQUIRE(ans.size() == 2);
        CHECK(ans[0]->status == workflow::ReportStatus::InProgress);
        CHECK(ans[1]->status == workflow::ReportStatus::Done);
        CHECK(ans[1]->reply == S("45-BC/VPTU"));
        CHECK(conflicts(*office) == 0);
        CHECK(office->session->refusedChanges()->empty());
    }
}

TEST_CASE("Workflow deadlines count working days: a weekend and Tết", "[client][app][workflow]")
{
    // The calendar of the office with no decisions of its own: the statutory holidays.
    const workdays::WorkCalendar calendar;
    workflow::Processing directed;
    directed.state = workflow::State::Directed;
    // Friday 11/12/2026, due Monday 14/12: one working day away, due soon; overdue on Tuesday.
    directed.deadline = QDate(2026, 12, 14);
    CHECK(app::Workflow::deadlineState(directed, calendar, QDate(2026, 12, 9)) ==
          workdays::DeadlineState::OnTime);
    CHECK(app::Workflow::deadlineState(directed, calendar, QDate(2026, 12, 11)) ==
          workdays::DeadlineState::DueSoon);
    CHECK(app::Workflow::deadlineState(directed, calendar, QDate(2026, 12, 15)) ==
          workdays::DeadlineState::Overdue);
    // Thursday 4/2/2027, due Friday 12/2: eight days away, but Tết Đinh Mùi (5–11/2 off, the
    // weekend holidays made up on the following days) leaves one working day: due soon.
    directed.deadline = QDate(2027, 2, 12);
    CHECK(calendar.workingDaysBetween(QDate(2027, 2, 4), QDate(2027, 2, 12)) == 1);
    CHECK(app::Workflow::deadlineState(directed, calendar, QDate(2027, 2, 4)) ==
          workdays::DeadlineState::DueSoon);
    // Done: no deadline state at all.
    directed.state = workflow::State::Done;
    CHECK_FALSE(app::Workflow::deadlineState(directed, calendar, QDate(2027, 2, 13)));

    // Not yet presented: arrived Friday 5/2/2027 — a Tết holiday — it must be presented by the
    // next working day, Friday 12/2; on Monday 15/2 that is overdue.
    workflow::Processing registered;
    registered.arrived = QDate(2027, 2, 5);
    CHECK(calendar.presentationDeadline(registered.arrived) == QDate(2027, 2, 12));
    CHECK(app::Workflow::deadlineState(registered, calendar, QDate(2027, 2, 12)) ==
          workdays::DeadlineState::DueSoon);
    CHECK(app::Workflow::deadlineState(registered, calendar, QDate(2027, 2, 15)) ==
          workdays::DeadlineState::Overdue);
}
