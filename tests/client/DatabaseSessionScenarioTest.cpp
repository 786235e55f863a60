// The application layer alone, with no widget (issue #12): two offices of a real sen-server
// over TLS, each working on its database through app::OpenDatabases / app::DatabaseSession as
// `sen` does. One scenario goes through a cadre's day — a letter written, a dossier made and
// the letter filed in it, a reply, syncs, a conflict with a colleague resolved, an edit the
// server refuses after the cadre was made a reader, and its restore — and checks after every
// step that the session's changed() fired exactly once per commit, a sync that brought
// changes included, and never for what wrote nothing.

#include "tests/client/AppOffice.h"

#include <catch2/catch.hpp>

using namespace sen;
using app::DatabaseSession;
using app::OpenDatabases;
using client::SyncController;
using test::ControllerLog;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");
const QString kSubject = QStringLiteral("TrichYeu");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// Syncs `name` through `controller` and returns its report, which must be a success.
client::SyncReport syncNow(SyncController& controller, ControllerLog& log, const QString& name)
{
    const std::size_t before = log.finished.size();
    controller.sync(name);
    REQUIRE(log.waitFinished(before + 1));
    INFO(log.finished.back().status.toString().toStdString());
    REQUIRE(log.finished.back().status.isOk());
    return log.finished.back();
}

bool broughtChanges(const client::SyncReport& report)
{
    return report.stats.received > 0 || report.stats.withdrawn > 0;
}

// One office: a logged-in user, their replication controller and the application layer on it.
struct Office : test::AppOffice
{
    Office(ServerFixture& f, const QString& user) : AppOffice(f, user, kVanBan) {}
};

} // namespace

