// The intranet site (docs/web.md; issue #15) served by the real sen-server executable over
// real TLS on loopback: what each page answers, who may read it, sign-in with web passwords,
// sessions, and escaping. The news database is written straight into the server's replica
// file while the daemon runs, as replication would store it.

#include "common/store/ReplicaStore.h"
#include "server/core/DataDirectory.h"
#include "tests/server/ServerProcess.h"
#include "tests/server/WebArticles.h"
#include "tests/server/WebClient.h"

#include <QFile>
#include <QProcess>
#include <QThread>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;
using test::WebAnswer;
using test::WebArticle;
using test::WebClient;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QDateTime kYesterday = QDateTime::currentDateTimeUtc().addDays(-1);

struct Site
{
    test::TempDir dir;
    ServerProcess server{dir};
    std::unique_ptr<ReplicaStore> news;
    Unid plain, withImage, hostile, restricted, draft, future;
    QByteArray png = test::samplePng(320, 180);

    explicit Site(bool anonymous)
    {
        server.admin({S("db"), S("create"), S("tintuc"), S("--kind"), S("news")});
        if (anonymous)
            server.admin({S("acl"), S("set"), S("tintuc"), S("Anonymous"), S("reader")});
        server.admin({S("acl"), S("set"), S("tintuc"), S("-Default-"), S("reader")});
        server.admin({S("acl"), S("set"), S("tintuc"), S("Người Ngoài/VPTU/HaNoi"), S("noaccess")});
        auto opened = ReplicaStore::open(server.databasePath(S("tintuc")));
        REQUIRE(opened.isOk());
        news = std::move(*opened);
        plain =
            test::addArticle(*news, {S("Hội nghị sơ kết công tác quý IV"),
                                     S("Tóm tắt hội nghị sơ kết."),
                                     S("Hoạt động của cấp ủy"),
                                     kYesterday.addSecs(-3600),
                                     S("Phòng Tổng hợp"),
                                     S("<p>Nội dung <b>chính</b>.</p>"),
                                     {{S("bao-cao.docx"), QByteArrayLiteral("PK\x03\x04 not really docx")}},
                                     {}});
        withImage =
            test::addArticle(*news, {S("Chuyển đổi số tại cơ quan"),
                                     S("Ảnh minh họa trong bài."),
                                     S("Chuyển đổi số"),
                                     kYesterday,
                                     S("Ban Biên tập"),
                                     S("<p>Trước ảnh.</p><img src=\"attachment:anh%20bia.png\" alt=\"Ảnh "
                                       "bìa\"><p>Sau ảnh.</p>"),
                                     {{S("anh bia.png"), png}},
                                     {}});
        hostile = test::addArticle(*news, {S("<script>document.title='pwned'</script> Tin có mã độc"),
                                           S("<b>tóm tắt</b>"),
                                           S("Thông tin chung"),
                                           kYesterday.addSecs(-7200),
                                           S("<i>Khách</i>"),
                                           S("<p onclick=\"alert(1)\">Văn bản</p><script>alert(2)</script><a "
                                             "href=\"javascript:alert(3)\">liên "
                                             "kết</a><iframe src=\"https://example.com\"></iframe>"),
                                           {},
                                           {}});
        restricted = test::addArticle(*news, {S("Tin mật của Ban Thường vụ"),
                                              S("Chỉ người được chỉ định."),
                                              S("Thông tin chung"),
                                              kYesterday.addSecs(-60),
                                              {},
                                              S("<p>Mật.</p>"),
                                              {{S("mat.png"), png}},
                                              {S("Nguyễn Văn An/VPTU/HaNoi")}});
        draft =
            test::addArticle(*news, {S("Bản nháp chưa đăng"), {}, S("Thông tin chung"), {}, {}, {}, {}, {}});
        future = test::addArticle(*news, {S("Tin hẹn giờ đăng"),
                                          {},
                                          S("Thông tin chung"),
                                          QDateTime::currentDateTimeUtc().addDays(2),
                                          {},
                                          {},
                                          {},
                                          {}});
    }

    WebClient client()
    {
        const Result<server::DataDirectory> data = server::DataDirectory::open(server.dataPath());
        REQUIRE(data.isOk());
        const Result<QByteArray> der = data->serverCertificateDer();
        REQUIRE(der.isOk());
        return WebClient(server.webAddress(), *der);
    }
};

// dd/MM/yyyy in Vietnam's time.
QString vnDateOf(const QDateTime& when)
{
    return when.toOffsetFromUtc(7 * 3600).toString(QStringLiteral("dd/MM/yyyy"));
}

QString articlePath(const Unid& unid)
{
    return S("/news/") + unid.toHex();
}

