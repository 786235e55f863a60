// The screens a cadre lives in (issue #14, "Polish"), driven offscreen on real replica files
// and, for the status bar, a real server over TLS on loopback: the bundled icons, urgency and
// secrecy markers in views, read mode against edit mode, news read as an article, the "Saved"
// confirmation and the preview after a save, right-click menus and shortcuts, one unreadable
// database among readable ones, Online/Offline, Qt's file dialog in Vietnamese, the window on
// a 1366×768 screen and its remembered geometry, and the language switch's restart.

#include "client/app/OpenDatabases.h"
#include "client/forms/FormCatalog.h"
#include "client/gui/app/Icons.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/forms/DocumentForm.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/DocumentPreview.h"
#include "client/gui/forms/FieldEditor.h"
#include "client/gui/i18n/Language.h"
#include "client/gui/views/ViewModel.h"
#include "client/gui/workspace/WorkspaceModel.h"
#include "client/gui/workspace/WorkspacePage.h"
#include "client/sync/SyncController.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/client/ViewFixture.h"
#include "tests/gui/GuiFixture.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList actionNames(const QMenu& menu)
{
    QStringList names;
    for (const QAction* action : menu.actions())
        if (!action->isSeparator())
            names << (action->objectName().isEmpty() ? action->text() : action->objectName());
    return names;
}

// Fills every empty required field of the page's form with a value its editor accepts.
void fillRequired(gui::DocumentPage& page)
{
    for (const forms::FieldDefinition* field : page.form().definition().fields()) {
        gui::FieldEditor* editor = page.form().editor(field->item);
        if (!editor || !field->required || !editor->text().isEmpty())
            continue;
        switch (field->hint) {
        case forms::EditorHint::Number:
            editor->setText(QStringLiteral("7"));
            break;
        case forms::EditorHint::Date:
            editor->setText(QStringLiteral("23/11/2026"));
            break;
        case forms::EditorHint::DateTime:
            editor->setText(QStringLiteral("23/11/2026 08:00"));
            break;
        case forms::EditorHint::Choice:
            editor->setText(field->catalogue ? S("Văn phòng Huyện ủy") : field->choices.value(0));
            break;
        default:
            editor->setText(S("Văn phòng Huyện ủy"));
        }
    }
}

} // namespace

TEST_CASE("Every icon of Sen's set comes from the bundled resources", "[gui][polish]")
{
    // Windows has no icon theme: each icon must load from the executable's own resources.
    for (int i = 0; i <= static_cast<int>(gui::Icon::Password); ++i) {
        const auto which = static_cast<gui::Icon>(i);
        INFO(gui::iconPath(which).toStdString());
        CHECK(QFile::exists(gui::iconPath(which)));
        CHECK_FALSE(gui::icon(which).pixmap(QSize(24, 24)).isNull());
    }
}

TEST_CASE("Views mark urgent and classified documents with an icon", "[gui][polish][views]")
{
    // Three incoming documents: ordinary, Hỏa tốc, and Khẩn + Tối mật. The view's first
    // column shows the urgency icon, the second the secrecy icon, each with its value as tooltip;
    // the marker columns are not columns of the model.
    test::ViewFixture f;
    const Unid plain = f.incoming({.number = 1, .arrived = 1});
    const Unid urgent = f.incoming({.number = 2, .arrived = 2});
    const Unid both = f.incoming({.number = 3, .arrived = 3});
    test::requireOk(
        f.store->save(DocumentEdit::update(urgent).set(Item::text(QStringLiteral("DoKhan"), S("Hỏa tốc"))))
            .status());
    test::requireOk(f.store
                        ->save(DocumentEdit::update(both)
                                   .set(Item::text(QStringLiteral("DoKhan"), S("Khẩn")))
                                   .set(Item::text(QStringLiteral("DoMat"), S("Tối mật"))))
                        .status());
    f.update();
    gui::ViewModel model(f.query("incoming-by-date"));
    CHECK(model.columnCount() == 7);
    REQUIRE(model.rowCount() == 3);
    QHash<QString, int> rowOf;
    for (int row = 0; row < 3; ++row)
        rowOf.insert(model.index(row, 0).data(gui::ViewModel::UnidRole).toString(), row);
    auto decoration = [&](const Unid& unid, int column) {
        return model.index(rowOf.value(unid.toHex()), column).data(Qt::DecorationRole);
    };
    auto tip = [&](const Unid& unid, int column) {
        return model.index(rowOf.value(unid.toHex()), column).data(Qt::ToolTipRole).toString();
    };
    CHECK_FALSE(decoration(plain, 0).isValid());
    CHECK_FALSE(decoration(plain, 1).isValid());
    CHECK(decoration(urgent, 0).value<QIcon>().cacheKey() == gui::icon(gui::Icon::Urgent).cacheKey());
    CHECK(tip(urgent, 0) == S("Hỏa tốc"));
    CHECK_FALSE(decoration(urgent, 1).isValid());
    CHECK(decoration(both, 0).value<QIcon>().cacheKey() == gui::icon(gui::Icon::Urgent).cacheKey());
    CHECK(decoration(both, 1).value<QIcon>().cacheKey() == gui::icon(gui::Icon::Classified).cacheKey());
    CHECK(tip(both, 1) == S("Tối mật"));
}

