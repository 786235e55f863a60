// Chunks only for readers (issue #11, point 10): an insider who knows the hash of a file
// attached to a document they may not read neither receives its bytes nor learns that the
// server holds it, and cannot gain them by pushing a document of their own that references it.

#include "common/attachments/AttachmentStore.h"
#include "common/crypto/Sha256.h"
#include "common/model/AttachmentRef.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");
const QString kAn = QStringLiteral("Nguyễn Văn An");
const QString kBinh = QStringLiteral("Trần Thị Bình");
const QString kForm = QStringLiteral("VanBanDen");

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

Item attachmentItem(const AttachmentRef& ref)
{
    return Item::withValue(QStringLiteral("$File:") + ref.fileName, ItemType::Attachment, ref.toCbor(), 0);
}

// A server database holding a document only Bình may read, with an attachment, and an open
// document with another attachment; `restricted` and `open` are their files' references.
struct Office
{
    ServerFixture f;
    ReplicaInfo info = f.createDatabase(kDb);
    AttachmentRef restricted;
    AttachmentRef open;
    Unid restrictedDoc;

    Office()
    {
        auto server = ReplicaStore::open(f.serverPath(kDb));
        requireOk(server.status());
        auto secret =
            (*server)->attachments().importBytes(randomBytes(16 * 1024), QStringLiteral("nhan-su.pdf"));
        requireOk(secret.status());
        restricted = *secret;
        auto shared =
            (*server)->attachments().importBytes(randomBytes(16 * 1024), QStringLiteral("lich.pdf"));
        requireOk(shared.status());
        open = *shared;
        REQUIRE(restricted.chunks.size() == 1);
        REQUIRE(open.chunks.size() == 1);
        auto saved = (*server)->save(
            DocumentEdit::create(kForm)
                .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Hồ sơ nhân sự")))
                .set(Item::names(QStringLiteral("NguoiDoc"), ItemType::Readers, {fullName(kBinh)}))
                .set(attachmentItem(restricted)));
        requireOk(saved.status());
        restrictedDoc = saved->unid;
        requireOk((*server)
                      ->save(DocumentEdit::create(kForm)
                                 .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Lịch công tác")))
                                 .set(attachmentItem(open)))
                      .status());
    }

    QString fullName(const QString& name) const { return name + u'/' + f.orgName(); }

    // A hostile session as `name`, after HELLO and a whole pull of what it may read.
    std::unique_ptr<HostilePeer> pulled(const QString& name, std::vector<Document>* received = nullptr)
    {
        auto peer = std::make_unique<HostilePeer>(f.port(), f.user(name));
        requireOk(peer->hello(kDb, info.replicaId, fullName(name), newInstanceId(), 1).status());
        auto docs = peer->pull();
        requireOk(docs.status());
        if (received)
            *received = std::move(docs).value();
        return peer;
    }
};

// Asks for one chunk and returns the server's answer for it.
std::optional<QByteArray> askChunk(HostilePeer& peer, const crypto::Sha256Digest& hash)
{
    peer.send(protocol::MessageType::ChunkWant, protocol::encode(protocol::ChunkWant{{hash}}));
    auto frame = peer.expect(protocol::MessageType::Chunks);
    requireOk(frame.status());
    auto chunks = protocol::decodeChunks(frame->payload);
    requireOk(chunks.status());
    REQUIRE(chunks->chunks.size() == 1);
    REQUIRE(chunks->chunks.front().hash == hash);
    return chunks->chunks.front().bytes;
}

bool holds(const std::vector<Document>& docs, const Unid& unid)
{
    return std::any_of(docs.begin(), docs.end(), [&](const Document& d) { return d.unid == unid; });
}

} // namespace

TEST_CASE("Hostile peer: CHUNK_WANT for an attachment of a document the user may not read is answered as "
          "for a chunk the server lacks",
          "[server][hostile][chunks]")
{
    // An, not named in the document's Readers, asks for its attachment's chunk by hash and gets
    // the same answer as for a random hash; Bình, who is named, gets the bytes.
    Office o;
    auto an = o.pulled(kAn);
    REQUIRE_FALSE(askChunk(*an, o.restricted.chunks.front().hash).has_value());
    REQUIRE_FALSE(askChunk(*an, crypto::Sha256::hash(randomBytes(64))).has_value());
    REQUIRE(askChunk(*an, o.open.chunks.front().hash).has_value()); // a document An reads

    auto binh = o.pulled(kBinh);
    const auto bytes = askChunk(*binh, o.restricted.chunks.front().hash);
    REQUIRE(bytes.has_value());
    REQUIRE(crypto::Sha256::hash(*bytes) == o.restricted.chunks.front().hash);
}