void requireSecurityHeaders(const WebAnswer& answer)
{
    CHECK(answer.header("content-security-policy").contains("default-src 'self'"));
    CHECK(answer.header("content-security-policy").contains("script-src 'none'"));
    CHECK(answer.header("x-content-type-options") == "nosniff");
    CHECK(answer.header("strict-transport-security").startsWith("max-age="));
    CHECK(!answer.header("referrer-policy").isEmpty());
}

} // namespace

TEST_CASE("Web: an Anonymous entry opens the news to readers who have not signed in", "[server][web]")
{
    Site site(true);
    site.server.start({S("--web"), S("127.0.0.1:0")});
    const WebClient web = site.client();

    const WebAnswer front = web.get(S("/"));
    REQUIRE(front.status == 200);
    requireSecurityHeaders(front);
    CHECK(front.header("content-type") == "text/html; charset=utf-8");
    const QString page = front.text();
    CHECK(page.contains(S("Hội nghị sơ kết công tác quý IV")));
    CHECK(page.contains(S("Tóm tắt hội nghị sơ kết.")));
    CHECK(page.contains(vnDateOf(kYesterday)));
    CHECK(page.contains(S("Chuyển đổi số tại cơ quan")));
    // Newest first.
    CHECK(page.indexOf(S("Chuyển đổi số tại cơ quan")) < page.indexOf(S("Hội nghị sơ kết")));
    // Not published, or not for this reader.
    CHECK(!page.contains(S("Tin mật của Ban Thường vụ")));
    CHECK(!page.contains(S("Bản nháp chưa đăng")));
    CHECK(!page.contains(S("Tin hẹn giờ đăng")));
    // The <script> title is text.
    CHECK(!page.contains(S("<script>")));
    CHECK(page.contains(S("&lt;script&gt;document.title=")));
    CHECK(page.contains(S("&lt;b&gt;tóm tắt&lt;/b&gt;")));

    SECTION("a category's page lists its articles only")
    {
        const WebAnswer category = web.get(S("/category/Chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91"));
        REQUIRE(category.status == 200);
        CHECK(category.text().contains(S("Chuyển đổi số tại cơ quan")));
        CHECK(!category.text().contains(S("Hội nghị sơ kết")));
        CHECK(web.get(S("/category/Kh%C3%B4ng%20c%C3%B3")).status == 404);
    }

    SECTION("an article shows its body with its image and its attachments as downloads")
    {
        const WebAnswer article = web.get(articlePath(site.withImage));
        REQUIRE(article.status == 200);
        requireSecurityHeaders(article);
        const QString html = article.text();
        CHECK(html.contains(S("<h1>Chuyển đổi số tại cơ quan</h1>")));
        CHECK(html.contains(S("Ban Biên tập")));
        const QString imageUrl = articlePath(site.withImage) + S("/file/anh%20bia.png");
        CHECK(html.contains(S("<img src=\"") + imageUrl + S("\" alt=\"Ảnh bìa\">")));
        const WebAnswer image = web.get(imageUrl);
        REQUIRE(image.status == 200);
        CHECK(image.header("content-type") == "image/png");
        CHECK(image.body == site.png);

        const WebAnswer other = web.get(articlePath(site.plain));
        REQUIRE(other.status == 200);
        const QString download = articlePath(site.plain) + S("/file/bao-cao.docx");
        CHECK(other.text().contains(S("<a href=\"") + download + S("\" download>bao-cao.docx</a>")));
        const WebAnswer file = web.get(download);
        REQUIRE(file.status == 200);
        CHECK(file.header("content-type") == "application/octet-stream");
        CHECK(file.header("content-disposition").startsWith("attachment;"));
        CHECK(file.body == QByteArrayLiteral("PK\x03\x04 not really docx"));
        // Only the article's own attachments, by plain name.
        CHECK(web.get(articlePath(site.plain) + S("/file/anh%20bia.png")).status == 404);
        CHECK(web.get(articlePath(site.plain) + S("/file/..%2F..%2Fusers.json")).status == 404);
    }

    SECTION("an article's hostile markup is shown as text or dropped")
    {
        const WebAnswer article = web.get(articlePath(site.hostile));
        REQUIRE(article.status == 200);
        const QString html = article.text();
        CHECK(html.contains(S("<title>&lt;script&gt;document.title=")));
        CHECK(!html.contains(S("<script")));
        CHECK(!html.contains(S("onclick")));
        CHECK(!html.contains(S("javascript:")));
        CHECK(!html.contains(S("<iframe")));
        CHECK(html.contains(S("<p>Văn bản</p>")));
        CHECK(html.contains(S("&lt;i&gt;Khách&lt;/i&gt;")));
    }

    SECTION("what the reader may not read is not found: Readers items, drafts, later articles")
    {
        for (const Unid& unid : {site.restricted, site.draft, site.future}) {
            const WebAnswer refused = web.get(articlePath(unid));
            CHECK(refused.status == 404);
            CHECK(refused.text().contains(S("Không tìm thấy trang")));
        }
        CHECK(web.get(articlePath(site.restricted) + S("/file/mat.png")).status == 404);
        CHECK(web.get(S("/khong-co")).status == 404);
        CHECK(web.get(S("/news/zz")).status == 404);
    }

    SECTION("a new article shows as soon as it is in the server's replica")
    {
        test::addArticle(*site.news, {S("Tin vừa đồng bộ"),
                                      {},
                                      S("Thông tin chung"),
                                      QDateTime::currentDateTimeUtc().addSecs(-5),
                                      {},
                                      {},
                                      {},
                                      {}});
        CHECK(web.get(S("/")).text().contains(S("Tin vừa đồng bộ")));
    }

    SECTION("the site is read-only")
    {
        CHECK(web.request("PUT", S("/"), "x", {}).status == 405);
        const WebAnswer head = web.request("HEAD", S("/style.css"), {}, {});
        CHECK(head.status == 200);
        CHECK(head.header("content-length").toInt() > 1000);
        CHECK(web.get(S("/style.css")).header("content-type") == "text/css; charset=utf-8");
    }
    site.server.stop();
}

