// Resource bounds (issue #11, points 14 and 15): no peer can make the server hold without
// bound what it asked for or sent, and whatever a replica stores can be replicated. Each
// hostile case is an insider with a real certificate speaking the protocol by hand
// (HostilePeer.h) to the in-process server over TLS; honest cases are real sessions.

#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "common/model/DocumentLimits.h"
#include "tests/server/Bystander.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"
#include "tests/server/WaitUntil.h"

#include <QFile>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;
using namespace sen::protocol;

namespace {

const QString kDatabase = QStringLiteral("vanban");
const QString kAn = QStringLiteral("Nguyễn Văn An");
const QString kAnFull = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");

// The test process's peak resident memory in bytes (Linux: VmHWM), or 0 where unknown.
qint64 peakMemory()
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong() * 1024;
    }
#endif
    return 0;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

// Random Vietnamese-looking text: compresses about as well as real documents do.
QString randomText(qsizetype chars, quint32 seed)
{
    static const QStringList words = {
        QStringLiteral("báo"),  QStringLiteral("cáo"),   QStringLiteral("tổng"),  QStringLiteral("kết"),
        QStringLiteral("công"), QStringLiteral("tác"),   QStringLiteral("năm"),   QStringLiteral("đảng"),
        QStringLiteral("bộ"),   QStringLiteral("huyện"), QStringLiteral("quyết"), QStringLiteral("định")};
    QRandomGenerator random(seed);
    QString text;
    text.reserve(chars + 16);
    while (text.size() < chars) {
        text += words[random.bounded(static_cast<int>(words.size()))];
        text += QString::number(random.bounded(100000));
        text += u' ';
    }
    return text;
}

// The hashes of the chunks of an attachment saved on the server's replica of `database`.
std::vector<crypto::Sha256Digest> attachOnServer(ServerFixture& f, const QString& database,
                                                 const QByteArray& content)
{
    auto store = ReplicaStore::open(f.serverPath(database));
    REQUIRE(store.isOk());
    auto ref = (*store)->attachments().importBytes(content, QStringLiteral("quyet-dinh.pdf"));
    requireOk(ref.status());
    requireOk((*store)
                  ->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                             .set(Item::withValue(QStringLiteral("$File:quyet-dinh.pdf"),
                                                  ItemType::Attachment, ref->toCbor(), 0)))
                  .status());
    std::vector<crypto::Sha256Digest> hashes;
    for (const ChunkRef& chunk : ref->chunks)
        hashes.push_back(chunk.hash);
    return hashes;
}

// A hostile peer past HELLO and PULL: the server's sender exists, so CHUNK_WANT is served.
std::unique_ptr<HostilePeer> pullingPeer(ServerFixture& f, const ReplicaInfo& info)
{
    auto peer = std::make_unique<HostilePeer>(f.port(), f.user(kAn));
    REQUIRE(peer->isConnected());
    requireOk(peer->hello(kDatabase, info.replicaId, kAnFull, newInstanceId(), 0).status());
    peer->send(MessageType::Pull, encode(Pull{0, Filter{}, false}));
    return peer;
}

} // namespace

TEST_CASE("Hostile peer: CHUNK_WANT repeating one chunk's hash is answered once per request at most",
          "[server][hostile][resources]")
{
    // An insider asks for the same 256 KiB chunk 64 times in each of 20 requests sent in one
    // burst; the server queues a hash once, so it sends the chunk at most once a request
    // instead of 1,280 times (which, for larger chunks, drove it to bad_alloc).
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDatabase);
    const auto hashes = attachOnServer(f, kDatabase, randomBytes(256 * 1024, 7));
    REQUIRE(hashes.size() >= 1);

    auto peer = pullingPeer(f, info);
    ChunkWant want;
    want.hashes.assign(kChunkWantMax, hashes.front());
    for (int i = 0; i < 20; ++i)
        peer->send(MessageType::ChunkWant, encode(want));
    int chunks = 0;
    for (;;) {
        auto frame = peer->nextFrame(2000);
        if (!frame)
            break; // quiet: the server sent all it was going to
        if (frame->type == MessageType::Chunks)
            ++chunks;
    }
    INFO("CHUNKS frames received: " << chunks);
    REQUIRE(chunks >= 1);
    REQUIRE(chunks <= 20);
}

