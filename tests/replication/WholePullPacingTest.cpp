// A whole pull's sender (ChangeSender) over a real replica file: it makes its next batch only
// once the last one has gone out of the transport, so frames leave as they are made.

#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "replication/session/ChangeSender.h"
#include "tests/replication/SyncFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using protocol::MessageType;

namespace {

struct Wire
{
    qint64 unsent = 0; // bytes the transport still holds
    int changes = 0;
    int docs = 0;
};

ChangeSender makeSender(ReplicaStore& store, Wire& wire, bool withBacklog)
{
    ChangeSender sender(
        store,
        [&wire](MessageType type, const QByteArray& payload, bool) {
            wire.unsent += payload.size();
            wire.changes += type == MessageType::Changes;
            wire.docs += type == MessageType::Docs;
        },
        [](std::function<void()>) {}, newInstanceId(), 10, 4);
    if (withBacklog)
        sender.setBacklog([&wire] { return wire.unsent; });
    return sender;
}

void fill(ReplicaStore& store, int count)
{
    for (int i = 0; i < count; ++i)
        REQUIRE(
            store
                .save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                          .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Văn bản %1").arg(i))))
                .isOk());
}

} // namespace

TEST_CASE("A whole pull makes its next batch only once the last one has gone out", "[session][whole]")
{
    test::SyncFixture f(1);
    fill(f.replica(0), 60); // six batches of 10, and the empty final one
    Wire wire;
    ChangeSender sender = makeSender(f.replica(0), wire, true);
    REQUIRE(sender.start(0, {}, true).isOk());
    // The first batch goes at once, whole (its DOCS follow its CHANGES); the rest wait.
    REQUIRE(wire.changes == 1);
    REQUIRE(wire.docs == 1);
    // Part of it is still in the transport: nothing more.
    wire.unsent = 1;
    REQUIRE(sender.resume().isOk());
    REQUIRE(wire.changes == 1);
    // Gone out: the next batch is made, and the next after that only when it has gone too.
    wire.unsent = 0;
    REQUIRE(sender.resume().isOk());
    REQUIRE(wire.changes == 2);
    REQUIRE(sender.resume().isOk());
    REQUIRE(wire.changes == 2);
    // The window (4 batches not acknowledged) still bounds it, however fast bytes go out.
    for (int i = 0; i < 5; ++i) {
        wire.unsent = 0;
        REQUIRE(sender.resume().isOk());
    }
    REQUIRE(wire.changes == 4);
    REQUIRE(wire.docs == 4);
}

TEST_CASE("A whole pull without a transport backlog fills its window at once", "[session][whole]")
{
    test::SyncFixture f(1);
    fill(f.replica(0), 60);
    Wire wire;
    ChangeSender sender = makeSender(f.replica(0), wire, false);
    REQUIRE(sender.start(0, {}, true).isOk());
    REQUIRE(wire.changes == 4);
    REQUIRE(wire.docs == 4);
}

TEST_CASE("A whole pull sending attachment chunks still sends batches between them", "[session][whole]")
{
    // Chunks queued for the peer keep the transport busy: batches then go up to the backlog,
    // as before, so an attachment on a slow link never holds the documents up.
    test::SyncFixture f(1);
    QByteArray content(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = static_cast<char>((i * 7919) % 251);
    const auto ref = f.replica(0).attachments().importBytes(content, QStringLiteral("quyet-dinh.pdf"));
    REQUIRE(ref.isOk());
    REQUIRE(f.replica(0)
                .save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                          .set(Item::withValue(QStringLiteral("$File:quyet-dinh.pdf"), ItemType::Attachment,
                                               ref->toCbor(), 0)))
                .isOk());
    fill(f.replica(0), 60);
    Wire wire;
    ChangeSender sender = makeSender(f.replica(0), wire, true);
    REQUIRE(sender.start(0, {}, true).isOk());
    REQUIRE(wire.changes == 1);
    protocol::ChunkWant want;
    for (const auto& chunk : ref->chunks)
        want.hashes.push_back(chunk.hash);
    REQUIRE(sender.onChunkWant(want).isOk()); // queued (this test's event loop never pumps them)
    // Bytes wait in the transport, yet the batches go, up to the window (4), as before.
    wire.unsent = 1;
    REQUIRE(sender.resume().isOk());
    REQUIRE(wire.changes == 4);
}
