// The replication protocol's frames and messages, pinned by tests/data/frames, and a bundle
// file, tests/data/bundle (docs/protocol.md): every fixture decodes to the message it was
// written from and encodes back to exactly its bytes; a compressed stream written by this
// build's zstd decodes; the signed bundle imports and the unsigned one is refused. A failure here is a wire
// format change: see tests/data/README.md.

#include "common/attachments/AttachmentStore.h"
#include "common/crypto/Sha256.h"
#include "common/model/DocumentCodec.h"
#include "replication/bundle/Bundle.h"
#include "replication/protocol/AuthorityMessages.h"
#include "replication/protocol/Frame.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"
#include "tests/golden/GoldenMessages.h"
#include "tests/support/TempDir.h"

#include <QBuffer>
#include <QCborArray>

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace sen;
using namespace sen::protocol;

namespace {

// The one frame of a fixture file, checked to be uncompressed with request ID 0.
Frame readFrame(const QString& name)
{
    const QByteArray bytes = golden::readFixture(name);
    REQUIRE(bytes.size() >= kHeaderSize);
    CHECK(bytes[5] == 0); // flags: not compressed
    FrameDecoder decoder;
    REQUIRE(decoder.feed(bytes).isOk());
    auto frame = decoder.next();
    REQUIRE(frame.has_value());
    REQUIRE(decoder.pendingBytes() == 0);
    CHECK(frame->requestId == 0);
    // Encoded again, the same frame.
    CHECK(FrameEncoder().encode(frame->type, frame->requestId, frame->payload, false) == bytes);
    return std::move(frame).value();
}

template <typename Message, typename Decode>
Message decodeFrame(const QString& name, MessageType type, Decode decode)
{
    const Frame frame = readFrame(name);
    REQUIRE(frame.type == type);
    auto message = decode(frame.payload);
    INFO(message.status().toString().toStdString());
    REQUIRE(message.isOk());
    CHECK(encode(*message) == frame.payload);
    return std::move(message).value();
}

// Where the last frame of a stream starts: frames are length-prefixed, so walk them.
qsizetype lastFrameStart(const QByteArray& bytes)
{
    qsizetype at = 0;
    qsizetype last = 0;
    while (at + kLengthFieldSize <= bytes.size()) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData() + at);
        last = at;
        at += kLengthFieldSize +
              ((qsizetype(p[0]) << 24) | (qsizetype(p[1]) << 16) | (qsizetype(p[2]) << 8) | p[3]);
    }
    return last;
}

QString frameFile(const char* name)
{
    return QStringLiteral("frames/") + QLatin1String(name);
}

} // namespace

TEST_CASE("Golden frames: the handshake messages decode and encode to the same bytes", "[golden][protocol]")
{
    const auto hello = decodeFrame<Hello>(frameFile("01-hello.frame"), MessageType::Hello, decodeHello);
    CHECK(hello.versionMin == 1);
    CHECK(hello.versionMax == 3);
    CHECK(hello.replicaId == golden::replicaId());
    CHECK(hello.instanceId == golden::clientInstance());
    CHECK(hello.database == QStringLiteral("vanban"));
    CHECK(hello.peerName == golden::userName());
    CHECK(hello.counter == 3);

    const auto welcome =
        decodeFrame<Welcome>(frameFile("02-welcome.frame"), MessageType::Welcome, decodeWelcome);
    CHECK(welcome.version == 3);
    CHECK(welcome.replicaId == golden::replicaId());
    CHECK(welcome.instanceId == golden::serverInstance());
    CHECK(welcome.peerName == golden::serverName());
    REQUIRE(welcome.access.has_value());
    CHECK(*welcome.access == golden::welcome().access);

    const auto older =
        decodeFrame<Welcome>(frameFile("02-welcome-version2.frame"), MessageType::Welcome, decodeWelcome);
    CHECK(older.version == 2);
    CHECK_FALSE(older.access.has_value());

    const auto info = decodeFrame<DatabaseInfo>(frameFile("14-database-info.frame"),
                                                MessageType::DatabaseInfo, decodeDatabaseInfo);
    CHECK(info.replicaId == golden::replicaId());
    CHECK(info.kind == 1);
    CHECK(info.title == golden::replicaTitle());

    const auto requests = decodeFrame<std::vector<NumberRequest>>(frameFile("15-number.frame"),
                                                                  MessageType::Number, decodeNumberRequests);
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].unid == golden::numberRequests()[0].unid);
    CHECK(requests[0].registerUnid == golden::numberRequests()[0].registerUnid);
    CHECK(requests[0].period == 2026);
    CHECK_FALSE(requests[0].requested.has_value());
    CHECK(requests[1].requested == 1250);
    const auto answers = decodeFrame<std::vector<NumberAnswer>>(frameFile("16-numbers.frame"),
                                                                MessageType::Numbers, decodeNumberAnswers);
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].number == 1251);
    CHECK(answers[1].code == ErrorCode::Conflict);
    CHECK(answers[1].message == golden::numberAnswers()[1].message);

    const auto error =
        decodeFrame<ErrorMessage>(frameFile("08-error.frame"), MessageType::Error, decodeError);
    CHECK(error.code == ErrorCode::StaleInstance);
    CHECK(error.message == golden::error().message);
}

