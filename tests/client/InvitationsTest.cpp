// Invitations as sen and senctl drive them (client/app/Invitations.h, docs/schedule.md
// "Invitations"), over a real server: the Văn phòng invites a leader role, a cadre by name, a
// unit (a group) and an outside body; the invitees see the invitation pending, reply (attend,
// a delegate named by a short name the address book resolves, for their unit), and everyone
// sees the same list and counts; an outsider cannot reply, a cancelled entry takes no reply.
// Then the same cadre on two PCs and a second invitee reply offline at once: after syncing in
// any order every replica holds the same replies and counts and no conflict document. Last, the
// pending invitations of a calendar of thousands of entries are read within a bound.

#include "client/app/Invitations.h"

#include "client/app/MyWork.h"
#include "client/app/WeekSchedule.h"
#include "tests/client/AppOffice.h"
#include "tests/server/SenctlRun.h"

#include <QElapsedTimer>
#include <QThread>

#include <catch2/catch.hpp>
#include <iostream>

using namespace sen;
using schedule::Answer;
using test::ServerFixture;

namespace {

const QString kLich = QStringLiteral("lich");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString full(const QString& name)
{
    return name + QStringLiteral("/VPTU/HaNoi");
}

const QString kClerk = S("Phạm Thị Văn");
const QString kLeader = S("Trần Văn Lãnh");
const QString kAn = S("Nguyễn Văn An");
const QString kBinh = S("Trần Thị Bình");
const QString kCuong = S("Lê Văn Cường");
const QString kUnit = S("Phòng Tổng hợp");
const QString kOutside = S("Đại diện Sở Tài chính");

struct Office : test::AppOffice
{
    Office(ServerFixture& f, const QString& user, const QString& home = {})
        : AppOffice(f, user, kLich, home), invitations(*session)
    {}

    app::InvitationView view(const Unid& entry)
    {
        auto shown = invitations.of(entry);
        REQUIRE(shown.isOk());
        return *shown;
    }

    std::vector<app::InvitationView> pending(const QDate& from)
    {
        auto found = invitations.pending(from);
        REQUIRE(found.isOk());
        return *found;
    }

    std::size_t conflicts()
    {
        std::size_t count = 0;
        REQUIRE(session
                    ->forEachDocument([&count](const Document& doc) {
                        count += doc.isConflict() ? 1 : 0;
                        return true;
                    })
                    .isOk());
        return count;
    }

    app::Invitations invitations;
};

void setUp(ServerFixture& f)
{
    f.createDatabase(kLich, acl::AccessLevel::NoAccess, DatabaseKind::Calendar);
    test::grant(f, kLich, kClerk, acl::AccessLevel::Editor, {QStringLiteral("[VanPhong]")});
    test::grant(f, kLich, kLeader, acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
    for (const QString& cadre : {kAn, kBinh, kCuong})
        test::grant(f, kLich, cadre, acl::AccessLevel::Editor);
    f.setPeople({full(kClerk), full(kLeader), full(kAn), full(kBinh), full(kCuong)});
    f.setGroup(kUnit, {full(kBinh)});
}

Result<Document> saveMeeting(Office& clerk, const QDate& day, const QString& content)
{
    return clerk.session->save(
        DocumentEdit::create(QStringLiteral("LichCongTac"))
            .set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), Qt::UTC)))
            .set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")))
            .set(Item::text(QStringLiteral("NoiDung"), content))
            .set(Item::text(QStringLiteral("ChuTri"), QStringLiteral("[LanhDao]")))
            .set(Item::textList(QStringLiteral("ThanhPhan"), {full(kAn), kUnit, kOutside})));
}

} // namespace

