// What the client does around a session with its server (client/sync/SyncFollowUp.h), against an
// in-process server over real TLS: a replica restored from a backup renews its instance and
// syncs again without losing an edit (issue #11 point 8), and each sync keeps the access the
// server resolved so the client offers only what the server accepts (point 3).

#include "client/core/ReplicaAccess.h"
#include "common/acl/AclEntry.h"
#include "common/store/ReplicaBackup.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"
#include "tests/client/SyncTestOffice.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace sen;
using client::SyncController;
using test::ControllerLog;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");

std::unique_ptr<ReplicaStore> openReplica(const SyncTestOffice& office)
{
    auto store = office.workspace.openDatabase(kVanBan);
    INFO(store.status().toString().toStdString());
    REQUIRE(store.isOk());
    return std::move(store).value();
}

Unid create(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
    return saved->unid;
}

void setText(ReplicaStore& store, const Unid& unid, const QString& item, const QString& value)
{
    auto saved = store.save(DocumentEdit::update(unid).set(Item::text(item, value)));
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
}

// Queues a sync of vanban and waits for its report.
client::SyncReport syncAndWait(SyncController& controller, ControllerLog& log)
{
    const std::size_t before = log.finished.size();
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(before + 1));
    return log.finished.back();
}

Document documentIn(ReplicaStore& store, const Unid& unid)
{
    auto doc = store.find(unid);
    REQUIRE(doc.isOk());
    REQUIRE(doc->has_value());
    return **doc;
}

} // namespace

TEST_CASE("A restored backup takes a new instance ID at its next sync, and every edit made after the restore "
          "reaches the server",
          "[client][sync][instance]")
{
    // A cadre's replica syncs and is backed up; three more edits are made and synced; the backup
    // is restored in its place and the cadre makes two edits with counters the server already
    // received from that instance, the desktop client's own connection open throughout: the
    // sync renews the instance, syncs again and loses nothing, and another office sees it all.
    ServerFixture f;
    f.createDatabase(kVanBan);
    SyncTestOffice an(f, QStringLiteral("Nguyễn Văn An"));
    // Until the restore: a controller of its own, shut down (its thread joined, its store
    // closed) before the file is replaced.
    auto before = std::make_unique<SyncController>(an.workspace, an.credentials);
    auto beforeLog = std::make_unique<ControllerLog>(*before);
    test::addReplicaAndWait(*before, *beforeLog, an, kVanBan);
    const QString path = an.workspace.replicaPath(kVanBan);
    const QString backup = f.dir().path(QStringLiteral("vanban-backup.sen"));

    Unid plan, report;
    {
        auto store = openReplica(an);
        plan = create(*store, QStringLiteral("Kế hoạch công tác tuần"));
    }
    REQUIRE(syncAndWait(*before, *beforeLog).status.isOk());
    REQUIRE(store::backupReplica(path, backup).isOk());
    {
        auto store = openReplica(an);
        setText(*store, plan, QStringLiteral("NoiNhan"), QStringLiteral("Phòng Tổng hợp"));
        report = create(*store, QStringLiteral("Báo cáo tháng"));
        setText(*store, report, QStringLiteral("NguoiKy"), QStringLiteral("Trần Văn Hùng"));
    }
    REQUIRE(syncAndWait(*before, *beforeLog).status.isOk());
    beforeLog.reset();
    REQUIRE(before->shutdown());
    before.reset();

    // The backup goes back in place of the replica (its WAL with it), as a cadre would copy it.
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    REQUIRE(QFile::copy(backup, path));

    auto gui = openReplica(an); // the desktop client's page, open throughout
    SyncController controller(an.workspace, an.credentials);
    ControllerLog log(controller);
    const InstanceId oldInstance = gui->info().instanceId;
    const Unid notice = create(*gui, QStringLiteral("Công văn khẩn"));
    setText(*gui, plan, QStringLiteral("NguoiXuLy"), QStringLiteral("Lê Văn Bình"));

    const client::SyncReport renewed = syncAndWait(controller, log);
    INFO(renewed.status.toString().toStdString());
    REQUIRE(renewed.status.isOk());
    REQUIRE(renewed.renewal.has_value());
    REQUIRE(renewed.renewal->oldInstance == oldInstance);
    REQUIRE(renewed.renewal->newInstance != oldInstance);
    REQUIRE(renewed.renewal->documentsRestamped == 2);
    REQUIRE(renewed.stats.sent == 2);

    // The renewal is in the replica's history, before the session that followed it.
    const auto history = gui->replication().log().history(2);
    REQUIRE(history.isOk());
    REQUIRE(history->size() == 2);
    REQUIRE((*history)[0].status == ErrorCode::Ok);
    REQUIRE((*history)[1].status == ErrorCode::StaleInstance);
    REQUIRE((*history)[1].message.contains(renewed.renewal->newInstance.toHex()));

    // The connection that stayed open stamps its next save with the new instance.
    const Unid invitation = create(*gui, QStringLiteral("Giấy mời họp"));
    const Document fresh = documentIn(*gui, invitation);
    REQUIRE(fresh.versions.get(oldInstance) == 0);
    REQUIRE(fresh.versions.get(renewed.renewal->newInstance) > 0);
    REQUIRE(syncAndWait(controller, log).status.isOk());

    SyncTestOffice hoa(f, QStringLiteral("Lê Thị Hoa"));
    SyncController other(hoa.workspace, hoa.credentials);
    ControllerLog otherLog(other);
    test::addReplicaAndWait(other, otherLog, hoa, kVanBan);
    auto seen = openReplica(hoa);
    for (ReplicaStore* store : {seen.get(), gui.get()}) {
        REQUIRE(*store->documentCount() == 4); // no conflict document: the edits touched different items
        const Document merged = documentIn(*store, plan);
        CHECK(merged.text(QStringLiteral("TrichYeu")) == QStringLiteral("Kế hoạch công tác tuần"));
        CHECK(merged.text(QStringLiteral("NoiNhan")) == QStringLiteral("Phòng Tổng hợp"));
        CHECK(merged.text(QStringLiteral("NguoiXuLy")) == QStringLiteral("Lê Văn Bình"));
        CHECK(documentIn(*store, report).text(QStringLiteral("NguoiKy")) == QStringLiteral("Trần Văn Hùng"));
        CHECK(documentIn(*store, notice).text(QStringLiteral("TrichYeu")) == QStringLiteral("Công văn khẩn"));
        CHECK(documentIn(*store, invitation).text(QStringLiteral("TrichYeu")) ==
              QStringLiteral("Giấy mời họp"));
    }
}

