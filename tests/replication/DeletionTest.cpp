// Deletion stubs and the no-zombie guarantee (docs/protocol.md §Deletion stubs): clients
// drop a stub only after every peer they push to acknowledged it, and the server keeps a
// record of every deletion, so a replica that comes back with an old version cannot bring a
// deleted document back.

#include "tests/replication/SyncFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::SyncFixture;

namespace {

constexpr int kServer = 0;

Unid create(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

SessionOptions client()
{
    SessionOptions options;
    options.dropAcknowledgedStubs = true;
    return options;
}

void requireSynced(const test::SyncResult& r)
{
    INFO("initiator: " << r.initiator.toString().toStdString()
                       << " responder: " << r.responder.toString().toStdString());
    REQUIRE(r.ok());
}

bool hasRow(ReplicaStore& store, const Unid& unid)
{
    auto found = store.find(unid);
    REQUIRE(found.isOk());
    return found->has_value();
}

} // namespace

TEST_CASE("Deletions: a client keeps its stub until the server acknowledged it, then drops it",
          "[session][deletion]")
{
    // A client deletes a document; a sync that only pulls leaves the stub, a full sync drops
    // it on the client while the server keeps the stub.
    SyncFixture f(2);
    const Unid unid = create(f.replica(1), QStringLiteral("Công văn sẽ xoá"));
    requireSynced(f.sync(1, kServer, {}, client()));
    REQUIRE(f.replica(1).remove(unid).isOk());

    SessionOptions pullOnly = client();
    pullOnly.push = false;
    requireSynced(f.sync(1, kServer, {}, pullOnly));
    REQUIRE(hasRow(f.replica(1), unid));
    REQUIRE(f.replica(1).get(unid)->isDeleted());

    const auto result = f.sync(1, kServer, {}, client());
    requireSynced(result);
    REQUIRE(result.stats.stubsDropped == 1);
    REQUIRE_FALSE(hasRow(f.replica(1), unid));
    REQUIRE(f.replica(kServer).get(unid)->isDeleted());
}

TEST_CASE("Deletions: a replica back with an old version after the stubs were dropped cannot revive "
          "the document",
          "[session][deletion]")
{
    // Client 2 made a document and went offline; client 1 deleted it and dropped its stub.
    // Client 2 then pushes its old version from scratch (as after losing its checkpoints):
    // the server's stub wins, and every replica ends with the document gone.
    SyncFixture f(3);
    const Unid unid = create(f.replica(2), QStringLiteral("Báo cáo cũ"));
    requireSynced(f.sync(2, kServer, {}, client()));
    requireSynced(f.sync(1, kServer, {}, client()));
    REQUIRE(f.replica(1).remove(unid).isOk());
    requireSynced(f.sync(1, kServer, {}, client()));
    REQUIRE_FALSE(hasRow(f.replica(1), unid));

    // Forget what client 2 pushed and pulled, and push everything again, old version included.
    const InstanceId server = f.replica(kServer).info().instanceId;
    REQUIRE(f.replica(2).replication().setCheckpoint(server, ReplicaSync::Direction::Push, 0).isOk());
    REQUIRE(f.replica(2).replication().setCheckpoint(server, ReplicaSync::Direction::Pull, 0).isOk());
    SessionOptions pushOnly = client();
    pushOnly.pull = false;
    requireSynced(f.sync(2, kServer, {}, pushOnly));
    REQUIRE(f.replica(kServer).get(unid)->isDeleted());

    requireSynced(f.sync(2, kServer, {}, client()));
    REQUIRE(f.replica(kServer).get(unid)->isDeleted());
    REQUIRE_FALSE(hasRow(f.replica(2), unid));

    // Client 1, pulling everything again from scratch, receives the stub, not the document.
    REQUIRE(f.replica(1).replication().setCheckpoint(server, ReplicaSync::Direction::Pull, 0).isOk());
    requireSynced(f.sync(1, kServer, {}, client()));
    REQUIRE_FALSE(hasRow(f.replica(1), unid));
    REQUIRE(f.replica(kServer).documentCount(false).value() == 0);
}

TEST_CASE("Deletions: a stub stays while another server the client pushes to has not acknowledged it",
          "[session][deletion]")
{
    // A client replicating with two servers drops a stub only once both have it.
    SyncFixture f(3);
    const int otherServer = 2;
    const Unid unid = create(f.replica(1), QStringLiteral("Lịch họp"));
    requireSynced(f.sync(1, kServer, {}, client()));
    requireSynced(f.sync(1, otherServer, {}, client()));
    REQUIRE(f.replica(1).remove(unid).isOk());

    auto first = f.sync(1, kServer, {}, client());
    requireSynced(first);
    REQUIRE(first.stats.stubsDropped == 0);
    REQUIRE(hasRow(f.replica(1), unid));

    auto second = f.sync(1, otherServer, {}, client());
    requireSynced(second);
    REQUIRE(second.stats.stubsDropped == 1);
    REQUIRE_FALSE(hasRow(f.replica(1), unid));
    REQUIRE(f.replica(kServer).get(unid)->isDeleted());
    REQUIRE(f.replica(otherServer).get(unid)->isDeleted());
}

TEST_CASE("Deletions: a server never drops stubs, whatever its peers acknowledged", "[session][deletion]")
{
    // Sessions without the client option keep every stub: the server's record of deletions.
    SyncFixture f(2);
    const Unid unid = create(f.replica(kServer), QStringLiteral("Thông báo"));
    requireSynced(f.sync(kServer, 1));
    REQUIRE(f.replica(kServer).remove(unid).isOk());
    const auto result = f.sync(kServer, 1);
    requireSynced(result);
    REQUIRE(result.stats.stubsDropped == 0);
    REQUIRE(f.replica(kServer).get(unid)->isDeleted());
    REQUIRE(f.replica(1).get(unid)->isDeleted());
}

TEST_CASE("Deletions: a stub the receiver already holds is not sent to it again", "[session][deletion]")
{
    // A client deletes a document and syncs: it pulls first, then pushes the stub and drops
    // it. The server stored the stub after the client's pull position, so the next pull brings
    // it back, and the push that follows offers it again with the client's new work. The
    // server holds that very stub: it wants only the new document (docs/protocol.md §A session,
    // step 3: the entries whose version it does not already include, a stub's included).
    SyncFixture f(2);
    const Unid unid = create(f.replica(1), QStringLiteral("Công văn sẽ xoá"));
    requireSynced(f.sync(1, kServer, {}, client()));
    REQUIRE(f.replica(1).remove(unid).isOk());
    const auto deleted = f.sync(1, kServer, {}, client());
    requireSynced(deleted);
    REQUIRE(deleted.stats.sent == 1);
    REQUIRE(deleted.stats.stubsDropped == 1);

    create(f.replica(1), QStringLiteral("Công văn mới"));
    const auto next = f.sync(1, kServer, {}, client());
    requireSynced(next);
    REQUIRE(next.stats.received == 1); // the stub, which the client had dropped
    REQUIRE(next.stats.sent == 1);     // the new document only
    REQUIRE(next.stats.stubsDropped == 1);
    REQUIRE_FALSE(hasRow(f.replica(1), unid));
    REQUIRE(f.replica(kServer).get(unid)->isDeleted());
}