TEST_CASE("Golden frames: the pull messages decode and encode to the same bytes", "[golden][protocol]")
{
    const auto pull = decodeFrame<Pull>(frameFile("03-pull.frame"), MessageType::Pull, decodePull);
    CHECK(pull.since == 41);
    CHECK(pull.filter.forms == golden::pull().filter.forms);
    CHECK(pull.filter.sinceMs == golden::pull().filter.sinceMs);
    CHECK(pull.filter.summaryOnly);
    CHECK(pull.whole);

    const auto changes =
        decodeFrame<Changes>(frameFile("04-changes.frame"), MessageType::Changes, decodeChanges);
    CHECK(changes.batch == 2);
    CHECK(changes.lastSeq == 44);
    CHECK(changes.final);
    CHECK(changes.feedEnd == 57);
    const Changes expected = golden::changes();
    REQUIRE(changes.entries.size() == expected.entries.size());
    for (std::size_t i = 0; i < expected.entries.size(); ++i) {
        CHECK(changes.entries[i].unid == expected.entries[i].unid);
        CHECK(changes.entries[i].versions == expected.entries[i].versions);
        CHECK(changes.entries[i].seq == expected.entries[i].seq);
        CHECK(changes.entries[i].deleted == expected.entries[i].deleted);
        CHECK(changes.entries[i].withdrawn == expected.entries[i].withdrawn);
    }
    const auto version1 =
        decodeFrame<Changes>(frameFile("04-changes-version1.frame"), MessageType::Changes, decodeChanges);
    CHECK(version1.feedEnd == 0);
    CHECK(version1.entries.size() == 3);

    const auto want = decodeFrame<Want>(frameFile("05-want.frame"), MessageType::Want, decodeWant);
    REQUIRE(want.entries.size() == 2);
    CHECK(want.entries[0].have == golden::want().entries[0].have);
    CHECK_FALSE(want.entries[1].have.has_value());

    const auto docs = decodeFrame<Docs>(frameFile("06-docs.frame"), MessageType::Docs, decodeDocs);
    const Docs sent = golden::docs();
    REQUIRE(docs.docs.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const DocEntry& got = docs.docs[i];
        const DocEntry& written = sent.docs[i];
        CHECK(got.index == written.index);
        CHECK(got.delta == written.delta);
        CHECK(got.doc.form == written.doc.form);
        CHECK(got.doc.parent == written.doc.parent);
        CHECK(got.doc.flags == written.doc.flags);
        CHECK(got.doc.versions == written.doc.versions);
        CHECK(got.doc.items == written.doc.items);
        CHECK(got.encodedItems == encodeItems(written.doc.items));
    }
    CHECK(docs.docs[0].delta);
    CHECK(docs.docs[0].doc.items.size() < golden::everyItemTypeDocument().items.size());
    CHECK(docs.docs[1].doc.isDeleted());
    CHECK(docs.docs[2].doc.isConflict());

    const auto ack = decodeFrame<Ack>(frameFile("07-ack.frame"), MessageType::Ack, decodeAck);
    CHECK(ack.batch == 2);
    CHECK(ack.seq == 44);
    REQUIRE(ack.refused.size() == 1);
    CHECK(ack.refused[0].unid == golden::conflictResponseDocument().unid);
    CHECK(ack.refused[0].code == ErrorCode::PermissionDenied);
    CHECK(ack.refused[0].message == golden::ack().refused[0].message);
}

