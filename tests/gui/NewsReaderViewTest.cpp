// sen's news reader (client/gui/news/NewsReaderView.h, docs/news-reader.md), offscreen on a
// local news database: the categories with their unread counts, the list newest first with
// unread rows bold, an article shown as an article — title, date, category, author, summary,
// body with its image resolved from the attachment — opening it clears its unread mark,
// Previous / Next (and Alt+Left / Alt+Right) page through the category, a draft shows with its
// notice, and "Mark all read" clears a category.

#include "client/gui/news/NewsReaderView.h"

#include "client/app/NewsReader.h"
#include "client/app/OpenDatabases.h"
#include "client/core/DocumentJson.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/forms/AttachmentImages.h"
#include "client/gui/forms/AttachmentPanel.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/DocumentPreview.h"
#include "client/views/ReadMarks.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiFixture.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

DocumentEdit article(const QString& title, const QString& category, const QDateTime& published,
                     const QString& body = {})
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("TinTuc"));
    edit.set(Item::text(QStringLiteral("TieuDe"), title))
        .set(Item::text(QStringLiteral("TomTat"), S("Tóm tắt của bài „%1”.").arg(title)))
        .set(Item::text(QStringLiteral("TacGia"), S("Ban Tuyên giáo")))
        .set(Item::text(QStringLiteral("ChuyenMuc"), category))
        .set(Item::richText(QStringLiteral("NoiDung"),
                            body.isEmpty() ? S("<p>Nội dung bài „%1”.</p>").arg(title) : body));
    if (published.isValid())
        edit.set(Item::dateTime(QStringLiteral("NgayDang"), published));
    return edit;
}

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 12, d), QTime(8, 30), Qt::UTC);
}

} // namespace

