// The replication page and the main window's replication wiring against an in-process server
// over real TLS: rows and progress from the controller, errors in plain words, refused edits,
// work offline, the add-replica dialog, and closing the window mid-sync.

#include "client/gui/replication/ReplicationPage.h"

#include "client/app/OpenDatabases.h"
#include "client/core/ErrorText.h"
#include "client/core/RefusedChanges.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/forms/DocumentForm.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/FieldEditor.h"
#include "client/gui/replication/AddReplicaDialog.h"
#include "client/gui/replication/ReplicationModel.h"
#include "client/gui/workspace/WorkspacePage.h"
#include "client/sync/SyncController.h"
#include "client/sync/SyncScheduler.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QAction>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTcpServer>

#include <catch2/catch.hpp>

using namespace sen;
using client::SyncController;
using client::SyncScheduler;
using gui::ReplicationModel;
using gui::ReplicationPage;
using test::ControllerLog;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");

quint16 closedPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost));
    return probe.serverPort();
}

} // namespace

TEST_CASE("The replication page shows a replica's sync with a progress bar, then its history",
          "[gui][replication]")
{
    // A replica is added from the server and synced while the page is shown: its row shows a
    // progress value while the session runs, then the last sync OK and a history row.
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 6000);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    SyncScheduler scheduler(office.workspace, controller);
    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    ReplicationPage page(databases, controller, scheduler);
    page.resize(1100, 600);
    page.show();
    ControllerLog log(controller);

    bool sawEstimate = false;
    QObject::connect(&page.model(), &QAbstractItemModel::dataChanged, [&](const QModelIndex& from) {
        const QVariant progress = page.model()
                                      .index(from.row(), ReplicationModel::ProgressColumn)
                                      .data(ReplicationModel::ProgressRole);
        if (progress.isValid() && progress.toDouble() > 0.0 && progress.toDouble() < 1.0) {
            sawEstimate = true;
            test::shoot(page, QStringLiteral("replication-syncing"));
        }
    });
    test::addReplicaAndWait(controller, log, office, kVanBan);
    REQUIRE(sawEstimate);

    const int row = page.model().rowOf(kVanBan);
    REQUIRE(row >= 0);
    REQUIRE(!page.model()
                 .index(row, ReplicationModel::ProgressColumn)
                 .data(ReplicationModel::ProgressRole)
                 .isValid());
    REQUIRE(page.model()
                .index(row, ReplicationModel::LastStatusRole)
                .data(ReplicationModel::LastStatusRole)
                .toInt() == static_cast<int>(ErrorCode::Ok));
    REQUIRE(page.model().index(row, ReplicationModel::ServerColumn).data().toString() ==
            office.serverAddress + QStringLiteral("/vanban"));
    page.select(kVanBan);
    REQUIRE(page.history().rowCount() == 1);
    REQUIRE(page.history().item(0, 1)->text() == QStringLiteral("6000"));
    REQUIRE(QDateTime::fromString(page.history().item(0, 0)->text(), QStringLiteral("dd/MM/yyyy HH:mm"))
                .isValid());
    REQUIRE(page.errors().rowCount() == 0);
    test::shoot(page, QStringLiteral("replication-done"));
}

TEST_CASE("An unreachable server shows on the page as a plain-words error", "[gui][replication]")
{
    // The replica's server stops answering (its address now points where nothing listens):
    // "sync now" ends in an error the page words as "cannot be reached", not as a code.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    SyncScheduler scheduler(office.workspace, controller);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    {
        auto store = office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        REQUIRE((*store)
                    ->setSetting(QStringLiteral("replication.server"),
                                 QStringLiteral("127.0.0.1:%1").arg(closedPort()))
                    .isOk());
    }
    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    ReplicationPage page(databases, controller, scheduler);
    page.select(kVanBan);
    REQUIRE(page.requestSync(kVanBan));
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].status.code() == ErrorCode::IoError);

    REQUIRE(page.errors().rowCount() >= 1);
    const QString sentence = page.errors().item(0, 1)->text();
    INFO(sentence.toStdString());
    REQUIRE(sentence.contains(QStringLiteral("cannot be reached")));
    REQUIRE(sentence.contains(QStringLiteral("nothing is lost")));
    const int row = page.model().rowOf(kVanBan);
    REQUIRE(page.model().index(row, ReplicationModel::ResultColumn).data().toString() ==
            QStringLiteral("Failed"));
    REQUIRE(page.model().index(row, ReplicationModel::ResultColumn).data(Qt::ToolTipRole).toString() ==
            sentence);
    test::shoot(page, QStringLiteral("replication-error"));
}

