// The database page during a first build of its view index (docs/views.md §"The first view
// first"): a notice in place of a view not yet built, the first view shown as soon as it is
// built with a line saying the others are still being built, a second view chosen meanwhile
// shown when built, and the line gone once every view is.

#include "client/app/IndexUpdater.h"
#include "client/app/ViewIndexers.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/database/IndexProgress.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/client/ViewFixture.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>

using namespace sen;
using test::S;

namespace {

struct Office
{
    Office() : office(server, QStringLiteral("Nguyễn Văn An")) {}
    test::ServerFixture server;
    test::SyncTestOffice office;
    gui::UserSession session() { return gui::UserSession{office.workspace, office.credentials}; }
};

} // namespace

TEST_CASE("A database page shows the wait while its views are first built, the first view as soon as it is",
          "[gui][views][first-view]")
{
    Office o;
    {
        auto store = o.office.workspace.createDatabase(QStringLiteral("docs"), DatabaseKind::Documents,
                                                       QStringLiteral("docs"));
        REQUIRE(store);
        test::requireOk((*store)->batch([&] {
            for (int n = 1; n <= 4000; ++n) {
                auto saved = (*store)->save(
                    DocumentEdit::create(QStringLiteral("VanBanDen"))
                        .set(Item::number(QStringLiteral("SoDen"), n))
                        .set(Item::dateTime(QStringLiteral("NgayDen"), test::november(1 + n % 28)))
                        .set(Item::text(QStringLiteral("SoKyHieu"),
                                        QString::number(n) + QStringLiteral("-CV/TU")))
                        .set(Item::text(QStringLiteral("LoaiVanBan"), n % 2 ? S("Công văn") : S("Tờ trình")))
                        .set(Item::text(QStringLiteral("TrichYeu"), S("V/v báo cáo số %1").arg(n))));
                if (!saved)
                    return saved.status();
            }
            return Status::ok();
        }));
    }
    gui::MainWindow window(o.session());
    window.resize(1200, 700);
    window.show();
    gui::DatabasePage* page = gui::DatabasePage::openInWindow(window, QStringLiteral("docs"));
    REQUIRE(page);
    auto* notice = page->findChild<QLabel*>(QStringLiteral("indexNotice"));
    auto* line = page->findChild<QLabel*>(QStringLiteral("indexProgress"));
    auto* stack = page->findChild<QStackedWidget*>();
    REQUIRE(notice);
    REQUIRE(line);
    REQUIRE(stack);
    // Before the first view is built: the notice in its place.
    CHECK_FALSE(page->isReady());
    CHECK(stack->currentWidget() == notice);
    CHECK(notice->text() ==
          gui::IndexProgress::tr(
              "Indexing the database… The first opening of a large database takes a few seconds."));
    test::shoot(window, QStringLiteral("view-first-wait"));

    // When the first view is reported built (the others still being built), it is shown with
    // the line above it; a second view chosen then waits behind the notice.
    app::IndexUpdater* updater = window.indexers().forReplica(QStringLiteral("docs")).value();
    bool firstSeen = false;
    bool lineShown = false;
    QString lineText;
    bool secondWaited = false;
    QString noticeText;
    QObject::connect(updater, &app::IndexUpdater::viewsReady, page, [&] {
        if (firstSeen)
            return;
        firstSeen = true;
        CHECK(page->isReady());
        CHECK(page->currentViewId() == QStringLiteral("incoming-by-date"));
        CHECK(page->model()->rowCount() == 4000);
        lineShown = line->isVisibleTo(page);
        lineText = line->text();
        test::shoot(window, QStringLiteral("view-first-others-building"));
        page->showView(QStringLiteral("by-type"));
        secondWaited = stack->currentWidget() == notice;
        noticeText = notice->text();
        test::shoot(window, QStringLiteral("view-first-second-view-waits"));
    });
    REQUIRE(test::waitUntil([&] { return firstSeen; }, 120'000));
    CHECK(lineShown);
    CHECK(lineText ==
          gui::IndexProgress::tr("Building the other views of this database: %1 of %2 ready. Each "
                                 "opens as soon as it is built.")
              .arg(1)
              .arg(updater->viewCount()));
    CHECK(secondWaited);
    CHECK(noticeText.contains(S("By type")));

    // The second view opens by itself once built; the line goes when every view is.
    REQUIRE(test::waitUntil([&] { return page->currentViewId() == QStringLiteral("by-type"); }, 120'000));
    CHECK(stack->currentWidget() == static_cast<QWidget*>(page->view()));
    CHECK(page->model()->rowCount() == 2); // its two categories
    REQUIRE(test::waitUntil([&] { return updater->readyViews() == updater->viewCount(); }, 120'000));
    CHECK_FALSE(line->isVisibleTo(page));
    test::shoot(window, QStringLiteral("view-first-all-built"));
}
