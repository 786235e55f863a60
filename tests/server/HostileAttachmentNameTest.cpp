// The server refuses any pushed version whose attachments do not name plain files
// (model/AttachmentName.h): a hostile insider cannot deliver "../../.bashrc" to other users.
//
// The pusher is a real client replica over real TLS whose hostile document was written with
// the store's low-level API (DocumentEdit + AttachmentStore), as a modified client would: the
// client's own check lives in its application layer, not in the store.

#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kDb = QStringLiteral("vanban");

// Saves a document whose attachment item and reference both carry `fileName`. A name the
// store refuses as an item name (a control character, too long) goes only into the reference,
// under a plain item name.
Unid saveWithAttachment(ReplicaStore& store, const QString& fileName)
{
    const QString itemName =
        isValidItemName(QStringLiteral("$File:") + fileName) ? fileName : QStringLiteral("tep-dinh-kem.txt");
    Document saved;
    const Status status = store.batch([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(const AttachmentRef ref,
                             store.attachments().importBytes(QByteArray("echo pwned\n"), fileName));
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        edit.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Tài liệu kèm theo")));
        edit.set(Item::withValue(QStringLiteral("$File:") + itemName, ItemType::Attachment, ref.toCbor(), 0));
        SEN_ASSIGN_OR_RETURN(saved, store.save(edit));
        return Status::ok();
    });
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
    return saved.unid;
}

bool serverHolds(ServerFixture& f, const Unid& unid)
{
    auto server = ReplicaStore::open(f.serverPath(kDb));
    REQUIRE(server.isOk());
    auto doc = (*server)->find(unid);
    REQUIRE(doc.isOk());
    return doc->has_value();
}

} // namespace

TEST_CASE("Hostile peer: a pushed attachment whose name is not a plain file name is refused by the server",
          "[server][access][attachments]")
{
    // An Editor's modified client pushes documents whose attachments are named with a path, a
    // right-to-left override, a Windows device name and a trailing dot: each is refused with
    // InvalidArgument, the server stores none of them, and an honest attachment in the same
    // session goes through.
    const QString hostile =
        GENERATE(QStringLiteral("../../.bashrc"), QStringLiteral("..\\..\\autoexec.bat"),
                 QStringLiteral("/etc/cron.d/job"), QString::fromUtf8("hóa đơn\u202Efdp.exe"),
                 QString::fromUtf8("bao\u200Bcao.pdf"), QStringLiteral("CON.txt"),
                 QStringLiteral("bao-cao.pdf."), QStringLiteral(".."), QStringLiteral("line\nbreak.txt"),
                 QString(230, u'a') + QStringLiteral(".pdf"), QString(300, u'a'));
    INFO("name: " << hostile.toStdString());
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid bad = saveWithAttachment(*client, hostile);
    const Unid good = saveWithAttachment(*client, QStringLiteral("Báo cáo quý 3.pdf"));

    SessionStats stats;
    const Status synced = f.sync(*client, kDb, an, &stats);
    INFO(synced.toString().toStdString());
    REQUIRE(synced.isOk());
    CHECK(stats.refused == 1);
    CHECK_FALSE(serverHolds(f, bad));
    CHECK(serverHolds(f, good));
    auto refusals = client->replication().refusals();
    REQUIRE(refusals.isOk());
    REQUIRE(refusals->size() == 1);
    CHECK(refusals->front().unid == bad);
    CHECK(refusals->front().code == ErrorCode::InvalidArgument);
    CHECK(refusals->front().message.contains(QStringLiteral("plain file name")));
}

TEST_CASE("Hostile peer: an update that renames an attachment to a path is refused, the stored version stays",
          "[server][access][attachments]")
{
    // A document with an honest attachment reaches the server; the same Editor then edits it
    // so that the attachment's item is named "../../.bashrc": the update is refused and the
    // server keeps the honest version.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid unid = saveWithAttachment(*client, QStringLiteral("to-trinh.pdf"));
    REQUIRE(f.sync(*client, kDb, an).isOk());
    REQUIRE(serverHolds(f, unid));

    auto doc = client->get(unid);
    REQUIRE(doc.isOk());
    const Item* item = doc->item(QStringLiteral("$File:to-trinh.pdf"));
    REQUIRE(item != nullptr);
    DocumentEdit edit = DocumentEdit::update(unid);
    edit.set(Item::withValue(QStringLiteral("$File:../../.bashrc"), ItemType::Attachment, item->value, 0));
    REQUIRE(client->save(edit).isOk());

    SessionStats stats;
    REQUIRE(f.sync(*client, kDb, an, &stats).isOk());
    CHECK(stats.refused == 1);
    auto server = ReplicaStore::open(f.serverPath(kDb));
    REQUIRE(server.isOk());
    auto stored = (*server)->get(unid);
    REQUIRE(stored.isOk());
    CHECK(stored->item(QStringLiteral("$File:../../.bashrc")) == nullptr);
    CHECK(stored->item(QStringLiteral("$File:to-trinh.pdf")) != nullptr);
}