TEST_CASE("Golden frames: the chunk messages decode and encode to the same bytes", "[golden][protocol]")
{
    const auto chunks = decodeFrame<Chunks>(frameFile("09-chunks.frame"), MessageType::Chunks, decodeChunks);
    REQUIRE(chunks.chunks.size() == 2);
    CHECK(chunks.chunks[0].hash == crypto::Sha256::hash(golden::binaryAttachmentBytes()));
    CHECK(chunks.chunks[0].bytes == golden::binaryAttachmentBytes());
    CHECK(chunks.chunks[1].hash == crypto::Sha256::hash(golden::textAttachmentBytes()));
    CHECK_FALSE(chunks.chunks[1].bytes.has_value());

    const auto want =
        decodeFrame<ChunkWant>(frameFile("10-chunk-want.frame"), MessageType::ChunkWant, decodeChunkWant);
    CHECK(want.hashes == golden::chunkWant().hashes);
}

TEST_CASE("Golden frames: each message type has its fixture, the same bytes this build writes",
          "[golden][protocol]")
{
    std::set<MessageType> types;
    for (const golden::GoldenFrame& frame : golden::goldenFrames()) {
        INFO(frame.file.toStdString());
        CHECK(golden::readFixture(frame.file) == FrameEncoder().encode(frame.type, 0, frame.payload, false));
        types.insert(frame.type);
    }
    // Every type a session sends; the bundle's own (11 to 13) are in bundle/first.bundle.
    CHECK(types.size() == 13);
}

TEST_CASE("Golden frames: a compressed stream decodes frame by frame to the same payloads",
          "[golden][protocol]")
{
    // Compressed bytes depend on the zstd version that wrote them, so only their decoding is
    // pinned: any later build must read what this one sent.
    const QByteArray stream = golden::readFixture(QStringLiteral("frames/compressed-stream.bin"));
    REQUIRE_FALSE(stream.isEmpty());
    CHECK(stream[5] == char(Compressed));
    FrameDecoder decoder;
    REQUIRE(decoder.feed(stream).isOk());
    for (const golden::GoldenFrame& expected : golden::goldenFrames()) {
        INFO(expected.file.toStdString());
        const auto frame = decoder.next();
        REQUIRE(frame.has_value());
        CHECK(frame->type == expected.type);
        CHECK(frame->payload == readFrame(expected.file).payload);
    }
    CHECK_FALSE(decoder.next().has_value());
    CHECK(decoder.error().isOk());
    CHECK(decoder.pendingBytes() == 0);
}

