#include "common/news/Article.h"

#include "common/model/InlineImages.h"

namespace sen::news {

namespace {
const QString kFilePrefix = QStringLiteral("$File:");
}

std::optional<Article> articleOf(const Document& doc)
{
    if (doc.isDeleted() || doc.isConflict() || doc.form != QLatin1String(kArticleForm))
        return std::nullopt;
    Article article;
    article.unid = doc.unid;
    article.title = doc.text(QLatin1String(kItemTitle));
    article.summary = doc.text(QLatin1String(kItemSummary));
    article.category = doc.text(QLatin1String(kItemCategory));
    article.author = doc.text(QLatin1String(kItemAuthor));
    if (const Item* published = doc.item(QLatin1String(kItemPublished))) {
        const QDateTime when = published->toDateTime();
        if (when.isValid())
            article.published = when.toUTC();
    }
    if (const Item* body = doc.item(QLatin1String(kItemBody)))
        article.bodyHtml = body->value.toString();
    for (const Item& item : doc.items) {
        article.modified = std::max(article.modified, item.stamp.time);
        if (item.type == ItemType::Attachment && !item.isTombstone() && item.name.startsWith(kFilePrefix))
            article.attachments << item.name.mid(kFilePrefix.size());
    }
    article.images = inlineImageNames(article.bodyHtml);
    return article;
}

} // namespace sen::news