TEST_CASE("Invitations: invitees see them pending and reply; one list and the same counts everywhere",
          "[client][app][invitation]")
{
    ServerFixture f;
    setUp(f);
    Office clerk(f, kClerk);
    const QDate today = QDate::currentDate();
    auto meeting = saveMeeting(clerk, today.addDays(1), S("Họp giao ban tuần"));
    auto past = saveMeeting(clerk, today.addDays(-1), S("Họp hôm qua"));
    auto later = saveMeeting(clerk, today.addDays(2), S("Hội nghị sơ kết"));
    REQUIRE((meeting.isOk() && past.isOk() && later.isOk()));
    REQUIRE(clerk.sync() == 0);
    Office an(f, kAn);
    Office binh(f, kBinh);
    Office cuong(f, kCuong);
    Office leader(f, kLeader);

    // Pending from today on: the two meetings ahead, not yesterday's; nothing for an outsider.
    REQUIRE(an.pending(today).size() == 2);
    CHECK(an.pending(today)[0].entry == meeting->unid);
    CHECK(binh.pending(today).size() == 2);
    CHECK(leader.pending(today).size() == 2);
    CHECK(cuong.pending(today).empty());
    CHECK(clerk.pending(today).empty());
    CHECK(an.view(meeting->unid).invitedAs == QString());
    CHECK(binh.view(meeting->unid).invitedAs == kUnit);
    CHECK(leader.view(meeting->unid).invitedAs == QStringLiteral("[LanhDao]"));
    CHECK_FALSE(cuong.view(meeting->unid).invitedAs);
    // Three invitees (the role, An, the unit); the outside body is shown, not invited.
    const app::InvitationView before = an.view(meeting->unid);
    CHECK(before.tally.invited() == 3);
    CHECK(before.tally.unanswered == 3);
    CHECK(before.tally.freeText == QStringList{kOutside});

    // An attends with a note; Bình sends Cường for the unit, named by his short name.
    REQUIRE(an.invitations.reply(meeting->unid, Answer::Attend, {}, S("Đến muộn 10 phút")).isOk());
    CHECK(binh.invitations.reply(meeting->unid, Answer::Delegate).status().code() ==
          ErrorCode::InvalidArgument);
    CHECK(binh.invitations.reply(meeting->unid, Answer::Attend, kCuong).status().code() ==
          ErrorCode::InvalidArgument);
    REQUIRE(binh.invitations.reply(meeting->unid, Answer::Delegate, kCuong).isOk());
    // The leader declines; Cường, not invited, cannot answer.
    REQUIRE(leader.invitations.reply(meeting->unid, Answer::Decline).isOk());
    CHECK(cuong.invitations.reply(meeting->unid, Answer::Attend).status().code() ==
          ErrorCode::PermissionDenied);
    CHECK(an.pending(today).size() == 1);
    CHECK(an.pending(today)[0].entry == later->unid);

    // My work lists the one still awaiting An's reply, dated the meeting's day; the leader's too.
    {
        auto work = app::MyWork::collect(std::vector<app::DatabaseSession*>{an.session.get()});
        REQUIRE(work.isOk());
        const auto rows = work->section(app::WorkSection::Invitations);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0]->unid == later->unid);
        CHECK(rows[0]->deadline == today.addDays(2));
        CHECK(rows[0]->title.contains(S("Hội nghị sơ kết")));
        const QString json = test::senctlOk(leader.office.workspace.home(),
                                            {QStringLiteral("mywork"), QStringLiteral("--json")});
        CHECK(json.contains(QStringLiteral("\"section\": \"invitations\"")));
        CHECK(json.contains(later->unid.toHex()));
        CHECK_FALSE(json.contains(meeting->unid.toHex())); // answered
    }

    // The clerk postpones the other meeting: nobody is asked to answer it any more.
    app::WeekSchedule schedule(*clerk.session);
    REQUIRE(schedule.cancel(later->unid, S("Hoãn sang tuần sau")).isOk());
    for (Office* office : {&an, &binh, &leader, &clerk})
        REQUIRE(office->sync() == 0);
    for (Office* office : {&an, &binh, &leader, &clerk})
        REQUIRE(office->sync() == 0);
    CHECK(an.pending(today).empty());
    CHECK(an.invitations.reply(later->unid, Answer::Attend).status().code() == ErrorCode::InvalidArgument);

    for (Office* office : {&clerk, &an, &binh, &leader, &cuong}) {
        if (office == &cuong)
            REQUIRE(cuong.sync() == 0);
        const app::InvitationView seen = office->view(meeting->unid);
        CHECK(seen.tally.attending == 1);
        CHECK(seen.tally.delegating == 1);
        CHECK(seen.tally.declining == 1);
        CHECK(seen.tally.unanswered == 0);
        CHECK(seen.history.size() == 3);
        REQUIRE(seen.tally.rows.size() == 3);
        CHECK(seen.tally.rows[0].name == QStringLiteral("[LanhDao]"));
        CHECK(seen.tally.rows[1].reply->note == S("Đến muộn 10 phút"));
        CHECK(seen.tally.rows[2].name == kUnit);
        CHECK(seen.tally.rows[2].reply->delegate == full(kCuong)); // resolved by the address book
        CHECK(seen.tally.rows[2].reply->author == full(kBinh));
    }
    CHECK(binh.view(meeting->unid).mine->answer == Answer::Delegate);
    CHECK_FALSE(cuong.view(meeting->unid).mine);
}

