// The hostile-peer harness itself (HostilePeer.h): with honest messages it pushes and pulls
// like a client, so when a hostile test sees a refusal it is the server's rule that refused,
// not a broken harness.

#include "tests/server/HostilePeer.h"

#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

TEST_CASE("The hostile-peer harness pushes and pulls an honest document", "[server][net][hostile]")
{
    // A user speaks the protocol by hand: HELLO, a push of one document, then a pull that
    // brings it back from the server.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const InstanceId instance = newInstanceId();

    HostilePeer peer(f.port(), an);
    REQUIRE(peer.isConnected());
    auto welcome = peer.hello(QStringLiteral("vanban"), info.replicaId,
                              QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"), instance, 1);
    requireOk(welcome.status());
    const Document doc =
        forgedDocument(QStringLiteral("CongVanDen"), instance, 1,
                       {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về việc tổng kết năm"))});
    auto ack = peer.push({doc});
    requireOk(ack.status());
    REQUIRE(ack->refused.empty());

    auto server = ReplicaStore::open(f.serverPath(QStringLiteral("vanban")));
    REQUIRE(server.isOk());
    auto stored = (*server)->get(doc.unid);
    requireOk(stored.status());
    REQUIRE(stored->text(QStringLiteral("TrichYeu")) == QStringLiteral("Về việc tổng kết năm"));

    HostilePeer reader(f.port(), an);
    requireOk(reader
                  .hello(QStringLiteral("vanban"), info.replicaId, QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                         newInstanceId(), 0)
                  .status());
    auto pulled = reader.pull();
    requireOk(pulled.status());
    REQUIRE(pulled->size() == 1);
    REQUIRE(pulled->front().unid == doc.unid);
    REQUIRE(pulled->front().versions == doc.versions);
}
