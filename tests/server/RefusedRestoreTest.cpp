// Restoring the server's version of a change the server refused (client/core/RefusedChanges.h),
// against a real in-process server over TLS: the replica converges to the server's version, the
// refused text survives as a draft copy, and senctl offers the same.

#include "client/cli/Senctl.h"
#include "client/core/ErrorText.h"
#include "client/core/RefusedChanges.h"
#include "tests/server/SenctlRun.h"
#include "tests/server/ServerFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kDb = QStringLiteral("vanban");

void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

Unid create(ReplicaStore& store, const QString& subject)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), subject));
    auto saved = store.save(edit);
    REQUIRE(saved.isOk());
    return saved->unid;
}

Document stored(ReplicaStore& store, const Unid& unid)
{
    auto doc = store.find(unid);
    REQUIRE(doc.isOk());
    REQUIRE(doc->has_value());
    return **doc;
}

// A server database where An (Editor) wrote two documents and Bình, a Reader, holds them.
struct Office
{
    ServerFixture f;
    QSslConfiguration an, binh;
    std::unique_ptr<ReplicaStore> writer, reader;
    Unid edited, deleted;

    Office()
    {
        f.createDatabase(kDb, acl::AccessLevel::Editor);
        f.setAccess(kDb, QStringLiteral("Trần Bình/") + f.orgName(), acl::AccessLevel::Reader);
        an = f.user(QStringLiteral("Nguyễn Văn An"));
        binh = f.user(QStringLiteral("Trần Bình"));
        writer = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
        edited = create(*writer, QStringLiteral("Kế hoạch công tác tuần 12"));
        deleted = create(*writer, QStringLiteral("Báo cáo tháng 3"));
        requireOk(f.sync(*writer, kDb, an));
        reader = f.clientReplica(QStringLiteral("binh.sen"), kDb, binh);
        requireOk(f.sync(*reader, kDb, binh));
        REQUIRE(reader->documentCount().value() == 2);
    }

    // Bình edits one document and deletes the other; the server refuses both.
    void refuseBoth()
    {
        DocumentEdit edit = DocumentEdit::update(edited);
        edit.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Bình sửa: kế hoạch tuần 13")));
        REQUIRE(reader->save(edit).isOk());
        REQUIRE(reader->remove(deleted).isOk());
        SessionStats stats;
        requireOk(f.sync(*reader, kDb, binh, &stats));
        REQUIRE(stats.refused == 2);
    }

    std::unique_ptr<ReplicaStore> server()
    {
        auto store = ReplicaStore::open(f.serverPath(kDb));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }
};

} // namespace

TEST_CASE(
    "A Reader's refused edit and deletion are restored to the server's version, the edit kept as a draft",
    "[server][access][refused]")
{
    // Bình, a Reader, edits one document and deletes another; the server refuses both. Restoring
    // each and syncing leaves Bình's replica holding exactly the server's versions, the edited text
    // in a draft copy, and a further sync changes nothing.
    Office o;
    o.refuseBoth();

    auto refused = client::RefusedChanges::list(*o.reader);
    REQUIRE(refused.isOk());
    REQUIRE(refused->size() == 2);
    const auto why = client::ErrorContext::of(client::Situation::RefusedByServer);
    for (const client::RefusedChange& change : *refused) {
        REQUIRE(change.current);
        REQUIRE(change.deletion == (change.unid == o.deleted));
        REQUIRE(change.reason == client::ErrorText::sentence(change.code, change.serverMessage, why));
        REQUIRE(change.reason != client::ErrorText::sentence(ErrorCode::PermissionDenied, QString(), why));
    }

    auto drafts = ReplicaStore::create(o.f.dir().path(QStringLiteral("binh-nhap.sen")), {});
    REQUIRE(drafts.isOk());
    auto restoredEdit = client::RefusedChanges::restore(*o.reader, o.edited, **drafts);
    REQUIRE(restoredEdit.isOk());
    REQUIRE_FALSE(restoredEdit->deletion);
    REQUIRE(restoredEdit->draft.has_value());
    auto restoredDeletion = client::RefusedChanges::restore(*o.reader, o.deleted, **drafts);
    REQUIRE(restoredDeletion.isOk());
    REQUIRE(restoredDeletion->deletion);
    REQUIRE_FALSE(restoredDeletion->draft.has_value());
    REQUIRE(client::RefusedChanges::restore(*o.reader, o.deleted, **drafts).code() == ErrorCode::NotFound);

    SessionStats stats;
    requireOk(o.f.sync(*o.reader, kDb, o.binh, &stats));
    REQUIRE(stats.refused == 0);
    REQUIRE(stats.received == 2);
    auto server = o.server();
    REQUIRE(stored(*o.reader, o.edited) == stored(*server, o.edited));
    REQUIRE(stored(*o.reader, o.deleted) == stored(*server, o.deleted));
    REQUIRE_FALSE(stored(*o.reader, o.deleted).isDeleted());
    REQUIRE(stored(*o.reader, o.edited).text(QStringLiteral("TrichYeu")) ==
            QStringLiteral("Kế hoạch công tác tuần 12"));
    REQUIRE(o.reader->refusals().value().empty());

    const Document draft = stored(**drafts, *restoredEdit->draft);
    REQUIRE(draft.text(QStringLiteral("TrichYeu")) == QStringLiteral("Bình sửa: kế hoạch tuần 13"));
    REQUIRE(draft.text(client::RefusedChanges::draftOfItem()) == o.edited.toHex());
    REQUIRE(draft.form == QStringLiteral("VanBanDen"));

    const std::int64_t lastSeq = o.reader->lastSeq().value();
    SessionStats again;
    requireOk(o.f.sync(*o.reader, kDb, o.binh, &again));
    REQUIRE(again.received == 0);
    REQUIRE(again.sent == 0);
    REQUIRE(again.refused == 0);
    REQUIRE(o.reader->lastSeq().value() == lastSeq);
    REQUIRE(o.reader->documentCount().value() == 2);
}

