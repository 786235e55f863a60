// Who a peer is (issue #11, points 8 and 12): an instance ID belongs to the name that first
// used it, a HELLO's counter is bounded and compared only with what the instance really
// sent, and a name the ACL would fold onto another user's does not log in.

#include "replication/protocol/ProtocolConstants.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");

Unid saveLetter(ReplicaStore& store, const QString& subject)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), subject));
    auto saved = store.save(edit);
    requireOk(saved.status());
    return saved->unid;
}

bool serverHolds(ServerFixture& f, const Unid& unid)
{
    auto server = ReplicaStore::open(f.serverPath(kDb));
    requireOk(server.status());
    auto doc = (*server)->find(unid);
    requireOk(doc.status());
    return doc->has_value() && !(*doc)->isDeleted();
}

} // namespace

TEST_CASE("Hostile peer: a Reader's HELLO naming another user's instance is refused and its owner keeps "
          "syncing",
          "[server][hostile][identity]")
{
    // A Reader learns the instance ID of an Editor's replica and says HELLO with it and a huge
    // counter, which used to lock the Editor's replica out for good (StaleInstance).
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    f.setAccess(kDb, QStringLiteral("Trần Thị Bình/VPTU/HaNoi"), acl::AccessLevel::Reader);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration binh = f.user(QStringLiteral("Trần Thị Bình"));

    auto victim = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid first = saveLetter(*victim, QStringLiteral("Về việc tổng kết năm"));
    requireOk(f.sync(*victim, kDb, an));
    REQUIRE(serverHolds(f, first));

    HostilePeer peer(f.port(), binh);
    REQUIRE(peer.isConnected());
    auto welcome = peer.hello(kDb, info.replicaId, QStringLiteral("Trần Thị Bình/VPTU/HaNoi"),
                              victim->info().instanceId, std::uint64_t(1) << 52);
    requireError(welcome.status(), ErrorCode::PermissionDenied, QStringLiteral("belongs to another user"));
    REQUIRE(f.waitForAudit(QStringLiteral("request_refused"), QStringLiteral("belongs to another user")));

    const Unid second = saveLetter(*victim, QStringLiteral("Về việc chuẩn bị đại hội"));
    requireOk(f.sync(*victim, kDb, an));
    REQUIRE(serverHolds(f, second));
}

TEST_CASE("Hostile peer: a HELLO claiming a counter its instance never sent does not lock the instance out",
          "[server][hostile][identity]")
{
    // A user says HELLO with their own replica's instance and a counter far beyond anything it
    // sent, pushes nothing, and then syncs the replica honestly: only counters received in
    // dots count, so the honest sync is not taken for a restored copy.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    saveLetter(*replica, QStringLiteral("Về việc tổng kết năm"));
    requireOk(f.sync(*replica, kDb, an));

    {
        HostilePeer peer(f.port(), an);
        requireOk(peer.hello(kDb, info.replicaId, QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                             replica->info().instanceId, std::uint64_t(1) << 50)
                      .status());
    }
    const Unid later = saveLetter(*replica, QStringLiteral("Về việc chuẩn bị đại hội"));
    requireOk(f.sync(*replica, kDb, an));
    REQUIRE(serverHolds(f, later));
}

TEST_CASE("Hostile peer: a HELLO counter beyond the protocol's bound is refused",
          "[server][hostile][identity]")
{
    // A peer says HELLO with a counter of 2^60, which no replica can have issued.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    HostilePeer peer(f.port(), an);
    REQUIRE(peer.isConnected());
    auto welcome = peer.hello(kDb, info.replicaId, QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                              newInstanceId(), std::uint64_t(1) << 60);
    requireError(welcome.status(), ErrorCode::ProtocolError, QStringLiteral("counter"));
    REQUIRE(kMaxCounter <= (std::uint64_t(1) << 53));
}

TEST_CASE("Hostile peer: a certificate named \"CN=Quan Tri\" gets none of Quan Tri's rights",
          "[server][hostile][identity]")
{
    // The certifier issued (bypassing registration) a certificate whose common name is
    // "CN=Quan Tri"; the ACL's name key strips the label, so it used to receive the Manager
    // rights of "Quan Tri". The server refuses it at login.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb, acl::AccessLevel::NoAccess);
    f.setAccess(kDb, QStringLiteral("Quan Tri/VPTU/HaNoi"), acl::AccessLevel::Manager);
    const QSslConfiguration impostor = f.user(QStringLiteral("CN=Quan Tri"));

    HostilePeer peer(f.port(), impostor);
    auto welcome =
        peer.hello(kDb, info.replicaId, QStringLiteral("CN=Quan Tri/VPTU/HaNoi"), newInstanceId(), 0);
    REQUIRE_FALSE(welcome.isOk());
    REQUIRE(welcome.status().code() == ErrorCode::PermissionDenied);
    REQUIRE(welcome.status().message().contains(QStringLiteral("label")));
    REQUIRE(f.waitForAudit(QStringLiteral("login_refused"), QStringLiteral("label")));
}