TEST_CASE("Hostile peer: more chunks asked for than a receiver may have outstanding is refused",
          "[server][hostile][resources]")
{
    // An insider sends CHUNK_WANT after CHUNK_WANT of distinct hashes without waiting for the
    // answers; past kMaxQueuedChunks outstanding the server ends the session with a protocol
    // error, and an honest client beside it syncs as usual.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDatabase);
    Bystander bystander(f, kDatabase);

    auto peer = pullingPeer(f, info);
    for (int request = 0; request < 50; ++request) {
        ChunkWant want;
        for (int i = 0; i < kChunkWantMax; ++i)
            want.hashes.push_back(crypto::Sha256::hash(QByteArray::number(request * 1000 + i)));
        peer->send(MessageType::ChunkWant, encode(want));
    }
    const Status refused = peer->waitError(5000);
    INFO(refused.toString().toStdString());
    REQUIRE(refused.code() == ErrorCode::ProtocolError);
    REQUIRE(refused.message().contains(QStringLiteral("chunks asked for")));
    bystander.sync();
}

TEST_CASE("Hostile peer: more CHANGES batches awaiting DOCS than the window is refused",
          "[server][hostile][resources]")
{
    // An insider pushes CHANGES batch after batch, each naming a document the server wants,
    // and never sends DOCS; the server holds at most kMaxWindow such batches and refuses the
    // next with a protocol error instead of queueing without bound.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDatabase);
    HostilePeer peer(f.port(), f.user(kAn));
    REQUIRE(peer.isConnected());
    const InstanceId instance = newInstanceId();
    requireOk(peer.hello(kDatabase, info.replicaId, kAnFull, instance, 1000).status());

    for (std::uint32_t batch = 1; batch <= kMaxWindow + 4; ++batch) {
        const Document doc = forgedDocument(QStringLiteral("VanBanDen"), instance, batch,
                                            {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("x"))});
        Changes changes;
        changes.batch = batch;
        changes.entries.push_back({doc.unid, doc.versions, batch, false, false});
        changes.lastSeq = batch;
        changes.final = false;
        peer.send(MessageType::Changes, encode(changes));
    }
    const Status refused = peer.waitError(5000);
    INFO(refused.toString().toStdString());
    REQUIRE(refused.code() == ErrorCode::ProtocolError);
    REQUIRE(refused.message().contains(QStringLiteral("await their DOCS")));
}

TEST_CASE("Hostile peer: a burst of compressed frames is decompressed one frame at a time",
          "[server][hostile][resources]")
{
    // After HELLO an insider sends, in one write, 41 frames each inflating to 31 MiB of zeros
    // (about 40 KiB on the wire), none a valid message; the server refuses the first and
    // never inflates the rest, and an honest client syncs.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDatabase);
    Bystander bystander(f, kDatabase);
    HostilePeer peer(f.port(), f.user(kAn));
    REQUIRE(peer.isConnected());
    // The whole stream from one encoder, so the burst can go in one write (one read).
    FrameEncoder encoder;
    Hello hello;
    hello.replicaId = info.replicaId;
    hello.instanceId = newInstanceId();
    hello.database = kDatabase;
    hello.peerName = kAnFull;
    peer.sendRaw(encoder.encode(MessageType::Hello, 0, encode(hello)));
    requireOk(peer.expect(MessageType::Welcome).status());

    const qint64 peakBefore = peakMemory();
    {
        const QByteArray zeros(31 << 20, '\0');
        QByteArray burst;
        for (int i = 0; i < 41; ++i)
            burst += encoder.encode(MessageType::ChunkWant, 0, zeros);
        peer.sendRaw(burst);
    }
    const Status refused = peer.waitError(10000);
    INFO(refused.toString().toStdString());
    REQUIRE(refused.code() == ErrorCode::ProtocolError);
    // The peer's zeros and the server's one frame at a time cost this process about 40 MiB;
    // inflating every frame of each read (a few per read on loopback) cost 130 MiB and more.
    INFO("peak memory grew by " << (peakMemory() - peakBefore) / (1 << 20) << " MiB");
    REQUIRE(peakMemory() - peakBefore < (100 << 20));
    bystander.sync();
}

