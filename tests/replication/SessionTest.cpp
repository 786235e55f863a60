// Replication sessions between real replica files over the in-memory transport.

#include "common/store/InstanceRenewal.h"
#include "common/store/ReplicationLog.h"
#include "tests/replication/SyncFixture.h"

#include <QEventLoop>

#include <catch2/catch.hpp>

using namespace sen;
using test::SyncFixture;

namespace {

Unid create(ReplicaStore& store, const QString& subject, int number = 1)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject))
                                .set(Item::number(QStringLiteral("SoDen"), number)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

void set(ReplicaStore& store, const Unid& unid, const Item& item)
{
    REQUIRE(store.save(DocumentEdit::update(unid).set(item)).isOk());
}

void requireSynced(const test::SyncResult& r)
{
    INFO("initiator: " << r.initiator.toString().toStdString()
                       << " responder: " << r.responder.toString().toStdString());
    REQUIRE(r.ok());
}

} // namespace

TEST_CASE("Session: two offices edit offline and converge through a sync both ways", "[session]")
{
    SyncFixture f(2);
    const Unid a = create(f.replica(0), QStringLiteral("Công văn của huyện"));
    const Unid b = create(f.replica(1), QStringLiteral("Báo cáo của xã"));
    requireSynced(f.sync(0, 1));
    REQUIRE(f.dump(0) == f.dump(1));
    REQUIRE(f.replica(0).get(b)->text(QStringLiteral("TrichYeu")) == QStringLiteral("Báo cáo của xã"));
    REQUIRE(f.replica(1).get(a).isOk());
}

TEST_CASE("Session: concurrent edits of different items merge, of the same item leave a conflict document",
          "[session]")
{
    ManualClock clock;
    SyncFixture f(2, &clock);
    const Unid doc = create(f.replica(0), QStringLiteral("Gốc"));
    requireSynced(f.sync(1, 0));

    set(f.replica(0), doc, Item::number(QStringLiteral("SoDen"), 5));
    clock.advanceMs(10);
    set(f.replica(1), doc, Item::text(QStringLiteral("GhiChu"), QStringLiteral("thêm ở xã")));
    requireSynced(f.sync(1, 0));
    REQUIRE(f.dump(0) == f.dump(1));
    const Document merged = f.replica(0).get(doc).value();
    REQUIRE(merged.item(QStringLiteral("SoDen"))->toNumber() == 5);
    REQUIRE(merged.text(QStringLiteral("GhiChu")) == QStringLiteral("thêm ở xã"));
    REQUIRE(f.replica(0).documentCount().value() == 1);

    set(f.replica(0), doc, Item::text(QStringLiteral("TrichYeu"), QStringLiteral("sửa ở huyện")));
    clock.advanceMs(10);
    set(f.replica(1), doc, Item::text(QStringLiteral("TrichYeu"), QStringLiteral("sửa ở xã (muộn hơn)")));
    const auto r = f.sync(0, 1);
    requireSynced(r);
    REQUIRE(r.stats.conflicts == 1);
    REQUIRE(f.dump(0) == f.dump(1));
    REQUIRE(f.replica(0).get(doc)->text(QStringLiteral("TrichYeu")) == QStringLiteral("sửa ở xã (muộn hơn)"));
    REQUIRE(f.replica(0).documentCount().value() == 2); // the winner and its conflict document
}

TEST_CASE("Session: deletions replicate, and an edit concurrent with a deletion survives", "[session]")
{
    SyncFixture f(2);
    const Unid gone = create(f.replica(0), QStringLiteral("Xoá"));
    const Unid kept = create(f.replica(0), QStringLiteral("Giữ"));
    requireSynced(f.sync(1, 0));
    REQUIRE(f.replica(0).remove(gone).isOk());
    REQUIRE(f.replica(0).remove(kept).isOk());
    set(f.replica(1), kept, Item::text(QStringLiteral("GhiChu"), QStringLiteral("vẫn cần")));
    requireSynced(f.sync(1, 0));
    REQUIRE(f.dump(0) == f.dump(1));
    REQUIRE(f.replica(1).get(gone)->isDeleted());
    REQUIRE_FALSE(f.replica(1).get(kept)->isDeleted());
    REQUIRE(f.replica(0).get(kept)->text(QStringLiteral("GhiChu")) == QStringLiteral("vẫn cần"));
}

