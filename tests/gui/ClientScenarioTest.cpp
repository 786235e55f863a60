// The desktop client end to end against an in-process sen-server over real TLS on loopback
// (issue #5's scenario): log in (a wrong password first), add the three databases, create and
// edit a document in each through the forms, find one by searching without diacritics, sync,
// resolve a conflict with another cadre's edit, and edit offline then sync.

#include "client/app/OpenDatabases.h"
#include "client/core/ConflictResolution.h"
#include "client/forms/FormCatalog.h"
#include "client/gui/app/LoginDialog.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/conflicts/ConflictDialog.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/forms/DocumentForm.h"
#include "client/gui/forms/DocumentPage.h"
#include "client/gui/forms/FieldEditor.h"
#include "client/gui/views/ViewModel.h"
#include "client/gui/workspace/WorkspaceModel.h"
#include "client/sync/SyncController.h"
#include "client/sync/SyncScheduler.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiScreenshot.h"
#include "tests/server/WaitUntil.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>

#include <catch2/catch.hpp>

using namespace sen;
using test::ControllerLog;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kPassword = S("mật khẩu của An");

// Fills every required field of a new document's form with a value its editor accepts,
// then the fields in `values`.
void fill(gui::DocumentPage& page, const QHash<QString, QString>& values)
{
    const forms::FormDefinition* form = forms::FormCatalog::find(page.form().definition().name);
    REQUIRE(form);
    for (const forms::FieldDefinition* field : form->fields()) {
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
        case forms::EditorHint::Time:
            editor->setText(QStringLiteral("08:00"));
            break;
        case forms::EditorHint::Choice:
            // A pick list (docs/catalogues.md) takes any value: it is typed like a line.
            editor->setText(field->catalogue ? S("Văn phòng Huyện ủy") : field->choices.value(0));
            break;
        default:
            editor->setText(S("Văn phòng Huyện ủy"));
        }
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        gui::FieldEditor* editor = page.form().editor(it.key());
        REQUIRE(editor);
        editor->setText(it.value());
    }
}

