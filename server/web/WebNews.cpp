// The news routes of the intranet site (WebSite.h; docs/web.md §Routes): /, /category/NAME,
// /news/UNID, /news/UNID/file/NAME and /news/feed.atom.

#include "common/acl/AccessCheck.h"
#include "common/attachments/AttachmentStore.h"
#include "common/catalogues/Catalogues.h"
#include "common/model/AttachmentName.h"
#include "common/model/AttachmentRef.h"
#include "common/news/AtomFeed.h"
#include "server/web/HtmlSanitiser.h"
#include "server/web/NewsPages.h"
#include "server/web/WebSite.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QMimeDatabase>
#include <QUrlQuery>

#include <algorithm>

namespace sen::server::web {

namespace {

constexpr int kFeedEntries = 50;

// Types a browser may show inline from an attachment; anything else is a download.
const QSet<QString>& inlineTypes()
{
    static const QSet<QString> types = {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                        QStringLiteral("image/gif"), QStringLiteral("image/webp"),
                                        QStringLiteral("application/pdf")};
    return types;
}

int pageNumber(const QUrlQuery& query)
{
    bool ok = false;
    const int n = query.queryItemValue(QStringLiteral("trang")).toInt(&ok);
    return ok && n >= 1 && n <= 100'000 ? n : 1;
}

} // namespace

QStringList WebSite::newsCategories()
{
    if (m_categoriesSeq == m_news->seq())
        return m_categories;
    m_categories.clear();
    const Result<std::vector<Document>> docs =
        m_news->store().documentsOfForm(QLatin1String(catalogues::kEntryForm));
    if (docs) {
        for (const catalogues::Entry& entry :
             catalogues::entriesFrom(*docs, catalogues::Catalogue::NewsCategory)) {
            if (!entry.retired)
                m_categories << entry.name;
        }
    }
    m_categoriesSeq = m_news->seq();
    return m_categories;
}

WebReply WebSite::news(const Reader& reader, const QString& path, const QHttpServerRequest& request)
{
    if (!m_news)
        return notFound(reader);
    const Result<std::int64_t> seq = m_news->refresh();
    const Result<acl::Acl> acl = aclOf(m_news->store(), m_newsAcl);
    if (!seq || !acl)
        return unreadable(reader, seq ? acl.status() : seq.status());
    const acl::EffectiveAccess access = accessOf(reader, *acl);
    if (std::optional<WebReply> refused = refuseUnlessReader(reader, access))
        return *refused;

    if (path == u"/news/feed.atom")
        return newsFeed(access, request);
    static const QString articlePrefix = QStringLiteral("/news/");
    if (path.startsWith(articlePrefix)) {
        const QStringList parts = path.mid(articlePrefix.size()).split(u'/');
        const std::optional<Unid> unid = Unid::fromHex(parts.value(0));
        if (!unid)
            return notFound(reader);
        if (parts.size() == 3 && parts[1] == u"file")
            return newsFile(access, *unid, QUrl::fromPercentEncoding(parts[2].toUtf8()));
        if (parts.size() != 1)
            return notFound(reader);
    }

    m_newsPages.sync(*seq);
    const QString key = cacheKey(access, reader, request);
    if (const std::optional<QByteArray> cached = m_newsPages.find(key))
        return WebReply{200, "text/html; charset=utf-8", *cached, {}, "private, no-cache"};

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Viewer viewer{reader.userName};
    QString html;
    if (path.startsWith(articlePrefix)) {
        const Unid unid = *Unid::fromHex(path.mid(articlePrefix.size()));
        if (!m_news->find(unid, access, now))
            return notFound(reader);
        const Result<Document> doc = m_news->store().get(unid);
        const std::optional<news::Article> article = doc ? news::articleOf(*doc) : std::nullopt;
        if (!article || !acl::canRead(access, *doc).isOk())
            return notFound(reader);
        html = articlePage(m_context.siteName, viewer, *article);
    } else {
        ListPage list;
        list.categories = newsCategories();
        list.pageNumber = pageNumber(request.query());
        if (path != u"/") {
            list.category = QUrl::fromPercentEncoding(path.mid(QStringLiteral("/category/").size()).toUtf8());
            const auto known =
                std::find_if(list.categories.cbegin(), list.categories.cend(), [&](const QString& c) {
                    return catalogues::foldName(c) == catalogues::foldName(list.category);
                });
            if (known == list.categories.cend())
                return notFound(reader);
            list.category = *known;
            list.heading = list.category;
        } else {
            list.heading = QCoreApplication::translate("sen::web", "Latest news");
        }
        list.articles =
            m_news->published(access, now, list.category, (list.pageNumber - 1) * kArticlesPerPage,
                              kArticlesPerPage, &list.total);
        html = listPage(m_context.siteName, viewer, list);
    }
    const QByteArray body = html.toUtf8();
    m_newsPages.insert(key, body);
    return WebReply{200, "text/html; charset=utf-8", body, {}, "private, no-cache"};
}

WebReply WebSite::newsFile(const acl::EffectiveAccess& access, const Unid& unid, const QString& name)
{
    const Reader none;
    if (!isPlainFileName(name) || !m_news->find(unid, access, QDateTime::currentDateTimeUtc()))
        return notFound(none);
    const Result<Document> doc = m_news->store().get(unid);
    if (!doc || !acl::canRead(access, *doc).isOk())
        return notFound(none);
    const Item* item = doc->item(QStringLiteral("$File:") + name);
    if (!item || item->type != ItemType::Attachment)
        return notFound(none);
    const Result<AttachmentRef> ref = AttachmentRef::fromCbor(item->value);
    if (!ref)
        return notFound(none);
    const Result<QByteArray> bytes = m_news->store().attachments().readAll(*ref);
    if (!bytes)
        return notFound(none); // a chunk not yet replicated to the server
    WebReply reply;
    const QString type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    const bool inlineType = inlineTypes().contains(type);
    reply.contentType = inlineType ? type.toLatin1() : QByteArrayLiteral("application/octet-stream");
    reply.body = *bytes;
    reply.cacheControl = "private, max-age=3600";
    reply.headers.append({QByteArrayLiteral("Content-Disposition"),
                          (inlineType ? QByteArrayLiteral("inline") : QByteArrayLiteral("attachment")) +
                              QByteArrayLiteral("; filename*=UTF-8''") + QUrl::toPercentEncoding(name)});
    return reply;
}

WebReply WebSite::newsFeed(const acl::EffectiveAccess& access, const QHttpServerRequest& request)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<news::Article> articles;
    for (const IndexedArticle* indexed : m_news->published(access, now, QString(), 0, kFeedEntries)) {
        const Result<Document> doc = m_news->store().get(indexed->article.unid);
        if (!doc || !acl::canRead(access, *doc).isOk())
            continue;
        if (std::optional<news::Article> article = news::articleOf(*doc))
            articles.push_back(std::move(*article));
    }
    news::AtomFeedOptions options;
    options.title =
        m_news->store().info().title.isEmpty() ? m_context.siteName : m_news->store().info().title;
    options.replicaId = m_news->store().info().replicaId.toHex();
    // Links absolute to the address the reader used (a feed reader resolves nothing else).
    const QByteArray host = request.value(QByteArrayLiteral("Host"));
    if (!host.isEmpty() && !host.contains('/') && !host.contains('@'))
        options.base = QStringLiteral("https://") + QString::fromLatin1(host);
    options.now = now;
    options.limit = kFeedEntries;
    const QString base = options.base;
    options.content = [base](const QString& bodyHtml, const news::Article& article) {
        return sanitiseHtml(bodyHtml, [&](const QString& name) {
            return article.attachments.contains(name) ? base + fileUrl(article.unid, name) : QString();
        });
    };
    WebReply reply;
    reply.contentType = "application/atom+xml; charset=utf-8";
    reply.body = news::writeAtomFeed(std::move(articles), options);
    return reply;
}

} // namespace sen::server::web