TEST_CASE("Read mode and edit mode look different and Ctrl+E switches between them", "[gui][polish]")
{
    test::GuiFixture f;
    auto page = f.create(QStringLiteral("cal"), QStringLiteral("LichCongTac"));
    page->show();
    CHECK(page->isEditing());
    CHECK(page->editingBanner().isVisible());
    test::fill(*page, QStringLiteral("NoiDung"), S("Họp giao ban"));
    test::fill(*page, QStringLiteral("Ngay"), QStringLiteral("23/11/2026"));
    test::fill(*page, QStringLiteral("Gio"), QStringLiteral("14h"));
    REQUIRE(page->save().isOk());
    // The "Saved" confirmation shows at once, and goes after a few seconds.
    CHECK(page->savedBanner().isVisible());
    CHECK(page->savedBanner().text().contains(QStringLiteral("Saved")));
    // "14h" is stored as "14:00".
    CHECK(f.get(QStringLiteral("cal"), page->unid()).text(QStringLiteral("Gio")) == QStringLiteral("14:00"));

    auto opened = f.open(QStringLiteral("cal"), page->unid());
    opened->show();
    CHECK_FALSE(opened->isEditing());
    CHECK_FALSE(opened->editingBanner().isVisible());
    CHECK(opened->form().styleSheet().contains(QStringLiteral("transparent"))); // values as text
    opened->resize(900, 500);
    test::shoot(*opened, QStringLiteral("polish-read-mode"));
    auto* toggle = opened->findChild<QAction*>(QStringLiteral("toggleEditing"));
    REQUIRE(toggle);
    CHECK(toggle->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E));
    toggle->trigger();
    CHECK(opened->isEditing());
    CHECK(opened->editingBanner().isVisible());
    CHECK(opened->form().styleSheet().isEmpty());
    opened->resize(900, 700);
    test::shoot(*opened, QStringLiteral("polish-edit-mode"));
    // Back to reading with unsaved changes: Discard restores the stored value.
    test::fill(*opened, QStringLiteral("NoiDung"), S("Họp khác"));
    test::answerNextMessageBox(QMessageBox::Discard);
    toggle->trigger();
    CHECK_FALSE(opened->isEditing());
    CHECK(opened->form().editor(QStringLiteral("NoiDung"))->text() == S("Họp giao ban"));
}

TEST_CASE("A time field takes 14h, 14h30, 14:00 and 1400", "[gui][polish]")
{
    test::GuiFixture f;
    auto page = f.create(QStringLiteral("cal"), QStringLiteral("LichCongTac"));
    gui::FieldEditor* time = page->form().editor(QStringLiteral("Gio"));
    REQUIRE(time);
    for (const auto& [typed, stored] : {std::pair{"14h", "14:00"}, std::pair{"14h30", "14:30"},
                                        std::pair{"14:00", "14:00"}, std::pair{"1400", "14:00"}}) {
        time->setText(QString::fromLatin1(typed));
        INFO(typed);
        CHECK(time->inputError().isEmpty());
        REQUIRE(time->item());
        CHECK(time->item()->toText() == QString::fromLatin1(stored));
    }
    time->setText(QStringLiteral("25h"));
    CHECK_FALSE(time->inputError().isEmpty());
}

