#include "tests/server/WebArticles.h"

#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "common/news/Article.h"

#include <QBuffer>
#include <QImage>

#include <catch2/catch.hpp>

namespace sen::test {

Unid addArticle(ReplicaStore& store, const WebArticle& article)
{
    DocumentEdit edit = DocumentEdit::create(QLatin1String(news::kArticleForm));
    edit.set(Item::text(QLatin1String(news::kItemTitle), article.title));
    if (!article.summary.isEmpty())
        edit.set(Item::text(QLatin1String(news::kItemSummary), article.summary));
    if (!article.category.isEmpty())
        edit.set(Item::text(QLatin1String(news::kItemCategory), article.category));
    if (article.published.isValid())
        edit.set(Item::dateTime(QLatin1String(news::kItemPublished), article.published));
    if (!article.author.isEmpty())
        edit.set(Item::text(QLatin1String(news::kItemAuthor), article.author));
    if (!article.bodyHtml.isEmpty())
        edit.set(Item::richText(QLatin1String(news::kItemBody), article.bodyHtml));
    for (const auto& [name, bytes] : article.files) {
        const Result<AttachmentRef> ref = store.attachments().importBytes(bytes, name);
        REQUIRE(ref.isOk());
        edit.set(Item::withValue(QStringLiteral("$File:") + name, ItemType::Attachment, ref->toCbor(), 0));
    }
    if (!article.readers.isEmpty())
        edit.set(Item::names(QStringLiteral("DocGia"), ItemType::Readers, article.readers));
    const Result<Document> saved = store.save(edit);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
    return saved->unid;
}

QByteArray samplePng(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(30 + 60 * x / width, 90 + 100 * y / height, 200));
    for (int y = height * 2 / 3; y < height * 2 / 3 + height / 10; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(200, 30, 40));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace sen::test