TEST_CASE("Session: a changed item travels alone, not the whole document", "[session]")
{
    // Field-level replication: 100 documents of ~1 KB, one number changed in each.
    SyncFixture f(2);
    std::vector<Unid> docs;
    for (int i = 0; i < 100; ++i)
        docs.push_back(create(f.replica(0), QString(900, QChar(u'a' + i % 26)), i));
    requireSynced(f.sync(1, 0));
    for (const Unid& u : docs)
        set(f.replica(0), u, Item::number(QStringLiteral("SoDen"), 9999));
    const auto r = f.sync(1, 0);
    requireSynced(r);
    REQUIRE(f.dump(0) == f.dump(1));
    INFO("bytes on the wire: " << r.wireBytes);
    REQUIRE(r.wireBytes < 100 * 300); // a whole document alone is ~1 KB
}

TEST_CASE("Session: a sync with nothing to do exchanges only the handshake and one round trip", "[session]")
{
    SyncFixture f(2);
    create(f.replica(0), QStringLiteral("Một"));
    create(f.replica(1), QStringLiteral("Hai"));
    requireSynced(f.sync(1, 0));
    requireSynced(f.sync(1, 0)); // settles checkpoints on both sides
    const auto r = f.sync(1, 0);
    requireSynced(r);
    // Out: HELLO, PULL, the final empty CHANGES of the push; in: WELCOME, the final CHANGES
    // of the pull (+ the ACK of our push, after we are done).
    REQUIRE(r.stats.framesOut <= 4);
    REQUIRE(r.stats.received == 0);
    REQUIRE(r.stats.sent == 0);
}

TEST_CASE("Session: a PULL sent with HELLO to another instance than expected skips no change", "[session]")
{
    // Replica 1 expects replica 0, whose feed it has pulled to 20, but replica 2 answers: its
    // first changes lie before 20 and must still arrive, in the next session at the latest.
    SyncFixture f(3);
    for (int i = 0; i < 20; ++i)
        create(f.replica(0), QStringLiteral("Zero %1").arg(i));
    for (int i = 0; i < 5; ++i)
        create(f.replica(2), QStringLiteral("Two %1").arg(i));
    requireSynced(f.sync(1, 0));
    SessionOptions wrongGuess;
    wrongGuess.expectedPeer = f.replica(0).info().instanceId;
    requireSynced(f.sync(1, 2, {}, wrongGuess));
    const InstanceId two = f.replica(2).info().instanceId;
    REQUIRE(f.replica(1).replication().checkpoint(two, ReplicaSync::Direction::Pull).value() == 0);
    requireSynced(f.sync(1, 2));
    REQUIRE(f.dump(1) == f.dump(2));
    REQUIRE(f.replica(1).documentCount().value() == 25);
}

TEST_CASE("Session: a PULL sent with HELLO to the expected instance resumes from its checkpoint", "[session]")
{
    // Replica 1 knows replica 0 from its last session and pulls without waiting for WELCOME.
    SyncFixture f(2);
    for (int i = 0; i < 3; ++i)
        create(f.replica(0), QStringLiteral("Một %1").arg(i));
    requireSynced(f.sync(1, 0));
    create(f.replica(0), QStringLiteral("Bốn"));
    SessionOptions known;
    known.expectedPeer = f.replica(0).info().instanceId;
    const auto r = f.sync(1, 0, {}, known);
    requireSynced(r);
    REQUIRE(r.stats.received == 1);
    REQUIRE(f.dump(0) == f.dump(1));
}

