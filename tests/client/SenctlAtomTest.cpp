// senctl export atom (docs/news.md "The Atom feed"), run in-process on a real news database,
// the file read by an implementation nobody here wrote (Debian's python3-feedparser): the
// titles with their diacritics, the dates, the links, the categories, ids the same across two
// exports, drafts and future articles absent, a title holding <script> read back as text.

#include "tests/server/SenctlRun.h"
#include "tests/support/TempDir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

using test::Senctl;

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// The feed as feedparser reads it, as JSON.
QJsonObject parsed(const QString& path)
{
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                               ? QStringLiteral("/usr/bin/python3")
                               : QStringLiteral("python3");
    const QString script = QStringLiteral(
        "import sys, json, feedparser\n"
        "d = feedparser.parse(sys.argv[1])\n"
        "out = {'bozo': bool(d.bozo), 'version': d.version, 'id': d.feed.get('id'),\n"
        "       'title': d.feed.get('title'), 'updated': d.feed.get('updated'),\n"
        "       'links': {l['rel']: l['href'] for l in d.feed.get('links', [])}, 'entries': []}\n"
        "for e in d.entries:\n"
        "    out['entries'].append({'id': e.id, 'title': e.title, 'title_type': e.title_detail.type,\n"
        "        'published': e.published, 'updated': e.updated, 'link': e.link,\n"
        "        'author': e.get('author'), 'summary': e.get('summary'),\n"
        "        'terms': [t.term for t in e.get('tags', [])], 'content': 'content' in e})\n"
        "print(json.dumps(out))\n");
    QProcess process;
    process.start(python, {QStringLiteral("-c"), script, path});
    INFO("python3-feedparser (scripts/install-deps.sh)");
    REQUIRE(process.waitForFinished(60000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QString article(const Senctl& senctl, const QString& title, const QString& published, const QString& category)
{
    QStringList words{S("doc"),
                      S("create"),
                      S("tintuc"),
                      S("--form"),
                      S("TinTuc"),
                      S("--set"),
                      S("TieuDe=") + title,
                      S("--set"),
                      S("TomTat=Tóm tắt của tin: ") + title,
                      S("--set"),
                      S("TacGia=Phòng Tổng hợp"),
                      S("--set"),
                      S("NoiDung:richtext=<p>Nội dung</p><script>alert(2)</script>")};
    if (!category.isEmpty())
        words << S("--set") << S("ChuyenMuc=") + category;
    if (!published.isEmpty())
        words << S("--set") << S("NgayDang:datetime=") + published;
    return senctl.ok(words);
}

} // namespace

TEST_CASE("senctl export atom: feedparser reads the published news, stable ids, hostile titles as text",
          "[senctl][news][atom]")
{
    Senctl senctl;
    const QString replicaId = senctl.ok(
        {S("db"), S("create"), S("tintuc"), S("--kind"), S("news"), S("--title"), S("Tin tức Huyện ủy")});
    const QString older = article(senctl, S("Hội nghị tổng kết công tác năm 2026"), S("2026-12-01T01:30:00Z"),
                                  S("Hoạt động của cấp ủy"));
    const QString newer = article(senctl, S("Đại hội Chi bộ Văn phòng nhiệm kỳ 2027–2030"),
                                  S("2026-12-04T08:00:00Z"), S("Xây dựng Đảng"));
    const QString hostile = article(senctl, S("<script>alert(1)</script>"), S("2026-12-02T00:00:00Z"), {});
    const QString draft = article(senctl, S("Bản nháp chưa đăng"), {}, S("Xây dựng Đảng"));
    const QString future =
        article(senctl, S("Tin đăng năm sau"), S("2099-01-01T00:00:00Z"), S("Xây dựng Đảng"));

    test::TempDir dir;
    QJsonObject feeds[2];
    for (int i = 0; i < 2; ++i) {
        const QString path = dir.path(QStringLiteral("tin-%1.atom").arg(i));
        CHECK(senctl.ok({S("export"), S("atom"), S("tintuc"), S("--out"), path, S("--base-url"),
                         S("https://intranet.huyenuy.vn/")}) == path + S(": 3 articles"));
        feeds[i] = parsed(path);
    }
    const QJsonObject& feed = feeds[0];
    CHECK_FALSE(feed[S("bozo")].toBool());
    CHECK(feed[S("version")].toString() == S("atom10"));
    CHECK(feed[S("id")].toString() == S("urn:sen:") + replicaId);
    CHECK(feed[S("title")].toString() == S("Tin tức Huyện ủy"));
    CHECK(feed[S("links")].toObject()[S("self")].toString() ==
          S("https://intranet.huyenuy.vn/news/feed.atom"));

    const QJsonArray entries = feed[S("entries")].toArray();
    REQUIRE(entries.size() == 3);
    // Newest first; drafts and future articles absent.
    QStringList ids;
    for (const auto& e : entries)
        ids << e.toObject()[S("id")].toString();
    CHECK(ids == QStringList{S("urn:sen:") + newer, S("urn:sen:") + hostile, S("urn:sen:") + older});
    // The same ids and entries in the second export.
    CHECK(feeds[1][S("entries")] == feed[S("entries")]);

    const QJsonObject first = entries[0].toObject();
    CHECK(first[S("title")].toString() == S("Đại hội Chi bộ Văn phòng nhiệm kỳ 2027–2030"));
    CHECK(first[S("published")].toString() == S("2026-12-04T08:00:00Z"));
    CHECK(first[S("link")].toString() == S("https://intranet.huyenuy.vn/news/") + newer);
    CHECK(first[S("terms")].toArray() == QJsonArray{S("Xây dựng Đảng")});
    CHECK(first[S("author")].toString() == S("Phòng Tổng hợp"));
    CHECK(first[S("summary")].toString() ==
          S("Tóm tắt của tin: Đại hội Chi bộ Văn phòng nhiệm kỳ 2027–2030"));
    // senctl writes no body: it is sanitised only by the server's site.
    CHECK_FALSE(first[S("content")].toBool());
    // Saved after it was dated: updated is the save.
    CHECK(first[S("updated")].toString() > S("2026-12-04T08:00:00Z"));
    const QJsonObject third = entries[2].toObject();
    CHECK(third[S("terms")].toArray() == QJsonArray{S("Hoạt động của cấp ủy")});

    const QJsonObject script = entries[1].toObject();
    CHECK(script[S("title_type")].toString() == S("text/plain"));
    CHECK(script[S("title")].toString() == S("<script>alert(1)</script>"));
    CHECK(script[S("terms")].toArray().isEmpty());

    // --limit keeps the newest; a database of another kind, a bad URL and a bad limit are refused
    // (status 1), a missing --out is a usage error (status 2).
    const QString path = dir.path(QStringLiteral("one.atom"));
    CHECK(senctl.ok({S("export"), S("atom"), S("tintuc"), S("--out"), path, S("--limit"), S("1")}) ==
          path + S(": 1 article"));
    const QJsonObject one = parsed(path);
    REQUIRE(one[S("entries")].toArray().size() == 1);
    CHECK(one[S("entries")].toArray()[0].toObject()[S("link")].toString() == S("/news/") + newer);
    senctl.ok({S("db"), S("create"), S("lich"), S("--kind"), S("calendar")});
    CHECK(senctl({S("export"), S("atom"), S("lich"), S("--out"), path}).code == 1);
    CHECK(senctl({S("export"), S("atom"), S("tintuc"), S("--out"), path, S("--base-url"), S("intranet")})
              .code == 1);
    CHECK(senctl({S("export"), S("atom"), S("tintuc"), S("--out"), path, S("--limit"), S("0")}).code == 1);
    CHECK(senctl({S("export"), S("atom"), S("tintuc")}).code == 2);
}
