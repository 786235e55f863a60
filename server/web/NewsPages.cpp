#include "server/web/NewsPages.h"

#include "server/web/HtmlSanitiser.h"

#include <QCoreApplication>

#include <algorithm>

namespace sen::server::web {

namespace {

QString meta(const news::Article& article, bool withAuthor)
{
    QStringList parts;
    parts << QStringLiteral("<time datetime=\"%1\">%2</time>")
                 .arg(article.published.toString(Qt::ISODate), vnDate(article.published));
    if (!article.category.isEmpty())
        parts << QStringLiteral("<a class=\"category\" href=\"%1\">%2</a>")
                     .arg(categoryUrl(article.category).toHtmlEscaped(), article.category.toHtmlEscaped());
    if (withAuthor && !article.author.isEmpty())
        parts << QStringLiteral("<span class=\"author\">%1</span>").arg(article.author.toHtmlEscaped());
    return QStringLiteral("<p class=\"meta\">") + parts.join(QStringLiteral(" · ")) + QStringLiteral("</p>");
}

QString categoryNav(const QStringList& categories, const QString& current)
{
    if (categories.isEmpty())
        return {};
    QString nav = QStringLiteral("<nav class=\"categories\" aria-label=\"%1\">")
                      .arg(QCoreApplication::translate("sen::web", "Categories").toHtmlEscaped());
    nav += QStringLiteral("<a href=\"/\"%1>%2</a>")
               .arg(current.isEmpty() ? QStringLiteral(" aria-current=\"page\"") : QString(),
                    QCoreApplication::translate("sen::web", "All").toHtmlEscaped());
    for (const QString& category : categories) {
        nav += QStringLiteral("<a href=\"%1\"%2>%3</a>")
                   .arg(categoryUrl(category).toHtmlEscaped(),
                        category == current ? QStringLiteral(" aria-current=\"page\"") : QString(),
                        category.toHtmlEscaped());
    }
    return nav + QStringLiteral("</nav>");
}

} // namespace

QString articleUrl(const Unid& unid)
{
    return QStringLiteral("/news/") + unid.toHex();
}

QString fileUrl(const Unid& unid, const QString& name)
{
    return articleUrl(unid) + QStringLiteral("/file/") + pathSegment(name);
}

QString categoryUrl(const QString& category)
{
    return QStringLiteral("/category/") + pathSegment(category);
}

QString listPage(const QString& siteName, const Viewer& viewer, const ListPage& list)
{
    QString body = categoryNav(list.categories, list.category);
    body += QStringLiteral("<h1>%1</h1>").arg(list.heading.toHtmlEscaped());
    if (list.articles.empty())
        body += QStringLiteral("<p class=\"empty\">%1</p>")
                    .arg(QCoreApplication::translate("sen::web", "No articles yet.").toHtmlEscaped());
    body += QStringLiteral("<ol class=\"articles\">");
    for (const IndexedArticle* indexed : list.articles) {
        const news::Article& article = indexed->article;
        body += QStringLiteral("<li class=\"card\"><h2><a href=\"%1\">%2</a></h2>%3")
                    .arg(articleUrl(article.unid), article.title.toHtmlEscaped(), meta(article, false));
        if (!article.summary.isEmpty())
            body += QStringLiteral("<p class=\"summary\">%1</p>").arg(article.summary.toHtmlEscaped());
        body += QStringLiteral("</li>");
    }
    body += QStringLiteral("</ol>");
    const int pages = std::max(1, (list.total + kArticlesPerPage - 1) / kArticlesPerPage);
    if (pages > 1) {
        const QString base = list.category.isEmpty() ? QStringLiteral("/") : categoryUrl(list.category);
        body += QStringLiteral("<nav class=\"pager\" aria-label=\"%1\">")
                    .arg(QCoreApplication::translate("sen::web", "Pages").toHtmlEscaped());
        if (list.pageNumber > 1)
            body += QStringLiteral("<a href=\"%1?trang=%2\" rel=\"prev\">← %3</a>")
                        .arg(base.toHtmlEscaped(), QString::number(list.pageNumber - 1),
                             QCoreApplication::translate("sen::web", "Newer").toHtmlEscaped());
        body += QStringLiteral("<span>%1</span>")
                    .arg(QCoreApplication::translate("sen::web", "Page %1/%2")
                             .arg(list.pageNumber)
                             .arg(pages)
                             .toHtmlEscaped());
        if (list.pageNumber < pages)
            body += QStringLiteral("<a href=\"%1?trang=%2\" rel=\"next\">%3 →</a>")
                        .arg(base.toHtmlEscaped(), QString::number(list.pageNumber + 1),
                             QCoreApplication::translate("sen::web", "Older").toHtmlEscaped());
        body += QStringLiteral("</nav>");
    }
    return page(siteName, list.heading, Section::News, viewer, body);
}

QString articlePage(const QString& siteName, const Viewer& viewer, const news::Article& article)
{
    QString body = QStringLiteral("<article class=\"article\"><h1>%1</h1>%2")
                       .arg(article.title.toHtmlEscaped(), meta(article, true));
    if (!article.summary.isEmpty())
        body += QStringLiteral("<p class=\"lead\">%1</p>").arg(article.summary.toHtmlEscaped());
    const QStringList& files = article.attachments;
    body += QStringLiteral("<div class=\"body\">") +
            sanitiseHtml(article.bodyHtml,
                         [&](const QString& name) {
                             return files.contains(name) ? fileUrl(article.unid, name) : QString();
                         }) +
            QStringLiteral("</div>");
    QStringList downloads;
    for (const QString& name : files) {
        if (!article.images.contains(name))
            downloads << name;
    }
    if (!downloads.isEmpty()) {
        body += QStringLiteral("<section class=\"files\"><h2>%1</h2><ul>")
                    .arg(QCoreApplication::translate("sen::web", "Attachments").toHtmlEscaped());
        for (const QString& name : downloads)
            body += QStringLiteral("<li><a href=\"%1\" download>%2</a></li>")
                        .arg(fileUrl(article.unid, name).toHtmlEscaped(), name.toHtmlEscaped());
        body += QStringLiteral("</ul></section>");
    }
    body += QStringLiteral("</article>");
    return page(siteName, article.title, Section::News, viewer, body);
}

} // namespace sen::server::web
