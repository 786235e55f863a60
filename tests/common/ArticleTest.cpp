// A news article read from its document (common/news/Article.h): every field of the TinTuc
// form, the attachments and the images its body shows, and what is not an article.

#include "common/news/Article.h"

#include "common/model/AttachmentRef.h"
#include "common/model/InlineImages.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

Item attachment(const QString& name)
{
    AttachmentRef ref;
    ref.fileName = name;
    return Item::withValue(QStringLiteral("$File:") + name, ItemType::Attachment, ref.toCbor(), 0);
}

Document article()
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("TinTuc");
    doc.items = {
        Item::text(QStringLiteral("TieuDe"), QStringLiteral("Hội nghị tổng kết công tác năm 2026")),
        Item::text(QStringLiteral("TomTat"), QStringLiteral("Sáng 07/12, Văn phòng tổ chức hội nghị.")),
        Item::text(QStringLiteral("ChuyenMuc"), QStringLiteral("Hoạt động của cấp ủy")),
        Item::dateTime(QStringLiteral("NgayDang"),
                       QDateTime(QDate(2026, 12, 7), QTime(8, 30), QTimeZone(7 * 3600))),
        Item::text(QStringLiteral("TacGia"), QStringLiteral("Phòng Tổng hợp")),
        Item::richText(
            QStringLiteral("NoiDung"),
            QStringLiteral("<p>Quang cảnh hội nghị</p><img src=\"attachment:h%E1%BB%99i%20ngh%E1%BB%8B.jpg\">"
                           "<p>Đồng chí Bí thư phát biểu</p><IMG alt=\"\" SRC=\"attachment:b.png\">"
                           "<img src=\"attachment:b.png\"><img src=\"https://example.org/x.png\">")),
        attachment(QStringLiteral("báo cáo.pdf")),
        attachment(QStringLiteral("hội nghị.jpg")),
    };
    // A document's items are sorted by name (model/Document.h).
    std::sort(doc.items.begin(), doc.items.end(),
              [](const Item& a, const Item& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < doc.items.size(); ++i)
        doc.items[i].stamp.time = 100 + i;
    return doc;
}

} // namespace

TEST_CASE("Article: every field of a news document, its attachments and its inline images", "[news]")
{
    const Document doc = article();
    const std::optional<news::Article> a = news::articleOf(doc);
    REQUIRE(a);
    CHECK(a->unid == doc.unid);
    CHECK(a->title == QStringLiteral("Hội nghị tổng kết công tác năm 2026"));
    CHECK(a->summary.startsWith(QStringLiteral("Sáng 07/12")));
    CHECK(a->category == QStringLiteral("Hoạt động của cấp ủy"));
    CHECK(a->author == QStringLiteral("Phòng Tổng hợp"));
    CHECK(a->published == QDateTime(QDate(2026, 12, 7), QTime(1, 30), QTimeZone::utc()));
    CHECK(a->published.timeSpec() == Qt::UTC);
    CHECK(a->bodyHtml.contains(QStringLiteral("Bí thư")));
    CHECK(a->attachments == QStringList{QStringLiteral("báo cáo.pdf"), QStringLiteral("hội nghị.jpg")});
    CHECK(a->images == QStringList{QStringLiteral("hội nghị.jpg"), QStringLiteral("b.png")});
    CHECK(a->modified == 107);
}

TEST_CASE("Article: published once its date has come; drafts are not, other documents are no articles",
          "[news]")
{
    Document doc = article();
    const auto a = news::articleOf(doc);
    REQUIRE(a);
    CHECK(a->isPublishedAt(QDateTime(QDate(2026, 12, 7), QTime(1, 30), QTimeZone::utc())));
    CHECK_FALSE(a->isPublishedAt(QDateTime(QDate(2026, 12, 7), QTime(1, 29), QTimeZone::utc())));

    Document draft = article();
    draft.items.erase(std::remove_if(draft.items.begin(), draft.items.end(),
                                     [](const Item& i) { return i.name == QStringLiteral("NgayDang"); }),
                      draft.items.end());
    const auto d = news::articleOf(draft);
    REQUIRE(d);
    CHECK_FALSE(d->published.isValid());
    CHECK_FALSE(d->isPublishedAt(QDateTime::currentDateTimeUtc()));

    Document other = article();
    other.form = QStringLiteral("LichCongTac");
    CHECK_FALSE(news::articleOf(other));
    Document conflict = article();
    conflict.flags = IsConflict;
    CHECK_FALSE(news::articleOf(conflict));
}

TEST_CASE("Inline images: only attachment URLs of img elements, decoded, in order, each once", "[news]")
{
    CHECK(inlineImageNames(QStringLiteral("<p>no image</p>")).isEmpty());
    CHECK(inlineImageNames(QStringLiteral("<a href=\"attachment:x.png\">x</a><img src='attachment:y.png'>"))
              .isEmpty());
    CHECK(inlineImageNames(
              QStringLiteral("<img src=\"attachment:a%20b.png\"><img src=\"attachment:c.png\">")) ==
          QStringList{QStringLiteral("a b.png"), QStringLiteral("c.png")});
}
