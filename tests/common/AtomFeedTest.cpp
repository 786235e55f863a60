// The Atom feed of the published news (common/news/AtomFeed.h), read back with Qt's XML
// reader: only published articles, newest first, at most the limit; each entry's id, dates,
// links, author, category and summary; a hostile title stays text; the content only through
// the caller's function.

#include "common/news/AtomFeed.h"

#include "common/core/HybridClock.h"

#include <QXmlStreamReader>

#include <catch2/catch.hpp>
#include <map>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QDateTime kNow(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);

news::Article article(const QString& title, const QDateTime& published, HlcTime modified = 0)
{
    news::Article a;
    a.unid = newUnid();
    a.title = title;
    a.summary = S("Tóm tắt: ") + title;
    a.category = S("Hoạt động của cấp ủy");
    a.published = published;
    a.author = S("Phòng Tổng hợp");
    a.bodyHtml = QStringLiteral("<p>body</p>");
    a.modified = modified;
    return a;
}

// One entry as read back: element name → text, plus the attributes that matter.
struct ReadEntry
{
    std::map<QString, QString> text;
    QString category;
    QString link;
    QString contentType;
};

struct ReadFeed
{
    std::map<QString, QString> text;  // id, title, updated
    std::map<QString, QString> links; // rel → href
    std::vector<ReadEntry> entries;
};

ReadFeed read(const QByteArray& bytes)
{
    ReadFeed feed;
    QXmlStreamReader xml(bytes);
    REQUIRE(xml.readNextStartElement());
    REQUIRE(xml.name() == u"feed");
    REQUIRE(xml.namespaceUri() == u"http://www.w3.org/2005/Atom");
    ReadEntry* entry = nullptr;
    int depth = 1;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (--depth == 1)
                entry = nullptr;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        const QString name = xml.name().toString();
        CHECK(xml.namespaceUri() == u"http://www.w3.org/2005/Atom");
        if (depth == 2 && name == u"entry") {
            feed.entries.emplace_back();
            entry = &feed.entries.back();
        } else if (name == u"link") {
            const QString href = xml.attributes().value(QLatin1String("href")).toString();
            if (entry)
                entry->link = href;
            else
                feed.links[xml.attributes().value(QLatin1String("rel")).toString()] = href;
        } else if (name == u"category" && entry) {
            entry->category = xml.attributes().value(QLatin1String("term")).toString();
        } else if (name == u"author" || name == u"name") {
            continue;
        } else {
            if (name == u"content" && entry)
                entry->contentType = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText();
            --depth;
            (entry ? entry->text : feed.text)[name] = text;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return feed;
}

} // namespace