TEST_CASE("Session: replicas of different databases refuse each other", "[session]")
{
    SyncFixture f(1);
    test::TempDir dir;
    auto other = ReplicaStore::create(dir.path(QStringLiteral("other.sen")), {});
    REQUIRE(other.isOk());
    MemoryLink link;
    Session initiator(Session::Role::Initiator, f.replica(0), link.a(), {});
    Session responder(Session::Role::Responder, **other, link.b(), {});
    QEventLoop loop;
    QObject::connect(&initiator, &Session::finished, &loop, &QEventLoop::quit);
    initiator.start();
    loop.exec();
    REQUIRE(initiator.result().code() == ErrorCode::InvalidArgument);
    REQUIRE(initiator.result().message().contains(QStringLiteral("not a replica")));
}

TEST_CASE("Session: many documents in several pipelined batches", "[session]")
{
    SyncFixture f(2);
    REQUIRE(f.replica(0)
                .batch([&] {
                    for (int i = 0; i < 1200; ++i)
                        SEN_TRY(f.replica(0)
                                    .save(DocumentEdit::create(QStringLiteral("Tin"))
                                              .set(Item::number(QStringLiteral("N"), i)))
                                    .status());
                    return Status::ok();
                })
                .isOk());
    SessionOptions options;
    options.batchSize = 50;
    options.window = 4;
    const auto r = f.sync(1, 0, {}, options);
    requireSynced(r);
    REQUIRE(r.stats.received == 1200);
    REQUIRE(f.dump(0) == f.dump(1));
}

TEST_CASE("Session: a replica that holds nothing pulls whole documents without a WANT per batch", "[session]")
{
    // Replica 1 is new: its PULL asks for whole documents, so its only answers are the ACKs.
    SyncFixture f(2);
    for (int i = 0; i < 120; ++i)
        create(f.replica(0), QStringLiteral("Văn bản %1").arg(i), i);
    const Unid gone = create(f.replica(0), QStringLiteral("Xoá"));
    REQUIRE(f.replica(0).remove(gone).isOk()); // a stub travels too
    SessionOptions options;
    options.batchSize = 10;
    options.window = 3;
    const auto r = f.sync(1, 0, {}, options);
    requireSynced(r);
    REQUIRE(r.stats.received == 121);
    REQUIRE(f.dump(0) == f.dump(1));
    // HELLO, PULL, an ACK for each of the 13 batches (the last one empty and final), the
    // push's final empty CHANGES; a WANT per batch would add 12.
    REQUIRE(r.stats.framesOut <= 2 + 13 + 1);

    // Holding documents now, replica 1 compares again: only the edited document travels.
    const Unid first = create(f.replica(0), QStringLiteral("Mới"));
    requireSynced(f.sync(1, 0, {}, options));
    set(f.replica(0), first, Item::number(QStringLiteral("SoDen"), 99));
    const auto next = f.sync(1, 0, {}, options);
    requireSynced(next);
    REQUIRE(next.stats.received == 1);
    REQUIRE(f.dump(0) == f.dump(1));
}

TEST_CASE("Session: both sides keep a history row and the peer's last session", "[session][history]")
{
    SyncFixture f(2);
    create(f.replica(0), QStringLiteral("Một"));
    requireSynced(f.sync(1, 0));
    for (int r = 0; r < 2; ++r) {
        ReplicationLog& log = f.replica(r).replication().log();
        const auto history = log.history(10);
        REQUIRE(history.isOk());
        REQUIRE(history->size() == 1);
        REQUIRE(history->front().status == ErrorCode::Ok);
        REQUIRE(history->front().peerName == QStringLiteral("replica-%1").arg(1 - r));
        const auto peers = log.peers();
        REQUIRE(peers->size() == 1);
        REQUIRE(peers->front().instance == f.replica(1 - r).info().instanceId);
    }
    REQUIRE(f.replica(1).replication().log().history(1)->front().received == 1);
}