TEST_CASE("A sync keeps the access the server resolved: a Reader is not offered Edit, an Editor with the "
          "delete right is offered Delete",
          "[client][sync][access]")
{
    // The server's -Default- is Reader and one cadre is an Editor given the delete right; each
    // adds the database (the desktop client's controller, senctl's Replicator) and the replica
    // then holds what the server resolved. When the server demotes the Editor, the next sync
    // says so.
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Reader);
    test::fillServerDatabase(f, kVanBan, 1);
    acl::AclEntry editorEntry =
        acl::AclEntry::make(QStringLiteral("Lê Thị Hoa/VPTU/HaNoi"), acl::AccessLevel::Editor);
    editorEntry.rights = acl::CreateDocuments | acl::DeleteDocuments | acl::Replicate;
    editorEntry.roles = QStringList{QStringLiteral("[VanThu]")};
    f.setEntry(kVanBan, editorEntry);

    SyncTestOffice an(f, QStringLiteral("Nguyễn Văn An"));
    SyncController controller(an.workspace, an.credentials);
    ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, an, kVanBan);
    auto reader = openReplica(an);
    const auto readerAccess = client::ReplicaAccess::load(*reader);
    REQUIRE(readerAccess.has_value());
    CHECK(readerAccess->level == acl::AccessLevel::Reader);
    CHECK(readerAccess->userName == QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    Document doc;
    REQUIRE(reader
                ->forEachDocument([&](const Document& d) {
                    doc = d;
                    return false;
                })
                .isOk());
    CHECK_FALSE(client::ReplicaAccess::mayEdit(readerAccess, doc));
    CHECK_FALSE(client::ReplicaAccess::mayDelete(readerAccess, doc));

    SyncTestOffice hoa(f, QStringLiteral("Lê Thị Hoa"));
    client::Replicator replicator(hoa.workspace, hoa.credentials);
    const auto added = replicator.addReplica(hoa.settings(kVanBan));
    REQUIRE(added.isOk());
    REQUIRE(added->status.isOk());
    auto editor = openReplica(hoa);
    auto editorAccess = client::ReplicaAccess::load(*editor);
    REQUIRE(editorAccess.has_value());
    CHECK(editorAccess->level == acl::AccessLevel::Editor);
    CHECK(editorAccess->hasRight(acl::DeleteDocuments));
    CHECK(editorAccess->roles == QStringList{QStringLiteral("[VanThu]")});
    CHECK(client::ReplicaAccess::mayEdit(editorAccess, doc));
    CHECK(client::ReplicaAccess::mayDelete(editorAccess, doc));

    f.setAccess(kVanBan, QStringLiteral("Lê Thị Hoa/VPTU/HaNoi"), acl::AccessLevel::Reader);
    const auto synced = replicator.sync(kVanBan);
    REQUIRE(synced.isOk());
    REQUIRE(synced->at(0).status.isOk());
    editorAccess = client::ReplicaAccess::load(*editor);
    REQUIRE(editorAccess.has_value());
    CHECK(editorAccess->level == acl::AccessLevel::Reader);
    CHECK_FALSE(client::ReplicaAccess::mayDelete(editorAccess, doc));
}