TEST_CASE("Web: without an Anonymous entry readers sign in with a web password", "[server][web]")
{
    Site site(false);
    site.server.registerUser(S("Nguyễn Văn An"));
    site.server.registerUser(S("Người Ngoài"));
    site.server.admin({S("web-password"), S("--user"), S("Nguyễn Văn An")});
    site.server.admin({S("web-password"), S("--user"), S("Người Ngoài")});
    site.server.start({S("--web"), S("127.0.0.1:0"), S("--web-session-seconds"), S("2")});
    const WebClient web = site.client();

    const WebAnswer anonymous = web.get(S("/"));
    CHECK(anonymous.status == 401);
    CHECK(anonymous.text().contains(S("Cần đăng nhập")));
    CHECK(anonymous.text().contains(S("href=\"/login?next=%2F\"")));
    CHECK(web.get(articlePath(site.plain))
              .text()
              .contains(S("href=\"/login?next=%2Fnews%2F") + site.plain.toHex()));
    CHECK(!anonymous.text().contains(S("Hội nghị sơ kết")));
    CHECK(web.get(articlePath(site.withImage) + S("/file/anh%20bia.png")).status == 401);
    CHECK(web.get(S("/login")).status == 200);

    SECTION("a wrong password is refused; the right one opens a session that honours Readers items")
    {
        const WebAnswer wrong =
            web.post(S("/login"), {{S("user"), S("Nguyễn Văn An")}, {S("password"), S("sai")}});
        CHECK(wrong.status == 401);
        CHECK(wrong.text().contains(S("Tên người dùng hoặc mật khẩu không đúng.")));
        CHECK(wrong.header("set-cookie").isEmpty());
        // The ID file's password is not a web password of anyone else.
        CHECK(web.post(S("/login"),
                       {{S("user"), S("Nguyễn Văn Bình")}, {S("password"), ServerProcess::kPassword}})
                  .status == 401);

        // Bounds: a 100,000-character user name, a 2,000-character password are refused as wrong
        // ones (the server neither looks them up nor hashes them).
        CHECK(web.post(S("/login"), {{S("user"), QString(100'000, u'A')}, {S("password"), S("x")}}).status ==
              401);
        CHECK(web.post(S("/login"), {{S("user"), S("Nguyễn Văn An")},
                                     {S("password"), ServerProcess::kPassword + QString(2000, u'x')}})
                  .status == 401);

        // A return path with a line break (a header it would add) or to another site goes to "/".
        const WebAnswer smuggled =
            web.post(S("/login"), {{S("user"), S("Nguyễn Văn An")},
                                   {S("password"), ServerProcess::kPassword},
                                   {S("next"), S("/news\r\nSet-Cookie: sen_session=forged")}});
        REQUIRE(smuggled.status == 303);
        CHECK(smuggled.header("location") == "/");
        CHECK_FALSE(smuggled.header("set-cookie").contains("forged"));
        const WebAnswer elsewhere = web.post(S("/login"), {{S("user"), S("Nguyễn Văn An")},
                                                           {S("password"), ServerProcess::kPassword},
                                                           {S("next"), S("//evil.example/")}});
        CHECK(elsewhere.header("location") == "/");

        const WebAnswer signedIn = web.post(S("/login"), {{S("user"), S("Nguyễn Văn An")},
                                                          {S("password"), ServerProcess::kPassword},
                                                          {S("next"), S("/")}});
        REQUIRE(signedIn.status == 303);
        const QByteArray setCookie = signedIn.header("set-cookie");
        CHECK(setCookie.contains("HttpOnly"));
        CHECK(setCookie.contains("Secure"));
        CHECK(setCookie.contains("SameSite=Strict"));
        const QByteArray cookie = test::sessionCookie(signedIn);

        const WebAnswer front = web.get(S("/"), cookie);
        REQUIRE(front.status == 200);
        CHECK(front.text().contains(S("Tin mật của Ban Thường vụ")));
        CHECK(front.text().contains(S("Đăng xuất")));
        CHECK(web.get(articlePath(site.restricted), cookie).status == 200);
        CHECK(web.get(articlePath(site.restricted) + S("/file/mat.png"), cookie).body == site.png);

        // Both sign-ins are in the audit log.
        const QString audit =
            QString::fromUtf8(test::readFile(site.server.dataPath() + S("/logs/audit.jsonl")));
        CHECK(audit.contains(S("\"web_login_refused\"")));
        CHECK(audit.contains(S("\"web_login\"")));
        CHECK(audit.contains(S("Nguyễn Văn An/VPTU/HaNoi")));

        // Signed out: the cookie no longer opens anything.
        CHECK(web.post(S("/logout"), {}, cookie).status == 303);
        CHECK(web.get(S("/"), cookie).status == 401);
    }

    SECTION("a signed-in user without read access gets nothing")
    {
        const WebAnswer signedIn =
            web.post(S("/login"), {{S("user"), S("Người Ngoài")}, {S("password"), ServerProcess::kPassword}});
        REQUIRE(signedIn.status == 303);
        const QByteArray cookie = test::sessionCookie(signedIn);
        const WebAnswer front = web.get(S("/"), cookie);
        CHECK(front.status == 403);
        CHECK(front.text().contains(S("Không có quyền truy cập")));
        CHECK(!front.text().contains(S("Hội nghị sơ kết")));
        CHECK(web.get(articlePath(site.plain), cookie).status == 403);
        CHECK(web.get(articlePath(site.withImage) + S("/file/anh%20bia.png"), cookie).status == 403);
    }

    SECTION("a session expires on the server")
    {
        const WebAnswer signedIn = web.post(
            S("/login"), {{S("user"), S("Nguyễn Văn An")}, {S("password"), ServerProcess::kPassword}});
        REQUIRE(signedIn.status == 303);
        const QByteArray cookie = test::sessionCookie(signedIn);
        CHECK(web.get(S("/"), cookie).status == 200);
        QThread::msleep(2500);
        CHECK(web.get(S("/"), cookie).status == 401);
    }

    SECTION("failed sign-ins are limited per user")
    {
        for (int i = 0; i < 5; ++i)
            CHECK(
                web.post(S("/login"), {{S("user"), S("Nguyễn Văn An")}, {S("password"), S("sai")}}).status ==
                401);
        const WebAnswer limited = web.post(
            S("/login"), {{S("user"), S("Nguyễn Văn An")}, {S("password"), ServerProcess::kPassword}});
        CHECK(limited.status == 429);
        CHECK(limited.header("set-cookie").isEmpty());
    }
    site.server.stop();
}

TEST_CASE("Web: web-password keeps an Argon2id hash, only for registered users", "[server][web]")
{
    test::TempDir dir;
    ServerProcess server(dir);
    server.registerUser(S("Nguyễn Văn An"));
    server.admin({S("web-password"), S("--user"), S("Nguyễn Văn An")});
    const QByteArray stored = test::readFile(server.dataPath() + S("/web-passwords.json"));
    CHECK(stored.contains("$argon2id$v=19$m=19456,t=2,p=1$"));
    CHECK(!stored.contains(ServerProcess::kPassword.toUtf8()));
    // Owner-only: nothing for the group or others.
    const QFileDevice::Permissions permissions =
        QFile(server.dataPath() + S("/web-passwords.json")).permissions();
    CHECK(!(permissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                           QFileDevice::WriteOther)));

    QProcess unknown;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(S("SEN_PASSWORD"), ServerProcess::kPassword);
    unknown.setProcessEnvironment(env);
    unknown.start(QStringLiteral(SEN_SERVER_EXE),
                  {S("--data"), server.dataPath(), S("web-password"), S("--user"), S("Người Lạ")});
    REQUIRE(unknown.waitForFinished(60'000));
    CHECK(unknown.exitCode() == 1);
    CHECK(QString::fromUtf8(unknown.readAllStandardError()).contains(S("is not a registered user")));
}
