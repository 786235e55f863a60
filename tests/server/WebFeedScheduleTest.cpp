// The intranet site's published week, /schedule.ics and /news/feed.atom from the real
// sen-server over real TLS, the calendar and the feed read back by parsers nobody here wrote:
// Debian's python3-icalendar and python3-feedparser.

#include "common/store/ReplicaStore.h"
#include "server/core/DataDirectory.h"
#include "tests/server/ServerProcess.h"
#include "tests/server/WebArticles.h"
#include "tests/server/WebClient.h"

#include <QFile>
#include <QProcess>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;
using test::WebAnswer;
using test::WebClient;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

schedule::WeekId thisWeek()
{
    return schedule::WeekId::of(QDateTime::currentDateTimeUtc().toOffsetFromUtc(7 * 3600).date());
}

WebClient clientOf(const ServerProcess& server)
{
    const Result<server::DataDirectory> data = server::DataDirectory::open(server.dataPath());
    REQUIRE(data.isOk());
    const Result<QByteArray> der = data->serverCertificateDer();
    REQUIRE(der.isOk());
    return WebClient(server.webAddress(), *der);
}

// Runs Debian's python3 (where its python3-icalendar and python3-feedparser live; another
// python3 may come first on PATH) with `script` reading `input` on stdin; its stdout (UTF-8).
QString python(const char* script, const QByteArray& input)
{
    QProcess process;
    process.start(QFile::exists(S("/usr/bin/python3")) ? S("/usr/bin/python3") : S("python3"),
                  {S("-c"), S(script)});
    REQUIRE(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60'000));
    INFO(QString::fromUtf8(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

TEST_CASE("Web: the published week, its iCalendar and the Atom feed", "[server][web]")
{
    test::TempDir dir;
    ServerProcess server(dir);
    server.admin({S("db"), S("create"), S("lich"), S("--kind"), S("calendar")});
    server.admin({S("acl"), S("set"), S("lich"), S("Anonymous"), S("reader")});
    server.admin({S("db"), S("create"), S("tintuc"), S("--kind"), S("news")});
    server.admin({S("acl"), S("set"), S("tintuc"), S("Anonymous"), S("reader")});
    const schedule::WeekId week = thisWeek();
    Unid cancelled;
    {
        auto calendar = ReplicaStore::open(server.databasePath(S("lich")));
        REQUIRE(calendar.isOk());
        test::addEntry(**calendar, {week.monday(),
                                    S("07:30"),
                                    S("Giao ban Thường trực"),
                                    S("Đồng chí Bí thư"),
                                    {S("Các đồng chí Ủy viên Ban Thường vụ")},
                                    S("Phòng họp số 1")});
        cancelled = test::addEntry(**calendar, {week.monday().addDays(2),
                                                S("14:00"),
                                                S("<b>Làm việc</b> với Sở Nội vụ"),
                                                S("Đồng chí Phó Bí thư"),
                                                {S("Văn phòng")},
                                                S("Hội trường")});
        const Unid changed = test::addEntry(**calendar, {week.monday().addDays(3),
                                                         S("08:00"),
                                                         S("Họp Ban Chỉ đạo"),
                                                         S("Đồng chí Bí thư"),
                                                         {},
                                                         S("Phòng họp số 2")});
        test::addEntry(**calendar,
                       {week.next().monday(), S("08:00"), S("Việc của tuần sau (dự thảo)"), {}, {}, {}});
        test::addWeekAction(**calendar, week, S("Duyệt"));
        test::addWeekAction(**calendar, week, S("Công bố"));
        test::addChange(**calendar, cancelled, S("Hoãn/Hủy"), S("Hoãn sang tuần sau"));
        test::addChange(**calendar, changed, S("Thay đổi"), S("Đổi sang 09:00"));

        auto news = ReplicaStore::open(server.databasePath(S("tintuc")));
        REQUIRE(news.isOk());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        test::addArticle(**news, {S("<script>alert(1)</script>Tin có thẻ script"),
                                  S("Tóm tắt."),
                                  S("Thông tin chung"),
                                  now.addDays(-1),
                                  S("Ban Biên tập"),
                                  S("<p>Nội dung <b>đậm</b></p><script>alert(2)</script>"),
                                  {},
                                  {}});
        test::addArticle(**news, {S("Tin chỉ dành cho lãnh đạo"),
                                  {},
                                  S("Thông tin chung"),
                                  now.addDays(-2),
                                  {},
                                  {},
                                  {},
                                  {S("Lãnh Đạo/VPTU/HaNoi")}});
        test::addArticle(**news, {S("Bản nháp"), {}, S("Thông tin chung"), {}, {}, {}, {}, {}});
    }
    server.start({S("--web"), S("127.0.0.1:0")});
    const WebClient web = clientOf(server);

    const WebAnswer page = web.get(S("/schedule"));
    REQUIRE(page.status == 200);
    const QString html = page.text();
    CHECK(html.contains(S("Thứ Hai<br>") + week.monday().toString(S("dd/MM/yyyy"))));
    CHECK(html.contains(S("Chủ nhật<br>")));
    CHECK(html.contains(S(">Sáng<")));
    CHECK(html.contains(S(">Chiều<")));
    CHECK(html.contains(S("Giao ban Thường trực")));
    CHECK(html.contains(S("Các đồng chí Ủy viên Ban Thường vụ")));
    CHECK(html.contains(S("&lt;b&gt;Làm việc&lt;/b&gt; với Sở Nội vụ")));
    CHECK(html.contains(S("<div class=\"entry cancelled\">")));
    CHECK(html.contains(S("<span class=\"mark cancelled\">Hoãn/Hủy</span>")));
    CHECK(html.contains(S("<span class=\"mark changed\">Thay đổi</span>")));
    CHECK(html.contains(S("/schedule?tuan=") + week.previous().toString()));
    CHECK(html.contains(S("/schedule?tuan=") + week.next().toString()));

    const WebAnswer next = web.get(S("/schedule?tuan=") + week.next().toString());
    REQUIRE(next.status == 200);
    CHECK(next.text().contains(S("chưa được công bố")));
    CHECK(!next.text().contains(S("Việc của tuần sau")));
    CHECK(web.get(S("/schedule?tuan=") + week.previous().toString()).status == 200);
    CHECK(web.get(S("/schedule?tuan=2020-W01")).status == 404);
    CHECK(web.get(S("/schedule?tuan=khong")).status == 404);

    const WebAnswer ics = web.get(S("/schedule.ics"));
    REQUIRE(ics.status == 200);
    CHECK(ics.header("content-type").startsWith("text/calendar"));
    const QString events = python(R"py(
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
for e in sorted(cal.walk('VEVENT'), key=lambda e: str(e.get('SUMMARY'))):
    print('%s|%s|%s' % (e.get('SUMMARY'), e.get('STATUS'), e.get('UID')))
)py",
                                  ics.body);
    INFO(events.toStdString());
    CHECK(events.contains(S("Giao ban Thường trực|CONFIRMED|")));
    CHECK(events.contains(S("<b>Làm việc</b> với Sở Nội vụ|CANCELLED|")));
    CHECK(events.contains(S("Họp Ban Chỉ đạo|CONFIRMED|")));
    CHECK(!events.contains(S("Việc của tuần sau")));
    CHECK(events.count(u'\n') == 3);

    const WebAnswer feed = web.get(S("/news/feed.atom"));
    REQUIRE(feed.status == 200);
    CHECK(feed.header("content-type").startsWith("application/atom+xml"));
    const QString entries = python(R"py(
import sys, feedparser
f = feedparser.parse(sys.stdin.buffer.read())
assert not f.bozo, f.bozo_exception
for e in f.entries:
    print('%s|%s|%s' % (e.title, e.link, e.content[0].value if 'content' in e else ''))
)py",
                                   feed.body);
    INFO(entries.toStdString());
    CHECK(entries.contains(S("<script>alert(1)</script>Tin có thẻ script|https://")));
    CHECK(entries.contains(S("<p>Nội dung <b>đậm</b></p>")));
    CHECK(!entries.contains(S("alert(2)")));
    CHECK(!entries.contains(S("Tin chỉ dành cho lãnh đạo")));
    CHECK(!entries.contains(S("Bản nháp")));
    CHECK(entries.count(u'\n') == 1);
    server.stop();
}
