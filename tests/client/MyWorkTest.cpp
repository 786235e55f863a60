// "Việc của tôi" over a real server (client/app/MyWork.h, WorkNotifier.h; docs/workflow.md
// "My work"): an office where the văn thư presents to the role [LanhDao], the leader directs
// to a group (the unit) with a co-ordinating role, the unit's head carries it out, and a
// cadre reports. Each user's work is what the steps synced over TLS say — through their
// name, their directory groups and their ACL roles — its deadline state counted in working
// days across Tết 2027 and a weekend, and the notifier tells each newly assigned row and
// each deadline newly reached once. `senctl mywork` prints the same.

#include "client/app/MyWork.h"

#include "client/app/WorkNotifier.h"
#include "client/app/Workflow.h"
#include "common/sql/SqlDatabase.h"
#include "tests/client/AppOffice.h"
#include "tests/server/SenctlRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kVanBan = QStringLiteral("vanban");
const QString kUnit = QStringLiteral("PhongTongHop");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Office : test::AppOffice
{
    Office(ServerFixture& f, const QString& user) : AppOffice(f, user, kVanBan) {}

    // Syncs; the server refuses nothing.
    void sync() { REQUIRE(AppOffice::sync() == 0); }

    app::MyWorkReport work(const QDate& today)
    {
        app::MyWorkOptions options;
        options.today = today;
        const auto report = app::MyWork::collect(databases, options);
        INFO(report.status().toString().toStdString());
        REQUIRE(report.isOk());
        return *report;
    }

    app::Workflow workflow() { return app::Workflow(*session); }
    QString settingsPath() const { return office.workspace.home() + QStringLiteral("/sen.ini"); }
};

void entry(ServerFixture& f, const QString& name, const QStringList& roles)
{
    acl::AclEntry e = acl::AclEntry::make(name + u'/' + f.orgName(), acl::AccessLevel::Author);
    e.rights |= acl::CreateDocuments;
    e.roles = roles;
    f.setEntry(kVanBan, e);
}

Unid registerIncoming(Office& clerk, const QString& number, const QDate& arrived)
{
    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("SoKyHieu"), number))
        .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc chuẩn bị Tết Đinh Mùi")))
        .set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime(arrived, QTime(0, 0), QTimeZone::utc())));
    const auto saved = clerk.session->save(letter);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
    return saved->unid;
}

// The rows of `report` (which must outlive them) in `section` for document `unid`.
std::vector<const app::WorkRow*> rowsOf(const app::MyWorkReport& report, app::WorkSection section,
                                        const Unid& unid)
{
    std::vector<const app::WorkRow*> rows;
    for (const app::WorkRow* row : report.section(section))
        if (row->unid == unid)
            rows.push_back(row);
    return rows;
}

template <typename T>
T require(Result<T> result)
{
    INFO(result.status().toString().toStdString());
    REQUIRE(result.isOk());
    return std::move(*result);
}

} // namespace

