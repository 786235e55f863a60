#include "client/app/NewsReader.h"

#include "client/core/ReplicaAccess.h"
#include "client/views/ReadMarks.h"
#include "client/views/ViewCatalog.h"
#include "client/views/ViewIndex.h"
#include "common/store/ReplicaStore.h"

#include <QCoreApplication>

#include <algorithm>

namespace sen::app {

namespace {

// Newest first; drafts (no date) before the published, newest change first.
bool newerFirst(const NewsItem& a, const NewsItem& b)
{
    const bool aDated = a.article.published.isValid();
    const bool bDated = b.article.published.isValid();
    if (aDated != bDated)
        return !aDated;
    if (aDated && a.article.published != b.article.published)
        return a.article.published > b.article.published;
    if (!aDated && a.article.modified != b.article.modified)
        return a.article.modified > b.article.modified;
    if (a.article.title != b.article.title)
        return a.article.title.localeAwareCompare(b.article.title) < 0;
    return a.article.unid.toHex() < b.article.unid.toHex();
}

bool matches(const NewsItem& item, const NewsFilter& filter)
{
    if (item.draft && !filter.drafts)
        return false;
    if (filter.unreadOnly && !item.unread)
        return false;
    if (filter.other)
        return item.other;
    if (filter.category)
        return !item.other && catalogues::foldName(item.category) == catalogues::foldName(*filter.category);
    return true;
}

} // namespace

NewsFilter NewsFilter::of(const NewsCategory& category)
{
    NewsFilter filter;
    if (category.other)
        filter.other = true;
    else
        filter.category = category.name;
    return filter;
}

NewsReader::NewsReader(DatabaseSession& session, views::ReadMarks* marks, QDateTime now)
    : m_session(session), m_marks(marks), m_now(std::move(now))
{}

QString NewsReader::otherName()
{
    return QCoreApplication::translate("sen::app::NewsReader", "Other");
}

QDateTime NewsReader::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

Result<std::unique_ptr<views::ReadMarks>> NewsReader::openMarks(DatabaseSession& session)
{
    {
        SEN_ASSIGN_OR_RETURN(auto store, ReplicaStore::open(session.path()));
        SEN_ASSIGN_OR_RETURN(auto index, views::ViewIndex::open(*store, session.viewCachePath(),
                                                                views::ViewCatalog::viewsFor(session.kind()),
                                                                session.userName()));
        SEN_TRY(index->update().status());
    } // the index before the store it reads
    return views::ReadMarks::open(session.viewCachePath());
}

Result<bool> NewsReader::isUnread(const Unid& unid) const
{
    if (!m_marks)
        return true;
    return m_marks->isUnread(unid);
}

Result<NewsListing> NewsReader::listing(bool drafts) const
{
    SEN_ASSIGN_OR_RETURN(const std::vector<catalogues::Entry> entries,
                         m_session.catalogue(catalogues::Catalogue::NewsCategory));
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         m_session.documentsOfForm(QLatin1String(news::kArticleForm)));
    const std::optional<acl::EffectiveAccess> access = drafts ? m_session.access() : std::nullopt;
    const QDateTime at = now();

    std::vector<NewsCategory> found;
    for (const catalogues::Entry& entry : entries)
        found.push_back(NewsCategory{entry.name, false, entry.retired, 0, 0});
    NewsCategory other{otherName(), true, false, 0, 0};

    std::vector<NewsItem> items;
    for (const Document& doc : docs) {
        std::optional<news::Article> article = news::articleOf(doc);
        if (!article)
            continue;
        NewsItem item;
        item.draft = !article->isPublishedAt(at);
        if (item.draft && (!drafts || !client::ReplicaAccess::mayEdit(access, doc)))
            continue;
        SEN_ASSIGN_OR_RETURN(item.unread, isUnread(article->unid));
        const catalogues::Entry* entry = article->category.trimmed().isEmpty()
                                             ? nullptr
                                             : catalogues::findByName(entries, article->category);
        NewsCategory* category = &other;
        if (entry) {
            const auto slot = std::find_if(found.begin(), found.end(),
                                           [&](const NewsCategory& c) { return c.name == entry->name; });
            category = &*slot;
        }
        item.category = category->name;
        item.other = category->other;
        ++category->articles;
        if (item.unread)
            ++category->unread;
        item.article = std::move(*article);
        items.push_back(std::move(item));
    }
    std::sort(items.begin(), items.end(), newerFirst);

    NewsListing listing;
    listing.items = std::move(items);
    for (NewsCategory& category : found)
        if (!category.retired || category.articles > 0)
            listing.categories.push_back(std::move(category));
    if (other.articles > 0)
        listing.categories.push_back(std::move(other));
    return listing;
}

std::vector<NewsItem> NewsListing::articles(const NewsFilter& filter) const
{
    std::vector<NewsItem> out;
    for (const NewsItem& item : items)
        if (matches(item, filter))
            out.push_back(item);
    return out;
}

