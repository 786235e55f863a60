#pragma once

// A news article (tin bài) of a news database, read from its document (docs/news.md; issue
// #15): the one reading of the TinTuc form that the client's reading pane, senctl, the Atom
// feed and the server's intranet site share.
//
// Items: TieuDe (title, required), TomTat (summary), ChuyenMuc (category, a NewsCategory
// catalogue entry), NgayDang (published: date and time), TacGia (author, text), NoiDung (body,
// rich text), and attachments ($File:NAME items). Images in the body are attachments of the
// same document, referred to as <img src="attachment:NAME"> (common/model/InlineImages.h).
//
// An article is *published* once its NgayDang is set and not in the future: drafts (no
// NgayDang) and articles scheduled for later are not published. Pure functions, GUI-free.

#include "common/model/Document.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace sen::news {

inline constexpr const char* kArticleForm = "TinTuc";

inline constexpr const char* kItemTitle = "TieuDe";
inline constexpr const char* kItemSummary = "TomTat";
inline constexpr const char* kItemCategory = "ChuyenMuc";
inline constexpr const char* kItemPublished = "NgayDang";
inline constexpr const char* kItemAuthor = "TacGia";
inline constexpr const char* kItemBody = "NoiDung";

struct Article
{
    Unid unid;
    QString title;
    QString summary;
    QString category;    // empty: uncategorised
    QDateTime published; // UTC; invalid for a draft
    QString author;
    QString bodyHtml;        // as stored: rich text from a user, to be sanitised before any browser sees it
    QStringList attachments; // file names of the $File: items, in name order
    QStringList images;      // attachment names the body shows inline, in order, each once
    HlcTime modified = 0;    // the newest item stamp: when the article last changed

    bool isPublishedAt(const QDateTime& now) const { return published.isValid() && published <= now; }
};

// The article a document holds; nullopt for another form, a deletion stub or a conflict
// document.
std::optional<Article> articleOf(const Document& doc);

} // namespace sen::news
