// What the server refuses of a pushed version, whoever holds the certificate (issue #11,
// points 6, 7, 9 and 11; docs/protocol.md §"What a server refuses"): an insider speaks the
// protocol by hand (HostilePeer.h) against a real server over TLS, and honest replicas beside
// it must keep syncing and lose nothing.

#include "replication/protocol/ProtocolConstants.h"
#include "tests/server/Bystander.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QDateTime>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;
using namespace sen::protocol;

namespace {

const QString kDb = QStringLiteral("vanban");
const QString kHostile = QStringLiteral("Trần Văn Bình");

QString fullName(const QString& name)
{
    return name + QStringLiteral("/VPTU/HaNoi");
}

// A hostile peer that has said HELLO for kDb as `name` from `instance` with `counter`.
std::unique_ptr<HostilePeer> connectHostile(ServerFixture& f, const ReplicaInfo& info,
                                            const InstanceId& instance, std::uint64_t counter,
                                            const QString& name = kHostile)
{
    auto peer = std::make_unique<HostilePeer>(f.port(), f.user(name));
    REQUIRE(peer->isConnected());
    requireOk(peer->hello(kDb, info.replicaId, fullName(name), instance, counter).status());
    return peer;
}

std::unique_ptr<ReplicaStore> openServer(ServerFixture& f)
{
    auto store = ReplicaStore::open(f.serverPath(kDb));
    REQUIRE(store.isOk());
    return std::move(store).value();
}

std::optional<Document> find(ReplicaStore& store, const Unid& unid)
{
    auto doc = store.find(unid);
    requireOk(doc.status());
    return *doc;
}

Unid create(ReplicaStore& store, const QString& subject, std::vector<Item> extra = {})
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), subject));
    for (Item& item : extra)
        edit.set(std::move(item));
    auto saved = store.save(edit);
    requireOk(saved.status());
    return saved->unid;
}

void edit(ReplicaStore& store, const Unid& unid, const QString& subject)
{
    auto saved = store.save(DocumentEdit::update(unid).set(Item::text(QStringLiteral("TrichYeu"), subject)));
    requireOk(saved.status());
}

QString subjectOf(ReplicaStore& store, const Unid& unid)
{
    const auto doc = find(store, unid);
    REQUIRE(doc);
    return doc->text(QStringLiteral("TrichYeu"));
}

// `doc` as a delta: CHANGES with its entry, the server's WANT, DOCS with `doc` flagged delta.
// Returns the ACK or the server's ERROR.
Result<Ack> pushDelta(HostilePeer& peer, const Document& doc)
{
    Changes changes;
    changes.batch = 1;
    changes.lastSeq = 1;
    changes.final = true;
    changes.entries.push_back({doc.unid, doc.versions, 1, doc.isDeleted(), false});
    peer.send(MessageType::Changes, encode(changes));
    SEN_ASSIGN_OR_RETURN(const Frame wantFrame, peer.expect(MessageType::Want));
    SEN_ASSIGN_OR_RETURN(const Want want, decodeWant(wantFrame.payload));
    if (want.entries.size() != 1)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the server did not want the delta"));
    Docs docs;
    docs.batch = 1;
    DocEntry entry;
    entry.index = 0;
    entry.delta = true;
    entry.doc = doc;
    docs.docs.push_back(std::move(entry));
    peer.send(MessageType::Docs, encode(docs));
    SEN_ASSIGN_OR_RETURN(const Frame ackFrame, peer.expect(MessageType::Ack));
    return decodeAck(ackFrame.payload);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

TEST_CASE("Hostile peer: a CHANGES entry flagged withdrawn purges nothing on the server", "[server][hostile]")
{
    // An Editor lists an honest user's document as withdrawn in its push, as a server would to
    // a client that may no longer read it: the server must end the session, not drop its copy.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    Bystander honest(f, kDb);
    const Unid unid = create(honest.store(), QStringLiteral("Báo cáo tổng kết"));
    honest.sync();
    const auto stored = find(*openServer(f), unid);
    REQUIRE(stored);

    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 1);
    VersionVector claimed = stored->versions;
    claimed.set(instance, 1);
    auto ack = peer->push({ChangeEntry{unid, claimed, 1, false, true}}, {}, 1, true);
    requireError(ack.status(), ErrorCode::ProtocolError, QStringLiteral("withdrawn"));

    const auto after = find(*openServer(f), unid);
    REQUIRE(after);
    REQUIRE_FALSE(after->isDeleted());
    honest.sync();
    REQUIRE(find(honest.store(), unid));
}