TEST_CASE("A news article reads as an article, and its form returns for editing", "[gui][polish]")
{
    test::GuiFixture f;
    auto page = f.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    test::fill(*page, QStringLiteral("TieuDe"), S("Hội nghị tổng kết năm 2026"));
    test::fill(*page, QStringLiteral("TomTat"), S("Sáng nay, Huyện ủy tổng kết công tác năm."));
    test::fill(*page, QStringLiteral("ChuyenMuc"), S("Hoạt động"));
    test::fill(*page, QStringLiteral("TacGia"), S("Trần Thị Bình"));
    test::fill(*page, QStringLiteral("NoiDung"), S("<p>Nội dung <b>chi tiết</b> của bài.</p>"));
    REQUIRE(page->save().isOk());
    CHECK_FALSE(page->showsArticle()); // still editing after a save

    auto opened = f.open(QStringLiteral("news"), page->unid());
    opened->show();
    REQUIRE(opened->showsArticle());
    CHECK_FALSE(opened->form().isVisible());
    const QString html = opened->article().html();
    CHECK(html.contains(S("<h1")));
    CHECK(html.contains(S("Hội nghị tổng kết năm 2026")));
    CHECK(html.contains(S("HOẠT ĐỘNG")));
    CHECK(html.contains(S("Trần Thị Bình")));
    CHECK(html.contains(S("Sáng nay, Huyện ủy tổng kết công tác năm.")));
    CHECK(html.contains(S("chi tiết")));
    CHECK_FALSE(html.contains(S("<table"))); // not a grid of labels and values
    opened->setEditing(true);
    CHECK_FALSE(opened->showsArticle());
    CHECK(opened->form().isVisible());
}

TEST_CASE("One unreadable database is a marked tile and the others still work", "[gui][polish]")
{
    // A damaged replica file beside three good ones: the workspace lists all four, the damaged
    // one with a plain explanation, the others with their counts; Workspace::list() gives the
    // three readable ones instead of failing.
    test::GuiFixture f;
    {
        QFile broken(f.workspace->replicaPath(QStringLiteral("hong")));
        REQUIRE(broken.open(QIODevice::WriteOnly));
        QByteArray junk("this is not a database at all; ");
        broken.write(junk.repeated(200));
    }
    const auto listed = f.workspace->list();
    REQUIRE(listed.isOk());
    CHECK(listed->size() == 3);
    CHECK(f.workspace->scan().unreadable.size() == 1);

    gui::WorkspaceModel model(*f.workspace);
    CHECK_FALSE(model.reload().isOk());
    REQUIRE(model.rowCount() == 4);
    const int bad = model.rowOf(QStringLiteral("hong"));
    REQUIRE(bad >= 0);
    const QModelIndex tile = model.index(bad);
    CHECK_FALSE(tile.data(gui::WorkspaceModel::ProblemRole).toString().isEmpty());
    CHECK(tile.data(Qt::ToolTipRole)
              .toString()
              .contains(tile.data(gui::WorkspaceModel::ProblemRole).toString()));
    CHECK(tile.data(Qt::DecorationRole).value<QIcon>().cacheKey() ==
          gui::icon(gui::Icon::Warning).cacheKey());
    for (const char* good : {"docs", "cal", "news"}) {
        const QModelIndex index = model.index(model.rowOf(QLatin1String(good)));
        CHECK(index.data(gui::WorkspaceModel::ProblemRole).toString().isEmpty());
    }

    // The tile's menu offers nothing that needs the file; a good tile's offers Open.
    gui::WorkspacePage page(model);
    std::unique_ptr<QMenu> badMenu(page.contextMenuFor(tile));
    for (QAction* action : badMenu->actions())
        if (!action->isSeparator())
            CHECK_FALSE(action->isEnabled());
    std::unique_ptr<QMenu> goodMenu(page.contextMenuFor(model.index(model.rowOf(QStringLiteral("docs")))));
    CHECK(goodMenu->actions().front()->isEnabled());
    page.resize(1000, 400);
    page.show();
    test::shoot(page, QStringLiteral("polish-unreadable-tile"));
}

TEST_CASE("Qt's file dialog speaks Vietnamese", "[gui][polish][i18n]")
{
    auto& app = *qobject_cast<QApplication*>(QCoreApplication::instance());
    REQUIRE(gui::Translations::install(app, gui::Language::Vietnamese));
    {
        QFileDialog dialog(nullptr, QStringLiteral("Chọn tệp"));
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        auto* label = dialog.findChild<QLabel*>(QStringLiteral("fileNameLabel"));
        REQUIRE(label);
        CHECK(label->text() == QCoreApplication::translate("QFileDialog", "File &name:"));
        CHECK(label->text() != QStringLiteral("File &name:"));
        auto* lookIn = dialog.findChild<QLabel*>(QStringLiteral("lookInLabel"));
        REQUIRE(lookIn);
        CHECK(lookIn->text() == S("Tìm trong:"));
        CHECK(QCoreApplication::translate("QFileDialog", "%1 already exists.\nDo you want to replace it?") !=
              QStringLiteral("%1 already exists.\nDo you want to replace it?"));
    }
    REQUIRE(gui::Translations::install(app, gui::Language::English));
}