TEST_CASE("Session: a replica restored from a backup is told it is stale", "[session][instance]")
{
    // An office restores last week's backup of its replica: its counter is behind what the
    // server already received from that instance, so its next edits would reuse dots.
    SyncFixture f(2);
    create(f.replica(1), QStringLiteral("trước khi sao lưu"));
    requireSynced(f.sync(1, 0));
    test::TempDir dir;
    const QString backup = dir.path(QStringLiteral("backup.sen"));
    f.backup(1, backup);
    create(f.replica(1), QStringLiteral("sau khi sao lưu"));
    requireSynced(f.sync(1, 0));

    f.restore(1, backup);
    const auto r = f.sync(1, 0);
    REQUIRE(r.initiator.code() == ErrorCode::StaleInstance);
    REQUIRE(r.initiator.message().contains(QStringLiteral("new instance ID")));
    REQUIRE(r.responder.code() == ErrorCode::StaleInstance);
    // Work goes on offline: this edit reuses the dot of the one the backup lacks.
    const Unid afterRestore = create(f.replica(1), QStringLiteral("sửa trên bản khôi phục"));

    // It takes a new instance ID, keeping what it had sent before the backup, and syncs:
    // its edit made after the restore survives, and the edit it had lost comes back.
    const InstanceId old = f.replica(1).info().instanceId;
    const auto acked = f.replica(1).replication().log().ackedCounter();
    REQUIRE(acked.isOk());
    f.close(1);
    const auto renewed = renewInstanceId(f.path(1), *acked);
    REQUIRE(renewed.isOk());
    REQUIRE(renewed->documentsRestamped == 1);
    f.reopen(1);
    REQUIRE(f.replica(1).info().instanceId != old);
    requireSynced(f.sync(1, 0));
    REQUIRE(f.dump(0) == f.dump(1));
    REQUIRE(f.replica(0).documentCount().value() == 3);
    REQUIRE(f.replica(0).get(afterRestore)->text(QStringLiteral("TrichYeu")) ==
            QStringLiteral("sửa trên bản khôi phục"));
}

TEST_CASE("Session: a whole pull stores each document's items as the bytes the sender holds", "[session]")
{
    // Replica 1 pulls everything whole and stores the received items without encoding them
    // again; replica 2 gets the same versions the old way (putReplicated, which encodes):
    // the rows, the dumps and the search results must be the same bytes everywhere.
    SyncFixture f(3);
    ReplicaStore& source = f.replica(0);
    std::vector<Unid> unids;
    for (int i = 0; i < 20; ++i) {
        auto saved = source.save(
            DocumentEdit::create(QStringLiteral("VanBanDen"))
                .set(
                    Item::text(QStringLiteral("TrichYeu"),
                               QString(QChar(0xFEFF)) + QStringLiteral("Đảng ủy xã số %1 \U0001F4C4").arg(i)))
                .set(Item::textList(QStringLiteral("NoiNhan"),
                                    {QStringLiteral("Huyện"), QStringLiteral("Xã")}))
                .set(Item::number(QStringLiteral("SoDen"), -0.5 * i))
                .set(Item::dateTime(QStringLiteral("NgayDen"),
                                    QDateTime::fromMSecsSinceEpoch(1700000000000 + i, Qt::UTC)))
                .set(Item::richText(QStringLiteral("NoiDung"), QStringLiteral("<p>quyết <b>định</b></p>")))
                .set(Item::text(QStringLiteral("GhiChu"), QStringLiteral("tạm"))));
        REQUIRE(saved.isOk());
        unids.push_back(saved->unid);
    }
    // A tombstone and a deletion stub travel too.
    REQUIRE(source.save(DocumentEdit::update(unids[0]).remove(QStringLiteral("GhiChu"))).isOk());
    REQUIRE(source.remove(unids[1]).isOk());

    const test::SyncResult pulled = f.sync(1, 0, {}, [] {
        SessionOptions options;
        options.push = false;
        return options;
    }());
    requireSynced(pulled);
    REQUIRE(pulled.stats.received == 20);
    REQUIRE(
        f.replica(2)
            .batch([&]() -> Status {
                return source.forEachDocument(
                    [&](const Document& doc) { return f.replica(2).replication().putReplicated(doc).isOk(); },
                    true);
            })
            .isOk());

    for (const Unid& unid : unids) {
        const auto sent = source.replication().findEncoded(unid);
        const auto whole = f.replica(1).replication().findEncoded(unid);
        const auto old = f.replica(2).replication().findEncoded(unid);
        REQUIRE((sent.isOk() && whole.isOk() && old.isOk() && *sent && *whole && *old));
        REQUIRE((*whole)->items == (*sent)->items);
        REQUIRE((*whole)->items == (*old)->items);
    }
    REQUIRE(f.dump(1) == f.dump(0));
    REQUIRE(f.dump(2) == f.dump(0));
    const auto found = f.replica(1).search(QStringLiteral("dang uy"));
    const auto expected = f.replica(2).search(QStringLiteral("dang uy"));
    REQUIRE((found.isOk() && expected.isOk()));
    // Equal ranks come in row order, which differs between the two: compare as sets.
    const auto hits = [](const std::vector<SearchHit>& list) {
        std::vector<std::pair<QString, QString>> out;
        for (const SearchHit& hit : list)
            out.emplace_back(hit.unid.toHex(), hit.snippet);
        std::sort(out.begin(), out.end());
        return out;
    };
    REQUIRE(found->size() == 19);
    REQUIRE(hits(*found) == hits(*expected));
}