TEST_CASE("Golden bundle, format 1: its frames decode, its documents encode to the same bytes, and it is "
          "refused as unsigned",
          "[golden][bundle]")
{
    const QByteArray bytes = golden::readFixture(QStringLiteral("bundle/first.bundle"));
    REQUIRE_FALSE(bytes.isEmpty());
    FrameDecoder decoder;
    REQUIRE(decoder.feed(bytes).isOk());
    std::vector<Frame> frames;
    while (auto frame = decoder.next())
        frames.push_back(std::move(*frame));
    REQUIRE(decoder.error().isOk());
    REQUIRE(frames.size() == 5); // header, one frame of documents, two chunks, end

    // [format, replica, author, recipient, since, lastSeq, ack, written]
    REQUIRE(frames[0].type == MessageType::BundleHeader);
    const QCborArray header = QCborValue::fromCbor(frames[0].payload).toArray();
    REQUIRE(header.size() == 8);
    CHECK(header[0].toInteger() == 1);
    CHECK(header[1].toByteArray() == golden::replicaId().toBytes());
    CHECK(header[2].toByteArray() == golden::fileInstance().toBytes());
    CHECK(header[3].isNull());
    CHECK(header[4].toInteger() == 0);
    CHECK(header[5].toInteger() == 5);
    CHECK(header[6].toInteger() == 0);

    REQUIRE(frames[1].type == MessageType::BundleDocs);
    const QCborArray docs = QCborValue::fromCbor(frames[1].payload).toArray();
    REQUIRE(docs.size() == 4);
    std::map<Unid, QByteArray> encoded;
    for (const QCborValue& value : docs) {
        const auto doc = decodeDocument(value.toByteArray());
        REQUIRE(doc.isOk());
        CHECK(encodeDocument(*doc) == value.toByteArray());
        encoded[doc->unid] = value.toByteArray();
    }
    CHECK(encoded[golden::everyItemTypeDocument().unid] ==
          golden::readFixture(QStringLiteral("document/every-item-type.cbor")));
    CHECK(encoded[golden::deletionStub().unid] ==
          golden::readFixture(QStringLiteral("document/deletion-stub.cbor")));

    CHECK(frames[2].type == MessageType::Chunks);
    CHECK(frames[3].type == MessageType::Chunks);
    // [lastSeq, documents, chunks, SHA-256 of every byte before the end frame]
    REQUIRE(frames[4].type == MessageType::BundleEnd);
    const QCborArray end = QCborValue::fromCbor(frames[4].payload).toArray();
    REQUIRE(end.size() == 4);
    CHECK(end[0].toInteger() == 5);
    CHECK(end[1].toInteger() == 4);
    CHECK(end[2].toInteger() == 2);
    CHECK(end[3].toByteArray() == crypto::Sha256::hash(bytes.left(lastFrameStart(bytes))).toBytes());

    // Format 1 carries no signature: no one can say who made it, so it is refused whole and
    // nothing is stored (docs/protocol.md §Bundles).
    test::TempDir dir;
    ReplicaCreateOptions create;
    create.replicaId = golden::replicaId();
    auto store = ReplicaStore::create(dir.path(QStringLiteral("office.sen")), create);
    REQUIRE(store.isOk());
    QBuffer in;
    in.setData(bytes);
    REQUIRE(in.open(QIODevice::ReadOnly));
    BundleTrust trust;
    trust.certifierDer = golden::readFixture(QStringLiteral("identity/certifier.der"));
    trust.crlDer = golden::readFixture(QStringLiteral("identity/certifier.crl"));
    const auto read = readBundle(in, trust);
    REQUIRE(read.code() == ErrorCode::Unsupported);
    CHECK(read.message().contains(QStringLiteral("not signed")));
    CHECK((*store)->documentCount(true).value() == 0);
}

