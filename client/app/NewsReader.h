#pragma once

// The news of a news database as a reader sees it (docs/news-reader.md; issue #15): the
// articles (common/news/Article.h) by category, newest first, a page at a time, the previous
// and next article of a category, and their unread marks; `sen`'s news reader and
// `senctl news` both read the news through here. It holds no state between calls: every call
// reads the database afresh (the articles of a form and the catalogue are index ranges).
//
// - Categories are the NewsCategory catalogue's (docs/catalogues.md), in its order: every
//   entry not retired, and a retired one while articles still name it. An article belongs to
//   the entry whose name matches its ChuyenMuc (compared as catalogue names are: without
//   marks, case or extra spaces); an article without a category or with one the catalogue
//   does not hold is listed under "Other" (Khác), shown last and only when it has articles.
//   Adding an entry adds a category; renaming one renames it — the articles saved under the
//   old name move to Other until they are edited (or the old entry is kept, retired).
// - Published only by default: an article is listed once its NgayDang is set and not in the
//   future (Article::isPublishedAt). With `drafts`, unpublished articles (no date, or a date
//   to come) are listed as well, but only those the user may edit (the server's own rule,
//   DatabaseSession::mayEdit: their authors and the database's editors) — an editor checks a
//   draft in the reader before publishing it; the others never see it.
// - Order: newest first by NgayDang; drafts before the published, newest change first; ties
//   by title, then UNID, so the order is the same in every call.
// - Unread marks are this PC's (client/views/ReadMarks.h): opening an article marks it read.
//   Without marks (no view cache) every article counts as unread and marking fails with
//   NotFound.
//
// Thread-safety: none; the thread of its session and marks.

#include "client/app/DatabaseSession.h"
#include "common/news/Article.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace sen::views {
class ReadMarks;
}

namespace sen::app {

struct NewsCategory
{
    QString name;       // the catalogue entry's name; "Khác"/"Other" for the others
    bool other = false; // the articles of no catalogue category
    bool retired = false;
    int articles = 0;
    int unread = 0;
};

struct NewsItem
{
    news::Article article;
    bool unread = true;
    bool draft = false; // not published now: shown only to those who may edit it
    QString category;   // the category it is listed under (NewsCategory::name)
    bool other = false; // listed under Other
};

// Which articles a list holds.
struct NewsFilter
{
    std::optional<QString> category; // a category's name; none: every category
    bool other = false;              // the Other category (category is then ignored)
    bool unreadOnly = false;
    bool drafts = false; // unpublished articles the user may edit as well

    static NewsFilter all() { return {}; }
    static NewsFilter of(const NewsCategory& category);
};

struct NewsPage
{
    std::vector<NewsItem> items;
    int page = 0; // 0-based, clamped into the pages there are
    int pageCount = 1;
    int total = 0; // articles of the filter
};

// One reading of the database's news: the articles a reader may list (drafts only when read
// with them) and the categories with their counts. What a page of the reader does with it
// (filter, page, previous/next) costs no further reading.
struct NewsListing
{
    std::vector<NewsItem> items; // in order
    std::vector<NewsCategory> categories;

    // The items of `filter` (drafts only when both the listing and the filter hold them).
    std::vector<NewsItem> articles(const NewsFilter& filter) const;
    NewsPage page(const NewsFilter& filter, int page, int pageSize) const;
    std::optional<int> pageOf(const Unid& unid, const NewsFilter& filter, int pageSize) const;
    std::optional<NewsItem> neighbour(const Unid& from, const NewsFilter& filter, int step) const;
    const NewsItem* find(const Unid& unid) const;
    // Notes that `unid` was marked read: its item and its category's count (not the marks).
    void noteRead(const Unid& unid);
};

class NewsReader
{
public:
    // `marks` may be null (see above); both must outlive the reader. `now` decides what is
    // published (tests pin it; invalid: the current time at each call).
    NewsReader(DatabaseSession& session, views::ReadMarks* marks, QDateTime now = {});

    // The name the articles of no catalogue category are listed under ("Other", tr).
    static QString otherName();

    // Opens the read marks of `session`'s database for a reader outside `sen` (senctl): the
    // view index is brought up to date on this thread first (created when missing), so what
    // this replica made counts as read and what came from others as unread, as in `sen`.
    // Not for `sen`, whose index belongs to its IndexUpdater thread (open ReadMarks there).
    static Result<std::unique_ptr<views::ReadMarks>> openMarks(DatabaseSession& session);

    // The whole listing, read once (with the drafts the user may edit when `drafts`).
    Result<NewsListing> listing(bool drafts) const;
    // The categories (see above) with their counts of articles and unread ones, under
    // `drafts` as NewsFilter says.
    Result<std::vector<NewsCategory>> categories(bool drafts = false) const;
    // Every article of `filter`, in order.
    Result<std::vector<NewsItem>> articles(const NewsFilter& filter) const;
    // Page `page` (0-based) of `filter`'s articles, `pageSize` a page (at least 1).
    Result<NewsPage> page(const NewsFilter& filter, int page, int pageSize) const;
    // The page (0-based, of `pageSize`) of `filter`'s list that holds `unid`; nullopt when not
    // listed.
    Result<std::optional<int>> pageOf(const Unid& unid, const NewsFilter& filter, int pageSize) const;
    // The article of `filter` before (`step` -1: newer) or after (`step` +1: older) `from` in
    // the list; nullopt at either end or when `from` is not listed.
    Result<std::optional<NewsItem>> neighbour(const Unid& from, const NewsFilter& filter, int step) const;

    // The article `unid` as the reader opens it, marked read (when there are marks); NotFound
    // for a document that is not a live article, or a draft the user may not edit.
    Result<NewsItem> open(const Unid& unid);
    Status setRead(const Unid& unid, bool read = true);
    // Marks every article of `filter` read (drafts included when it says so); how many were
    // unread.
    Result<int> markAllRead(const NewsFilter& filter);

private:
    QDateTime now() const;
    Result<bool> isUnread(const Unid& unid) const;

    DatabaseSession& m_session;
    views::ReadMarks* m_marks;
    QDateTime m_now;
};

} // namespace sen::app
