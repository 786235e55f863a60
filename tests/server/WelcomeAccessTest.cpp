// The server tells the client its effective access in WELCOME (protocol version 3,
// docs/protocol.md §Versions), and still speaks version 2 to a client that offers no more.

#include "replication/protocol/ProtocolConstants.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QCborArray>
#include <QCborValue>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");
const QString kHoa = QStringLiteral("Lê Thị Hoa/VPTU/HaNoi");

} // namespace

TEST_CASE(
    "The server tells a version 3 or later client its access in WELCOME: level, rights, roles and groups",
    "[server][access][protocol]")
{
    // An Editor given the delete right and the role [VanThu] says HELLO offering every version
    // this build speaks (3 and later carry the access): WELCOME chooses the highest and carries
    // what the server resolved for that name.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb, acl::AccessLevel::Reader);
    acl::AclEntry entry = acl::AclEntry::make(kHoa, acl::AccessLevel::Editor);
    entry.rights = acl::CreateDocuments | acl::DeleteDocuments | acl::Replicate;
    entry.roles = QStringList{QStringLiteral("[VanThu]")};
    f.setEntry(kDb, entry);

    HostilePeer peer(f.port(), f.user(QStringLiteral("Lê Thị Hoa")));
    REQUIRE(peer.isConnected());
    auto welcome = peer.hello(kDb, info.replicaId, kHoa, newInstanceId(), 0);
    requireOk(welcome.status());
    REQUIRE(welcome->version == protocol::kVersionMax);
    REQUIRE(welcome->version >= protocol::kVersionWelcomeAccess);
    REQUIRE(welcome->access.has_value());
    CHECK(welcome->access->level == static_cast<int>(acl::AccessLevel::Editor));
    CHECK(welcome->access->rights == (acl::CreateDocuments | acl::DeleteDocuments | acl::Replicate));
    CHECK(welcome->access->roles == QStringList{QStringLiteral("[VanThu]")});
    CHECK(welcome->access->groups.isEmpty());
}

TEST_CASE("A version 2 client gets a four-element WELCOME and syncs as before", "[server][access][protocol]")
{
    // A client built before version 3 offers versions 1 to 2: the server chooses 2, writes the
    // WELCOME that client can read (no access element) and serves its pull.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    {
        auto server = ReplicaStore::open(f.serverPath(kDb));
        requireOk(server.status());
        requireOk((*server)
                      ->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                 .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về việc họp"))))
                      .status());
    }

    HostilePeer peer(f.port(), f.user(QStringLiteral("Lê Thị Hoa")));
    REQUIRE(peer.isConnected());
    protocol::Hello hello;
    hello.versionMax = 2;
    hello.replicaId = info.replicaId;
    hello.instanceId = newInstanceId();
    hello.database = kDb;
    hello.peerName = kHoa;
    peer.send(protocol::MessageType::Hello, protocol::encode(hello));
    auto frame = peer.expect(protocol::MessageType::Welcome);
    requireOk(frame.status());
    const QCborArray raw = QCborValue::fromCbor(frame->payload).toArray();
    REQUIRE(raw.size() == 4);
    REQUIRE(raw[0].toInteger() == 2);

    auto pulled = peer.pull(0);
    requireOk(pulled.status());
    REQUIRE(pulled->size() == 1);
    CHECK(pulled->front().text(QStringLiteral("TrichYeu")) == QStringLiteral("Về việc họp"));
}