TEST_CASE("Golden bundle, format 2: signed by the golden user, its frames decode and it imports",
          "[golden][bundle]")
{
    const QByteArray bytes = golden::readFixture(QStringLiteral("bundle/signed.bundle"));
    REQUIRE_FALSE(bytes.isEmpty());
    FrameDecoder decoder;
    REQUIRE(decoder.feed(bytes).isOk());
    std::vector<Frame> frames;
    while (auto frame = decoder.next())
        frames.push_back(std::move(*frame));
    REQUIRE(decoder.error().isOk());
    REQUIRE(frames.size() == 5); // header, one frame of documents, two chunks, end

    // [format, replica, author, recipient, since, lastSeq, ack, written, counter, certificate, CRL]
    REQUIRE(frames[0].type == MessageType::BundleHeader);
    const QCborArray header = QCborValue::fromCbor(frames[0].payload).toArray();
    REQUIRE(header.size() == 11);
    CHECK(header[0].toInteger() == 2);
    CHECK(header[1].toByteArray() == golden::replicaId().toBytes());
    CHECK(header[2].toByteArray() == golden::fileInstance().toBytes());
    CHECK(header[3].isNull());
    CHECK(header[5].toInteger() == 5);
    CHECK(header[10].toByteArray() == golden::readFixture(QStringLiteral("identity/certifier.crl")));
    // [lastSeq, documents, chunks, SHA-256 of every byte before the end frame, signature]
    REQUIRE(frames[4].type == MessageType::BundleEnd);
    const QCborArray end = QCborValue::fromCbor(frames[4].payload).toArray();
    REQUIRE(end.size() == 5);
    CHECK(end[1].toInteger() == 4);
    CHECK(end[2].toInteger() == 2);
    CHECK(end[3].toByteArray() == crypto::Sha256::hash(bytes.left(lastFrameStart(bytes))).toBytes());
    CHECK(end[4].toByteArray().size() == 64);

    // Read with the golden certifier and its CRL (the user's certificate is valid then) and
    // imported into a new replica of the same database: every version, both chunks.
    test::TempDir dir;
    ReplicaCreateOptions create;
    create.replicaId = golden::replicaId();
    auto store = ReplicaStore::create(dir.path(QStringLiteral("office.sen")), create);
    REQUIRE(store.isOk());
    QBuffer in;
    in.setData(bytes);
    REQUIRE(in.open(QIODevice::ReadOnly));
    BundleTrust trust;
    trust.certifierDer = golden::readFixture(QStringLiteral("identity/certifier.der"));
    trust.now = QDateTime::fromMSecsSinceEpoch(golden::kBaseMs, Qt::UTC).addDays(30);
    const auto read = readBundle(in, trust); // the CRL it carries
    INFO(read.status().toString().toStdString());
    REQUIRE(read.isOk());
    CHECK(read->info.signer == golden::userName());
    const auto imported = importBundle(**store, *read);
    INFO(imported.status().toString().toStdString());
    REQUIRE(imported.isOk());
    CHECK(imported->documents == 4);
    CHECK(imported->chunks == 2);
    CHECK(imported->refused == 0);
    CHECK(encodeDocument((*store)->get(golden::everyItemTypeDocument().unid).value()) ==
          golden::readFixture(QStringLiteral("document/every-item-type.cbor")));
    CHECK((*store)->attachments().chunk(golden::textAttachment().chunks[0].hash).value() ==
          golden::textAttachmentBytes());
    REQUIRE((*store)->integrityCheck().isOk());
}

TEST_CASE("Golden bundle, format 3: a first bundle's database facts, signed, read and imported",
          "[golden][bundle]")
{
    const QByteArray bytes = golden::readFixture(QStringLiteral("bundle/first-format3.bundle"));
    REQUIRE_FALSE(bytes.isEmpty());
    FrameDecoder decoder;
    REQUIRE(decoder.feed(bytes).isOk());
    std::vector<Frame> frames;
    while (auto frame = decoder.next())
        frames.push_back(std::move(*frame));
    REQUIRE(decoder.error().isOk());
    REQUIRE(frames.size() == 5); // header, one frame of documents, two chunks, end

    // Format 2's eleven fields, then [database, kind, title, user, server, access].
    REQUIRE(frames[0].type == MessageType::BundleHeader);
    const QCborArray header = QCborValue::fromCbor(frames[0].payload).toArray();
    REQUIRE(header.size() == 12);
    CHECK(header[0].toInteger() == 3);
    CHECK(header[1].toByteArray() == golden::replicaId().toBytes());
    CHECK(header[10].toByteArray() == golden::readFixture(QStringLiteral("identity/certifier.crl")));
    const QCborArray facts = header[11].toArray();
    REQUIRE(facts.size() == 6);
    CHECK(facts[0].toString() == QStringLiteral("vanban"));
    CHECK(facts[1].toInteger() == static_cast<int>(DatabaseKind::Documents));
    CHECK(facts[3].toString() == golden::userName());
    CHECK(facts[4].toString() == QStringLiteral("sen01/VPTU/HaNoi"));
    const QCborArray end = QCborValue::fromCbor(frames[4].payload).toArray();
    CHECK(end[3].toByteArray() == crypto::Sha256::hash(bytes.left(lastFrameStart(bytes))).toBytes());

    test::TempDir dir;
    ReplicaCreateOptions create;
    create.replicaId = golden::replicaId();
    auto store = ReplicaStore::create(dir.path(QStringLiteral("office.sen")), create);
    REQUIRE(store.isOk());
    QBuffer in;
    in.setData(bytes);
    REQUIRE(in.open(QIODevice::ReadOnly));
    BundleTrust trust;
    trust.certifierDer = golden::readFixture(QStringLiteral("identity/certifier.der"));
    trust.now = QDateTime::fromMSecsSinceEpoch(golden::kBaseMs, Qt::UTC).addDays(30);
    const auto read = readBundle(in, trust);
    INFO(read.status().toString().toStdString());
    REQUIRE(read.isOk());
    CHECK(read->format == 3);
    REQUIRE(read->database.has_value());
    CHECK(read->database->database == QStringLiteral("vanban"));
    CHECK(read->database->user == golden::userName());
    REQUIRE(read->database->access.has_value());
    CHECK(read->database->access->level == 4);
    CHECK(read->database->access->roles == QStringList{QStringLiteral("[VanThu]")});
    const auto imported = importBundle(**store, *read);
    REQUIRE(imported.isOk());
    CHECK(imported->documents == 4);
    CHECK(imported->chunks == 2);
}