TEST_CASE("Plain words: revoked, expired, no access, disk full and a cut link each get their own sentence",
          "[gui][replication]")
{
    // The engine's codes and messages as the server and the transport word them.
    const QString server = QStringLiteral("sen.hanoi:1352");
    const auto say = [&](ErrorCode code, const char* message) {
        return client::ErrorText::sentence(code, QString::fromUtf8(message),
                                           client::ErrorContext::syncing(server, kVanBan));
    };
    REQUIRE(say(ErrorCode::PermissionDenied,
                "the peer refused: An/VPTU/HaNoi's certificate (serial 1F) has been revoked")
                .contains(QStringLiteral("revoked")));
    REQUIRE(say(ErrorCode::PermissionDenied,
                "the peer refused: An/VPTU/HaNoi's certificate expired on 2026-01-01")
                .contains(QStringLiteral("expired")));
    REQUIRE(say(ErrorCode::PermissionDenied, "the peer refused: An may not replicate vanban")
                .contains(QStringLiteral("no right to replicate")));
    REQUIRE(say(ErrorCode::DiskFull, "database or disk is full").contains(QStringLiteral("disk")));
    REQUIRE(
        say(ErrorCode::IoError, "connection lost: Remote host closed").contains(QStringLiteral("resume")));
    REQUIRE(say(ErrorCode::NotFound, "no database vanban").contains(QStringLiteral("no database named")));
    REQUIRE(say(ErrorCode::Cancelled, "stopped").contains(QStringLiteral("resumes where it stopped")));
}

TEST_CASE("An edit the server refused is listed with its document and reason", "[gui][replication]")
{
    // A reader writes a document in a database where readers may not create: the push is
    // refused, the document stays here, and the page's refused-edits list names it.
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Reader);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    SyncScheduler scheduler(office.workspace, controller);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    {
        auto store = office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        REQUIRE(
            (*store)
                ->save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                           .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Báo cáo quý III"))))
                .isOk());
    }
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].status.isOk());
    REQUIRE(log.finished[1].stats.refused == 1);

    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    ReplicationPage page(databases, controller, scheduler);
    page.select(kVanBan);
    REQUIRE(page.refusals().rowCount() == 1);
    REQUIRE(page.refusals().item(0, 0)->text() == QStringLiteral("Báo cáo quý III"));
    REQUIRE(page.refusals().item(0, 1)->text() ==
            QStringLiteral("Change refused by the server: You may not create documents in this database."));
    REQUIRE(page.history().item(0, 4)->text() == QStringLiteral("1"));
    page.resize(1100, 600);
    test::shoot(page, QStringLiteral("replication-refused"));
}