TEST_CASE("The application layer alone: write, file, sync, a conflict resolved, a refused edit restored",
          "[client][app][scenario]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Editor);
    // An may delete documents (resolving a conflict deletes the conflict document); an Editor
    // does not have that right unless given it.
    acl::AclEntry anEntry = acl::AclEntry::make(S("Nguyễn Văn An/") + f.orgName(), acl::AccessLevel::Editor);
    anEntry.rights |= acl::DeleteDocuments;
    f.setEntry(kVanBan, anEntry);
    Office an(f, S("Nguyễn Văn An"));
    Office hoa(f, S("Lê Thị Hoa"));
    DatabaseSession& session = *an.session;
    // What the pages would hear: the session's changed(), the workspace's databaseChanged().
    QObject scope;
    int changed = 0;
    QStringList workspaceChanged;
    QObject::connect(&session, &DatabaseSession::changed, &scope, [&] { ++changed; });
    QObject::connect(&an.databases, &OpenDatabases::databaseChanged, &scope,
                     [&](const QString& name) { workspaceChanged << name; });
    int commits = 0;

    // A letter, a dossier, and the letter filed in it: one notification each.
    const auto letter = session.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                         .set(Item::text(kSubject, S("Mời họp giao ban tháng 9")))
                                         .set(Item::text(QStringLiteral("SoKyHieu"), S("125/UBND-VP"))));
    REQUIRE(letter.isOk());
    REQUIRE(changed == ++commits);
    const auto dossier =
        session.save(DocumentEdit::create(QStringLiteral("HoSo"))
                         .set(Item::text(QStringLiteral("SoKyHieuHoSo"), S("01.HS")))
                         .set(Item::text(QStringLiteral("TieuDeHoSo"), S("Hồ sơ giao ban"))));
    REQUIRE(dossier.isOk());
    REQUIRE(changed == ++commits);
    const auto dossiers = session.dossiers();
    REQUIRE(dossiers.isOk());
    REQUIRE(dossiers->size() == 1);
    REQUIRE(dossiers->front().unid == dossier->unid);
    REQUIRE(dossiers->front().title == S("Hồ sơ giao ban"));
    REQUIRE(session.file(dossier->unid, letter->unid).isOk());
    REQUIRE(changed == ++commits);
    REQUIRE(session.file(dossier->unid, letter->unid).isOk()); // filed already: nothing written
    REQUIRE(changed == commits);
    const auto members = session.dossierMembers(dossier->unid);
    REQUIRE(members.isOk());
    REQUIRE(members->size() == 1);
    REQUIRE(members->front().document == letter->unid);

    // A reply is a response of the letter, found by the parent index.
    const auto reply =
        session.save(DocumentEdit::create(QStringLiteral("YKien"), letter->unid)
                         .set(Item::text(QStringLiteral("NoiDung"), S("Đề nghị lùi sang chiều thứ Năm"))));
    REQUIRE(reply.isOk());
    REQUIRE(changed == ++commits);
    auto responses = session.responses(letter->unid);
    REQUIRE(responses.isOk());
    REQUIRE(responses->size() == 1);
    REQUIRE(responses->front().unid == reply->unid);
    // A save that fails writes nothing and says nothing.
    REQUIRE(session.save(DocumentEdit::update(newUnid()).set(Item::text(kSubject, S("x")))).code() ==
            ErrorCode::NotFound);
    REQUIRE(changed == commits);

    // Sync: An's work reaches the server, then Hoa; Hoa's sync tells Hoa's session, not An's.
    const client::SyncReport pushed = syncNow(an.controller, an.log, kVanBan);
    REQUIRE(pushed.stats.sent == 3); // the letter, the dossier (filing is a version of it), the reply
    commits += broughtChanges(pushed) ? 1 : 0;
    REQUIRE(changed == commits);
    int hoaChanged = 0;
    QObject::connect(hoa.session.get(), &DatabaseSession::changed, &scope, [&] { ++hoaChanged; });
    const client::SyncReport reached = syncNow(hoa.controller, hoa.log, kVanBan);
    REQUIRE(broughtChanges(reached));
    REQUIRE(hoaChanged == 1);
    REQUIRE(hoa.session->document(letter->unid)->text(kSubject) == S("Mời họp giao ban tháng 9"));
    REQUIRE(changed == commits);

    // A conflict: both change the subject; Hoa syncs first, then An, whose sync brings Hoa's
    // version and the conflict document — one notification for the whole sync.
    REQUIRE(
        hoa.session->save(DocumentEdit::update(letter->unid).set(Item::text(kSubject, S("Hoa: họp lúc 14h"))))
            .isOk());
    REQUIRE(hoaChanged == 2);
    syncNow(hoa.controller, hoa.log, kVanBan);
    REQUIRE(session.save(DocumentEdit::update(letter->unid).set(Item::text(kSubject, S("An: họp lúc 8h"))))
                .isOk());
    REQUIRE(changed == ++commits);
    const client::SyncReport crossed = syncNow(an.controller, an.log, kVanBan);
    if (!broughtChanges(crossed)) // the server merged An's push: the next pull brings the outcome
        REQUIRE(broughtChanges(syncNow(an.controller, an.log, kVanBan)));
    REQUIRE(changed == ++commits);
    responses = session.responses(letter->unid);
    REQUIRE(responses.isOk());
    std::optional<Unid> conflict;
    for (const Document& doc : *responses) {
        if (doc.isConflict())
            conflict = doc.unid;
    }
    REQUIRE(conflict.has_value());
    const auto resolution = session.loadConflict(*conflict);
    REQUIRE(resolution.isOk());
    REQUIRE_FALSE(resolution->differences().empty());
    const QString otherSubject = resolution->conflict().text(kSubject);
    const auto outcome = session.resolveConflict(*resolution, client::ResolutionKind::KeepOther);
    REQUIRE(outcome.isOk());
    REQUIRE(changed == ++commits);
    REQUIRE(session.document(*conflict)->isDeleted());
    REQUIRE(session.document(letter->unid)->text(kSubject) == otherSubject);
    const client::SyncReport settled = syncNow(an.controller, an.log, kVanBan);
    REQUIRE(settled.stats.refused == 0);
    // The conflict document's stub reached the server, which keeps it; the client dropped it.
    REQUIRE(settled.stats.stubsDropped == 1);
    REQUIRE_FALSE(session.document(*conflict).isOk());
    commits += broughtChanges(settled) ? 1 : 0;
    REQUIRE(changed == commits);
    REQUIRE(broughtChanges(syncNow(hoa.controller, hoa.log, kVanBan)));
    REQUIRE(hoa.session->document(letter->unid)->text(kSubject) == otherSubject);
    const auto hoasConflict = hoa.session->document(*conflict); // never there, or deleted
    REQUIRE((!hoasConflict.isOk() || hoasConflict->isDeleted()));

    // An is made a reader. The access An's replica holds is still the editor's, so the edit is
    // offered and saved here; the server refuses it, and reports the new access.
    f.setEntry(kVanBan, acl::AclEntry::make(S("Nguyễn Văn An/") + f.orgName(), acl::AccessLevel::Reader));
    REQUIRE(session.mayEdit(*session.document(letter->unid)));
    REQUIRE(
        session
            .save(DocumentEdit::update(letter->unid).set(Item::text(kSubject, S("An sửa khi chỉ được đọc"))))
            .isOk());
    REQUIRE(changed == ++commits);
    // This sync also pulls back the conflict document's stub (the server stored it after An's
    // last pull position) and offers it in the push; the server holds that stub already and
    // does not ask for it, so the deletion is not judged again against An's new access: the
    // letter's edit is the one refusal.
    const client::SyncReport refused = syncNow(an.controller, an.log, kVanBan);
    REQUIRE(refused.stats.received == 1);
    REQUIRE(refused.stats.sent == 1);
    REQUIRE(refused.stats.refused == 1);
    commits += broughtChanges(refused) ? 1 : 0;
    REQUIRE(changed == commits);
    // Now the session knows An reads only: a further edit is refused here, before writing.
    REQUIRE_FALSE(session.mayEdit(*session.document(letter->unid)));
    REQUIRE(session.save(DocumentEdit::update(letter->unid).set(Item::text(kSubject, S("lần nữa")))).code() ==
            ErrorCode::PermissionDenied);
    REQUIRE(session.remove(letter->unid).code() == ErrorCode::PermissionDenied);
    REQUIRE(session.document(letter->unid)->text(kSubject) == S("An sửa khi chỉ được đọc"));
    REQUIRE(changed == commits);

    // The refused edit is listed, and restored: a draft keeps An's text, the next sync brings
    // the server's version (one notification for the restore, one for that sync).
    const auto listed = session.refusedChanges();
    REQUIRE(listed.isOk());
    REQUIRE(listed->size() == 1);
    REQUIRE(listed->front().unid == letter->unid);
    REQUIRE_FALSE(listed->front().deletion);
    REQUIRE(listed->front().form == QStringLiteral("VanBanDen"));
    const auto workspaceBefore = workspaceChanged.size();
    const auto restored = session.restoreServerVersion(letter->unid);
    REQUIRE(restored.isOk());
    REQUIRE(restored->draft.has_value());
    REQUIRE(changed == ++commits);
    // The drafts database changed too (it is not open here: the workspace hears of it).
    REQUIRE(workspaceChanged.size() == workspaceBefore + 2);
    REQUIRE(workspaceChanged.at(workspaceBefore + 1) == session.draftsName());
    const client::SyncReport back = syncNow(an.controller, an.log, kVanBan);
    REQUIRE(broughtChanges(back));
    REQUIRE(changed == ++commits);
    REQUIRE(session.document(letter->unid)->text(kSubject) == otherSubject);
    REQUIRE_FALSE(session.refusedChange(letter->unid)->has_value());
    REQUIRE(session.refusedChanges()->empty());
    auto drafts = an.databases.session(session.draftsName());
    REQUIRE(drafts.isOk());
    int kept = 0;
    REQUIRE((*drafts)
                ->forEachDocument([&](const Document& doc) {
                    kept += doc.text(kSubject) == S("An sửa khi chỉ được đọc");
                    return true;
                })
                .isOk());
    REQUIRE(kept == 1);

    // The history the replication page shows: every sync of this scenario, newest first.
    const auto history = session.history(50);
    REQUIRE(history.isOk());
    REQUIRE(history->size() >= 6);
    REQUIRE(history->front().refused == 0);
}