TEST_CASE("Atom feed: published articles only, newest first, each with its id, dates, links and category",
          "[news][atom]")
{
    const news::Article older = article(S("Hội nghị tổng kết năm 2026"), kNow.addDays(-2));
    const news::Article newer = article(S("Đại hội Chi bộ Văn phòng"), kNow.addSecs(-3600),
                                        makeHlc(kNow.addSecs(-60).toMSecsSinceEpoch(), 3));
    news::Article draft = article(S("Bản nháp"), QDateTime());
    const news::Article later = article(S("Đăng tuần sau"), kNow.addDays(7));
    news::AtomFeedOptions options;
    options.title = S("Cổng thông tin nội bộ Huyện ủy");
    options.replicaId = QStringLiteral("00112233445566778899aabbccddeeff");
    options.base = QStringLiteral("https://intranet.example.vn");
    options.now = kNow;

    const ReadFeed feed = read(news::writeAtomFeed({older, draft, later, newer}, options));
    CHECK(feed.text.at(QStringLiteral("id")) == QStringLiteral("urn:sen:00112233445566778899aabbccddeeff"));
    CHECK(feed.text.at(QStringLiteral("title")) == options.title);
    CHECK(feed.links.at(QStringLiteral("self")) ==
          QStringLiteral("https://intranet.example.vn/news/feed.atom"));
    CHECK(feed.links.at(QStringLiteral("alternate")) == QStringLiteral("https://intranet.example.vn/"));
    // The feed's updated: the newest entry's (the newer article's last change).
    CHECK(feed.text.at(QStringLiteral("updated")) == QStringLiteral("2026-12-07T09:59:00Z"));

    REQUIRE(feed.entries.size() == 2);
    const ReadEntry& first = feed.entries[0];
    CHECK(first.text.at(QStringLiteral("id")) == QStringLiteral("urn:sen:") + newer.unid.toHex());
    CHECK(first.text.at(QStringLiteral("title")) == newer.title);
    CHECK(first.text.at(QStringLiteral("published")) == QStringLiteral("2026-12-07T09:00:00Z"));
    CHECK(first.text.at(QStringLiteral("updated")) == QStringLiteral("2026-12-07T09:59:00Z"));
    CHECK(first.text.at(QStringLiteral("summary")) == newer.summary);
    CHECK(first.category == S("Hoạt động của cấp ủy"));
    CHECK(first.link == QStringLiteral("https://intranet.example.vn/news/") + newer.unid.toHex());
    CHECK(first.text.count(QStringLiteral("content")) == 0);
    const ReadEntry& second = feed.entries[1];
    CHECK(second.text.at(QStringLiteral("id")) == QStringLiteral("urn:sen:") + older.unid.toHex());
    // Changed before it was published (or never): updated is the publication.
    CHECK(second.text.at(QStringLiteral("updated")) == QStringLiteral("2026-12-05T10:00:00Z"));

    // The limit keeps the newest.
    options.limit = 1;
    const ReadFeed limited = read(news::writeAtomFeed({older, newer}, options));
    REQUIRE(limited.entries.size() == 1);
    CHECK(limited.entries[0].text.at(QStringLiteral("id")) ==
          QStringLiteral("urn:sen:") + newer.unid.toHex());

    // Nothing published: a valid, empty feed updated at `now`.
    const ReadFeed empty = read(news::writeAtomFeed({draft, later}, options));
    CHECK(empty.entries.empty());
    CHECK(empty.text.at(QStringLiteral("updated")) == QStringLiteral("2026-12-07T10:00:00Z"));
}

TEST_CASE("Atom feed: hostile text stays text; the content is what the caller's function returns",
          "[news][atom]")
{
    news::Article hostile = article(QStringLiteral("<script>alert(1)</script> & \"x\""), kNow.addDays(-1));
    hostile.summary = QStringLiteral("]]><evil/>");
    hostile.category = QStringLiteral("\"><b>");
    hostile.bodyHtml = QStringLiteral("<p>ok</p><script>alert(2)</script>");
    news::AtomFeedOptions options;
    options.title = QStringLiteral("<i>News</i>");
    options.replicaId = QStringLiteral("ab");
    options.now = kNow;
    std::vector<QString> seen;
    options.content = [&seen](const QString& html, const news::Article& a) -> QString {
        seen.push_back(html);
        return QStringLiteral("<p>") + a.summary.toHtmlEscaped() + QStringLiteral("</p>");
    };
    const QByteArray bytes = news::writeAtomFeed({hostile}, options);
    CHECK_FALSE(bytes.contains("<script>"));
    CHECK_FALSE(bytes.contains("<evil"));
    const ReadFeed feed = read(bytes);
    CHECK(feed.text.at(QStringLiteral("title")) == options.title);
    // No base: links relative to the site's root.
    CHECK(feed.links.at(QStringLiteral("self")) == QStringLiteral("/news/feed.atom"));
    REQUIRE(feed.entries.size() == 1);
    const ReadEntry& entry = feed.entries[0];
    CHECK(entry.text.at(QStringLiteral("title")) == hostile.title);
    CHECK(entry.text.at(QStringLiteral("summary")) == hostile.summary);
    CHECK(entry.category == hostile.category);
    CHECK(entry.contentType == QStringLiteral("html"));
    CHECK(entry.text.at(QStringLiteral("content")) == QStringLiteral("<p>]]&gt;&lt;evil/&gt;</p>"));
    CHECK(seen == std::vector<QString>{hostile.bodyHtml});
}

TEST_CASE("Atom feed: the same articles give the same bytes; ties in date go by UNID", "[news][atom]")
{
    news::Article a = article(S("Một"), kNow.addDays(-1));
    news::Article b = article(S("Hai"), kNow.addDays(-1));
    news::AtomFeedOptions options;
    options.title = S("Tin tức");
    options.replicaId = QStringLiteral("ab");
    options.now = kNow;
    CHECK(news::writeAtomFeed({a, b}, options) == news::writeAtomFeed({b, a}, options));
    const auto shown = news::feedArticles({a, b}, kNow, 0);
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].unid.toHex() < shown[1].unid.toHex());
}