TEST_CASE("My work: presented to a role, directed to a group and a role, carried out, reported, over TLS",
          "[client][app][mywork]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::NoAccess);
    entry(f, S("Phạm Thị Thư"), {QStringLiteral("[VanThu]")});
    entry(f, S("Lê Văn Lãnh"), {QStringLiteral("[LanhDao]")});
    entry(f, S("Trần Văn Trưởng"), {QStringLiteral("[TruongPhong]")});
    entry(f, S("Nguyễn Văn An"), {});
    entry(f, S("Trần Thị Bình"), {QStringLiteral("[ChuyenVien]")});
    f.setGroup(kUnit, {S("Nguyễn Văn An/VPTU/HaNoi")});

    Office clerk(f, S("Phạm Thị Thư"));
    Office leader(f, S("Lê Văn Lãnh"));
    Office head(f, S("Trần Văn Trưởng"));
    Office an(f, S("Nguyễn Văn An"));
    Office binh(f, S("Trần Thị Bình"));
    app::WorkNotifier leaderNotes(leader.settingsPath());
    app::WorkNotifier anNotes(an.settingsPath());
    // The first look records what is there: nothing is announced at login.
    CHECK(leaderNotes.update(leader.work(QDate(2027, 1, 25))).empty());
    CHECK(anNotes.update(an.work(QDate(2027, 1, 25))).empty());

    // Arrived Monday 25/1/2027: to present by Tuesday. On Wednesday the văn thư sees it late.
    const Unid doc = registerIncoming(clerk, QStringLiteral("15/UBND-VP"), QDate(2027, 1, 25));
    {
        const auto work = clerk.work(QDate(2027, 1, 27));
        const auto late = rowsOf(work, app::WorkSection::Unpresented, doc);
        REQUIRE(late.size() == 1);
        CHECK(late[0]->due == workdays::DeadlineState::Overdue);
        CHECK(late[0]->deadline == QDate(2027, 1, 26));
        CHECK(work.unpresentedOverdue == 1);
        // On the Tuesday it is due, not late.
        CHECK(rowsOf(clerk.work(QDate(2027, 1, 26)), app::WorkSection::Unpresented, doc)[0]->due ==
              workdays::DeadlineState::DueSoon);
    }
    // Arrived Friday 29/1: to present by Monday 1/2, across the weekend.
    const Unid friday = registerIncoming(clerk, QStringLiteral("16/UBND-VP"), QDate(2027, 1, 29));
    CHECK(rowsOf(clerk.work(QDate(2027, 1, 30)), app::WorkSection::Unpresented, friday).empty());
    CHECK(rowsOf(clerk.work(QDate(2027, 2, 1)), app::WorkSection::Unpresented, friday)[0]->due ==
          workdays::DeadlineState::DueSoon);
    CHECK(rowsOf(clerk.work(QDate(2027, 2, 2)), app::WorkSection::Unpresented, friday)[0]->due ==
          workdays::DeadlineState::Overdue);
    REQUIRE(clerk.workflow().present(friday, {leader.name()}).isOk());
    REQUIRE(clerk.workflow().present(doc, {QStringLiteral("[LanhDao]")}).isOk());
    CHECK(rowsOf(clerk.work(QDate(2027, 1, 27)), app::WorkSection::Unpresented, doc).empty());
    clerk.sync();

    // The leader: presented to his role; new, unread.
    leader.sync();
    {
        const auto work = leader.work(QDate(2027, 1, 26));
        REQUIRE(rowsOf(work, app::WorkSection::Awaiting, doc).size() == 1);
        CHECK(rowsOf(work, app::WorkSection::New, doc).size() == 1);
        CHECK(rowsOf(work, app::WorkSection::Awaiting, friday).size() == 1); // to him by name
        const auto notices = leaderNotes.update(work);
        REQUIRE(notices.size() == 2);
        CHECK(notices[0].kind == app::WorkNotice::Kind::Assigned);
        CHECK(notices[1].kind == app::WorkNotice::Kind::Assigned);
        CHECK(leaderNotes.update(work).empty()); // told once
    }
    // To the unit (a directory group) with the [ChuyenVien] role co-ordinating, due Friday
    // 12/2/2027, after Tết.
    app::DirectionRequest direction;
    direction.lead = {kUnit, head.name()};
    direction.coordinating = {QStringLiteral("[ChuyenVien]")};
    direction.deadline = QDate(2027, 2, 12);
    direction.text = S("Phòng Tổng hợp chủ trì, chuyên viên phối hợp");
    const Document top = require(leader.workflow().direct(doc, direction));
    CHECK(rowsOf(leader.work(QDate(2027, 1, 27)), app::WorkSection::Awaiting, doc).empty());
    leader.sync();

    // An, through his group: assigned as lead. Binh, through her role: co-ordinating.
    an.sync();
    binh.sync();
    {
        const auto work = an.work(QDate(2027, 1, 27));
        const auto rows = rowsOf(work, app::WorkSection::Assigned, doc);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0]->step == top.unid);
        CHECK(rows[0]->deadline == QDate(2027, 2, 12));
        CHECK(rows[0]->due == workdays::DeadlineState::OnTime);
        CHECK(rows[0]->title.contains(QStringLiteral("15/UBND-VP")));
        const auto notices = anNotes.update(work);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].kind == app::WorkNotice::Kind::Assigned);
        REQUIRE(work.countsOf(kVanBan));
        CHECK(work.countsOf(kVanBan)->assigned == 1);
        CHECK(work.countsOf(kVanBan)->overdue == 0);
    }
    CHECK(rowsOf(binh.work(QDate(2027, 1, 27)), app::WorkSection::Assigned, doc).size() == 1);

    // Thursday 4/2/2027, eight days before the deadline: Tết (5/2 to 11/2, two days in lieu of its weekend)
    // leaves one working day before it, so it is due soon — and told once.
    {
        const auto work = an.work(QDate(2027, 2, 4));
        CHECK(rowsOf(work, app::WorkSection::Assigned, doc)[0]->due == workdays::DeadlineState::DueSoon);
        const auto notices = anNotes.update(work);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].kind == app::WorkNotice::Kind::DueSoon);
        CHECK(anNotes.update(work).empty());
    }
    // Saturday 13/2: overdue, told once.
    {
        const auto work = an.work(QDate(2027, 2, 13));
        CHECK(rowsOf(work, app::WorkSection::Assigned, doc)[0]->due == workdays::DeadlineState::Overdue);
        CHECK(work.countsOf(kVanBan)->overdue == 1);
        const auto notices = anNotes.update(work);
        REQUIRE(notices.size() == 1);
        CHECK(notices[0].kind == app::WorkNotice::Kind::Overdue);
        CHECK(anNotes.update(work).empty());
    }

    // The head, named as lead of the agency's direction: his to assign within the unit.
    head.sync();
    REQUIRE(rowsOf(head.work(QDate(2027, 1, 27)), app::WorkSection::Awaiting, doc).size() == 1);
    app::DirectionRequest unit;
    unit.level = workflow::Level::Unit;
    unit.lead = {an.name()};
    unit.deadline = QDate(2027, 2, 2); // Tuesday
    unit.text = S("Đồng chí An trình dự thảo");
    unit.delegatedFrom = top.unid;
    const Document second = require(head.workflow().direct(doc, unit));
    CHECK(rowsOf(head.work(QDate(2027, 1, 27)), app::WorkSection::Awaiting, doc).empty());
    head.sync();
    an.sync();
    {
        // Friday 29/1 for Tuesday 2/2: two working days across the weekend, due soon; the
        // agency's deadline (12/2) is the one in force.
        const app::MyWorkReport work = an.work(QDate(2027, 1, 29)); // the rows point into it
        const auto rows = rowsOf(work, app::WorkSection::Assigned, doc);
        REQUIRE(rows.size() == 1); // one row for the document, whichever direction names him
        CHECK(rows[0]->deadline == QDate(2027, 2, 12));
    }

    // Binh finishes her part: gone from her work, still An's.
    app::ReportRequest part;
    part.status = workflow::ReportStatus::Done;
    part.text = S("Đã góp ý");
    REQUIRE(binh.workflow().report(top.unid, part).isOk());
    CHECK(rowsOf(binh.work(QDate(2027, 1, 29)), app::WorkSection::Assigned, doc).empty());
    binh.sync();
    an.sync();
    CHECK(rowsOf(an.work(QDate(2027, 1, 29)), app::WorkSection::Assigned, doc).size() == 1);

    // senctl mywork, in An's workspace, from the replicas alone.
    {
        const QString out = test::senctlOk(an.office.workspace.home(),
                                           {QStringLiteral("mywork"), QStringLiteral("--json"),
                                            QStringLiteral("--today"), QStringLiteral("2027-02-13")});
        const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
        CHECK(json.value(QStringLiteral("user")).toString() == an.name());
        CHECK(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("assigned")).toInt() == 1);
        CHECK(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("overdue")).toInt() == 1);
        const QJsonArray rows = json.value(QStringLiteral("rows")).toArray();
        bool found = false;
        for (const QJsonValue& row : rows)
            if (row.toObject().value(QStringLiteral("section")).toString() == u"assigned") {
                found = true;
                CHECK(row.toObject().value(QStringLiteral("unid")).toString() == doc.toHex());
                CHECK(row.toObject().value(QStringLiteral("due")).toString() == u"overdue");
                CHECK(row.toObject().value(QStringLiteral("state")).toString() == u"in-progress");
            }
        CHECK(found);
        const QString text =
            test::senctlOk(an.office.workspace.home(), {QStringLiteral("mywork"), QStringLiteral("--today"),
                                                        QStringLiteral("2027-02-13")});
        CHECK(text.contains(QStringLiteral("OVERDUE\t2027-02-12\tvanban\t") + doc.toHex()));
    }

    // An reports done on the unit's direction: nothing left for anyone.
    app::ReportRequest done;
    done.status = workflow::ReportStatus::Done;
    done.text = S("Đã hoàn thành");
    REQUIRE(an.workflow().report(second.unid, done).isOk());
    CHECK(an.work(QDate(2027, 2, 13)).section(app::WorkSection::Assigned).empty());
    an.sync();
    leader.sync();
    const auto finished = leader.work(QDate(2027, 2, 13));
    CHECK(rowsOf(finished, app::WorkSection::Awaiting, doc).empty());
    CHECK(rowsOf(finished, app::WorkSection::Awaiting, friday).size() == 1);
    CHECK(finished.withDue(workdays::DeadlineState::Overdue).empty());
}