TEST_CASE("Invitations: replies made offline on two PCs and by two invitees converge without conflict",
          "[client][app][invitation]")
{
    ServerFixture f;
    setUp(f);
    Office clerk(f, kClerk);
    const QDate day = QDate::currentDate().addDays(3);
    auto meeting = saveMeeting(clerk, day, S("Làm việc với Sở Tài chính"));
    REQUIRE(meeting.isOk());
    REQUIRE(clerk.sync() == 0);
    Office desk(f, kAn);                           // An's office PC
    Office laptop(f, kAn, QStringLiteral("an-2")); // An's second computer
    Office binh(f, kBinh);

    // All offline: An attends on his desk, then declines on his laptop; Bình sends Cường.
    REQUIRE(desk.invitations.reply(meeting->unid, Answer::Attend).isOk());
    QThread::msleep(20);
    REQUIRE(laptop.invitations.reply(meeting->unid, Answer::Decline, {}, S("Đi công tác")).isOk());
    REQUIRE(binh.invitations.reply(meeting->unid, Answer::Delegate, full(kCuong)).isOk());
    // Each replica sees only its own reply so far.
    CHECK(desk.view(meeting->unid).tally.attending == 1);
    CHECK(laptop.view(meeting->unid).tally.declining == 1);

    // Sync in an order where the laptop's newer reply arrives at the server before the desk's.
    for (Office* office : {&laptop, &binh, &desk, &clerk, &laptop, &binh})
        REQUIRE(office->sync() == 0);

    std::vector<QString> seen;
    for (Office* office : {&clerk, &desk, &laptop, &binh}) {
        const app::InvitationView view = office->view(meeting->unid);
        CHECK(view.history.size() == 3);
        CHECK(view.tally.attending == 0);
        CHECK(view.tally.declining == 1);
        CHECK(view.tally.delegating == 1);
        CHECK(view.tally.unanswered == 1); // the role [LanhDao]
        REQUIRE(view.tally.rows.size() == 3);
        CHECK(view.tally.rows[1].reply->answer == Answer::Decline); // An's newest, from the laptop
        CHECK(view.tally.rows[1].reply->note == S("Đi công tác"));
        CHECK(office->conflicts() == 0);
        QString line;
        for (const schedule::Reply& reply : view.history)
            line += reply.unid.toHex() + u' ';
        seen.push_back(line);
    }
    CHECK(std::all_of(seen.begin(), seen.end(), [&seen](const QString& s) { return s == seen.front(); }));
    CHECK(desk.view(meeting->unid).mine->answer == Answer::Decline);
    CHECK(desk.pending(QDate::currentDate()).empty());
}