TEST_CASE("Restoring a refused edit from the replication page keeps it as a draft and the replica converges",
          "[gui][replication][refused]")
{
    // A reader's document is refused by the server; "Restore the server's version" on the
    // page's refused list moves it to the drafts database and syncs: the replica then holds
    // what the server holds (nothing), the list is empty, and the typed text is in the draft.
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Reader);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    SyncScheduler scheduler(office.workspace, controller);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    {
        auto store = office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        REQUIRE(
            (*store)
                ->save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                           .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Báo cáo quý III"))))
                .isOk());
    }
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].stats.refused == 1);

    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    ReplicationPage page(databases, controller, scheduler);
    QSignalSpy restored(&page, &ReplicationPage::replicaRestored);
    page.select(kVanBan);
    REQUIRE(page.refusals().rowCount() == 1);
    auto* button = page.findChild<QPushButton*>(QStringLiteral("restoreRefused"));
    REQUIRE(button);
    REQUIRE(button->isEnabled());
    button->click();
    REQUIRE(restored.size() == 1);
    REQUIRE(log.waitFinished(3));
    REQUIRE(log.finished[2].status.isOk());
    REQUIRE(log.finished[2].stats.refused == 0);
    page.select(kVanBan);
    REQUIRE(page.refusals().rowCount() == 0);
    REQUIRE_FALSE(button->isEnabled());
    REQUIRE(office.unids(kVanBan).isEmpty());
    auto drafts = office.workspace.openDatabase(client::RefusedChanges::draftsName(kVanBan));
    REQUIRE(drafts.isOk());
    int found = 0;
    REQUIRE((*drafts)
                ->forEachDocument([&](const Document& doc) {
                    found += doc.text(QStringLiteral("TrichYeu")) == QStringLiteral("Báo cáo quý III");
                    return true;
                })
                .isOk());
    REQUIRE(found == 1);
}

TEST_CASE(
    "A document whose edit the server refused shows a banner, and its button restores the server's version",
    "[gui][replication][refused]")
{
    // Hoa (Editor) wrote a document; An, a Reader, changes its subject and syncs: the server
    // refuses it. An's document page says so with the reason; "Restore the server's version"
    // keeps An's text as a draft, asks for a sync, and after it the page shows Hoa's text (and,
    // the access the sync stored being Reader, offers no Edit).
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Reader);
    f.setAccess(kVanBan, QStringLiteral("Lê Thị Hoa/") + f.orgName(), acl::AccessLevel::Editor);
    const QSslConfiguration hoa = f.user(QStringLiteral("Lê Thị Hoa"));
    auto writer = f.clientReplica(QStringLiteral("hoa.sen"), kVanBan, hoa);
    const auto written =
        writer->save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                         .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Kế hoạch tuần 12")))
                         .set(Item::text(QStringLiteral("DoMat"), QStringLiteral("Thường"))));
    REQUIRE(written.isOk());
    const Unid unid = written->unid;
    REQUIRE(f.sync(*writer, kVanBan, hoa).isOk());

    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    {
        auto store = office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        REQUIRE((*store)
                    ->save(DocumentEdit::update(unid).set(
                        Item::text(QStringLiteral("TrichYeu"), QStringLiteral("An sửa: kế hoạch tuần 13"))))
                    .isOk());
    }
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].stats.refused == 1);

    app::OpenDatabases replicas(office.workspace, office.credentials.name.toString());
    replicas.watch(controller); // what the sync stores reaches the page through its session
    auto opened = gui::DocumentPage::open(replicas, kVanBan, unid);
    REQUIRE(opened.isOk());
    std::unique_ptr<gui::DocumentPage> page(*opened);
    page->resize(900, 700);
    page->show();
    REQUIRE(page->showsRefusal());
    REQUIRE(
        page->refusalText() ==
        QStringLiteral("Change refused by the server: Your access to this database lets you read documents "
                       "but not change them."));
    test::shoot(*page, QStringLiteral("document-refused"));

    QSignalSpy syncRequested(page.get(), &gui::DocumentPage::syncRequested);
    page->findChild<QPushButton*>(QStringLiteral("restoreServerVersion"))->click();
    REQUIRE(syncRequested.size() == 1);
    REQUIRE_FALSE(page->findChild<QAction*>(QStringLiteral("edit"))->isVisible());
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(3));
    REQUIRE(log.finished[2].status.isOk());
    REQUIRE_FALSE(page->showsRefusal());
    REQUIRE(page->form().editor(QStringLiteral("TrichYeu"))->text() == QStringLiteral("Kế hoạch tuần 12"));
    // The sync also brought An's access: a Reader is not offered Edit again.
    REQUIRE_FALSE(page->findChild<QAction*>(QStringLiteral("edit"))->isVisible());

    auto drafts = office.workspace.openDatabase(client::RefusedChanges::draftsName(kVanBan));
    REQUIRE(drafts.isOk());
    REQUIRE((*drafts)->documentCount().value() == 1);
    REQUIRE((*drafts)
                ->forEachDocument([&](const Document& doc) {
                    CHECK(doc.text(QStringLiteral("TrichYeu")) == QStringLiteral("An sửa: kế hoạch tuần 13"));
                    CHECK(doc.text(client::RefusedChanges::draftOfItem()) == unid.toHex());
                    return true;
                })
                .isOk());
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(4));
    REQUIRE(log.finished[3].stats.received == 0);
    REQUIRE(log.finished[3].stats.refused == 0);
}

