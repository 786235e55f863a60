// What the server records of the changes peers push (issue #11, point 18): every refused
// version and every deletion is an audit record naming who, what and why; and when the audit
// log cannot be written the server stops accepting changes instead of going on unrecorded —
// nothing the client wrote is lost, and nothing changes on the server.

#include "server/audit/AuditEvent.h"
#include "tests/server/Bystander.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"
#include "tests/server/WaitUntil.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");

QString fullName(const ServerFixture& f, const QString& name)
{
    return name + u'/' + f.orgName();
}

Unid save(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

} // namespace

TEST_CASE("Hostile peer: a Reader's pushed edit and deletion are refused and each refusal is audited",
          "[server][audit][hostile]")
{
    // An Editor registers a document; a Reader, speaking the protocol by hand, pushes an edit
    // of it and then a deletion stub. Both are refused in the ACK and both are audit records
    // naming the Reader, the document and the reason.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb, acl::AccessLevel::Editor);
    f.setAccess(kDb, fullName(f, QStringLiteral("Đọc Giả")), acl::AccessLevel::Reader);
    const QSslConfiguration editorTls = f.user(QStringLiteral("Nguyễn Văn An"));
    auto editor = f.clientReplica(QStringLiteral("editor.sen"), kDb, editorTls);
    const Unid unid = save(*editor, QStringLiteral("Kế hoạch công tác tháng 12"));
    requireOk(f.sync(*editor, kDb, editorTls));
    const Document original = editor->get(unid).value();

    HostilePeer reader(f.port(), f.user(QStringLiteral("Đọc Giả")));
    const InstanceId instance = newInstanceId();
    requireOk(
        reader.hello(kDb, info.replicaId, fullName(f, QStringLiteral("Đọc Giả")), instance, 2).status());
    Document edited = original;
    edited.versions.set(instance, 1);
    edited.putItem(Item{QStringLiteral("TrichYeu"), ItemType::Text, Summary,
                        QCborValue(QStringLiteral("Đã sửa")),
                        Stamp{Dot{instance, 1}, makeHlc(QDateTime::currentMSecsSinceEpoch(), 0)}});
    Document stub;
    stub.unid = unid;
    stub.form = original.form;
    stub.flags = Deleted;
    stub.versions = original.versions;
    stub.versions.set(instance, 2);
    auto ack = reader.push({edited}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    ack = reader.push({stub}, 2, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);

    const QString kind = QString::fromUtf16(server::audit::kPushRefused);
    REQUIRE(f.waitForAudit(kind, QStringLiteral("update document ") + unid.toHex()));
    REQUIRE(f.waitForAudit(kind, QStringLiteral("delete document ") + unid.toHex()));
    int refusals = 0;
    for (const server::AuditRecord& record : f.auditRecords()) {
        if (record.kind != kind)
            continue;
        ++refusals;
        REQUIRE(record.actor == fullName(f, QStringLiteral("Đọc Giả")));
        REQUIRE(record.detail.contains(QStringLiteral("Kế hoạch công tác tháng 12")));
        REQUIRE(record.detail.contains(QStringLiteral("Reader")));
    }
    REQUIRE(refusals == 2);
    auto server = ReplicaStore::open(f.serverPath(kDb));
    REQUIRE(server.value()->get(unid)->text(QStringLiteral("TrichYeu")) ==
            QStringLiteral("Kế hoạch công tác tháng 12"));
}

TEST_CASE("An authorised deletion leaves a stub and an audit record naming who deleted what",
          "[server][audit]")
{
    // An Editor with the right to delete removes a registered document and syncs.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    acl::AclEntry editor =
        acl::AclEntry::make(fullName(f, QStringLiteral("Nguyễn Văn An")), acl::AccessLevel::Editor);
    editor.rights |= acl::DeleteDocuments;
    f.setEntry(kDb, editor);
    const QSslConfiguration tls = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.clientReplica(QStringLiteral("an.sen"), kDb, tls);
    const Unid unid = save(*replica, QStringLiteral("Giấy mời họp giao ban"));
    requireOk(f.sync(*replica, kDb, tls));
    REQUIRE(replica->remove(unid).isOk());
    requireOk(f.sync(*replica, kDb, tls));

    REQUIRE(f.waitForAudit(QString::fromUtf16(server::audit::kDocumentDeleted), unid.toHex()));
    const QList<server::AuditRecord> records = f.auditRecords();
    const auto deleted = std::find_if(records.begin(), records.end(), [](const server::AuditRecord& r) {
        return r.kind == QString::fromUtf16(server::audit::kDocumentDeleted);
    });
    REQUIRE(deleted->actor == fullName(f, QStringLiteral("Nguyễn Văn An")));
    REQUIRE(deleted->detail.contains(QStringLiteral("Giấy mời họp giao ban")));
    auto server = ReplicaStore::open(f.serverPath(kDb));
    auto stub = server.value()->get(unid);
    REQUIRE(stub.isOk());
    REQUIRE(stub->isDeleted());
}

#ifdef Q_OS_LINUX
TEST_CASE("Bad disk: when the audit log cannot be written the server accepts no changes and nothing is lost",
          "[server][audit]")
{
    // The disk holding the audit log fills up. A cadre's next sync still brings what the
    // server has, but its push is refused as a whole with a clear reason: the server stores
    // nothing it could not record, and the cadre's document stays unsent, not refused, so it
    // goes once the log is writable again.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration tls = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.clientReplica(QStringLiteral("an.sen"), kDb, tls);
    requireOk(f.sync(*replica, kDb, tls));

    f.failAuditWrites();
    // The server writes its audit log from a thread of its own: the next login's record is the
    // first write to fail, and from then on changes are refused.
    requireOk(f.sync(*replica, kDb, tls));
    REQUIRE(waitUntil([&] { return f.auditFailed(); }, 5000));
    const Unid unid = save(*replica, QStringLiteral("Báo cáo tổng kết năm"));
    const Status status = f.sync(*replica, kDb, tls);
    requireError(status, ErrorCode::IoError, QStringLiteral("audit log"));

    auto server = ReplicaStore::open(f.serverPath(kDb));
    REQUIRE_FALSE(server.value()->find(unid)->has_value());
    REQUIRE(replica->get(unid).isOk());
    REQUIRE(replica->replication().refusals()->empty());
    // The push checkpoint did not move past the document: the next sync offers it again.
    REQUIRE(replica->replication()
                .checkpoint(server.value()->info().instanceId, ReplicaSync::Direction::Push)
                .value() < replica->lastSeq().value());
}
#endif