// A main window on a server's office, for the tests below.
struct WindowOffice
{
    WindowOffice() : office(server, QStringLiteral("Nguyễn Văn An")) {}
    test::ServerFixture server;
    test::SyncTestOffice office;
    gui::UserSession session() { return gui::UserSession{office.workspace, office.credentials}; }
};

TEST_CASE("The status bar says Online only after a sync reached its server, Offline when syncs fail",
          "[gui][polish][sync]")
{
    WindowOffice o;
    o.server.createDatabase(QStringLiteral("vanban"), acl::AccessLevel::Editor);
    gui::MainWindow window(o.session());
    auto* status = window.findChild<QLabel*>(QStringLiteral("syncStatus"));
    REQUIRE(status);
    CHECK(status->text() == gui::MainWindow::tr("Not synced yet"));
    test::ControllerLog log(window.syncController());

    window.syncController().addReplica(o.office.settings(QStringLiteral("vanban")));
    REQUIRE(log.waitFinished(1));
    REQUIRE(log.finished.back().status.isOk());
    CHECK(test::waitUntil([&] { return !window.syncController().isBusy(); }, 10'000));
    CHECK(status->text() == gui::MainWindow::tr("Online"));

    // A server nobody listens on: the sync fails and the status bar says so, with why.
    client::ReplicaSettings nowhere = o.office.settings(QStringLiteral("lich"));
    nowhere.server = QStringLiteral("127.0.0.1:1");
    window.syncController().addReplica(nowhere);
    REQUIRE(log.waitFinished(2));
    CHECK_FALSE(log.finished.back().status.isOk());
    CHECK(test::waitUntil([&] { return !window.syncController().isBusy(); }, 10'000));
    CHECK(status->text() == gui::MainWindow::tr("Offline"));
    CHECK_FALSE(status->toolTip().isEmpty());
    CHECK(window.connectivity().state() == client::Connectivity::State::Offline);
    window.resize(1000, 500);
    window.show();
    test::shoot(window, QStringLiteral("polish-status-offline"));
}

TEST_CASE("The main window fits a 1366x768 screen and remembers its geometry", "[gui][polish]")
{
    WindowOffice o;
    {
        gui::MainWindow window(o.session());
        // Every page the window shows: the workspace, a database of each kind, a new document
        // of each main form.
        for (auto [name, kind] :
             {std::pair{"docs", DatabaseKind::Documents}, std::pair{"cal", DatabaseKind::Calendar},
              std::pair{"news", DatabaseKind::News}})
            REQUIRE(o.office.workspace.createDatabase(QLatin1String(name), kind, QLatin1String(name)).isOk());
        window.refreshWorkspace();
        for (const char* name : {"docs", "cal", "news"}) {
            REQUIRE(gui::DatabasePage::openInWindow(window, QLatin1String(name)));
            const DatabaseKind kind = window.databases().session(QLatin1String(name)).value()->kind();
            for (const forms::FormDefinition* form : forms::FormCatalog::mainForms(kind)) {
                // Some forms are made only by the office's administrators (a register book):
                // the page is checked for those the user may create.
                auto page = gui::DocumentPage::create(window.databases(), QLatin1String(name), form->name);
                if (page)
                    window.tabs().addTab(*page, (*page)->title());
            }
        }
        window.resize(1366, 728); // the screen less a task bar
        window.show();
        QApplication::processEvents();
        const QSize hint = window.minimumSizeHint();
        INFO("minimum " << hint.width() << "x" << hint.height());
        CHECK(hint.width() <= 1366);
        CHECK(hint.height() <= 728);
        for (int i = 0; i < window.tabs().count(); ++i) {
            QWidget* page = window.tabs().widget(i);
            INFO(window.tabs().tabText(i).toStdString()
                 << " " << page->minimumSizeHint().width() << "x" << page->minimumSizeHint().height());
            CHECK(page->minimumSizeHint().width() <= 1366);
            CHECK(page->minimumSizeHint().height() <= 728 - 60);
        }
        // Closing: the new documents are untouched, so nothing asks.
        window.resize(1000, 640);
        window.move(30, 20);
        REQUIRE(window.close());
    }
    gui::MainWindow again(o.session());
    CHECK(again.size() == QSize(1000, 640));
    const QSettings settings(again.settingsPath(), QSettings::IniFormat);
    CHECK(settings.contains(QStringLiteral("window/geometry")));
}

TEST_CASE("Right-click menus and shortcuts of a database page", "[gui][polish]")
{
    WindowOffice o;
    REQUIRE(o.office.workspace
                .createDatabase(QStringLiteral("docs"), DatabaseKind::Documents, QStringLiteral("docs"))
                .isOk());
    gui::MainWindow window(o.session());
    window.resize(1200, 700);
    window.show();
    auto session = window.databases().session(QStringLiteral("docs")).value();
    const Document doc =
        session
            ->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                       .set(Item::text(QStringLiteral("TrichYeu"), S("V/v chuẩn bị Hội nghị")))
                       .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("12/UBND"))))
            .value();
    gui::DatabasePage* page = gui::DatabasePage::openInWindow(window, QStringLiteral("docs"));
    REQUIRE(page);
    REQUIRE(test::waitUntil([&] { return page->isReady() && page->model()->rowCount() > 0; }, 60'000));
    const QModelIndex row = page->model()->index(0, 0);
    page->view()->setCurrentIndex(row);
    CHECK(page->preview()->html().contains(S("V/v chuẩn bị Hội nghị")));

    std::unique_ptr<QMenu> menu(page->contextMenuFor(row));
    const QStringList names = actionNames(*menu);
    INFO(names.join(QStringLiteral(", ")).toStdString());
    for (const char* expected : {"editDocument", "delete", "printRegister", "copyLink"})
        CHECK(names.contains(QLatin1String(expected)));
    CHECK(menu->findChild<QMenu*>(QStringLiteral("newResponse")) != nullptr);
    // The shortcuts, each shown in its tooltip.
    auto shortcutOf = [&](const char* name) {
        auto* action = page->findChild<QAction*>(QLatin1String(name));
        REQUIRE(action);
        CHECK(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)));
        return action->shortcut();
    };
    CHECK(shortcutOf("newFirstForm") == QKeySequence(QKeySequence::New));
    CHECK(shortcutOf("editDocument") == QKeySequence(Qt::CTRL | Qt::Key_E));
    CHECK(shortcutOf("printRegister") == QKeySequence(QKeySequence::Print));
    CHECK(shortcutOf("find") == QKeySequence(QKeySequence::Find));
    CHECK(shortcutOf("delete") == QKeySequence(QKeySequence::Delete));
    auto* sync = window.findChild<QAction*>(QStringLiteral("syncNow"));
    REQUIRE(sync);
    CHECK(sync->shortcut() == QKeySequence(Qt::Key_F9));

    // After a save elsewhere (a document page), the preview shows the new text at once.
    gui::DocumentPage* opened = gui::DocumentPage::openInWindow(window, QStringLiteral("docs"), doc.unid);
    REQUIRE(opened);
    opened->setEditing(true);
    fillRequired(*opened);
    test::fill(*opened, QStringLiteral("TrichYeu"), S("V/v hoãn Hội nghị"));
    REQUIRE(opened->save().isOk());
    CHECK(window.statusBar()->currentMessage().contains(S("Saved")));
    CHECK(page->preview()->html().contains(S("V/v hoãn Hội nghị")));

    // Edit (Ctrl+E) opens the current document in edit mode.
    REQUIRE(opened->close());
    window.tabs().removeTab(window.tabs().indexOf(opened));
    opened->deleteLater();
    window.tabs().setCurrentWidget(page);
    page->view()->setCurrentIndex(page->model()->index(0, 0));
    // The keys themselves, in the active window: Ctrl+F goes to the search box, Ctrl+E edits.
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_F, Qt::ControlModifier);
    CHECK(page->findChild<QLineEdit*>(QStringLiteral("searchBox"))->hasFocus());
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_E, Qt::ControlModifier);
    auto* editing = qobject_cast<gui::DocumentPage*>(window.tabs().currentWidget());
    REQUIRE(editing);
    CHECK(editing->isEditing());
}

TEST_CASE("Choosing another language offers to restart Sen", "[gui][polish][i18n]")
{
    WindowOffice o;
    gui::MainWindow window(o.session());
    bool restarted = false;
    window.setRestarter([&] { restarted = true; });
    auto* english = window.findChild<QAction*>(QStringLiteral("language-en"));
    REQUIRE(english);
    bool asked = false;
    test::answerNextMessageBox(QMessageBox::No, &asked);
    english->trigger();
    CHECK(asked);
    CHECK_FALSE(restarted);
    {
        const QSettings settings(window.settingsPath(), QSettings::IniFormat);
        CHECK(gui::Translations::saved(settings) == gui::Language::English);
    }
    auto* vietnamese = window.findChild<QAction*>(QStringLiteral("language-vi"));
    REQUIRE(vietnamese);
    asked = false;
    test::answerNextMessageBox(QMessageBox::Yes, &asked);
    vietnamese->trigger();
    CHECK(asked);
    CHECK(restarted);
}