TEST_CASE("Hostile peer: a pushed document referencing the chunk of an attachment the user may not read is "
          "refused",
          "[server][hostile][chunks]")
{
    // An pushes a document of his own whose attachment names the restricted file's chunk: the
    // server refuses it, and a later pull brings An neither the document nor the chunk. The
    // same push naming the open document's file is stored.
    Office o;
    const InstanceId instance = newInstanceId();
    HostilePeer an(o.f.port(), o.f.user(kAn));
    // The HELLO counts both of An's versions (a version beyond it would wait: PushCheck.h).
    requireOk(an.hello(kDb, o.info.replicaId, o.fullName(kAn), instance, 2).status());

    AttachmentRef copy = o.restricted;
    copy.fileName = QStringLiteral("cua-toi.pdf");
    const Document stolen = forgedDocument(kForm, instance, 1, {attachmentItem(copy)});
    AttachmentRef openCopy = o.open;
    openCopy.fileName = QStringLiteral("lich-cua-toi.pdf");
    const Document reused = forgedDocument(kForm, instance, 2, {attachmentItem(openCopy)});

    auto ack = an.push({stolen, reused}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused.front().unid == stolen.unid);
    REQUIRE(ack->refused.front().code == ErrorCode::PermissionDenied);

    auto server = ReplicaStore::open(o.f.serverPath(kDb));
    requireOk(server.status());
    REQUIRE_FALSE((*server)->find(stolen.unid)->has_value());
    REQUIRE((*server)->find(reused.unid)->has_value());

    std::vector<Document> received;
    auto later = o.pulled(kAn, &received);
    REQUIRE_FALSE(holds(received, stolen.unid));
    REQUIRE_FALSE(holds(received, o.restrictedDoc));
    REQUIRE(holds(received, reused.unid));
    REQUIRE_FALSE(askChunk(*later, o.restricted.chunks.front().hash).has_value());
}

TEST_CASE(
    "Hostile peer: a pushed document referencing a chunk the server lacks is stored and the chunk asked "
    "for",
    "[server][hostile][chunks]")
{
    // An's new file is not on the server: the document is stored and the server asks An for
    // the bytes, which prove he holds them.
    Office o;
    const InstanceId instance = newInstanceId();
    HostilePeer an(o.f.port(), o.f.user(kAn));
    requireOk(an.hello(kDb, o.info.replicaId, o.fullName(kAn), instance, 1).status());
    const QByteArray bytes = randomBytes(8 * 1024);
    AttachmentRef ref;
    ref.fileName = QStringLiteral("moi.pdf");
    ref.size = static_cast<std::uint64_t>(bytes.size());
    ref.sha256 = crypto::Sha256::hash(bytes);
    ref.chunks.push_back({ref.sha256, static_cast<std::uint32_t>(bytes.size())});
    const Document doc = forgedDocument(kForm, instance, 1, {attachmentItem(ref)});
    auto ack = an.push({doc}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.empty());
    auto wantFrame = an.expect(protocol::MessageType::ChunkWant);
    requireOk(wantFrame.status());
    auto want = protocol::decodeChunkWant(wantFrame->payload);
    requireOk(want.status());
    REQUIRE(want->hashes == std::vector<crypto::Sha256Digest>{ref.sha256});
}

TEST_CASE("An honest user's new attachment and a file copied from a readable document reach the server",
          "[server][chunks]")
{
    // An saves a document with a new file and another with the open document's file, and syncs:
    // both are stored, and Bình receives both files.
    Office o;
    const QSslConfiguration anTls = o.f.user(kAn);
    auto an = o.f.clientReplica(QStringLiteral("an.sen"), kDb, anTls);
    requireOk(o.f.sync(*an, kDb, anTls));
    auto fresh = an->attachments().importBytes(randomBytes(12 * 1024), QStringLiteral("bao-cao.pdf"));
    requireOk(fresh.status());
    auto copied = an->attachments().readAll(o.open);
    requireOk(copied.status());
    auto again = an->attachments().importBytes(*copied, QStringLiteral("lich-ban-sao.pdf"));
    requireOk(again.status());
    requireOk(an->save(DocumentEdit::create(kForm).set(attachmentItem(*fresh))).status());
    requireOk(an->save(DocumentEdit::create(kForm).set(attachmentItem(*again))).status());
    SessionStats stats;
    requireOk(o.f.sync(*an, kDb, anTls, &stats));
    REQUIRE(stats.refused == 0);

    const QSslConfiguration binhTls = o.f.user(kBinh);
    auto binh = o.f.clientReplica(QStringLiteral("binh.sen"), kDb, binhTls);
    requireOk(o.f.sync(*binh, kDb, binhTls));
    REQUIRE(binh->attachments().readAll(*fresh).isOk());
    REQUIRE(binh->attachments().readAll(*again).isOk());
    REQUIRE(binh->attachments().readAll(o.restricted).isOk());
}
