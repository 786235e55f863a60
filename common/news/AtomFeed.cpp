#include "common/news/AtomFeed.h"

#include "common/core/HybridClock.h"

#include <QXmlStreamWriter>

#include <algorithm>

namespace sen::news {

namespace {

const QString kAtomNs = QStringLiteral("http://www.w3.org/2005/Atom");

QString rfc3339(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

void link(QXmlStreamWriter& xml, const QString& rel, const QString& type, const QString& href)
{
    xml.writeEmptyElement(QStringLiteral("link"));
    xml.writeAttribute(QStringLiteral("rel"), rel);
    xml.writeAttribute(QStringLiteral("type"), type);
    xml.writeAttribute(QStringLiteral("href"), href);
}

void author(QXmlStreamWriter& xml, const QString& name)
{
    xml.writeStartElement(QStringLiteral("author"));
    xml.writeTextElement(QStringLiteral("name"), name);
    xml.writeEndElement();
}

void entry(QXmlStreamWriter& xml, const Article& article, const AtomFeedOptions& options)
{
    xml.writeStartElement(QStringLiteral("entry"));
    xml.writeTextElement(QStringLiteral("id"), QStringLiteral("urn:sen:") + article.unid.toHex());
    xml.writeStartElement(QStringLiteral("title"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("text"));
    xml.writeCharacters(article.title);
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("published"), rfc3339(article.published));
    xml.writeTextElement(QStringLiteral("updated"), rfc3339(entryUpdated(article)));
    if (!article.author.trimmed().isEmpty())
        author(xml, article.author.trimmed());
    if (!article.category.trimmed().isEmpty()) {
        xml.writeEmptyElement(QStringLiteral("category"));
        xml.writeAttribute(QStringLiteral("term"), article.category.trimmed());
    }
    link(xml, QStringLiteral("alternate"), QStringLiteral("text/html"),
         options.base + QStringLiteral("/news/") + article.unid.toHex());
    if (!article.summary.trimmed().isEmpty()) {
        xml.writeStartElement(QStringLiteral("summary"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("text"));
        xml.writeCharacters(article.summary);
        xml.writeEndElement();
    }
    if (options.content) {
        xml.writeStartElement(QStringLiteral("content"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("html"));
        xml.writeCharacters(options.content(article.bodyHtml, article));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // entry
}

} // namespace

QDateTime entryUpdated(const Article& article)
{
    const QDateTime changed = QDateTime::fromMSecsSinceEpoch(hlcPhysicalMs(article.modified), Qt::UTC);
    // Whole seconds: what RFC 3339 carries here, so that a reread compares equal.
    const QDateTime later =
        article.modified != 0 && changed > article.published ? changed : article.published;
    return QDateTime::fromSecsSinceEpoch(later.toSecsSinceEpoch(), Qt::UTC);
}

std::vector<Article> feedArticles(std::vector<Article> articles, const QDateTime& now, int limit)
{
    std::erase_if(articles, [&now](const Article& article) { return !article.isPublishedAt(now); });
    std::sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
        if (a.published != b.published)
            return a.published > b.published;
        return a.unid.toHex() < b.unid.toHex();
    });
    if (limit > 0 && articles.size() > std::size_t(limit))
        articles.resize(std::size_t(limit));
    return articles;
}

QByteArray writeAtomFeed(std::vector<Article> articles, const AtomFeedOptions& options)
{
    const std::vector<Article> shown = feedArticles(std::move(articles), options.now, options.limit);
    QDateTime updated;
    for (const Article& article : shown)
        if (!updated.isValid() || entryUpdated(article) > updated)
            updated = entryUpdated(article);
    if (!updated.isValid())
        updated = QDateTime::fromSecsSinceEpoch(options.now.toSecsSinceEpoch(), Qt::UTC);

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(kAtomNs);
    xml.writeStartElement(kAtomNs, QStringLiteral("feed"));
    xml.writeTextElement(QStringLiteral("id"), QStringLiteral("urn:sen:") + options.replicaId);
    xml.writeStartElement(QStringLiteral("title"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("text"));
    xml.writeCharacters(options.title);
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("updated"), rfc3339(updated));
    link(xml, QStringLiteral("self"), QStringLiteral("application/atom+xml"),
         options.base + QStringLiteral("/news/feed.atom"));
    link(xml, QStringLiteral("alternate"), QStringLiteral("text/html"), options.base + QStringLiteral("/"));
    author(xml, options.title);
    xml.writeTextElement(QStringLiteral("generator"), QStringLiteral("Sen"));
    for (const Article& article : shown)
        entry(xml, article, options);
    xml.writeEndElement(); // feed
    xml.writeEndDocument();
    return bytes;
}

} // namespace sen::news
