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

namespace {

void mustSave(ReplicaStore& store, const DocumentEdit& edit)
{
    const Result<Document> saved = store.save(edit);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
}

} // namespace

Unid addEntry(ReplicaStore& store, const WebEntry& entry)
{
    using namespace schedule;
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kEntryForm));
    edit.set(Item::dateTime(QLatin1String(kItemDate), QDateTime(entry.day, QTime(0, 0), Qt::UTC)))
        .set(Item::text(QLatin1String(kItemTime), entry.time))
        .set(Item::text(QLatin1String(kItemContent), entry.content))
        .set(Item::text(QLatin1String(kItemPresiding), entry.presiding))
        .set(Item::textList(QLatin1String(kItemParticipants), entry.participants))
        .set(Item::text(QLatin1String(kItemPlace), entry.place));
    mustSave(store, edit);
    return edit.unid();
}

void addWeekAction(ReplicaStore& store, const schedule::WeekId& week, const QString& word)
{
    using namespace schedule;
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kWeekActionForm));
    edit.set(Item::text(QLatin1String(kItemWeek), week.toString()))
        .set(Item::text(QLatin1String(kItemAction), word))
        .set(Item::names(QLatin1String(kItemActor), ItemType::Names,
                         {QStringLiteral("Lê Thị Chánh/VPTU/HaNoi")}))
        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc()));
    mustSave(store, edit);
}

void addChange(ReplicaStore& store, const Unid& entry, const QString& kind, const QString& reason)
{
    using namespace schedule;
    mustSave(store, DocumentEdit::create(QLatin1String(kChangeForm), entry)
                        .set(Item::text(QLatin1String(kItemChangeKind), kind))
                        .set(Item::text(QLatin1String(kItemReason), reason))
                        .set(Item::names(QLatin1String(kItemChangedBy), ItemType::Names,
                                         {QStringLiteral("Phạm Thị Văn/VPTU/HaNoi")}))
                        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc())));
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