TEST_CASE("Golden frames, version 5: the directory messages decode and encode to the same bytes",
          "[golden][protocol][directory]")
{
    const Frame request = readFrame(frameFile("17-directory-request.frame"));
    CHECK(request.type == MessageType::DirectoryRequest);
    CHECK(decodeDirectoryRequest(request.payload).isOk());
    CHECK(request.payload == encodeDirectoryRequest());

    const Frame frame = readFrame(frameFile("18-directory.frame"));
    REQUIRE(frame.type == MessageType::Directory);
    auto listing = decodeDirectory(frame.payload);
    INFO(listing.status().toString().toStdString());
    REQUIRE(listing.isOk());
    CHECK(encodeDirectory(*listing) == frame.payload);
    CHECK(*listing == golden::directoryListing());
    CHECK(listing->people.size() == 3);
    REQUIRE(listing->groups.size() == 1);
    CHECK(listing->groups[0].members.contains(QStringLiteral("*/PhongHC/VPTU/HaNoi")));
    REQUIRE(listing->roles.size() == 2);
    CHECK(listing->roles[1].role == QStringLiteral("[Văn thư]"));
}

TEST_CASE("Golden frames, version 6: the authority messages decode and encode to the same bytes",
          "[golden][protocol][authority]")
{
    const Frame serial = readFrame(frameFile("19-authority-serial.frame"));
    CHECK(serial.type == MessageType::AuthoritySerial);
    CHECK(decodeAuthoritySerial(serial.payload).value() == golden::kAuthoritySerial);
    CHECK(serial.payload == encodeAuthoritySerial(golden::kAuthoritySerial));

    const Frame frame = readFrame(frameFile("20-authority.frame"));
    REQUIRE(frame.type == MessageType::Authority);
    auto record = decodeAuthority(frame.payload);
    INFO(record.status().toString().toStdString());
    REQUIRE(record.isOk());
    CHECK(record->bytes == frame.payload);
    CHECK(record->content == golden::authorityContent());
    CHECK(encodeAuthority(golden::authorityRecord()) == frame.payload);
    REQUIRE(record->content.databases.size() == 1);
    CHECK(record->content.databases[0].acl[1].roles == QStringList{QStringLiteral("[Văn thư]")});
    // The signature is not the certifier's: a server refuses the record.
    CHECK(acceptAuthorityRecord(frame.payload, golden::readFixture(QStringLiteral("identity/certifier.der")),
                                QStringLiteral("VPTU/HaNoi"), 0)
              .status()
              .code() == ErrorCode::PermissionDenied);
}
