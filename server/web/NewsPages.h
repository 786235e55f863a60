#pragma once

// The news pages of the intranet site (docs/web.md §Pages): the front page and a category's
// page (newest articles first: title, date, category, summary, paged), and an article's page
// (title, date, category, author, summary, the sanitised body with its images, attachments
// as download links). Every value is escaped; the body goes through sanitiseHtml. URLs:
// /news/<UNID hex>, /news/<UNID>/file/<name>, /category/<name>. Pure; thread-safe.

#include "server/web/NewsIndex.h"
#include "server/web/WebLayout.h"

#include <QStringList>

#include <vector>

namespace sen::server::web {

inline constexpr int kArticlesPerPage = 20;

struct ListPage
{
    QString heading;        // "Tin mới" or the category's name
    QString category;       // empty on the front page
    QStringList categories; // the NewsCategory catalogue's live names, in order
    std::vector<const IndexedArticle*> articles;
    int pageNumber = 1; // 1-based
    int total = 0;      // articles in the list, all pages
};

QString articleUrl(const Unid& unid);
QString fileUrl(const Unid& unid, const QString& name);
QString categoryUrl(const QString& category);

QString listPage(const QString& siteName, const Viewer& viewer, const ListPage& list);
// `article` with its bodyHtml (as stored).
QString articlePage(const QString& siteName, const Viewer& viewer, const news::Article& article);

} // namespace sen::server::web
