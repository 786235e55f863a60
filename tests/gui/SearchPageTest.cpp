// The search of a database page (issue #13): the advanced row's fields, the scope "all
// databases", the results' columns (database, the form's title, số ký hiệu, date, trích yếu)
// and a hit of another database opening in its own document tab. Real replica files, the
// real main window.

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/database/SearchBar.h"
#include "client/gui/database/SearchResultsModel.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/views/ViewModel.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QAction>
#include <QTabWidget>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace sen;
using gui::SearchResultsModel;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Unid save(client::Workspace& workspace, const QString& db, DocumentEdit edit)
{
    auto session = app::DatabaseSession::open(workspace, db);
    REQUIRE(session);
    auto saved = (*session)->save(edit);
    REQUIRE(saved);
    return saved->unid;
}

QString cell(QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

TEST_CASE("The advanced search finds by fields, in every database, and opens a hit where it lives",
          "[search]")
{
    test::ServerFixture f;
    test::SyncTestOffice office(f, S("Nguyễn Văn An"));
    REQUIRE(office.workspace.createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents,
                                            S("Văn bản Huyện ủy")));
    REQUIRE(office.workspace.createDatabase(QStringLiteral("luutru"), DatabaseKind::Documents,
                                            S("Lưu trữ 2025")));
    const Unid decision = save(
        office.workspace, QStringLiteral("vanban"),
        std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                      .set(Item::text(QStringLiteral("SoKyHieu"), S("15/QĐ-UBND")))
                      .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("UBND tỉnh Hà Nam")))
                      .set(Item::dateTime(QStringLiteral("NgayBanHanh"),
                                          QDateTime(QDate(2026, 3, 10), QTime(9, 0))))
                      .set(Item::text(QStringLiteral("TrichYeu"), S("Đang xử lý công văn của Huyện ủy")))));
    const Unid archived =
        save(office.workspace, QStringLiteral("luutru"),
             std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                           .set(Item::text(QStringLiteral("SoKyHieu"), S("20-NQ/ĐU")))
                           .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("Đảng ủy phường")))
                           .set(Item::dateTime(QStringLiteral("NgayBanHanh"),
                                               QDateTime(QDate(2025, 6, 2), QTime(9, 0))))
                           .set(Item::text(QStringLiteral("TrichYeu"), S("Nghị quyết của Đảng ủy phường")))));

    gui::MainWindow window(gui::UserSession{office.workspace, office.credentials});
    window.resize(1280, 760);
    gui::DatabasePage* page = gui::DatabasePage::openInWindow(window, QStringLiteral("vanban"));
    REQUIRE(page);
    REQUIRE(test::waitUntil([&] { return page->isReady(); }, 30'000));
    gui::SearchBar* bar = page->searchBar();
    REQUIRE(bar);
    CHECK(bar->isHidden());
    page->advancedSearchAction()->setChecked(true);
    CHECK_FALSE(bar->isHidden());

    // A số ký hiệu alone, in this database: the columns read as people read the register.
    bar->setNumber(S("15/qd"));
    page->search(QString());
    QAbstractItemModel* model = page->model();
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, 0).data(gui::ViewModel::UnidRole).toString() == decision.toHex());
    CHECK(cell(model, 0, SearchResultsModel::DatabaseColumn) == S("Văn bản Huyện ủy"));
    CHECK(cell(model, 0, SearchResultsModel::FormColumn) == S("Incoming document"));
    CHECK(cell(model, 0, SearchResultsModel::NumberColumn) == S("15/QĐ-UBND"));
    CHECK(cell(model, 0, SearchResultsModel::DateColumn) == S("10/03/2026"));
    CHECK(cell(model, 0, SearchResultsModel::AbstractColumn) == S("Đang xử lý công văn của Huyện ủy"));

    // Words in every database: the words as typed first, whichever database holds them.
    bar->setNumber({});
    bar->setAllDatabases(true);
    page->search(S("dang uy"));
    model = page->model();
    REQUIRE(model->rowCount() == 2);
    CHECK(model->index(0, 0).data(SearchResultsModel::DatabaseRole).toString() == QStringLiteral("luutru"));
    CHECK(cell(model, 0, SearchResultsModel::DatabaseColumn) == S("Lưu trữ 2025"));
    CHECK(cell(model, 1, SearchResultsModel::DatabaseColumn) == S("Văn bản Huyện ủy"));
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column)
            CHECK_FALSE(cell(model, row, column).contains(QStringLiteral("VanBanDen")));
    }
    // An issuer and dates narrow it; a malformed date leaves the results alone.
    bar->setIssuer(S("phuong"));
    bar->setDates(S("01/01/2025"), S("31/12/2025"));
    page->search(S("dang uy"));
    model = page->model();
    REQUIRE(model->rowCount() == 1);
    page->view()->setCurrentIndex(model->index(0, 0));
    test::shoot(window, QStringLiteral("search-advanced"));
    bar->setDates(S("32/01/2025"), {});
    page->search(S("dang uy"));
    CHECK(page->model() == model);

    // Opening the hit of the other database opens its document, in that database.
    // Hidden, the row's fields and scope do not count: the words alone, in this database.
    page->advancedSearchAction()->setChecked(false);
    page->search(S("dang uy"));
    REQUIRE(page->model()->rowCount() == 1);
    CHECK(page->model()->index(0, 0).data(gui::ViewModel::UnidRole).toString() == decision.toHex());
    page->advancedSearchAction()->setChecked(true);
    bar->setDates({}, {});
    page->search(S("dang uy"));
    model = page->model();
    REQUIRE(model->rowCount() == 1);
    REQUIRE(model->index(0, 0).data(gui::ViewModel::UnidRole).toString() == archived.toHex());

    // The hit is not this database's to delete, file or mark.
    page->view()->setCurrentIndex(model->index(0, 0));
    CHECK_FALSE(page->currentDocument());
    Q_EMIT page->view()->activated(model->index(0, 0));
    gui::DocumentPage* opened = nullptr;
    for (int i = 0; i < window.tabs().count(); ++i) {
        if (auto* doc = qobject_cast<gui::DocumentPage*>(window.tabs().widget(i)))
            opened = doc;
    }
    REQUIRE(opened);
    CHECK(opened->replicaName() == QStringLiteral("luutru"));
    CHECK(opened->unid() == archived);
}