TEST_CASE("The news reader: categories with unread counts, an article read as an article, paging",
          "[gui][news]")
{
    test::GuiFixture fx;
    auto session = fx.session(QStringLiteral("news"));
    auto save = [&session](const DocumentEdit& edit) {
        auto saved = session->save(edit);
        INFO(saved.status().toString().toStdString());
        REQUIRE(saved.isOk());
        return saved->unid;
    };
    REQUIRE(session->addDefaultCatalogueEntries().isOk());

    // An article with a picture: the image is an attachment of the article.
    QImage picture(120, 60, QImage::Format_RGB32);
    picture.fill(QColor(20, 120, 200));
    const QString file = fx.dir.path(QStringLiteral("hoi-nghi.png"));
    REQUIRE(picture.save(file));
    auto ref = session->importAttachment(file, QStringLiteral("hoi-nghi.png"));
    REQUIRE(ref.isOk());
    DocumentEdit withImage =
        article(S("Hội nghị chuyển đổi số toàn tỉnh"), S("Chuyển đổi số"), day(3),
                S("<p>Sáng nay, Tỉnh ủy tổ chức hội nghị.</p><p><img src=\"attachment:hoi-nghi.png\"></p>"));
    withImage.set(Item::withValue(client::attachmentItemName(QStringLiteral("hoi-nghi.png")),
                                  ItemType::Attachment, ref->toCbor(), 0));
    const Unid newest = save(withImage);
    const Unid middle = save(article(S("Triển khai chữ ký số"), S("Chuyển đổi số"), day(2)));
    const Unid oldest = save(article(S("Số hóa hồ sơ lưu trữ"), S("Chuyển đổi số"), day(1)));
    const Unid party = save(article(S("Học tập Nghị quyết Trung ương"), S("Xây dựng Đảng"), day(4)));
    const Unid draft = save(article(S("Bài đang viết"), S("Chuyển đổi số"), {}));

    auto marks = app::NewsReader::openMarks(*session);
    REQUIRE(marks.isOk());
    // As if they had come from the server: unread.
    for (const Unid& unid : {newest, middle, oldest, party})
        REQUIRE((*marks)->setRead(unid, false).isOk());
    auto cacheMarks = views::ReadMarks::open(session->viewCachePath());
    REQUIRE(cacheMarks.isOk());

    gui::NewsReaderView view(session, std::move(*cacheMarks));
    view.resize(1280, 760);
    view.show();

    // All news first with its unread count, then the catalogue's categories.
    QListWidget* categories = view.categoryList();
    REQUIRE(categories->count() == 6);
    CHECK(categories->item(0)->text() == S("All news  (4)"));
    CHECK(categories->item(0)->font().bold());
    CHECK(categories->item(1)->text() == S("Hoạt động của cấp ủy"));
    CHECK_FALSE(categories->item(1)->font().bold());
    CHECK(categories->item(2)->text() == S("Xây dựng Đảng  (1)"));
    CHECK(categories->item(3)->text() == S("Chuyển đổi số  (3)"));

    // The digital transformation category: newest first, the draft on top (this user may edit
    // it: a local database), unread rows bold.
    view.chooseCategory(3);
    QListWidget* list = view.articleList();
    REQUIRE(list->count() == 4);
    CHECK(list->item(0)->text().startsWith(S("Bài đang viết\nDraft")));
    CHECK(list->item(1)->text().startsWith(S("Hội nghị chuyển đổi số toàn tỉnh\n")));
    CHECK(list->item(1)->font().bold());
    CHECK(list->item(3)->text().startsWith(S("Số hóa hồ sơ lưu trữ\n")));

    // Opening the article: read as an article, its image resolved, its unread mark cleared.
    list->setCurrentRow(1);
    REQUIRE(view.currentArticle() == newest);
    const QString html = view.reading()->html();
    CHECK(html.contains(S("Hội nghị chuyển đổi số toàn tỉnh")));
    CHECK(html.contains(S("CHUYỂN ĐỔI SỐ")));
    CHECK(html.contains(day(3).toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
    CHECK(html.contains(S("Ban Tuyên giáo")));
    CHECK(html.contains(S("Tóm tắt của bài")));
    const QVariant image = view.reading()->document()->resource(
        QTextDocument::ImageResource, gui::attachmentImageUrl(QStringLiteral("hoi-nghi.png")));
    REQUIRE(image.canConvert<QImage>());
    CHECK(image.value<QImage>().size() == QSize(120, 60));
    CHECK(view.attachments()->isVisibleTo(&view));
    CHECK(view.attachments()->names() == QStringList{QStringLiteral("hoi-nghi.png")});
    CHECK_FALSE(list->item(1)->font().bold());
    CHECK(categories->item(3)->text() == S("Chuyển đổi số  (2)"));
    CHECK(categories->item(0)->text() == S("All news  (3)"));
    {
        auto check = views::ReadMarks::open(session->viewCachePath());
        REQUIRE(check.isOk());
        CHECK_FALSE(*(*check)->isUnread(newest));
    }
    test::shoot(view, QStringLiteral("news-reader"));

    // Next (older) and Previous (newer) through the category, by button and by keyboard.
    CHECK(view.editAction()->isEnabled());
    CHECK(view.previousAction()->isEnabled()); // the draft is newer
    view.nextAction()->trigger();
    CHECK(view.currentArticle() == middle);
    CHECK(list->currentItem()->text().startsWith(S("Triển khai chữ ký số")));
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Right, Qt::AltModifier);
    CHECK(view.currentArticle() == oldest);
    CHECK_FALSE(view.nextAction()->isEnabled()); // the last of the category
    QTest::keyClick(list, Qt::Key_Left, Qt::AltModifier);
    CHECK(view.currentArticle() == middle);
    CHECK(categories->item(3)->text() == S("Chuyển đổi số"));

    // The draft shows with its notice.
    view.showArticle(draft);
    CHECK(view.findChild<QLabel*>(QStringLiteral("newsNotice"))->isVisibleTo(&view));
    CHECK_FALSE(view.previousAction()->isEnabled());

    // An article of another category opened from elsewhere: shown among all the news.
    view.showArticle(party);
    CHECK(view.currentArticle() == party);
    CHECK(categories->currentRow() == 0);
    CHECK(categories->item(0)->text() == S("All news"));

    // Mark all read; a new article saved (as a sync would bring it) shows at once.
    REQUIRE((*marks)->setRead(oldest, false).isOk());
    const Unid fresh = save(article(S("Tin mới"), S("Thông tin chung"), day(5)));
    REQUIRE((*marks)->setRead(fresh, false).isOk());
    Q_EMIT session->changed();
    CHECK(list->item(1)->text().startsWith(S("Tin mới"))); // after the draft
    CHECK(categories->item(0)->text() == S("All news  (2)"));
    view.findChild<QAction*>(QStringLiteral("markAllRead"))->trigger();
    CHECK(categories->item(0)->text() == S("All news"));
}

TEST_CASE("An article opened from a news database's view reads in the news tab; Edit opens its form",
          "[gui][news]")
{
    test::ServerFixture server;
    test::SyncTestOffice office(server, S("Nguyễn Văn An"));
    REQUIRE(office.workspace.createDatabase(QStringLiteral("tin"), DatabaseKind::News, S("Tin tức")).isOk());
    gui::MainWindow window(gui::UserSession{office.workspace, office.credentials});
    window.resize(1366, 728);
    window.show();
    auto session = window.databases().session(QStringLiteral("tin")).value();
    const Unid unid = session->save(article(S("Hội nghị tổng kết"), S("Chuyển đổi số"), day(2))).value().unid;
    session->save(article(S("Tin thứ hai"), S("Chuyển đổi số"), day(1))).value();

    gui::DatabasePage* page = gui::DatabasePage::openInWindow(window, QStringLiteral("tin"));
    REQUIRE(page);
    REQUIRE(page->findChild<QAction*>(QStringLiteral("readNews")));
    REQUIRE(test::waitUntil([&] { return page->isReady() && page->model()->rowCount() > 0; }, 60'000));
    page->openDocument(unid);
    auto* reader = qobject_cast<gui::NewsReaderView*>(window.tabs().currentWidget());
    REQUIRE(reader);
    CHECK(reader->currentArticle() == unid);
    CHECK(reader->reading()->html().contains(S("Hội nghị tổng kết")));
    // Opened again: the same tab.
    const int tabs = window.tabs().count();
    page->openDocument(unid);
    CHECK(window.tabs().count() == tabs);
    CHECK(window.tabs().currentWidget() == reader);

    // Edit: the article's form, in edit mode.
    REQUIRE(reader->editAction()->isEnabled());
    reader->editAction()->trigger();
    auto* form = qobject_cast<gui::DocumentPage*>(window.tabs().currentWidget());
    REQUIRE(form);
    CHECK(form->unid() == unid);
    CHECK(form->isEditing());
    form->setEditing(false);
}