TEST_CASE("Hostile peer: an item stamped 2^63-1 is a protocol error and breaks no replica",
          "[server][hostile]")
{
    // An Editor pushes a document whose item claims the last 64-bit time; an honest user then
    // syncs and saves. Before the server refused it, the honest replica's clock overflowed and
    // its next save could not be read back.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 1);
    const Document doc =
        forgedDocument(QStringLiteral("VanBanDen"), instance, 1,
                       {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Thời gian cuối cùng"))},
                       HlcTime(std::numeric_limits<qint64>::max()));
    const auto ack = peer->push({doc});

    Bystander honest(f, kDb);
    honest.sync();
    const Unid unid = create(honest.store(), QStringLiteral("Công văn sau đó"));
    const auto saved = honest.store().find(unid);
    requireOk(saved.status());
    REQUIRE(*saved);
    REQUIRE(hlcPhysicalMs((*saved)->modifiedTime()) < nowMs() + 60'000);
    honest.sync();

    requireError(ack.status(), ErrorCode::ProtocolError, QStringLiteral("stamp"));
    REQUIRE_FALSE(find(*openServer(f), doc.unid));
}

TEST_CASE("Hostile peer: a date-time value beyond the year 9999 is a protocol error", "[server][hostile]")
{
    // An Editor pushes a date-time item holding the largest 64-bit integer; no replica should
    // have to show or sort such a date.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 1);
    const Document doc =
        forgedDocument(QStringLiteral("VanBanDen"), instance, 1,
                       {Item::withValue(QStringLiteral("NgayDen"), ItemType::DateTime,
                                        QCborValue(std::numeric_limits<qint64>::max()), Summary)});
    requireError(peer->push({doc}).status(), ErrorCode::ProtocolError, QStringLiteral("NgayDen"));
    REQUIRE_FALSE(find(*openServer(f), doc.unid));
    Bystander(f, kDb).sync();
}

TEST_CASE("Hostile peer: an item stamped in the year 6000 is refused and drags no clock", "[server][hostile]")
{
    // An Editor pushes a document stamped four thousand years ahead. The server must refuse
    // that version (and say why in the ACK) without its clock observing the time, so an
    // honest user's next save is stamped today, not in the year 6000.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 2);
    const qint64 year6000 = QDateTime(QDate(6000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const Document ahead = forgedDocument(
        QStringLiteral("VanBanDen"), instance, 1,
        {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Năm 6000"))}, makeHlc(year6000, 0));
    // A clock a minute fast is within the limit.
    const Document fast =
        forgedDocument(QStringLiteral("VanBanDen"), instance, 2,
                       {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Nhanh 1 phút"))},
                       makeHlc(nowMs() + 60'000, 0));
    auto ack = peer->push({ahead, fast});

    Bystander honest(f, kDb);
    honest.sync();
    const Unid unid = create(honest.store(), QStringLiteral("Công văn hôm nay"));
    const auto saved = find(honest.store(), unid);
    REQUIRE(saved);
    REQUIRE(hlcPhysicalMs(saved->modifiedTime()) < nowMs() + kMaxClockSkewMs);
    honest.sync();

    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused.front().unid == ahead.unid);
    REQUIRE(ack->refused.front().message.contains(QStringLiteral("ahead")));
    auto server = openServer(f);
    REQUIRE_FALSE(find(*server, ahead.unid));
    REQUIRE(find(*server, fast.unid));
    // Nor did the accepted one move the server's clock past the skew: its next edit is stamped
    // with the time the file's clock holds.
    const auto next = find(*server, create(*server, QStringLiteral("Sổ công văn đến")));
    REQUIRE(next);
    REQUIRE(hlcPhysicalMs(next->modifiedTime()) < nowMs() + kMaxClockSkewMs);
}

TEST_CASE("Hostile peer: a vector giving another replica's instance a counter ahead of it is refused",
          "[server][hostile]")
{
    // Two honest users share a document; an Editor pushes it with the second user's instance
    // counted three edits ahead. Before the server checked vectors, that user's third save from
    // then on — an edit of the document — was silently dropped, and the two honest copies held
    // identical vectors with different content.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration chi = f.user(QStringLiteral("Phạm Thị Chi"));
    auto storeA = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    auto storeC = f.clientReplica(QStringLiteral("chi.sen"), kDb, chi);
    const Unid unid = create(*storeA, QStringLiteral("Kế hoạch công tác"));
    requireOk(f.sync(*storeA, kDb, an));
    requireOk(f.sync(*storeC, kDb, chi));
    const auto shared = find(*storeC, unid);
    REQUIRE(shared);

    const InstanceId instanceC = storeC->info().instanceId;
    auto counterC = storeC->localCounter();
    requireOk(counterC.status());
    Document forged = *shared;
    forged.versions.set(instanceC, *counterC + 3);
    auto peer = connectHostile(f, info, newInstanceId(), 0);
    auto ack = peer->push({forged});
    requireOk(ack.status());

    requireOk(f.sync(*storeC, kDb, chi));
    create(*storeC, QStringLiteral("Việc khác 1"));
    create(*storeC, QStringLiteral("Việc khác 2"));
    edit(*storeC, unid, QStringLiteral("Kế hoạch công tác (Chi sửa)"));
    requireOk(f.sync(*storeC, kDb, chi));
    requireOk(f.sync(*storeA, kDb, an));

    REQUIRE(subjectOf(*openServer(f), unid) == QStringLiteral("Kế hoạch công tác (Chi sửa)"));
    REQUIRE(subjectOf(*storeA, unid) == QStringLiteral("Kế hoạch công tác (Chi sửa)"));
    REQUIRE(find(*storeA, unid)->versions == find(*storeC, unid)->versions);
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused.front().message.contains(instanceC.toHex()));
    Bystander(f, kDb).sync();
}

TEST_CASE("Hostile peer: a version counting its own instance past its HELLO counter is not stored",
          "[server][hostile]")
{
    // A peer says in HELLO that its last edit was number 1, then pushes a version claiming its
    // own edit number one million: the server does not store it, and its checkpoint stays
    // before it (an honest client that saved during the session offers it again next time).
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 1);
    const Document doc = forgedDocument(QStringLiteral("VanBanDen"), instance, 1'000'000,
                                        {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Xa quá"))});
    auto ack = peer->push({doc});
    requireOk(ack.status());
    REQUIRE(ack->seq == 0);
    REQUIRE_FALSE(find(*openServer(f), doc.unid));
    Bystander(f, kDb).sync();
}

TEST_CASE("Hostile peer: a counter beyond 2^53 is a protocol error", "[server][hostile]")
{
    // A peer declares and uses a counter near the 64-bit limit, where the next edit would
    // overflow.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const InstanceId instance = newInstanceId();
    const std::uint64_t huge = std::uint64_t(1) << 62;
    auto peer = std::make_unique<HostilePeer>(f.port(), f.user(kHostile));
    REQUIRE(peer->isConnected());
    const auto welcome = peer->hello(kDb, info.replicaId, fullName(kHostile), instance, 1);
    requireOk(welcome.status());
    const Document doc = forgedDocument(QStringLiteral("VanBanDen"), instance, huge,
                                        {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Tràn số"))});
    requireError(peer->push({doc}).status(), ErrorCode::ProtocolError, QStringLiteral("counter"));
    REQUIRE_FALSE(find(*openServer(f), doc.unid));
    Bystander(f, kDb).sync();
}

TEST_CASE("Hostile peer: a version vector longer than kMaxVectorEntries is a protocol error",
          "[server][hostile]")
{
    // A peer pushes a document whose vector names more instances than any real document has
    // editors, costing every replica that stores or sends it.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 1);
    Document doc = forgedDocument(QStringLiteral("VanBanDen"), instance, 1,
                                  {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Dài quá"))});
    for (int i = 0; i < kMaxVectorEntries; ++i)
        doc.versions.set(newInstanceId(), 1);
    requireError(peer->push({doc}).status(), ErrorCode::ProtocolError, QStringLiteral("vector"));
    REQUIRE_FALSE(find(*openServer(f), doc.unid));
    Bystander(f, kDb).sync();
}

TEST_CASE("Hostile peer: a delta flagged deleted that leaves live items is a protocol error",
          "[server][hostile]")
{
    // A Manager deletes an honest user's document with a delta that carries the Deleted flag
    // but no tombstones. Before the server refused it, it stored a stub with live items, which
    // every new replica then refused to receive: no one could add a replica any more.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    f.setAccess(kDb, fullName(kHostile), acl::AccessLevel::Manager);
    Bystander honest(f, kDb);
    const Unid unid = create(honest.store(), QStringLiteral("Quyết định bổ nhiệm"));
    honest.sync();
    const auto stored = find(*openServer(f), unid);
    REQUIRE(stored);

    const InstanceId instance = newInstanceId();
    auto peer = connectHostile(f, info, instance, 1);
    Document stub;
    stub.unid = unid;
    stub.form = stored->form;
    stub.flags = Deleted;
    stub.versions = stored->versions;
    stub.versions.set(instance, 1);
    const auto ack = pushDelta(*peer, stub);

    const QSslConfiguration newcomer = f.user(QStringLiteral("Đỗ Văn Dũng"));
    auto fresh = f.clientReplica(QStringLiteral("dung.sen"), kDb, newcomer);
    requireOk(f.sync(*fresh, kDb, newcomer));
    honest.sync();

    requireError(ack.status(), ErrorCode::ProtocolError, QStringLiteral("live"));
    const auto after = find(*openServer(f), unid);
    REQUIRE(after);
    REQUIRE_FALSE(after->isDeleted());
}

TEST_CASE("Hostile peer: a deletion stub shows no item names to a user who could not read the document",
          "[server][hostile]")
{
    // A document readable only by An carries a confidential subject item name and an
    // attachment; An deletes it. A user who could never read it pulls the whole database:
    // the stub must not tell them which items the document had. A reader named in it still
    // receives the same stub as An's.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDb);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration chi = f.user(QStringLiteral("Phạm Thị Chi"));
    f.setAccess(kDb, fullName(QStringLiteral("Nguyễn Văn An")), acl::AccessLevel::Manager);
    auto storeA = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    auto storeC = f.clientReplica(QStringLiteral("chi.sen"), kDb, chi);
    const Unid unid = create(
        *storeA, QStringLiteral("Danh sách nhân sự"),
        {Item::names(QStringLiteral("NguoiDoc"), ItemType::Readers,
                     {fullName(QStringLiteral("Nguyễn Văn An")), fullName(QStringLiteral("Phạm Thị Chi"))}),
         Item::text(QStringLiteral("KyLuatDangVien"), QStringLiteral("bí mật"))});
    requireOk(f.sync(*storeA, kDb, an));
    requireOk(f.sync(*storeC, kDb, chi));
    REQUIRE(find(*storeC, unid));
    auto removed = storeA->remove(unid);
    requireOk(removed.status());
    requireOk(f.sync(*storeA, kDb, an));
    const auto serverStub = find(*openServer(f), unid);
    REQUIRE(serverStub);
    REQUIRE(serverStub->isDeleted());
    REQUIRE_FALSE(serverStub->items.empty());

    auto peer = connectHostile(f, info, newInstanceId(), 0);
    auto pulled = peer->pull();
    requireOk(pulled.status());
    for (const Document& doc : *pulled) {
        for (const Item& item : doc.items)
            REQUIRE(item.name != QStringLiteral("KyLuatDangVien"));
    }

    // The reader converges on the server's stub, tombstones and all.
    auto reader = std::make_unique<HostilePeer>(f.port(), chi);
    requireOk(reader->hello(kDb, info.replicaId, fullName(QStringLiteral("Phạm Thị Chi")), newInstanceId(), 0)
                  .status());
    auto readerPull = reader->pull();
    requireOk(readerPull.status());
    const auto seen = std::find_if(readerPull->begin(), readerPull->end(),
                                   [&](const Document& doc) { return doc.unid == unid; });
    REQUIRE(seen != readerPull->end());
    REQUIRE(seen->isDeleted());
    REQUIRE(seen->items == serverStub->items);
    Bystander(f, kDb).sync();
}
