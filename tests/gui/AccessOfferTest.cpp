// Edit and Delete offered only when the server would accept them (issue #11 point 3), with the
// user's access as a real sync with an in-process sen-server over TLS stored it
// (client/sync/SyncFollowUp.h, client/core/ReplicaAccess.h): the document page and the
// database page's own Delete.

#include "client/app/OpenDatabases.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/views/ViewModel.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/server/WaitUntil.h"

#include <QAction>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");
const QString kAn = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");

// A document saved at the server; `author` names an Authors item's only value when given.
Unid serverDocument(ServerFixture& f, const QString& subject, const QString& author = {})
{
    auto store = ReplicaStore::open(f.serverPath(kVanBan));
    REQUIRE(store.isOk());
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"))
                            .set(Item::text(QStringLiteral("TrichYeu"), subject))
                            .set(Item::text(QStringLiteral("SoDen"), QStringLiteral("7")));
    if (!author.isEmpty())
        edit.set(Item::names(QStringLiteral("TacGia"), ItemType::Authors, {author}));
    auto saved = (*store)->save(edit);
    REQUIRE(saved.isOk());
    return saved->unid;
}

void syncOnce(SyncTestOffice& office)
{
    client::Replicator replicator(office.workspace, office.credentials);
    const auto reports = replicator.sync(kVanBan);
    REQUIRE(reports.isOk());
    INFO(reports->at(0).status.toString().toStdString());
    REQUIRE(reports->at(0).status.isOk());
}

void grant(ServerFixture& f, acl::AccessLevel level, int rights)
{
    acl::AclEntry entry = acl::AclEntry::make(kAn, level);
    entry.rights = rights;
    f.setEntry(kVanBan, entry);
}

} // namespace

TEST_CASE("Edit and Delete are offered only when the server would accept them", "[gui][access]")
{
    // A cadre's access changes at the server and each sync brings it: as a Reader they are
    // offered neither Edit nor Delete (and cannot switch to edit mode), as an Editor without the
    // delete right only Edit, with it both, and as an Author Edit only on a document whose
    // Authors item names them.
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Reader);
    const Unid plain = serverDocument(f, QStringLiteral("V/v chuẩn bị Hội nghị"));
    const Unid named = serverDocument(f, QStringLiteral("V/v báo cáo quý"), kAn);
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    client::Replicator replicator(office.workspace, office.credentials);
    const auto added = replicator.addReplica(office.settings(kVanBan));
    REQUIRE(added.isOk());
    REQUIRE(added->status.isOk());

    app::OpenDatabases replicas(office.workspace, office.credentials.name.toString());
    const auto offered = [&](const Unid& doc) {
        auto page = gui::DocumentPage::open(replicas, kVanBan, doc);
        INFO(page.status().toString().toStdString());
        REQUIRE(page.isOk());
        std::unique_ptr<gui::DocumentPage> owned(*page);
        const bool edit = owned->findChild<QAction*>(QStringLiteral("edit"))->isVisible();
        const bool remove = owned->findChild<QAction*>(QStringLiteral("delete"))->isVisible();
        owned->setEditing(true);
        return std::make_tuple(edit, remove, owned->isEditing());
    };
    CHECK(offered(plain) == std::make_tuple(false, false, false)); // -Default- Reader

    grant(f, acl::AccessLevel::Editor, acl::CreateDocuments | acl::Replicate);
    syncOnce(office);
    CHECK(offered(plain) == std::make_tuple(true, false, true));

    grant(f, acl::AccessLevel::Editor, acl::CreateDocuments | acl::DeleteDocuments | acl::Replicate);
    syncOnce(office);
    CHECK(offered(plain) == std::make_tuple(true, true, true));

    grant(f, acl::AccessLevel::Author, acl::CreateDocuments | acl::DeleteDocuments | acl::Replicate);
    syncOnce(office);
    CHECK(offered(plain) == std::make_tuple(false, false, false));
    CHECK(offered(named) == std::make_tuple(true, true, true));
}

TEST_CASE("The database page offers Delete only when the server would accept the deletion", "[gui][access]")
{
    // A Reader opens the database's page and selects a document: its Delete is disabled and,
    // triggered anyway, deletes nothing; once the server makes them an Editor with the delete
    // right and a sync brings it, Delete is offered for the same document.
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Reader);
    const Unid unid = serverDocument(f, QStringLiteral("V/v chuẩn bị Hội nghị"));
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    client::Replicator replicator(office.workspace, office.credentials);
    const auto added = replicator.addReplica(office.settings(kVanBan));
    REQUIRE(added.isOk());
    REQUIRE(added->status.isOk());

    gui::MainWindow window(gui::UserSession{office.workspace, office.credentials});
    window.resize(1200, 800);
    window.show();
    const auto deleteOffered = [&] {
        gui::DatabasePage* page = gui::DatabasePage::openInWindow(window, kVanBan);
        REQUIRE(page);
        const bool ready = test::waitUntil(
            [&] { return page->isReady() && page->model() && page->model()->rowCount() > 0; }, 60'000);
        INFO("ready " << page->isReady() << ", rows " << (page->model() ? page->model()->rowCount() : -1));
        REQUIRE(ready);
        QTreeView* view = page->view();
        view->setCurrentIndex(QModelIndex());
        view->setCurrentIndex(page->model()->index(0, 0));
        REQUIRE(page->currentDocument() == unid);
        QAction* remove = page->findChild<QAction*>(QStringLiteral("delete"));
        REQUIRE(remove);
        return remove->isEnabled();
    };
    CHECK_FALSE(deleteOffered());
    gui::DatabasePage::openInWindow(window, kVanBan)
        ->findChild<QAction*>(QStringLiteral("delete"))
        ->trigger();
    CHECK_FALSE((*window.databases().session(kVanBan))->document(unid)->isDeleted());

    grant(f, acl::AccessLevel::Editor, acl::CreateDocuments | acl::DeleteDocuments | acl::Replicate);
    syncOnce(office);
    CHECK(deleteOffered());
}
