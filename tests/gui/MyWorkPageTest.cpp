// The home page "Việc của tôi" in the real main window (issue #14; docs/workflow.md "My
// work"): the user's assigned work by section with counts, the overdue row red and the
// due-soon one amber, the counts on the database's tile, a row opening its document in a tab,
// and a direction saved later appearing marked new. Then the view of incoming documents: its
// status column shows the derived state and the due marker, from the workflow index. Real
// replica files, offscreen.

#include "client/gui/workspace/MyWorkPage.h"

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/views/ViewModel.h"
#include "client/gui/workspace/MyWorkModel.h"
#include "client/gui/workspace/WorkspaceModel.h"
#include "common/workflow/Steps.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QLabel>
#include <QTabWidget>
#include <QTimeZone>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace sen;
using gui::MyWorkModel;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Unid save(app::DatabaseSession& session, const DocumentEdit& edit)
{
    auto saved = session.save(edit);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved);
    return saved->unid;
}

Unid incoming(app::DatabaseSession& session, const QString& number, const QString& summary)
{
    return save(session, std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                       .set(Item::text(QStringLiteral("SoKyHieu"), number))
                                       .set(Item::text(QStringLiteral("TrichYeu"), summary))));
}

void direct(app::DatabaseSession& session, const Unid& doc, const QString& lead, const QDate& deadline)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("PhieuXuLy"), doc);
    edit.set(Item::text(QStringLiteral("CapYKien"), QString::fromUtf16(workflow::kLevelAgency)))
        .set(Item::text(QStringLiteral("NoiDungChiDao"), S("Giao xử lý")))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {lead}))
        .set(Item::dateTime(QStringLiteral("HanXuLy"), QDateTime(deadline, QTime(0, 0), QTimeZone::utc())));
    save(session, edit);
}

// The work rows of the section `section`, by title.
QHash<QString, QModelIndex> rowsOf(const MyWorkModel& model, app::WorkSection section)
{
    QHash<QString, QModelIndex> rows;
    const QModelIndex top = model.sectionIndex(section);
    for (int r = 0; r < model.rowCount(top); ++r)
        rows.insert(model.index(r, MyWorkModel::TitleColumn, top).data().toString(),
                    model.index(r, MyWorkModel::TitleColumn, top));
    return rows;
}

} // namespace