gui::DatabasePage& openReady(gui::MainWindow& window, const QString& name)
{
    gui::DatabasePage* page = gui::DatabasePage::openInWindow(window, name);
    REQUIRE(page);
    REQUIRE(test::waitUntil([&] { return page->isReady(); }, 30'000));
    return *page;
}

Document stored(gui::MainWindow& window, const QString& name, const Unid& unid)
{
    auto store = window.databases().session(name);
    REQUIRE(store.isOk());
    auto doc = (*store)->document(unid);
    REQUIRE(doc.isOk());
    return *doc;
}

void syncNow(gui::MainWindow& window, ControllerLog& log, const QString& name)
{
    const std::size_t before = log.finished.size();
    window.syncReplica(name);
    REQUIRE(log.waitFinished(before + 1));
    REQUIRE(log.finished.back().status.isOk());
}

} // namespace

TEST_CASE("A cadre logs in, adds the three databases, edits, searches, syncs and resolves a conflict",
          "[gui][scenario]")
{
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"), acl::AccessLevel::Editor, DatabaseKind::Documents);
    f.createDatabase(QStringLiteral("lich"), acl::AccessLevel::Editor, DatabaseKind::Calendar);
    f.createDatabase(QStringLiteral("tintuc"), acl::AccessLevel::Editor, DatabaseKind::News);
    // The cadre may delete documents (resolving a conflict deletes the conflict document);
    // Editors do not have that right unless given it.
    acl::AclEntry an = acl::AclEntry::make(S("Nguyễn Văn An/VPTU/HaNoi"), acl::AccessLevel::Editor);
    an.rights |= acl::DeleteDocuments;
    f.setEntry(QStringLiteral("vanban"), an);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(f.port());

    // Log in: a wrong password says so and lets the user try again.
    auto workspace = client::Workspace::open(f.dir().path(QStringLiteral("home-an")));
    REQUIRE(workspace.isOk());
    const QString idPath = f.dir().path(QStringLiteral("an.id"));
    f.userIdFile(S("Nguyễn Văn An"), kPassword, idPath);
    gui::LoginDialog login(*workspace);
    login.setIdPath(idPath);
    login.setPassword(QStringLiteral("wrong password"));
    QSignalSpy attempts(&login, &gui::LoginDialog::attemptFinished);
    login.attempt();
    REQUIRE(test::waitUntil([&] { return attempts.count() == 1; }, 30'000));
    REQUIRE_FALSE(attempts.at(0).at(0).toBool());
    REQUIRE(login.errorText() == gui::LoginDialog::tr("The password is wrong. Please try again."));
    REQUIRE_FALSE(login.session().has_value());
    login.setPassword(kPassword);
    login.attempt();
    REQUIRE(test::waitUntil([&] { return attempts.count() == 2; }, 30'000));
    REQUIRE(login.session().has_value());
    REQUIRE(login.session()->userName() == S("Nguyễn Văn An/VPTU/HaNoi"));

    gui::MainWindow window(*login.session());
    window.resize(1200, 800);
    window.show();
    ControllerLog log(window.syncController());
    for (const QString& db : {QStringLiteral("vanban"), QStringLiteral("lich"), QStringLiteral("tintuc")}) {
        client::ReplicaSettings settings;
        settings.server = address;
        settings.database = db;
        window.syncController().addReplica(settings);
    }
    REQUIRE(log.waitFinished(3));
    for (const client::SyncReport& report : log.finished)
        REQUIRE(report.status.isOk());
    REQUIRE(test::waitUntil([&] { return window.workspaceModel().rowCount() == 3; }, 10'000));

    // A document in each database, made and then edited through its form.
    struct Case
    {
        QString db;
        QString form;
        QString item;  // a field to write, then change
        QString first; // its first value
        QString second;
    };
    const std::vector<Case> cases = {
        {QStringLiteral("vanban"), QStringLiteral("VanBanDen"), QStringLiteral("TrichYeu"),
         S("Kế hoạch tổng kết công tác Đảng ủy năm 2026"),
         S("Kế hoạch tổng kết công tác Đảng ủy năm 2026 (sửa)")},
        {QStringLiteral("lich"), QStringLiteral("LichCongTac"), QStringLiteral("NoiDung"),
         S("Họp Ban Thường vụ Huyện ủy"), S("Họp Ban Thường vụ Huyện ủy mở rộng")},
        {QStringLiteral("tintuc"), QStringLiteral("TinTuc"), QStringLiteral("TieuDe"),
         S("Hội nghị chuyển đổi số"), S("Hội nghị chuyển đổi số toàn huyện")},
    };
    QHash<QString, Unid> made;
    for (const Case& c : cases) {
        gui::DatabasePage& db = openReady(window, c.db);
        gui::DocumentPage* page = gui::DocumentPage::createInWindow(window, c.db, c.form);
        REQUIRE(page);
        fill(*page, {{c.item, c.first}});
        REQUIRE(page->save().isOk());
        const Unid unid = page->unid();
        made.insert(c.db, unid);
        REQUIRE(stored(window, c.db, unid).text(c.item) == c.first);

        page->setEditing(true);
        page->form().editor(c.item)->setText(c.second);
        REQUIRE(page->save().isOk());
        REQUIRE(stored(window, c.db, unid).text(c.item) == c.second);
        REQUIRE(page->close());

        // The database's view lists it once its index has caught up.
        REQUIRE(test::waitUntil(
            [&] {
                auto* model = qobject_cast<gui::ViewModel*>(db.model());
                return model && model->indexOf(unid).isValid();
            },
            30'000));
        test::shoot(window, QStringLiteral("scenario-") + c.db);
    }

    // Search without diacritics finds the document, shown as a view.
    gui::DatabasePage& vanban = openReady(window, QStringLiteral("vanban"));
    vanban.search(QStringLiteral("dang uy tong ket"));
    REQUIRE(vanban.model()->rowCount() == 1);
    REQUIRE(vanban.model()->index(0, 0).data(gui::ViewModel::UnidRole).toString() ==
            made.value(QStringLiteral("vanban")).toHex());
    test::shoot(window, QStringLiteral("scenario-search"));
    vanban.search(QString());

    // Sync: the server holds the three documents.
    for (const Case& c : cases) {
        syncNow(window, log, c.db);
        REQUIRE(test::serverUnids(f, c.db).contains(made.value(c.db).toHex()));
    }

    // Another cadre edits the same subject at the same time: after both sync, a conflict
    // document shows under the winner, and the cadre keeps the other version.
    SyncTestOffice binh(f, S("Trần Thị Bình"));
    client::Replicator replicator(binh.workspace, binh.credentials);
    REQUIRE(replicator.addReplica(binh.settings(QStringLiteral("vanban"))).isOk());
    const Unid subject = made.value(QStringLiteral("vanban"));
    {
        auto theirs = binh.workspace.openDatabase(QStringLiteral("vanban"));
        REQUIRE(theirs.isOk());
        REQUIRE((*theirs)
                    ->save(DocumentEdit::update(subject).set(
                        Item::text(QStringLiteral("TrichYeu"), S("Bình sửa trích yếu"))))
                    .isOk());
    }
    gui::DocumentPage* mine = gui::DocumentPage::openInWindow(window, QStringLiteral("vanban"), subject);
    REQUIRE(mine);
    mine->setEditing(true);
    mine->form().editor(QStringLiteral("TrichYeu"))->setText(S("An sửa trích yếu"));
    REQUIRE(mine->save().isOk());
    REQUIRE(mine->close());
    auto pushed = replicator.sync(QStringLiteral("vanban"));
    REQUIRE(pushed.isOk());
    REQUIRE(pushed->front().status.isOk());
    syncNow(window, log, QStringLiteral("vanban"));

    auto store = window.databases().session(QStringLiteral("vanban"));
    REQUIRE(store.isOk());
    std::optional<Unid> conflict;
    REQUIRE((*store)
                ->forEachDocument([&](const Document& doc) {
                    if (doc.isConflict() && doc.parent == subject)
                        conflict = doc.unid;
                    return true;
                })
                .isOk());
    REQUIRE(conflict.has_value());
    // In the view it is a response under the winning document.
    REQUIRE(test::waitUntil(
        [&] {
            auto* model = qobject_cast<gui::ViewModel*>(vanban.model());
            if (!model)
                return false;
            const QModelIndex winner = model->indexOf(subject);
            if (!winner.isValid())
                return false;
            if (model->canFetchMore(winner))
                model->fetchMore(winner);
            for (int r = 0; r < model->rowCount(winner); ++r) {
                const QModelIndex child = model->index(r, 0, winner);
                if (child.data(gui::ViewModel::ConflictRole).toBool() &&
                    child.data(gui::ViewModel::UnidRole).toString() == conflict->toHex())
                    return true;
            }
            return false;
        },
        30'000));
    const QString winnerSubject = (*store)->document(subject)->text(QStringLiteral("TrichYeu"));
    const QString otherSubject = (*store)->document(*conflict)->text(QStringLiteral("TrichYeu"));
    REQUIRE(winnerSubject != otherSubject);
    {
        auto resolution = (*store)->loadConflict(*conflict);
        REQUIRE(resolution.isOk());
        gui::ConflictDialog dialog(*store, std::move(resolution).value());
        dialog.show();
        test::shoot(dialog, QStringLiteral("scenario-conflict"));
        auto* keepOther = dialog.findChild<QPushButton*>(QStringLiteral("keepOther"));
        REQUIRE(keepOther);
        keepOther->click();
        REQUIRE(dialog.result() == QDialog::Accepted);
    }
    REQUIRE((*store)->document(subject)->text(QStringLiteral("TrichYeu")) == otherSubject);
    REQUIRE((*store)->document(*conflict)->isDeleted());
    REQUIRE(log.finished.back().stats.refused == 0);
    syncNow(window, log, QStringLiteral("vanban"));
    auto settled = replicator.sync(QStringLiteral("vanban"));
    REQUIRE(settled.isOk());
    REQUIRE(settled->front().status.isOk());
    {
        auto theirs = binh.workspace.openDatabase(QStringLiteral("vanban"));
        REQUIRE(theirs.isOk());
        REQUIRE((*theirs)->get(subject)->text(QStringLiteral("TrichYeu")) == otherSubject);
        const auto theirConflict = (*theirs)->find(*conflict);
        REQUIRE(theirConflict.isOk());
        // Gone, or a stub not yet dropped: either way no longer a live conflict document.
        REQUIRE((!theirConflict->has_value() || (*theirConflict)->isDeleted()));
    }

    // Offline: an edit waits as "changes not sent", then goes with the next sync.
    window.syncScheduler().setOffline(true);
    const Unid meeting = made.value(QStringLiteral("lich"));
    gui::DocumentPage* entry = gui::DocumentPage::openInWindow(window, QStringLiteral("lich"), meeting);
    REQUIRE(entry);
    entry->setEditing(true);
    entry->form().editor(QStringLiteral("DiaDiem"))->setText(S("Hội trường Huyện ủy"));
    REQUIRE(entry->save().isOk());
    REQUIRE(entry->close());
    window.refreshWorkspace();
    const int row = window.workspaceModel().rowOf(QStringLiteral("lich"));
    REQUIRE(window.workspaceModel().index(row).data(gui::WorkspaceModel::UnsentRole).toBool());
    window.syncScheduler().setOffline(false);
    syncNow(window, log, QStringLiteral("lich"));
    window.refreshWorkspace();
    REQUIRE_FALSE(window.workspaceModel()
                      .index(window.workspaceModel().rowOf(QStringLiteral("lich")))
                      .data(gui::WorkspaceModel::UnsentRole)
                      .toBool());
    auto server = ReplicaStore::open(f.serverPath(QStringLiteral("lich")));
    REQUIRE(server.isOk());
    REQUIRE((*server)->get(meeting)->text(QStringLiteral("DiaDiem")) == S("Hội trường Huyện ủy"));
    REQUIRE(window.close());
}