TEST_CASE("Working offline makes sync now ask first, and a no leaves the replica alone", "[gui][replication]")
{
    // Offline, the cadre presses "sync now": the question comes first; no queues nothing,
    // yes syncs as usual.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(office.workspace, office.credentials);
    SyncScheduler scheduler(office.workspace, controller);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    ReplicationPage page(databases, controller, scheduler);
    scheduler.setOffline(true);
    int asked = 0;
    bool answer = false;
    page.setOfflineQuestion([&] {
        ++asked;
        return answer;
    });
    REQUIRE(!page.requestSync(kVanBan));
    REQUIRE(asked == 1);
    REQUIRE(!controller.isBusy());
    answer = true;
    REQUIRE(page.requestSync(kVanBan));
    REQUIRE(log.waitFinished(2));
    REQUIRE(asked == 2);
}

TEST_CASE("The add-replica dialog accepts only a usable address and database name", "[gui][replication]")
{
    // Typing a bad port or a name that cannot be a file keeps OK disabled, with the reason.
    gui::AddReplicaDialog dialog(QString{});
    client::ReplicaSettings settings;
    settings.server = QStringLiteral("sen.hanoi:99999");
    settings.database = kVanBan;
    dialog.setSettings(settings);
    REQUIRE(!dialog.problem().isEmpty());
    settings.server = QStringLiteral("sen.hanoi:1352");
    settings.database = QStringLiteral("văn/bản");
    dialog.setSettings(settings);
    REQUIRE(!dialog.problem().isEmpty());
    settings.database = kVanBan;
    settings.forms = {QStringLiteral("VanBanDen"), QStringLiteral("VanBanDi")};
    settings.summaryOnly = true;
    dialog.setSettings(settings);
    REQUIRE(dialog.problem().isEmpty());
    const client::ReplicaSettings read = dialog.settings();
    REQUIRE(read.forms == settings.forms);
    REQUIRE(read.summaryOnly);
    test::shoot(dialog, QStringLiteral("add-replica"));
}

TEST_CASE("The main window syncs from the workspace page and closes mid-sync without waiting long",
          "[gui][replication]")
{
    // The workspace's "sync" starts a large sync through the controller; the window closes
    // while it runs, within the bounded wait, and the replica holds only whole batches.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    {
        SyncController controller(office.workspace, office.credentials);
        ControllerLog log(controller);
        test::addReplicaAndWait(controller, log, office, kVanBan);
    }
    test::fillServerDatabase(f, kVanBan, 20'000, 2);
    gui::MainWindow window(gui::UserSession{office.workspace, office.credentials});
    window.show();
    window.openReplicationPage(kVanBan);
    QObject::connect(&window.syncController(), &SyncController::progressed,
                     [&] { test::shoot(window, QStringLiteral("main-window-syncing")); });
    Q_EMIT window.workspacePage().syncRequested(kVanBan);
    REQUIRE(window.syncController().isBusy());
    REQUIRE(test::waitUntil(
        [&] {
            auto store = office.workspace.openDatabase(kVanBan);
            return store && (*store)->documentCount().valueOr(0) > 0;
        },
        60'000));
    QElapsedTimer elapsed;
    elapsed.start();
    REQUIRE(window.close());
    REQUIRE(elapsed.elapsed() < SyncController::kShutdownWaitMs);
    REQUIRE(!window.syncController().isBusy());
}