TEST_CASE("The home page lists my work with its deadlines, counts it on the tile and opens a row",
          "[gui][mywork]")
{
    test::ServerFixture f;
    test::SyncTestOffice office(f, S("Nguyễn Văn An"));
    const QString me = office.credentials.name.toString();
    REQUIRE(
        office.workspace.createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents, S("Văn bản đến")));
    const QDate today = QDate::currentDate();
    {
        auto session = app::DatabaseSession::open(office.workspace, QStringLiteral("vanban"), me);
        REQUIRE(session);
        const Unid late = incoming(**session, QStringLiteral("12/UBND"), S("Về việc báo cáo quý IV"));
        direct(**session, late, me, today.addDays(-3));
        const Unid soon = incoming(**session, QStringLiteral("13/SNV"), S("Về việc thi đua khen thưởng"));
        direct(**session, soon, me, today.addDays(1));
        const Unid other = incoming(**session, QStringLiteral("14/STC"), S("Về việc dự toán"));
        direct(**session, other, S("Trần Thị Bình/VPTU/HaNoi"), today.addDays(-3));
    }

    gui::MainWindow window(gui::UserSession{office.workspace, office.credentials});
    window.resize(1280, 760);
    gui::MyWorkPage& page = window.myWorkPage();
    const MyWorkModel& model = page.model();
    REQUIRE(test::waitUntil([&] { return rowsOf(model, app::WorkSection::Assigned).size() == 2; }, 30'000));
    auto assigned = rowsOf(model, app::WorkSection::Assigned);
    REQUIRE(assigned.size() == 2);
    const QString lateTitle = S("12/UBND — Về việc báo cáo quý IV");
    const QString soonTitle = S("13/SNV — Về việc thi đua khen thưởng");
    REQUIRE(assigned.contains(lateTitle));
    REQUIRE(assigned.contains(soonTitle));
    CHECK(model.sectionIndex(app::WorkSection::Assigned).data().toString().contains(QStringLiteral("(2)")));
    // Overdue first, red; due soon amber.
    CHECK(model.index(0, MyWorkModel::TitleColumn, model.sectionIndex(app::WorkSection::Assigned)).data() ==
          lateTitle);
    CHECK(assigned[lateTitle].data(MyWorkModel::DueRole).toInt() == int(workdays::DeadlineState::Overdue));
    CHECK(assigned[lateTitle].data(Qt::ForegroundRole).value<QBrush>().color() == QColor(0xc6, 0x28, 0x28));
    CHECK(assigned[soonTitle].data(MyWorkModel::DueRole).toInt() == int(workdays::DeadlineState::DueSoon));
    CHECK(assigned[soonTitle].data(Qt::ForegroundRole).value<QBrush>().color() == QColor(0xb2, 0x6a, 0x00));
    CHECK(page.summary()->text().contains(QStringLiteral("1 overdue")));
    // (The model's indexes do not outlive a refresh: keep what is needed later.)
    const QString lateHex = assigned[lateTitle].data(MyWorkModel::UnidRole).toString();
    const QString soonHex = assigned[soonTitle].data(MyWorkModel::UnidRole).toString();

    // The tile counts the work and what is overdue.
    const gui::WorkspaceModel& tiles = window.workspaceModel();
    const QModelIndex tile = tiles.index(tiles.rowOf(QStringLiteral("vanban")));
    CHECK(tile.data(gui::WorkspaceModel::WorkRole).toInt() == 2);
    CHECK(tile.data(gui::WorkspaceModel::OverdueRole).toInt() == 1);
    CHECK(tile.data(gui::WorkspaceModel::SubtitleRole)
              .toString()
              .contains(QStringLiteral("2 to do, 1 overdue")));
    test::shoot(window, QStringLiteral("my-work"));

    // A row opens its document in a tab of its own.
    Q_EMIT page.view()->activated(assigned[soonTitle]);
    gui::DocumentPage* opened = nullptr;
    for (int i = 0; i < window.tabs().count(); ++i)
        if (auto* doc = qobject_cast<gui::DocumentPage*>(window.tabs().widget(i)))
            opened = doc;
    REQUIRE(opened);
    CHECK(opened->replicaName() == QStringLiteral("vanban"));
    CHECK(opened->unid().toHex() == soonHex);
    // A section's row opens nothing.
    const int tabs = window.tabs().count();
    Q_EMIT page.view()->activated(model.sectionIndex(app::WorkSection::Assigned));
    CHECK(window.tabs().count() == tabs);

    // A direction saved through the window's session: the page follows, the row marked new.
    auto session = window.databases().session(QStringLiteral("vanban"));
    REQUIRE(session);
    const Unid fresh = incoming(**session, QStringLiteral("15/SYT"), S("Về việc phòng dịch"));
    direct(**session, fresh, me, today.addDays(30));
    REQUIRE(test::waitUntil([&] { return rowsOf(page.model(), app::WorkSection::Assigned).size() == 3; },
                            30'000));
    const auto after = rowsOf(page.model(), app::WorkSection::Assigned);
    const QModelIndex added = after[S("15/SYT — Về việc phòng dịch")];
    REQUIRE(added.isValid());
    CHECK(added.siblingAtColumn(MyWorkModel::WhatColumn).data().toString().startsWith(QStringLiteral("New")));
    CHECK_FALSE(after[lateTitle]
                    .siblingAtColumn(MyWorkModel::WhatColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("New")));
    CHECK(page.summary()->text().contains(QStringLiteral("1 new")));
    CHECK(tiles.index(tiles.rowOf(QStringLiteral("vanban"))).data(gui::WorkspaceModel::WorkRole).toInt() ==
          3);

    // The incoming view: the status column says where each document stands, due rows coloured.
    gui::DatabasePage* database = gui::DatabasePage::openInWindow(window, QStringLiteral("vanban"));
    REQUIRE(database);
    REQUIRE(test::waitUntil([&] { return database->isReady(); }, 30'000));
    database->showView(QStringLiteral("incoming-by-date"));
    auto* view = qobject_cast<gui::ViewModel*>(database->model());
    REQUIRE(view);
    int status = -1;
    for (int c = 0; c < view->columnCount(); ++c)
        if (view->headerData(c, Qt::Horizontal).toString() == QStringLiteral("Status"))
            status = c;
    REQUIRE(status >= 0);
    auto rowOf = [&](const QString& hex) {
        for (int r = 0; r < view->rowCount(); ++r)
            if (view->index(r, 0).data(gui::ViewModel::UnidRole).toString() == hex)
                return view->index(r, 0);
        return QModelIndex();
    };
    REQUIRE(test::waitUntil([&] { return rowOf(lateHex).isValid(); }, 30'000));
    const QModelIndex lateRow = rowOf(lateHex);
    const QString shown = lateRow.siblingAtColumn(status).data().toString();
    CHECK(shown.startsWith(QStringLiteral("Directed")));
    CHECK(shown.contains(QStringLiteral("overdue ") +
                         today.addDays(-3).toString(QStringLiteral("dd/MM/yyyy"))));
    CHECK(lateRow.data(Qt::ForegroundRole).value<QColor>() == QColor(0xc6, 0x28, 0x28));
    // Due in a month: its state alone, in the usual colour.
    const QModelIndex plain = rowOf(fresh.toHex());
    REQUIRE(plain.isValid());
    CHECK(plain.siblingAtColumn(status).data().toString() == QStringLiteral("Directed"));
    CHECK_FALSE(plain.data(Qt::ForegroundRole).isValid());
    test::shoot(window, QStringLiteral("incoming-view-processing"));
}
