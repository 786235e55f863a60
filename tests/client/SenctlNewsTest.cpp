// senctl news, in-process against a real workspace: the categories with their unread counts,
// the list newest first with its unread stars and filters, an article read as text (its
// image named, its attachment listed) which marks it read, and mark-read of one or all — the
// read marks shared with sen's news reader through the view cache.

#include "client/app/DatabaseSession.h"
#include "client/views/ReadMarks.h"
#include "tests/server/SenctlRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString localTime(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate)
        .toLocalTime()
        .toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

} // namespace

TEST_CASE("senctl news: categories, list, read as text, mark read", "[senctl][news]")
{
    test::Senctl senctl;
    senctl.ok({S("db"), S("create"), S("tin"), S("--kind"), S("news")});
    senctl.ok({S("catalog"), S("defaults"), S("tin")});
    const QString image = senctl.dir().root() + QStringLiteral("/anh.png");
    const QString report = senctl.dir().root() + QStringLiteral("/baocao.pdf");
    for (const QString& path : {image, report}) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("bytes");
    }
    const QString digital = senctl.ok(
        {S("doc"),
         S("create"),
         S("tin"),
         S("--form"),
         S("TinTuc"),
         S("--set"),
         S("TieuDe=Hội nghị chuyển đổi số"),
         S("--set"),
         S("ChuyenMuc=Chuyển đổi số"),
         S("--set"),
         S("NgayDang:datetime=2026-11-20T08:00:00Z"),
         S("--set"),
         S("TomTat=Tỉnh ủy triển khai nền tảng số."),
         S("--set"),
         S("TacGia=Phòng Thông tin"),
         S("--set"),
         S("NoiDung:richtext=<p>Sáng nay &amp; chiều nay.</p><p><img src=\"attachment:anh.png\"></p>"),
         S("--attach"),
         image,
         S("--attach"),
         report});
    const QString party = senctl.ok({S("doc"), S("create"), S("tin"), S("--form"), S("TinTuc"), S("--set"),
                                     S("TieuDe=Học tập Nghị quyết"), S("--set"), S("ChuyenMuc=Xây dựng Đảng"),
                                     S("--set"), S("NgayDang:datetime=2026-11-21T08:00:00Z")});
    const QString stray = senctl.ok({S("doc"), S("create"), S("tin"), S("--form"), S("TinTuc"), S("--set"),
                                     S("TieuDe=Tin lạc"), S("--set"), S("ChuyenMuc=Thể thao"), S("--set"),
                                     S("NgayDang:datetime=2026-11-19T08:00:00Z")});
    senctl.ok({S("doc"), S("create"), S("tin"), S("--form"), S("TinTuc"), S("--set"), S("TieuDe=Bản nháp")});

    // What senctl made here is read; as if the articles had come from the server, unread.
    {
        client::Workspace workspace = *client::Workspace::open(senctl.home());
        auto session = app::DatabaseSession::open(workspace, QStringLiteral("tin"));
        REQUIRE(session);
        senctl.ok({S("news"), S("categories"), S("tin")}); // the view cache exists from now on
        auto marks = views::ReadMarks::open((*session)->viewCachePath());
        REQUIRE(marks);
        for (const QString& unid : {digital, party, stray})
            REQUIRE((*marks)->setRead(*Unid::fromHex(unid), false));
    }

    CHECK(
        senctl.ok({S("news"), S("categories"), S("tin")}) ==
        S("Hoạt động của cấp ủy  0/0\nXây dựng Đảng  1/1\nChuyển đổi số  1/1\nCông tác tài chính Đảng  0/0\n"
          "Thông tin chung  0/0\nOther  1/1"));
    CHECK(senctl.ok({S("news"), S("list"), S("tin")}) ==
          QStringLiteral("* %1  [Xây dựng Đảng]  Học tập Nghị quyết  %2\n"
                         "* %3  [Chuyển đổi số]  Hội nghị chuyển đổi số  %4\n"
                         "* %5  [Other]  Tin lạc  %6")
              .arg(localTime("2026-11-21T08:00:00Z"), party, localTime("2026-11-20T08:00:00Z"), digital,
                   localTime("2026-11-19T08:00:00Z"), stray));
    // A category named without its marks; the draft only with --drafts.
    CHECK(senctl.ok({S("news"), S("list"), S("tin"), S("--category"), S("chuyen doi so")}).endsWith(digital));
    const QJsonArray drafts =
        QJsonDocument::fromJson(
            senctl.ok({S("news"), S("list"), S("tin"), S("--drafts"), S("--json")}).toUtf8())
            .array();
    REQUIRE(drafts.size() == 4);
    CHECK(drafts[0].toObject()[S("title")].toString() == S("Bản nháp"));
    CHECK(drafts[0].toObject()[S("draft")].toBool());
    CHECK(drafts[0].toObject()[S("published")].isNull());
    CHECK(senctl.ok({S("news"), S("list"), S("tin"), S("--page"), S("2"), S("--page-size"), S("2")})
              .endsWith(stray));
    CHECK(
        senctl.ok({S("news"), S("list"), S("tin"), S("--page"), S("3"), S("--page-size"), S("2")}).isEmpty());
    const test::SenctlRun unknown = senctl({S("news"), S("list"), S("tin"), S("--category"), S("Bóng đá")});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.contains(S("Chuyển đổi số")));

    // Reading prints the article and marks it read.
    CHECK(senctl.ok({S("news"), S("read"), S("tin"), digital}) ==
          S("Hội nghị chuyển đổi số\n%1 | Chuyển đổi số | Phòng Thông tin\n\nTỉnh ủy triển khai nền tảng "
            "số.\n\n"
            "Sáng nay & chiều nay.\n\n[Image: anh.png]\n\nAttachments:\n  - anh.png\n  - baocao.pdf")
              .arg(localTime("2026-11-20T08:00:00Z")));
    CHECK(senctl.ok({S("news"), S("list"), S("tin"), S("--unread")}).split(u'\n').size() == 2);
    CHECK(senctl.ok({S("news"), S("categories"), S("tin")}).contains(S("Chuyển đổi số  0/1")));

    // One by its UNID, then all.
    senctl.ok({S("news"), S("mark-read"), S("tin"), party});
    CHECK(senctl.ok({S("news"), S("list"), S("tin"), S("--unread")}).endsWith(stray));
    CHECK(senctl.ok({S("news"), S("mark-read"), S("tin"), S("--all")}) == S("1"));
    CHECK(senctl.ok({S("news"), S("list"), S("tin"), S("--unread")}).isEmpty());

    // Not a news database, not an article, a wrong verb.
    senctl.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    CHECK(senctl({S("news"), S("list"), S("vanban")}).code != 0);
    CHECK(senctl({S("news"), S("read"), S("tin"), S("0123456789abcdef0123456789abcdef")}).code == 1);
    CHECK(senctl({S("news"), S("publish"), S("tin")}).code == 2);
}