TEST_CASE("My work: today's schedule entries for everyone or naming me; a damaged index is rebuilt",
          "[client][app][mywork]")
{
    test::TempDir dir;
    auto workspace = client::Workspace::open(dir.path(QStringLiteral("home")));
    REQUIRE(workspace.isOk());
    REQUIRE(workspace->createDatabase(QStringLiteral("lich"), DatabaseKind::Calendar, S("Lịch")).isOk());
    REQUIRE(
        workspace->createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents, S("Văn bản")).isOk());
    const QString me = S("Nguyễn Văn An/VPTU/HaNoi");
    app::OpenDatabases databases(*workspace, me);
    auto lich = require(databases.session(QStringLiteral("lich")));
    auto vanban = require(databases.session(QStringLiteral("vanban")));
    const QDate today(2027, 2, 3);
    auto schedule = [&](const QDate& day, const QString& content, const QStringList& who) {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("LichCongTac"));
        edit.set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), QTimeZone::utc())))
            .set(Item::text(QStringLiteral("Buoi"), S("Sáng")))
            .set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")))
            .set(Item::text(QStringLiteral("NoiDung"), content));
        if (!who.isEmpty())
            edit.set(Item::textList(QStringLiteral("ThanhPhan"), who));
        return require(lich->save(edit)).unid;
    };
    const Unid everyone = schedule(today, S("Chào cờ đầu tháng"), {});
    const Unid mine = schedule(today, S("Họp giao ban"), {S("Lãnh đạo văn phòng"), S("Nguyễn Văn An")});
    schedule(today, S("Họp chi bộ"), {S("Trần Thị Bình")});
    schedule(today.addDays(1), S("Tiếp dân"), {});

    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("TrichYeu"), S("Về việc trực Tết")))
        .set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime(today, QTime(0, 0), QTimeZone::utc())));
    const Unid doc = require(vanban->save(letter)).unid;
    DocumentEdit direction = DocumentEdit::create(QStringLiteral("PhieuXuLy"), doc);
    direction.set(Item::text(QStringLiteral("CapYKien"), QString::fromUtf16(workflow::kLevelAgency)))
        .set(Item::text(QStringLiteral("NoiDungChiDao"), S("Giao đồng chí An")))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {me}));
    REQUIRE(vanban->save(direction).isOk());

    app::MyWorkOptions options;
    options.today = today;
    auto collect = [&] {
        return require(app::MyWork::collect(databases, options));
    };
    const auto work = collect();
    std::vector<Unid> todays;
    for (const app::WorkRow* row : work.section(app::WorkSection::Today))
        todays.push_back(row->unid);
    std::sort(todays.begin(), todays.end());
    std::vector<Unid> expected{everyone, mine};
    std::sort(expected.begin(), expected.end());
    CHECK(todays == expected);
    REQUIRE(work.section(app::WorkSection::Assigned).size() == 1);
    CHECK(work.section(app::WorkSection::New).size() == 1);

    // A row of the index damaged behind the store's back: read, found malformed, rebuilt.
    {
        auto raw = sql::SqlDatabase::open(vanban->path(), {});
        REQUIRE(raw.isOk());
        REQUIRE((*raw)->exec("UPDATE workflow_index SET state = 99").isOk());
    }
    const auto again = collect();
    CHECK(again.section(app::WorkSection::Assigned).size() == 1);
}
