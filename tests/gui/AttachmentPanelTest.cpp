// Attachments through the form: a 5 MB file added and saved back with progress, a missing
// chunk reported as "not downloaded yet", and an image in a news body stored as an attachment.

#include "client/gui/forms/AttachmentPanel.h"

#include "client/gui/forms/AttachmentImages.h"
#include "client/gui/forms/DocumentPreview.h"
#include "client/gui/forms/RichTextEditor.h"
#include "common/sql/SqlDatabase.h"
#include "tests/gui/GuiFixture.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

using sen::Document;
using sen::Item;
using sen::ItemType;
using sen::gui::AttachmentPanel;
using sen::test::fill;
using sen::test::GuiFixture;

namespace {

QByteArray pseudoRandom(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    std::uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (qsizetype i = 0; i < size; ++i) {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        bytes[i] = static_cast<char>((seed * 0x2545F4914F6CDD1Dull) >> 56);
    }
    return bytes;
}

bool waitIdle(AttachmentPanel& panel)
{
    return QTest::qWaitFor([&] { return !panel.isBusy(); }, 60'000);
}

} // namespace

TEST_CASE("A 5 MB attachment is added, saved with the document and saved back out with progress")
{
    // The import and the export each run off the GUI thread and report rising progress to
    // the file's size; the document gets one $File item and the exported bytes are identical.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    fill(*page, QStringLiteral("TieuDe"), QStringLiteral("Báo cáo tổng kết"));
    AttachmentPanel& panel = *page->form().attachments();
    const QByteArray bytes = pseudoRandom(5 * 1024 * 1024);
    const QString source = fx.dir.path(QStringLiteral("Báo cáo 2026.pdf"));
    REQUIRE(sen::test::writeFile(source, bytes));

    QSignalSpy progress(&panel, &AttachmentPanel::progressed);
    QSignalSpy failed(&panel, &AttachmentPanel::failed);
    panel.addFiles({source});
    CHECK(panel.isBusy());
    CHECK(page->save().code() == sen::ErrorCode::Busy); // not while the file is being stored
    REQUIRE(waitIdle(panel));
    CHECK(failed.isEmpty());
    REQUIRE(progress.size() > 2);
    CHECK(progress.last().at(0).toLongLong() == bytes.size());
    CHECK(progress.last().at(1).toLongLong() == bytes.size());
    CHECK(panel.names() == QStringList{QStringLiteral("Báo cáo 2026.pdf")});
    REQUIRE(page->save().isOk());

    const Document doc = fx.get(QStringLiteral("news"), page->unid());
    const Item* item = doc.item(QStringLiteral("$File:Báo cáo 2026.pdf"));
    REQUIRE(item != nullptr);
    CHECK(item->type == ItemType::Attachment);

    auto reopened = fx.open(QStringLiteral("news"), page->unid());
    AttachmentPanel& shown = *reopened->form().attachments();
    CHECK(shown.names() == panel.names());
    QSignalSpy exportProgress(&shown, &AttachmentPanel::progressed);
    const QString target = fx.dir.path(QStringLiteral("out.pdf"));
    shown.saveAttachment(QStringLiteral("Báo cáo 2026.pdf"), target);
    REQUIRE(waitIdle(shown));
    CHECK(exportProgress.size() > 2);
    CHECK(sen::test::readFile(target) == bytes);

    // Open with the system's application: exported to a temporary file first.
    QUrl openedUrl;
    shown.setOpener([&](const QUrl& url) {
        openedUrl = url;
        return true;
    });
    shown.openAttachment(QStringLiteral("Báo cáo 2026.pdf"));
    REQUIRE(waitIdle(shown));
    REQUIRE(openedUrl.isLocalFile());
    CHECK(sen::test::readFile(openedUrl.toLocalFile()) == bytes);
    QFile::remove(openedUrl.toLocalFile());

    // Removing it removes the item when the document is saved.
    reopened->setEditing(true);
    shown.removeAttachment(QStringLiteral("Báo cáo 2026.pdf"));
    REQUIRE(reopened->save().isOk());
    CHECK(fx.get(QStringLiteral("news"), page->unid()).item(QStringLiteral("$File:Báo cáo 2026.pdf")) ==
          nullptr);
}

TEST_CASE("An attachment whose chunks this replica lacks is reported as not downloaded yet")
{
    // A summary-only replica holds the attachment item but not its chunks (removed here
    // behind the store's back): the list says so and saving it out explains instead of failing.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    fill(*page, QStringLiteral("TieuDe"), QStringLiteral("Tin có tệp"));
    const QString source = fx.dir.path(QStringLiteral("a.bin"));
    REQUIRE(sen::test::writeFile(source, pseudoRandom(200'000)));
    page->form().attachments()->addFiles({source});
    REQUIRE(waitIdle(*page->form().attachments()));
    REQUIRE(page->save().isOk());
    {
        auto db = sen::sql::SqlDatabase::open(fx.store(QStringLiteral("news"))->path(), {});
        REQUIRE(db.isOk());
        REQUIRE((*db)->exec("DELETE FROM chunks").isOk());
    }

    auto reopened = fx.open(QStringLiteral("news"), page->unid());
    AttachmentPanel& panel = *reopened->form().attachments();
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("attachmentList"));
    REQUIRE(list->topLevelItemCount() == 1);
    CHECK(list->topLevelItem(0)->text(2) == QStringLiteral("not downloaded yet"));
    QSignalSpy failed(&panel, &AttachmentPanel::failed);
    panel.saveAttachment(QStringLiteral("a.bin"), fx.dir.path(QStringLiteral("out.bin")));
    REQUIRE(failed.size() == 1);
    CHECK(failed.front().at(0).toString().contains(QStringLiteral("not been downloaded")));
    CHECK_FALSE(QFile::exists(fx.dir.path(QStringLiteral("out.bin"))));
}

TEST_CASE("An image inserted into a news body is stored as an attachment and shown again")
{
    // The image goes into the chunk store as an attachment of the article; the body refers to
    // it as attachment:NAME; reopened, the editor and the preview resolve it from the replica.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    fill(*page, QStringLiteral("TieuDe"), QStringLiteral("Ảnh hội nghị"));
    QImage picture(64, 32, QImage::Format_RGB32);
    picture.fill(QColor(200, 30, 30));
    const QString file = fx.dir.path(QStringLiteral("hoi-nghi.png"));
    REQUIRE(picture.save(file));
    page->form()
        .editor(QStringLiteral("NoiDung"))
        ->richText()
        ->textEdit()
        ->insertPlainText(QStringLiteral("Toàn cảnh "));
    REQUIRE(page->form().insertImageFile(QStringLiteral("NoiDung"), file).isOk());
    REQUIRE(page->form().attachments()->names().size() == 1);
    const QString name = page->form().attachments()->names().front();
    CHECK(name.startsWith(QStringLiteral("image-")));
    CHECK(name.endsWith(QStringLiteral(".png")));
    REQUIRE(page->save().isOk());

    const Document doc = fx.get(QStringLiteral("news"), page->unid());
    CHECK(doc.text(QStringLiteral("NoiDung")).contains(QStringLiteral("attachment:") + name));
    CHECK(doc.item(QStringLiteral("$File:") + name) != nullptr);

    auto reopened = fx.open(QStringLiteral("news"), page->unid());
    QTextDocument* body =
        reopened->form().editor(QStringLiteral("NoiDung"))->richText()->textEdit()->document();
    const QVariant shown = body->resource(QTextDocument::ImageResource, sen::gui::attachmentImageUrl(name));
    REQUIRE(shown.canConvert<QImage>());
    CHECK(shown.value<QImage>().size() == QSize(64, 32));
    CHECK(shown.value<QImage>().pixelColor(5, 5) == QColor(200, 30, 30));

    sen::gui::DocumentPreview preview;
    preview.show(*fx.session(QStringLiteral("news")), doc);
    const QVariant previewed =
        preview.document()->resource(QTextDocument::ImageResource, sen::gui::attachmentImageUrl(name));
    CHECK(previewed.value<QImage>().size() == QSize(64, 32));
}