TEST_CASE("Any database that can be stored can be replicated: 510 documents of 73 KB pull over TLS",
          "[server][resources][slow]")
{
    // The server holds 510 documents of about 73 KB each (37 MB, more than one DOCS frame
    // may decompress to); a new replica pulls them all whole, and a replica that already
    // holds a document of its own (so it asks for each with WANT) pulls them too.
    ServerFixture f;
    f.createDatabase(kDatabase);
    std::vector<Unid> unids;
    {
        auto server = ReplicaStore::open(f.serverPath(kDatabase));
        REQUIRE(server.isOk());
        const QString body = randomText(73 * 1000 + 510 * 97, 1);
        requireOk((*server)->batch([&]() -> Status {
            for (int i = 0; i < 510; ++i) {
                // Each body differs from the others' beyond the compressor's window.
                SEN_ASSIGN_OR_RETURN(
                    const Document doc,
                    (*server)->save(
                        DocumentEdit::create(QStringLiteral("VanBanDen"))
                            .set(Item::text(QStringLiteral("TrichYeu"),
                                            QString::number(i) + body.mid(i * 97, 73 * 1000), 0))));
                unids.push_back(doc.unid);
            }
            return Status::ok();
        }));
    }
    const QSslConfiguration tls = f.user(kAn);
    auto whole = f.clientReplica(QStringLiteral("whole.sen"), kDatabase, tls);
    requireOk(f.sync(*whole, kDatabase, tls));
    REQUIRE(whole->get(unids.back()).isOk());
    REQUIRE(whole->documentCount().value() >= 510);

    auto wanting = f.clientReplica(QStringLiteral("wanting.sen"), kDatabase, tls);
    createDocument(*wanting, QStringLiteral("Tờ trình của chi bộ"));
    requireOk(f.sync(*wanting, kDatabase, tls));
    REQUIRE(wanting->get(unids.front()).isOk());
    REQUIRE(wanting->documentCount().value() >= 511);
}

TEST_CASE("Any database that can be stored can be replicated: documents with very long vectors",
          "[server][resources]")
{
    // The server holds four documents whose version vectors have 100,000 entries each (more
    // CBOR items together than one payload may hold); a new replica pulls them all.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(kDatabase);
    std::vector<Unid> unids;
    {
        auto server = ReplicaStore::open(f.serverPath(kDatabase));
        REQUIRE(server.isOk());
        for (int d = 0; d < 4; ++d) {
            const InstanceId author = newInstanceId();
            Document doc =
                forgedDocument(QStringLiteral("VanBanDen"), author, 1,
                               {Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Báo cáo"))});
            for (int i = 0; i < 100'000; ++i)
                doc.versions.set(newInstanceId(), 1);
            REQUIRE(documentCborItems(doc) <= kMaxDocumentCborItems);
            auto inserted = (*server)->replication().insertReplicated(doc);
            requireOk(inserted.status());
            unids.push_back(doc.unid);
        }
    }
    const QSslConfiguration tls = f.user(kAn);
    auto replica = f.clientReplica(QStringLiteral("replica.sen"), kDatabase, tls);
    requireOk(f.sync(*replica, kDatabase, tls));
    for (const Unid& unid : unids)
        REQUIRE(replica->get(unid).isOk());
}

TEST_CASE("A document too large to replicate is refused when saved, with a clear message",
          "[store][resources]")
{
    // A user saves a document whose text is larger than one frame may carry, and another whose
    // list holds more values than one payload may: both are refused (InvalidArgument) and
    // nothing is stored, so no replica ever holds what it could not send.
    TempDir dir;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("a.sen")), ReplicaCreateOptions{});
    REQUIRE(store.isOk());
    const auto big =
        (*store)->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                           .set(Item::text(QStringLiteral("NoiDung"),
                                           QString(static_cast<qsizetype>(kMaxDocumentBytes), u'a'), 0)));
    REQUIRE(big.status().code() == ErrorCode::InvalidArgument);
    REQUIRE(big.status().message().contains(QStringLiteral("too large to replicate")));
    QStringList many;
    for (int i = 0; i < kMaxDocumentCborItems; ++i)
        many.append(QString());
    const auto wide = (*store)->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                         .set(Item::textList(QStringLiteral("DanhSach"), many, 0)));
    REQUIRE(wide.status().code() == ErrorCode::InvalidArgument);
    REQUIRE((*store)->documentCount().value() == 0);
}

TEST_CASE("Hostile peer: a PULL whose filter names thousands of forms is refused",
          "[server][hostile][resources]")
{
    // The sender compares a filter's forms with every change it walks: 100,000 long form names
    // would make each pull cost the server minutes. The server refuses the PULL instead, and
    // an honest client syncs meanwhile.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    HostilePeer peer(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    requireOk(peer.hello(QStringLiteral("vanban"), info.replicaId, QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                         newInstanceId(), 0)
                  .status());
    Filter filter;
    for (int i = 0; i < 100'000; ++i)
        filter.forms << QStringLiteral("BieuMau%1").arg(i);
    peer.send(MessageType::Pull, encode(Pull{0, filter, false}));
    const Status refused = peer.waitError();
    requireError(refused, ErrorCode::ProtocolError, QStringLiteral("pull filter"));
    REQUIRE(kMaxFilterForms < 100'000);
    other.sync();
}
