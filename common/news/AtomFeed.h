#pragma once

// The Atom feed of a news database's published articles (Atom 1.0, RFC 4287; docs/news.md
// "The Atom feed"; issue #15): the bytes the server serves as /news/feed.atom and
// `senctl export atom` writes. GUI-free; written with QXmlStreamWriter, so every value is
// escaped by Qt and a title such as "<script>" stays text.
//
// Which articles: of those the caller passes, the ones published at `now`
// (Article::isPublishedAt: drafts and articles dated later are left out), newest NgayDang
// first (then by UNID), at most `limit`.
//
// The feed: id `urn:sen:<replica id hex>` (the database, the same on every replica), the
// title, updated (the newest entry's updated; `now` when there is none), links rel="self"
// `<base>/news/feed.atom` and rel="alternate" `<base>/`, and the title as the feed's author
// (the author of an entry whose article names none).
//
// Each entry: id `urn:sen:<unid hex>` (the article's UNID: the same across exports, replicas
// and edits, so a reader updates the entry rather than adding one), title (text), published
// (NgayDang), updated (the later of NgayDang and the article's last change), author (TacGia),
// category term (ChuyenMuc), summary (TomTat, text), link rel="alternate"
// `<base>/news/<unid hex>`, and content type="html" only when the caller gives a `content`
// function: the article's body comes from users (possibly a hostile peer) and must be
// sanitised for a browser, which this file does not do — the caller's function returns the
// HTML to publish (the server's sanitiser). Without it the entry has no content element and
// readers show the summary. Dates are UTC, RFC 3339 ("2026-12-07T02:30:00Z").
//
// `base` is the site's URL without a trailing slash ("https://intranet.so-noivu.gov.vn"); empty,
// links are relative to the site's root ("/news/…").

#include "common/news/Article.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <vector>

namespace sen::news {

struct AtomFeedOptions
{
    QString title;     // the news database's title
    QString replicaId; // hex, the feed's id
    QString base;      // the site's URL, no trailing slash
    QDateTime now;     // the moment "published" is judged at
    int limit = 50;    // the newest that many articles; 0 or less: all
    // The HTML an entry's content holds (sanitised body); empty function: no content.
    std::function<QString(const QString& bodyHtml, const Article& article)> content;
};

// The articles the feed holds: published at `now`, newest first, at most `limit`.
std::vector<Article> feedArticles(std::vector<Article> articles, const QDateTime& now, int limit);

// When an entry was last updated: the later of its NgayDang and its last change.
QDateTime entryUpdated(const Article& article);

// The feed document (UTF-8, with its XML declaration).
QByteArray writeAtomFeed(std::vector<Article> articles, const AtomFeedOptions& options);

} // namespace sen::news
