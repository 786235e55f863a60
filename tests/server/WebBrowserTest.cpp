// The intranet site in a real browser (issue #15): headless Chromium (Debian's `chromium`)
// against the real sen-server over HTTPS, trusting exactly the server's key
// (--ignore-certificate-errors-spki-list with the SHA-256 of its SubjectPublicKeyInfo, not a
// blanket ignore). The front page, an article with an image and the published week at a
// desktop's and a phone's width; screenshots kept as test artefacts in the build directory:
//   build/<preset>/test-artefacts/web/{front,article,week}-{desktop,phone}.png
// and the DOM of an article whose title holds <script>: the title is text, and the script
// (which would set document.title) did not run. Skipped when chromium is not installed.

#include "common/store/ReplicaStore.h"
#include "server/core/DataDirectory.h"
#include "tests/server/ServerProcess.h"
#include "tests/server/WebArticles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Browser
{
    QString executable;
    QString spki; // base64 SHA-256 of the server's SubjectPublicKeyInfo
    QString profile;

    // Runs chromium headless on `url` with `arguments`; its standard output.
    QByteArray run(const QString& url, const QStringList& arguments) const
    {
        QProcess chromium;
        chromium.start(executable, QStringList{S("--headless=new"), S("--no-sandbox"), S("--disable-gpu"),
                                               S("--no-first-run"), S("--user-data-dir=") + profile,
                                               S("--ignore-certificate-errors-spki-list=") + spki} +
                                       arguments + QStringList{url});
        REQUIRE(chromium.waitForStarted());
        REQUIRE(chromium.waitForFinished(60'000));
        return chromium.readAllStandardOutput();
    }

    void screenshot(const QString& url, const QString& file, const QString& size) const
    {
        QFile::remove(file);
        run(url, {S("--screenshot=") + file, S("--window-size=") + size, S("--hide-scrollbars")});
        INFO(file.toStdString());
        CHECK(QFileInfo(file).size() > 1000);
    }
};

} // namespace

TEST_CASE("Web: pages in headless Chromium, and a <script> title does not run", "[server][web][browser]")
{
    const QString chromium = QStandardPaths::findExecutable(S("chromium"));
    if (chromium.isEmpty()) {
        WARN("chromium is not installed: the browser test is skipped");
        return;
    }
    test::TempDir dir;
    ServerProcess server(dir);
    server.admin({S("db"), S("create"), S("tintuc"), S("--kind"), S("news")});
    server.admin({S("acl"), S("set"), S("tintuc"), S("Anonymous"), S("reader")});
    server.admin({S("db"), S("create"), S("lich"), S("--kind"), S("calendar")});
    server.admin({S("acl"), S("set"), S("lich"), S("Anonymous"), S("reader")});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Unid withImage, hostile;
    {
        auto news = ReplicaStore::open(server.databasePath(S("tintuc")));
        REQUIRE(news.isOk());
        test::addArticle(
            **news, {S("Hội nghị sơ kết công tác quý IV năm 2026"),
                     S("Văn phòng tổ chức hội nghị sơ kết, đánh giá kết quả và triển khai nhiệm vụ quý I."),
                     S("Hoạt động của cấp ủy"),
                     now.addDays(-2),
                     S("Phòng Tổng hợp"),
                     S("<p>Nội dung.</p>"),
                     {},
                     {}});
        hostile = test::addArticle(**news, {S("<script>document.title='pwned'</script>Tin có mã độc"),
                                            S("Tiêu đề chứa thẻ script phải hiện như chữ."),
                                            S("Thông tin chung"),
                                            now.addDays(-1),
                                            S("Khách"),
                                            S("<p>Văn bản.</p><script>document.title='pwned'</script>"
                                              "<img src=x onerror=\"document.title='pwned'\">"),
                                            {},
                                            {}});
        withImage = test::addArticle(
            **news,
            {S("Chuyển đổi số: triển khai hệ thống quản lý văn bản mới"),
             S("Từ tháng 1/2027 các đơn vị dùng hệ thống mới để tiếp nhận, xử lý và lưu trữ văn bản."),
             S("Chuyển đổi số"),
             now.addSecs(-3600),
             S("Ban Biên tập"),
             S("<p>Sáng ngày 05/12/2026, Văn phòng tổ chức tập huấn sử dụng hệ thống.</p>"
               "<img src=\"attachment:tap-huan.png\" alt=\"Quang cảnh buổi tập huấn\">"
               "<p>Các đơn vị <b>hoàn thành</b> việc chuyển đổi trước ngày 31/12/2026.</p>"),
             {{S("tap-huan.png"), test::samplePng(800, 450)}, {S("huong-dan.pdf"), QByteArray("%PDF-1.4")}},
             {}});
    }
    {
        auto calendar = ReplicaStore::open(server.databasePath(S("lich")));
        REQUIRE(calendar.isOk());
        const schedule::WeekId week = schedule::WeekId::of(now.toOffsetFromUtc(7 * 3600).date());
        const QDate monday = week.monday();
        test::addEntry(**calendar, {monday,
                                    S("07:30"),
                                    S("Giao ban Thường trực Tỉnh ủy"),
                                    S("Đồng chí Bí thư Tỉnh ủy"),
                                    {S("Các đồng chí Ủy viên Ban Thường vụ"), S("Chánh Văn phòng")},
                                    S("Phòng họp số 1")});
        test::addEntry(**calendar, {monday,
                                    S("14:00"),
                                    S("Làm việc với Ban Tổ chức về công tác cán bộ"),
                                    S("Đồng chí Phó Bí thư Thường trực"),
                                    {S("Ban Tổ chức Tỉnh ủy")},
                                    S("Phòng họp số 2")});
        const Unid moved = test::addEntry(**calendar, {monday.addDays(1),
                                                       S("08:00"),
                                                       S("Dự hội nghị trực tuyến toàn quốc"),
                                                       S("Đồng chí Bí thư Tỉnh ủy"),
                                                       {S("Lãnh đạo các ban")},
                                                       S("Điểm cầu Tỉnh ủy")});
        const Unid called = test::addEntry(**calendar, {monday.addDays(3),
                                                        S("14:00"),
                                                        S("Tiếp công dân định kỳ"),
                                                        S("Đồng chí Phó Bí thư"),
                                                        {S("Ban Nội chính")},
                                                        S("Trụ sở tiếp công dân")});
        test::addEntry(**calendar, {monday.addDays(4),
                                    S("08:00"),
                                    S("Kiểm tra công tác chuyển đổi số tại Sở Nội vụ"),
                                    S("Đồng chí Trưởng ban Tuyên giáo"),
                                    {S("Văn phòng"), S("Sở Nội vụ")},
                                    S("Sở Nội vụ")});
        test::addWeekAction(**calendar, week, S("Duyệt"));
        test::addWeekAction(**calendar, week, S("Công bố"));
        test::addChange(**calendar, moved, S("Thay đổi"), S("Đổi giờ sang 08:30"));
        test::addChange(**calendar, called, S("Hoãn/Hủy"), S("Hoãn sang tuần sau"));
    }
    server.start({S("--web"), S("127.0.0.1:0")});

    const Result<server::DataDirectory> data = server::DataDirectory::open(server.dataPath());
    REQUIRE(data.isOk());
    const Result<QByteArray> der = data->serverCertificateDer();
    REQUIRE(der.isOk());
    const QSslCertificate certificate(*der, QSsl::Der);
    const QByteArray spki = certificate.publicKey().toDer(); // SubjectPublicKeyInfo
    REQUIRE(!spki.isEmpty());
    const Browser browser{
        chromium, QString::fromLatin1(QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64()),
        dir.path(S("chromium-profile"))};

    const QString base = S("https://") + server.webAddress();
    const QString artefacts = QStringLiteral(SEN_TEST_ARTEFACTS) + S("/web");
    REQUIRE(QDir().mkpath(artefacts));
    const QString article = base + S("/news/") + withImage.toHex();
    browser.screenshot(base + S("/"), artefacts + S("/front-desktop.png"), S("1280,900"));
    browser.screenshot(base + S("/"), artefacts + S("/front-phone.png"), S("390,844"));
    browser.screenshot(article, artefacts + S("/article-desktop.png"), S("1280,900"));
    browser.screenshot(article, artefacts + S("/article-phone.png"), S("390,844"));
    browser.screenshot(base + S("/schedule"), artefacts + S("/week-desktop.png"), S("1280,900"));
    browser.screenshot(base + S("/schedule"), artefacts + S("/week-phone.png"), S("390,844"));

    // The DOM as Chromium built it: the page rendered (so TLS trusted exactly this key), the
    // image loaded from the site, the hostile title is text and no script changed the title.
    const QString front = QString::fromUtf8(browser.run(base + S("/"), {S("--dump-dom")}));
    CHECK(front.contains(S("Chuyển đổi số: triển khai hệ thống quản lý văn bản mới")));
    CHECK(front.contains(S("&lt;script&gt;document.title='pwned'&lt;/script&gt;Tin có mã độc")));
    const QString dom =
        QString::fromUtf8(browser.run(base + S("/news/") + hostile.toHex(), {S("--dump-dom")}));
    INFO(dom.toStdString());
    CHECK(dom.contains(S("<h1>&lt;script&gt;document.title='pwned'&lt;/script&gt;Tin có mã độc</h1>")));
    CHECK(dom.contains(S("<title>&lt;script&gt;document.title='pwned'&lt;/script&gt;Tin có mã độc — ")));
    CHECK(!dom.contains(S("<title>pwned")));
    CHECK(!dom.contains(S("<script")));
    CHECK(!dom.contains(S("onerror")));
    server.stop();
}