TEST_CASE("Invitations: pending invitations of a calendar of 3,000 entries are read fast",
          "[client][app][invitation][bench]")
{
    ServerFixture f;
    setUp(f);
    Office clerk(f, kClerk);
    const QDate today = QDate::currentDate();
    constexpr int kEntries = 3000;
    std::vector<Unid> invitingMe;
    REQUIRE(
        clerk.session
            ->batch([&]() -> Status {
                for (int i = 0; i < kEntries; ++i) {
                    // Half of them invite the clerk; a third lie in the past.
                    const QDate day = today.addDays(i % 3 == 0 ? -1 - i / 30 : i / 30);
                    QStringList who = {full(kAn), kUnit, kOutside};
                    if (i % 2 == 0)
                        who.append(full(kClerk));
                    SEN_ASSIGN_OR_RETURN(
                        const Document saved,
                        clerk.session->save(
                            DocumentEdit::create(QStringLiteral("LichCongTac"))
                                .set(Item::dateTime(QStringLiteral("Ngay"),
                                                    QDateTime(day, QTime(0, 0), Qt::UTC)))
                                .set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")))
                                .set(Item::text(QStringLiteral("NoiDung"), QStringLiteral("Họp %1").arg(i)))
                                .set(Item::textList(QStringLiteral("ThanhPhan"), who))));
                    if (i % 2 == 0 && i % 3 != 0)
                        invitingMe.push_back(saved.unid);
                }
                return Status::ok();
            })
            .isOk());
    // The clerk answers one in four of those ahead that invite her.
    int answered = 0;
    REQUIRE(clerk.session
                ->batch([&]() -> Status {
                    for (std::size_t i = 0; i < invitingMe.size(); i += 4, ++answered)
                        SEN_TRY(clerk.invitations.reply(invitingMe[i], Answer::Attend).status());
                    return Status::ok();
                })
                .isOk());

    QElapsedTimer timer;
    timer.start();
    const auto pending = clerk.invitations.pending(today);
    const qint64 pendingMs = timer.elapsed();
    REQUIRE(pending.isOk());
    CHECK(pending->size() == invitingMe.size() - std::size_t(answered));
    timer.restart();
    const auto all = clerk.invitations.list(today, false);
    const qint64 listMs = timer.elapsed();
    REQUIRE(all.isOk());
    CHECK(all->size() == std::size_t(kEntries - (kEntries + 2) / 3));
    std::cout << "invitations: " << kEntries << " entries, " << answered << " replies: pending "
              << pending->size() << " in " << pendingMs << " ms, list " << all->size() << " in " << listMs
              << " ms\n";
    // Three reads of the database, no query per entry: well under a second on a slow machine.
    CHECK(pendingMs < 3000);
    CHECK(listMs < 3000);
}

TEST_CASE("senctl invitation: list pending, reply with a delegate by short name, show the list",
          "[client][app][invitation][senctl]")
{
    ServerFixture f;
    setUp(f);
    Office clerk(f, kClerk);
    const QDate day = QDate::currentDate().addDays(1);
    auto meeting = saveMeeting(clerk, day, S("Họp giao ban tuần"));
    REQUIRE(meeting.isOk());
    REQUIRE(clerk.sync() == 0);
    Office an(f, kAn);
    const QString home = an.office.workspace.home();
    const QString entry = meeting->unid.toHex();

    const QString pending = test::senctlOk(home, {QStringLiteral("invitation"), QStringLiteral("list"), kLich,
                                                  QStringLiteral("--pending"), QStringLiteral("--json")});
    CHECK(pending.contains(entry));
    CHECK(pending.contains(QStringLiteral("\"unanswered\":3")));
    // One answer, no more, no less; a delegate needs a name.
    CHECK(test::senctl(home, {QStringLiteral("invitation"), QStringLiteral("reply"), kLich, entry,
                              QStringLiteral("--attend"), QStringLiteral("--decline")})
              .code == 2);
    CHECK(test::senctl(home, {QStringLiteral("invitation"), QStringLiteral("reply"), kLich, entry}).code ==
          2);
    const QString reply = test::senctlOk(home, {QStringLiteral("invitation"), QStringLiteral("reply"), kLich,
                                                entry, QStringLiteral("--delegate"), S("cường"),
                                                QStringLiteral("--note"), S("Bận họp tỉnh")});
    CHECK(Unid::fromHex(reply.trimmed()).has_value());
    const QString shown = test::senctlOk(
        home, {QStringLiteral("invitation"), QStringLiteral("show"), kLich, entry, QStringLiteral("--json")});
    CHECK(shown.contains(QStringLiteral("\"delegating\":1")));
    CHECK(shown.contains(QStringLiteral("\"delegate\":\"") + full(kCuong) + u'"'));
    CHECK(shown.contains(QStringLiteral("\"myAnswer\":\"delegate\"")));
    CHECK(shown.contains(kOutside));
    const QString text =
        test::senctlOk(home, {QStringLiteral("invitation"), QStringLiteral("show"), kLich, entry});
    CHECK(text.contains(S("Bận họp tỉnh")));
    CHECK(test::senctlOk(home, {QStringLiteral("invitation"), QStringLiteral("list"), kLich,
                                QStringLiteral("--pending")})
              .trimmed()
              .isEmpty());
    REQUIRE(an.sync() == 0);
    REQUIRE(clerk.sync() == 0);
    const QString organiser = test::senctlOk(clerk.office.workspace.home(),
                                             {QStringLiteral("invitation"), QStringLiteral("list"), kLich});
    CHECK(organiser.contains(QStringLiteral("0 attending, 1 delegating, 0 declining, 2 unanswered")));
}
