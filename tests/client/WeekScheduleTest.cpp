// The weekly schedule as sen and senctl drive it (docs/schedule.md; issue #15), over a real
// server: the Văn phòng prepares a week, the grid groups it by day and session with the
// Vietnamese weekday names; a cadre cannot approve, the Chánh Văn phòng approves and
// publishes; then the Văn phòng and a leader change one entry offline at once — both changes
// logged, no refusal, no conflict — and the Văn phòng cancels another: every replica shows the
// same marks and log, a silent rewrite is refused at once, and the iCalendar export parsed by
// another implementation (python3-icalendar) keeps each UID and bumps SEQUENCE.

#include "client/app/WeekSchedule.h"

#include "common/schedule/ICalendar.h"
#include "tests/client/AppOffice.h"

#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kLich = QStringLiteral("lich");
const schedule::WeekId kWeek{2026, 50};

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Office : test::AppOffice
{
    Office(ServerFixture& f, const QString& user) : AppOffice(f, user, kLich), schedule(*session) {}

    app::ScheduleWeek week()
    {
        auto shown = schedule.week(kWeek);
        REQUIRE(shown.isOk());
        return *shown;
    }

    app::WeekSchedule schedule;
};

void grant(ServerFixture& f, const QString& name, acl::AccessLevel level, const QStringList& roles = {})
{
    acl::AclEntry entry = acl::AclEntry::make(name + u'/' + f.orgName(), level);
    entry.rights |= acl::CreateDocuments | acl::DeleteDocuments;
    entry.roles = roles;
    f.setEntry(kLich, entry);
}

DocumentEdit newEntry(const QDate& day, const QString& time, const QString& content,
                      const QString& session = {})
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("LichCongTac"));
    edit.set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), Qt::UTC)))
        .set(Item::text(QStringLiteral("NoiDung"), content))
        .set(Item::text(QStringLiteral("ChuTri"), S("Đồng chí Bí thư")))
        .set(Item::textList(QStringLiteral("ThanhPhan"), {S("Thường trực Huyện ủy"), S("Ban Tổ chức")}))
        .set(Item::text(QStringLiteral("DiaDiem"), S("Phòng họp số 1")));
    if (!time.isEmpty())
        edit.set(Item::text(QStringLiteral("Gio"), time));
    if (!session.isEmpty())
        edit.set(Item::text(QStringLiteral("Buoi"), session));
    return edit;
}

// UID → (SEQUENCE, STATUS) of every VEVENT of `ics`, as python3-icalendar reads it.
QMap<QString, QString> parsedEvents(const QByteArray& ics)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("week.ics"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(ics);
    file.close();
    QProcess python;
    python.start(QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                   : QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, icalendar\n"
                                 "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                                 "assert cal.walk('VTIMEZONE')[0]['TZID'] == 'Asia/Ho_Chi_Minh'\n"
                                 "for e in cal.walk('VEVENT'):\n"
                                 "    start = e.decoded('DTSTART')\n"
                                 "    zone = str(getattr(start, 'tzinfo', None) or '')\n"
                                 "    print(str(e['UID']), int(e['SEQUENCE']), str(e['STATUS']), zone)\n"),
                  path});
    REQUIRE(python.waitForFinished(60000));
    INFO(python.readAllStandardError().toStdString());
    REQUIRE(python.exitCode() == 0);
    QMap<QString, QString> events;
    for (const QByteArray& line : python.readAllStandardOutput().split('\n')) {
        const QStringList words = QString::fromUtf8(line).split(u' ');
        if (words.size() >= 3)
            events.insert(words[0], words.mid(1).join(u' '));
    }
    return events;
}

} // namespace