NewsPage NewsListing::page(const NewsFilter& filter, int page, int pageSize) const
{
    pageSize = std::max(1, pageSize);
    std::vector<NewsItem> shown = articles(filter);
    NewsPage result;
    result.total = int(shown.size());
    result.pageCount = std::max(1, (result.total + pageSize - 1) / pageSize);
    result.page = std::clamp(page, 0, result.pageCount - 1);
    const auto first = shown.begin() + std::min<std::ptrdiff_t>(shown.size(), result.page * pageSize);
    const auto last = shown.begin() + std::min<std::ptrdiff_t>(shown.size(), (result.page + 1) * pageSize);
    result.items.assign(std::make_move_iterator(first), std::make_move_iterator(last));
    return result;
}

std::optional<int> NewsListing::pageOf(const Unid& unid, const NewsFilter& filter, int pageSize) const
{
    int index = 0;
    for (const NewsItem& item : items) {
        if (!matches(item, filter))
            continue;
        if (item.article.unid == unid)
            return index / std::max(1, pageSize);
        ++index;
    }
    return std::nullopt;
}

std::optional<NewsItem> NewsListing::neighbour(const Unid& from, const NewsFilter& filter, int step) const
{
    const std::vector<NewsItem> shown = articles(filter);
    const auto at = std::find_if(shown.begin(), shown.end(),
                                 [&](const NewsItem& item) { return item.article.unid == from; });
    if (at == shown.end())
        return std::nullopt;
    const std::ptrdiff_t index = (at - shown.begin()) + (step < 0 ? -1 : 1);
    if (index < 0 || index >= std::ptrdiff_t(shown.size()))
        return std::nullopt;
    return shown[std::size_t(index)];
}

const NewsItem* NewsListing::find(const Unid& unid) const
{
    const auto at = std::find_if(items.begin(), items.end(),
                                 [&](const NewsItem& item) { return item.article.unid == unid; });
    return at == items.end() ? nullptr : &*at;
}

void NewsListing::noteRead(const Unid& unid)
{
    const auto at = std::find_if(items.begin(), items.end(),
                                 [&](const NewsItem& item) { return item.article.unid == unid; });
    if (at == items.end() || !at->unread)
        return;
    at->unread = false;
    for (NewsCategory& category : categories)
        if (category.name == at->category && category.other == at->other)
            category.unread = std::max(0, category.unread - 1);
}

Result<std::vector<NewsCategory>> NewsReader::categories(bool drafts) const
{
    SEN_ASSIGN_OR_RETURN(NewsListing read, listing(drafts));
    return std::move(read.categories);
}

Result<std::vector<NewsItem>> NewsReader::articles(const NewsFilter& filter) const
{
    SEN_ASSIGN_OR_RETURN(const NewsListing read, listing(filter.drafts));
    return read.articles(filter);
}

Result<NewsPage> NewsReader::page(const NewsFilter& filter, int page, int pageSize) const
{
    SEN_ASSIGN_OR_RETURN(const NewsListing read, listing(filter.drafts));
    return read.page(filter, page, pageSize);
}

Result<std::optional<int>> NewsReader::pageOf(const Unid& unid, const NewsFilter& filter, int pageSize) const
{
    SEN_ASSIGN_OR_RETURN(const NewsListing read, listing(filter.drafts));
    return read.pageOf(unid, filter, pageSize);
}

Result<std::optional<NewsItem>> NewsReader::neighbour(const Unid& from, const NewsFilter& filter,
                                                      int step) const
{
    SEN_ASSIGN_OR_RETURN(const NewsListing read, listing(filter.drafts));
    return read.neighbour(from, filter, step);
}

Result<NewsItem> NewsReader::open(const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(const Document doc, m_session.document(unid));
    std::optional<news::Article> article = news::articleOf(doc);
    if (!article)
        return Status(ErrorCode::NotFound, QCoreApplication::translate("sen::app::NewsReader",
                                                                       "no news article %1 in this database")
                                               .arg(unid.toHex()));
    // The same reading as the lists: categorised, a draft only for those who may edit it.
    SEN_ASSIGN_OR_RETURN(const NewsListing read, listing(true));
    const NewsItem* found = read.find(unid);
    if (!found)
        return Status(ErrorCode::NotFound, QCoreApplication::translate("sen::app::NewsReader",
                                                                       "the article %1 is not published yet")
                                               .arg(unid.toHex()));
    NewsItem item = *found;
    if (m_marks && item.unread) {
        SEN_TRY(m_marks->setRead(unid, true));
        item.unread = false;
    }
    return item;
}

Status NewsReader::setRead(const Unid& unid, bool read)
{
    if (!m_marks)
        return Status(
            ErrorCode::NotFound,
            QCoreApplication::translate("sen::app::NewsReader", "this database has no read marks yet"));
    return m_marks->setRead(unid, read);
}

Result<int> NewsReader::markAllRead(const NewsFilter& filter)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<NewsItem> items, articles(filter));
    int marked = 0;
    for (const NewsItem& item : items) {
        if (!item.unread)
            continue;
        SEN_TRY(setRead(item.article.unid, true));
        ++marked;
    }
    return marked;
}

} // namespace sen::app
