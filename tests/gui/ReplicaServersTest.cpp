// The replica's servers in the desktop client (issue #16): the replication page names the
// server that served the last sync, and its list editor adds, orders and removes servers
// through app::ReplicaServerList, refusing what the rules refuse, then the next sync keeps
// the new order. Against two in-process servers of one certifier over real TLS.

#include "client/app/OpenDatabases.h"
#include "client/app/ReplicaServerList.h"
#include "client/gui/replication/ReplicaServersDialog.h"
#include "client/gui/replication/ReplicationModel.h"
#include "client/gui/replication/ReplicationPage.h"
#include "client/sync/SyncController.h"
#include "client/sync/SyncScheduler.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiScreenshot.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include <catch2/catch.hpp>

using namespace sen;
using gui::ReplicationModel;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");

QString local(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

QStringList shown(const gui::ReplicaServersDialog& dialog)
{
    QStringList items;
    const auto* list = dialog.findChild<QListWidget*>(QStringLiteral("servers"));
    REQUIRE(list);
    for (int i = 0; i < list->count(); ++i)
        items << list->item(i)->text();
    return items;
}

} // namespace

TEST_CASE("The replica's servers: the page names the server used and the list editor orders the servers",
          "[gui][replication][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    const quint16 second = f.startMirror();
    // B's replica of vanban: A's replica ID and ACL, empty (the first sync fills it from A).
    {
        auto first = ReplicaStore::open(f.serverPath(kVanBan));
        REQUIRE(first.isOk());
        ReplicaCreateOptions options;
        options.replicaId = (*first)->info().replicaId;
        options.title = (*first)->info().title;
        auto mirror = ReplicaStore::create(f.mirrorPath(kVanBan), options);
        REQUIRE(mirror.isOk());
        REQUIRE((*mirror)->saveAcl((*first)->loadAcl().value()).isOk());
    }
    const QString first = local(f.port());
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    client::SyncController controller(office.workspace, office.credentials);
    client::SyncScheduler scheduler(office.workspace, controller);
    test::ControllerLog log(controller);
    client::ReplicaSettings settings = office.settings(kVanBan);
    settings.server = first + u',' + local(second);
    controller.addReplica(settings);
    REQUIRE(log.waitFinished(1));
    REQUIRE(log.finished[0].status.isOk());

    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    gui::ReplicationPage page(databases, controller, scheduler);
    page.select(kVanBan);
    const int row = page.model().rowOf(kVanBan);
    // "(+1 other server)" under the English catalogue, "other servers" from the source text.
    REQUIRE(page.model()
                .index(row, ReplicationModel::ServerColumn)
                .data()
                .toString()
                .startsWith(first + QStringLiteral("/vanban (+1 other server")));
    const QString tip =
        page.model().index(row, ReplicationModel::ServerColumn).data(Qt::ToolTipRole).toString();
    REQUIRE(tip.contains(first + u'\n' + local(second)));
    REQUIRE(tip.contains(QStringLiteral("Last served by %1 (sen-server/VPTU/HaNoi)").arg(first)));

    auto dialog = page.serversDialog();
    REQUIRE(dialog);
    REQUIRE(shown(*dialog) == QStringList{first + QStringLiteral(" (home server)"), local(second)});
    REQUIRE(dialog->findChild<QLabel*>(QStringLiteral("lastServer"))->text().contains(first));

    // What the rules refuse stays out of the list, with the reason.
    auto* address = dialog->findChild<QLineEdit*>(QStringLiteral("address"));
    address->setText(QStringLiteral("sen3.hanoi:99999"));
    dialog->addTyped();
    REQUIRE(dialog->problem().contains(QStringLiteral("NAME:PORT")));
    address->setText(local(second));
    dialog->addTyped();
    REQUIRE(dialog->problem().contains(QStringLiteral("already in the list")));
    address->setText(QStringLiteral("sen3.hanoi.gov.vn:1352"));
    dialog->addTyped();
    REQUIRE(dialog->problem().isEmpty());
    REQUIRE(dialog->list().servers().size() == 3);

    // B first, then A; the third goes.
    dialog->findChild<QListWidget*>(QStringLiteral("servers"))->setCurrentRow(1);
    dialog->moveSelected(-1);
    REQUIRE(dialog->list().servers() ==
            QStringList{local(second), first, QStringLiteral("sen3.hanoi.gov.vn:1352")});
    dialog->moveSelected(-1);
    REQUIRE(!dialog->problem().isEmpty()); // already first
    test::shoot(*dialog, QStringLiteral("replica-servers"));
    dialog->findChild<QListWidget*>(QStringLiteral("servers"))->setCurrentRow(2);
    dialog->removeSelected();
    REQUIRE(dialog->list().servers() == QStringList{local(second), first});
    dialog->accept();
    REQUIRE(dialog->result() == QDialog::Accepted);
    page.reload();

    // The next sync tries B first, and the page says B served it.
    REQUIRE(page.requestSync(kVanBan));
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].status.isOk());
    REQUIRE(log.finished[1].server == local(second));
    page.reload();
    REQUIRE(
        page.model().index(row, ReplicationModel::ServerColumn).data().toString().startsWith(local(second)));
    REQUIRE(page.model().lastServerAt(row) ==
            std::pair{local(second), QStringLiteral("sen-server-b/VPTU/HaNoi")});
    test::shoot(page, QStringLiteral("replication-failover"));
    controller.shutdown();
}

TEST_CASE("The list editor keeps at least one server and at most eight", "[gui][replication][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    client::SyncController controller(office.workspace, office.credentials);
    test::ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    auto list = app::ReplicaServerList::load(office.workspace, kVanBan);
    REQUIRE(list.isOk());
    REQUIRE(!list->remove(0).isOk()); // the only one
    REQUIRE(!list->add(QStringLiteral("a:1,b:2")).isOk());
    for (int i = 1; i < 8; ++i)
        REQUIRE(list->add(QStringLiteral("sen%1.hanoi:1352").arg(i)).isOk());
    REQUIRE(!list->add(QStringLiteral("sen9.hanoi:1352")).isOk());
    REQUIRE(list->isChanged());
    REQUIRE(list->save().isOk());
    auto again = app::ReplicaServerList::load(office.workspace, kVanBan);
    REQUIRE(again.isOk());
    REQUIRE(again->servers().size() == 8);
    REQUIRE(again->servers() == list->servers());
    controller.shutdown();
}