TEST_CASE("Session: what another session stores while the pull runs is still pushed (a server's concurrent "
          "sessions)",
          "[session]")
{
    // A spoke pulls from its hub while an office's push, in another of the spoke's sessions,
    // stores a version. The spoke saves nothing itself, so its local counter stays; the pull
    // stored only the hub's versions. The push must still offer the office's version: skipping
    // "the echo" of the pull must not skip it too (found by the province test of issue #16:
    // a number an office wrote never left its spoke).
    SyncFixture f(3); // 0: the hub, 1: the spoke, 2: an office (its versions reach the spoke)
    create(f.replica(0), QStringLiteral("Của hub"));
    requireSynced(f.sync(1, 0));
    requireSynced(f.sync(1, 0)); // checkpoints settled both ways
    for (int i = 0; i < 60; ++i) // several batches of 10
        create(f.replica(0), QStringLiteral("Mới ở hub %1").arg(i));
    const Unid office = create(f.replica(2), QStringLiteral("Của văn phòng"));
    const Document officeVersion = f.replica(2).find(office).value().value();

    MemoryLink memory{LinkOptions{}};
    SessionOptions spokeOptions, hubOptions;
    spokeOptions.localName = QStringLiteral("replica-1");
    hubOptions.localName = QStringLiteral("replica-0");
    spokeOptions.batchSize = hubOptions.batchSize = 10;
    Session spoke(Session::Role::Initiator, f.replica(1), memory.a(), spokeOptions);
    Session hub(Session::Role::Responder, f.replica(0), memory.b(), hubOptions);
    bool stored = false;
    QObject::connect(&spoke, &Session::progressed, [&](const SessionProgress&) {
        if (stored || spoke.stats().received == 0)
            return;
        // The office's push, in another session of the spoke, between two of its batches.
        REQUIRE(f.replica(1).replication().putReplicated(officeVersion).isOk());
        stored = true;
    });
    QEventLoop loop;
    const auto maybeQuit = [&] {
        if (spoke.isFinished() && hub.isFinished())
            loop.quit();
    };
    QObject::connect(&spoke, &Session::finished, &loop, maybeQuit);
    QObject::connect(&hub, &Session::finished, &loop, maybeQuit);
    spoke.start();
    loop.exec();
    REQUIRE(spoke.result().isOk());
    REQUIRE(stored);

    // The hub holds the office's version, now or after the next session at the latest.
    requireSynced(f.sync(1, 0, {}, spokeOptions));
    const auto atHub = f.replica(0).find(office);
    REQUIRE(atHub.isOk());
    CHECK(atHub->has_value());
}