using Run = test::SenctlRun;
using test::senctl;
using test::senctlOk;

TEST_CASE(
    "senctl refused list shows a Reader's refused edit and refused restore brings the server's version back",
    "[server][senctl][refused]")
{
    // Bình, an Editor when he last synced, is made a Reader; offline he edits a document with
    // senctl (his replica still holds the Editor access the server last reported, so senctl lets
    // him) and syncs: the server refuses it. `refused list` shows it (text and JSON); a second
    // edit is refused at once (the sync brought the Reader access); `refused restore` keeps the
    // edit in the drafts database and, after a sync, the replica holds the server's version again.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto writer = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid unid = create(*writer, QStringLiteral("Kế hoạch công tác tuần 12"));
    requireOk(f.sync(*writer, kDb, an));

    qputenv("SEN_PASSWORD", "mật khẩu 123");
    const QString home = f.dir().path(QStringLiteral("home"));
    f.userIdFile(QStringLiteral("Trần Bình"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("b.id")));
    senctlOk(home, {QStringLiteral("login"), QStringLiteral("--id"), f.dir().path(QStringLiteral("b.id"))});
    senctlOk(home, {QStringLiteral("replica"), QStringLiteral("add"),
                    QStringLiteral("127.0.0.1:%1").arg(f.port()), kDb});
    f.setAccess(kDb, QStringLiteral("Trần Bình/") + f.orgName(), acl::AccessLevel::Reader);
    senctlOk(home, {QStringLiteral("doc"), QStringLiteral("update"), kDb, unid.toHex(),
                    QStringLiteral("--set"), QStringLiteral("TrichYeu=Bình sửa")});
    senctlOk(home, {QStringLiteral("sync"), kDb});
    const Run refusedAtOnce =
        senctl(home, {QStringLiteral("doc"), QStringLiteral("update"), kDb, unid.toHex(),
                      QStringLiteral("--set"), QStringLiteral("TrichYeu=Bình sửa lần hai")});
    REQUIRE(refusedAtOnce.code == 1);
    REQUIRE(refusedAtOnce.err.contains(QStringLiteral("PermissionDenied")));

    const QString text = senctlOk(home, {QStringLiteral("refused"), QStringLiteral("list"), kDb});
    REQUIRE(text.startsWith(unid.toHex() + QStringLiteral("\tedit\tBình sửa\t")));
    const QJsonArray json =
        QJsonDocument::fromJson(
            senctlOk(home, {QStringLiteral("refused"), QStringLiteral("list"), kDb, QStringLiteral("--json")})
                .toUtf8())
            .array();
    REQUIRE(json.size() == 1);
    const QJsonObject entry = json[0].toObject();
    REQUIRE(entry[QStringLiteral("unid")].toString() == unid.toHex());
    REQUIRE(entry[QStringLiteral("change")].toString() == QStringLiteral("edit"));
    REQUIRE(entry[QStringLiteral("current")].toBool());
    REQUIRE(entry[QStringLiteral("code")].toString() == QStringLiteral("PermissionDenied"));
    REQUIRE(
        entry[QStringLiteral("reason")].toString().contains(QStringLiteral("read documents but not change")));
    REQUIRE(entry[QStringLiteral("serverMessage")].toString().contains(
        QStringLiteral("may not change documents")));

    const Run bad =
        senctl(home, {QStringLiteral("refused"), QStringLiteral("restore"), kDb, QStringLiteral("xyz")});
    REQUIRE(bad.code == 1);
    REQUIRE(bad.err.contains(QStringLiteral("not a document UNID")));
    const QString restored =
        senctlOk(home, {QStringLiteral("refused"), QStringLiteral("restore"), kDb, unid.toHex()});
    REQUIRE(restored.startsWith(QStringLiteral("draft vanban-nhap ")));
    const QString draftUnid = restored.section(u'\n', 0, 0).section(u' ', 2, 2);
    senctlOk(home, {QStringLiteral("sync"), kDb});
    REQUIRE(senctlOk(home, {QStringLiteral("refused"), QStringLiteral("list"), kDb}).isEmpty());
    const QJsonObject doc =
        QJsonDocument::fromJson(senctlOk(home, {QStringLiteral("doc"), QStringLiteral("get"), kDb,
                                                unid.toHex(), QStringLiteral("--json")})
                                    .toUtf8())
            .object();
    REQUIRE(QJsonDocument(doc).toJson().contains("Kế hoạch công tác tuần 12"));
    const QByteArray draft =
        senctlOk(home, {QStringLiteral("doc"), QStringLiteral("get"), QStringLiteral("vanban-nhap"),
                        draftUnid, QStringLiteral("--json")})
            .toUtf8();
    REQUIRE(draft.contains("Bình sửa"));
    const Run again = senctl(home, {QStringLiteral("refused"), QStringLiteral("restore"), kDb, unid.toHex()});
    REQUIRE(again.code == 1);
    REQUIRE(again.err.contains(QStringLiteral("no refused change")));
}