TEST_CASE("The week: prepared, approved, published; changed offline by two at once, cancelled; exported",
          "[client][app][schedule]")
{
    ServerFixture f;
    f.createDatabase(kLich, acl::AccessLevel::NoAccess, DatabaseKind::Calendar);
    grant(f, S("Phạm Thị Văn"), acl::AccessLevel::Editor, {QStringLiteral("[VanPhong]")});
    grant(f, S("Lê Thị Chánh"), acl::AccessLevel::Editor, {QStringLiteral("[ChanhVanPhong]")});
    grant(f, S("Trần Văn Lãnh"), acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
    grant(f, S("Nguyễn Văn Cán"), acl::AccessLevel::Editor);
    Office clerk(f, S("Phạm Thị Văn"));
    Office chief(f, S("Lê Thị Chánh"));
    Office leader(f, S("Trần Văn Lãnh"));
    Office cadre(f, S("Nguyễn Văn Cán"));

    // Monday morning and afternoon, a Wednesday entry with a session but no time.
    auto giaoBan = clerk.session->save(newEntry(QDate(2026, 12, 7), QStringLiteral("07:30"), S("Giao ban")));
    auto lamViec = clerk.session->save(newEntry(QDate(2026, 12, 7), QStringLiteral("14:00"), S("Làm việc")));
    auto tiepDan = clerk.session->save(newEntry(QDate(2026, 12, 9), {}, S("Tiếp công dân"), S("Chiều")));
    REQUIRE((giaoBan.isOk() && lamViec.isOk() && tiepDan.isOk()));
    const auto outside =
        clerk.session->save(newEntry(QDate(2026, 12, 14), QStringLiteral("08:00"), S("Tuần sau")));
    REQUIRE(outside.isOk());
    REQUIRE(clerk.sync() == 0);

    app::ScheduleWeek week = clerk.week();
    REQUIRE(week.days.size() == 7);
    CHECK(week.days[0].weekday == S("Thứ Hai"));
    CHECK(week.days[6].weekday == S("Chủ nhật"));
    CHECK(week.days[0].date == QDate(2026, 12, 7));
    CHECK(week.entryCount() == 3);
    REQUIRE(week.days[0].morning.size() == 1);
    CHECK(week.days[0].morning[0].content == S("Giao ban"));
    REQUIRE(week.days[0].afternoon.size() == 1);
    CHECK(week.days[0].afternoon[0].time == QStringLiteral("14:00"));
    CHECK(week.days[2].afternoon.size() == 1);
    CHECK(week.status.state == schedule::WeekState::Draft);

    // Neither the office nor a cadre approves; the chief does, then publishes.
    for (Office* office : {&clerk, &cadre})
        REQUIRE(office->sync() == 0);
    CHECK_FALSE(clerk.schedule.offers(clerk.week()).approve);
    CHECK(clerk.schedule.approve(kWeek).code() == ErrorCode::PermissionDenied);
    CHECK(cadre.schedule.approve(kWeek).code() == ErrorCode::PermissionDenied);
    REQUIRE(chief.sync() == 0);
    CHECK(chief.schedule.publish(kWeek).code() == ErrorCode::InvalidArgument); // not approved yet
    CHECK(chief.schedule.offers(chief.week()).approve);
    REQUIRE(chief.schedule.approve(kWeek).isOk());
    CHECK(chief.week().status.state == schedule::WeekState::Approved);
    REQUIRE(chief.schedule.publish(kWeek).isOk());
    REQUIRE(chief.sync() == 0);

    for (Office* office : {&clerk, &leader, &cadre})
        REQUIRE(office->sync() == 0);
    CHECK(clerk.week().status.state == schedule::WeekState::Published);
    CHECK(cadre.week().status.publication->actor == chief.office.credentials.name.toString());

    // A silent rewrite or a deletion of a published entry is refused at once.
    DocumentEdit silent = DocumentEdit::update(giaoBan->unid);
    silent.set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")));
    CHECK(clerk.session->save(silent).code() == ErrorCode::PermissionDenied);
    CHECK(clerk.session->remove(giaoBan->unid).code() == ErrorCode::PermissionDenied);
    CHECK(cadre.schedule.change(giaoBan->unid, silent, S("Đổi giờ")).code() == ErrorCode::PermissionDenied);

    // Offline at once: the office moves the hour, the leader the place, of the same entry.
    DocumentEdit hour = DocumentEdit::update(giaoBan->unid);
    hour.set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")));
    REQUIRE(clerk.schedule.change(giaoBan->unid, hour, S("Đổi giờ họp sang 8 giờ")).isOk());
    DocumentEdit place = DocumentEdit::update(giaoBan->unid);
    place.set(Item::text(QStringLiteral("DiaDiem"), S("Hội trường")));
    REQUIRE(leader.schedule.change(giaoBan->unid, place, S("Đổi địa điểm")).isOk());
    // The office postpones the Monday afternoon.
    REQUIRE(clerk.schedule.cancel(lamViec->unid, S("Hoãn sang tuần sau")).isOk());
    CHECK(clerk.sync() == 0);
    CHECK(leader.sync() == 0);
    CHECK(clerk.sync() == 0);

    for (Office* office : {&clerk, &leader}) {
        const app::ScheduleWeek seen = office->week();
        const app::ScheduleEntry& changed = seen.days[0].morning.at(0);
        CHECK(changed.time == QStringLiteral("08:00"));
        CHECK(changed.place == S("Hội trường"));
        CHECK(changed.mark == schedule::EntryMark::Changed);
        CHECK(changed.changes.size() == 2);
        CHECK(seen.days[0].afternoon.at(0).mark == schedule::EntryMark::Cancelled);
        CHECK(seen.days[2].afternoon.at(0).mark == schedule::EntryMark::None);
        std::size_t conflicts = 0;
        REQUIRE(office->session
                    ->forEachDocument([&conflicts](const Document& doc) {
                        conflicts += doc.isConflict() ? 1 : 0;
                        return true;
                    })
                    .isOk());
        CHECK(conflicts == 0);
    }

    // The iCalendar of the week, twice: the same UIDs; SEQUENCE counts the changes.
    auto entries = schedule::icalEntries(clerk.schedule.view(), kWeek.monday(), kWeek.sunday());
    REQUIRE(entries.isOk());
    const QByteArray first =
        schedule::writeICalendar(*entries, S("Lịch công tác"), QDateTime::currentDateTimeUtc());
    const QByteArray second =
        schedule::writeICalendar(*entries, S("Lịch công tác"), QDateTime::currentDateTimeUtc().addSecs(60));
    const QMap<QString, QString> events = parsedEvents(first);
    CHECK(events.keys() == parsedEvents(second).keys());
    REQUIRE(events.size() == 3);
    CHECK(events.value(giaoBan->unid.toHex() + QStringLiteral("@sen")) ==
          QStringLiteral("2 CONFIRMED Asia/Ho_Chi_Minh"));
    CHECK(events.value(lamViec->unid.toHex() + QStringLiteral("@sen")) ==
          QStringLiteral("1 CANCELLED Asia/Ho_Chi_Minh"));
    // No time: a date-only event.
    CHECK(events.value(tiepDan->unid.toHex() + QStringLiteral("@sen")) == QStringLiteral("0 CONFIRMED "));
}
