// Frames and messages of the replication protocol, and the bad inputs each must refuse.

#include "common/model/DocumentCodec.h"
#include "replication/protocol/BoundedCbor.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"

#include <QCborArray>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::protocol;

namespace {

Docs bigDocs(int count, int textSize)
{
    Docs docs;
    docs.batch = 3;
    const InstanceId who = newInstanceId();
    for (int i = 0; i < count; ++i) {
        DocEntry e;
        e.index = static_cast<std::uint32_t>(i);
        e.doc.form = QStringLiteral("VanBanDen");
        e.doc.versions.set(who, 1);
        Item item = Item::text(QStringLiteral("TrichYeu"), QString(textSize, QChar(u'a' + i % 26)));
        item.stamp = {Dot{who, 1}, makeHlc(1000, 0)};
        e.doc.putItem(item);
        docs.docs.push_back(e);
    }
    return docs;
}

std::vector<Frame> roundTrip(const std::vector<QByteArray>& payloads, int pieceSize)
{
    FrameEncoder encoder;
    FrameDecoder decoder;
    QByteArray stream;
    for (const QByteArray& p : payloads)
        stream += encoder.encode(MessageType::Docs, 7, p);
    for (qsizetype i = 0; i < stream.size(); i += pieceSize)
        REQUIRE(
            decoder.feed(QByteArrayView(stream).sliced(i, std::min<qsizetype>(pieceSize, stream.size() - i)))
                .isOk());
    std::vector<Frame> frames;
    while (auto f = decoder.next())
        frames.push_back(*f);
    return frames;
}

QByteArray header(std::uint32_t length, std::uint8_t type, std::uint8_t flags)
{
    QByteArray h(kHeaderSize, '\0');
    h[0] = static_cast<char>(length >> 24);
    h[1] = static_cast<char>(length >> 16);
    h[2] = static_cast<char>(length >> 8);
    h[3] = static_cast<char>(length);
    h[4] = static_cast<char>(type);
    h[5] = static_cast<char>(flags);
    return h;
}

} // namespace

TEST_CASE("Protocol: frames survive any split of the byte stream, compressed across frames", "[protocol]")
{
    const QByteArray big = encode(bigDocs(100, 900));
    const QByteArray small = encode(Ack{1, 42});
    for (int piece : {1, 7, 1000, 1 << 20}) {
        const auto frames = roundTrip({big, small, big}, piece);
        REQUIRE(frames.size() == 3);
        REQUIRE(frames[0].payload == big);
        REQUIRE(frames[1].payload == small);
        REQUIRE(frames[2].payload == big);
        REQUIRE(frames[0].requestId == 7);
    }
}

TEST_CASE("Protocol: a large DOCS message decodes to what was encoded", "[protocol]")
{
    const Docs docs = bigDocs(100, 900);
    const auto decoded = decodeDocs(encode(docs));
    INFO(decoded.status().toString().toStdString());
    REQUIRE(decoded.isOk());
    REQUIRE(decoded->docs.size() == 100);
    REQUIRE(decoded->docs[5].doc.items == docs.docs[5].doc.items);
}

TEST_CASE("Protocol: a DOCS entry keeps its items as received, the bytes encodeItems writes", "[protocol]")
{
    // A receiver stores a whole version's items as they came, so they must be exactly what the
    // sender's encoder makes of the items decoded.
    const Docs docs = bigDocs(3, 50);
    const auto decoded = decodeDocs(encode(docs));
    REQUIRE(decoded.isOk());
    for (const DocEntry& entry : decoded->docs)
        REQUIRE(entry.encodedItems == encodeItems(entry.doc.items));
}

TEST_CASE("Bad message: DOCS whose items are not in canonical form", "[protocol][badframe]")
{
    // Valid CBOR items with a number as a 16-bit float: they would decode to the same items,
    // but are not the canonical bytes every sender writes, and the receiver would store them.
    Docs docs = bigDocs(1, 10);
    DocEntry& entry = docs.docs.front();
    Item number = Item::number(QStringLiteral("SoDen"), 1.5);
    number.stamp = entry.doc.items.front().stamp;
    entry.doc.putItem(number);
    entry.encodedItems = QCborValue(itemsToCbor(entry.doc.items)).toCbor(QCborValue::UseFloat16);
    REQUIRE(entry.encodedItems != encodeItems(entry.doc.items));
    const auto decoded = decodeDocs(encode(docs));
    REQUIRE(decoded.code() == ErrorCode::ProtocolError);
    REQUIRE(decoded.message().contains(QStringLiteral("canonical")));
}

TEST_CASE("Protocol: PULL's whole flag is an optional fifth element, written only when set", "[protocol]")
{
    // A receiver holding nothing asks for whole documents; any other PULL keeps four elements.
    Pull plain{12, Filter{{QStringLiteral("VanBanDen")}, 5, true}};
    REQUIRE(QCborValue::fromCbor(encode(plain)).toArray().size() == 4);
    const auto decodedPlain = decodePull(encode(plain));
    REQUIRE(decodedPlain.isOk());
    REQUIRE(!decodedPlain->whole);
    REQUIRE(decodedPlain->filter.forms == plain.filter.forms);

    const Pull whole{0, {}, true};
    REQUIRE(QCborValue::fromCbor(encode(whole)).toArray().size() == 5);
    const auto decodedWhole = decodePull(encode(whole));
    REQUIRE(decodedWhole.isOk());
    REQUIRE(decodedWhole->whole);
    REQUIRE(decodedWhole->since == 0);
}

TEST_CASE("Protocol: CHANGES carries the feed end as an optional fifth element, written only when known",
          "[protocol]")
{
    // A version 2 sender tells its newest feed position for the receiver's progress bar; a
    // batch without it keeps the four elements a version 1 receiver reads.
    Changes plain{7, {}, 40, false};
    REQUIRE(QCborValue::fromCbor(encode(plain)).toArray().size() == 4);
    const auto decodedPlain = decodeChanges(encode(plain));
    REQUIRE(decodedPlain.isOk());
    REQUIRE(decodedPlain->feedEnd == 0);

    Changes told = plain;
    told.feedEnd = 900;
    REQUIRE(QCborValue::fromCbor(encode(told)).toArray().size() == 5);
    const auto decodedTold = decodeChanges(encode(told));
    REQUIRE(decodedTold.isOk());
    REQUIRE(decodedTold->feedEnd == 900);
    REQUIRE(decodedTold->lastSeq == 40);
    REQUIRE(decodedTold->batch == 7);
}

TEST_CASE("Protocol: WELCOME carries the peer's access as an optional fifth element in version 3",
          "[protocol]")
{
    // A version 3 server tells the client its level, rights, roles and groups; a WELCOME
    // without them is the four-element one a version 2 client reads.
    const Welcome plain{2, newReplicaId(), newInstanceId(), QStringLiteral("Máy chủ/VPTU/HaNoi"),
                        std::nullopt};
    REQUIRE(QCborValue::fromCbor(encode(plain)).toArray().size() == 4);
    const auto decodedPlain = decodeWelcome(encode(plain));
    REQUIRE(decodedPlain.isOk());
    REQUIRE(decodedPlain->version == 2);
    REQUIRE(decodedPlain->instanceId == plain.instanceId);
    REQUIRE(!decodedPlain->access);

    Welcome told = plain;
    told.version = kVersionWelcomeAccess;
    told.access = WelcomeAccess{4, 7, {QStringLiteral("[VanThu]")}, {QStringLiteral("Văn phòng")}};
    REQUIRE(QCborValue::fromCbor(encode(told)).toArray().size() == 5);
    const auto decodedTold = decodeWelcome(encode(told));
    REQUIRE(decodedTold.isOk());
    REQUIRE(decodedTold->version == 3);
    REQUIRE(decodedTold->peerName == plain.peerName);
    REQUIRE(decodedTold->access == told.access);
}

TEST_CASE("Bad message: a WELCOME whose access is malformed, too long, or with six elements",
          "[protocol][badframe]")
{
    // The access list is bounded (kMaxAccessNames names of kMaxAccessNameLength characters)
    // so a hostile server cannot make the client keep megabytes in a setting.
    const auto welcome = [](const QCborValue& access) {
        return QCborArray{3, newReplicaId().toBytes(), newInstanceId().toBytes(), QStringLiteral("s"), access}
            .toCborValue()
            .toCbor();
    };
    const auto names = [](int count, int length) {
        QCborArray a;
        for (int i = 0; i < count; ++i)
            a.append(QString(length, u'x'));
        return a;
    };
    REQUIRE(decodeWelcome(welcome(QCborArray{2, 4, names(1, 5), names(1, 5)})).isOk());
    REQUIRE(decodeWelcome(welcome(QCborArray{2, 4, names(kMaxAccessNames, 1), QCborArray{}})).isOk());
    REQUIRE(decodeWelcome(welcome(QStringLiteral("Editor"))).code() == ErrorCode::ProtocolError);
    REQUIRE(decodeWelcome(welcome(QCborArray{2, 4, QCborArray{}})).code() == ErrorCode::ProtocolError);
    REQUIRE(decodeWelcome(welcome(QCborArray{-1, 4, QCborArray{}, QCborArray{}})).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(decodeWelcome(welcome(QCborArray{2, kMaxAccessLevel + 1, QCborArray{}, QCborArray{}})).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(decodeWelcome(welcome(QCborArray{2, 4, QCborArray{1}, QCborArray{}})).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(decodeWelcome(welcome(QCborArray{2, 4, names(kMaxAccessNames + 1, 1), QCborArray{}})).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(
        decodeWelcome(welcome(QCborArray{2, 4, QCborArray{}, names(1, kMaxAccessNameLength + 1)})).code() ==
        ErrorCode::ProtocolError);
    REQUIRE(decodeWelcome(QCborArray{3, newReplicaId().toBytes(), newInstanceId().toBytes(),
                                     QStringLiteral("s"), QCborArray{2, 4, QCborArray{}, QCborArray{}}, 6}
                              .toCborValue()
                              .toCbor())
                .code() == ErrorCode::ProtocolError);
}

TEST_CASE("Bad message: a CHANGES whose fifth element is not a count, or with six", "[protocol][badframe]")
{
    REQUIRE(decodeChanges(QCborArray{1, 0, true, QCborArray{}, QStringLiteral("x")}.toCborValue().toCbor())
                .code() == ErrorCode::ProtocolError);
    REQUIRE(decodeChanges(QCborArray{1, 0, true, QCborArray{}, -1}.toCborValue().toCbor()).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(decodeChanges(QCborArray{1, 0, true, QCborArray{}, 5, 6}.toCborValue().toCbor()).code() ==
            ErrorCode::ProtocolError);
}

TEST_CASE("Bad message: a PULL whose fifth element is not a boolean, or with six", "[protocol][badframe]")
{
    REQUIRE(decodePull(QCborArray{0, QCborArray{}, 0, false, 1}.toCborValue().toCbor()).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(decodePull(QCborArray{0, QCborArray{}, 0, false, true, true}.toCborValue().toCbor()).code() ==
            ErrorCode::ProtocolError);
    REQUIRE(decodePull(QCborArray{0, QCborArray{}, 0}.toCborValue().toCbor()).code() ==
            ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: a length prefix of 4 GB is refused before any allocation", "[protocol][badframe]")
{
    FrameDecoder decoder;
    const Status s = decoder.feed(header(0xFFFFFFFFu, 4, 0));
    REQUIRE(s.code() == ErrorCode::ProtocolError);
    REQUIRE(s.message().contains(QStringLiteral("exceeds")));
    REQUIRE(decoder.feed(QByteArray("more")).code() == ErrorCode::ProtocolError); // stays failed
}

TEST_CASE("Bad frame: a length shorter than the header", "[protocol][badframe]")
{
    FrameDecoder decoder;
    REQUIRE(decoder.feed(header(3, 4, 0)).code() == ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: an unknown message type", "[protocol][badframe]")
{
    FrameDecoder decoder;
    REQUIRE(decoder.feed(header(6, 200, 0)).code() == ErrorCode::ProtocolError);
    FrameDecoder zero;
    REQUIRE(zero.feed(header(6, 0, 0)).code() == ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: unknown flags", "[protocol][badframe]")
{
    FrameDecoder decoder;
    REQUIRE(decoder.feed(header(6, 4, 0x80)).code() == ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: a truncated frame yields nothing until the rest arrives", "[protocol][badframe]")
{
    FrameEncoder encoder;
    const QByteArray frame = encoder.encode(MessageType::Ack, 0, encode(Ack{1, 2}));
    FrameDecoder decoder;
    REQUIRE(decoder.feed(QByteArrayView(frame).first(frame.size() - 1)).isOk());
    REQUIRE_FALSE(decoder.next().has_value());
    REQUIRE(decoder.pendingBytes() == frame.size() - 1);
    REQUIRE(decoder.feed(QByteArrayView(frame).last(1)).isOk());
    REQUIRE(decoder.next().has_value());
}

TEST_CASE("Bad frame: a compressed payload that is not zstd", "[protocol][badframe]")
{
    FrameDecoder decoder;
    const QByteArray frame = header(6 + 8, 4, Compressed) + QByteArray("garbage!");
    // The header is sound; the payload fails when next() decompresses it, and stays failed.
    REQUIRE(decoder.feed(frame).isOk());
    REQUIRE_FALSE(decoder.next().has_value());
    REQUIRE(decoder.error().code() == ErrorCode::ProtocolError);
    REQUIRE(decoder.feed(QByteArray("more")).code() == ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: garbage bytes", "[protocol][badframe]")
{
    FrameDecoder decoder;
    REQUIRE(decoder.feed(QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).code() == ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: malformed CBOR in a payload", "[protocol][badframe]")
{
    REQUIRE(decodeAck(QByteArray("\x82\x01", 2)).code() == ErrorCode::ProtocolError); // truncated array
    REQUIRE(decodeAck(QByteArray("\x5a\xff\xff\xff\xff", 5)).code() ==
            ErrorCode::ProtocolError);                                                    // 4 GB string
    REQUIRE(decodeAck(QByteArray("\x9f\x01\xff", 3)).code() == ErrorCode::ProtocolError); // indefinite array
    REQUIRE(decodeAck(QByteArray("\xc1\x01", 2)).code() == ErrorCode::ProtocolError);     // a tag
    REQUIRE(decodeAck(QByteArray(encode(Ack{1, 2}) + "x")).code() ==
            ErrorCode::ProtocolError); // trailing bytes
    REQUIRE(decodeAck(QCborArray{1, 2, 3}.toCborValue().toCbor()).code() ==
            ErrorCode::ProtocolError); // wrong shape
}

TEST_CASE("Bad frame: nesting deeper than the limit", "[protocol][badframe]")
{
    QByteArray deep(1000, '\x81'); // 1000 nested one-element arrays
    deep.append('\x01');
    const auto parsed = parseBoundedCbor(deep);
    REQUIRE(parsed.code() == ErrorCode::ProtocolError);
    REQUIRE(parsed.message().contains(QStringLiteral("deeper")));
}

TEST_CASE("Bad frame: a container claiming more elements than bytes", "[protocol][badframe]")
{
    REQUIRE(parseBoundedCbor(QByteArray("\x9b\x00\x00\x00\x01\x00\x00\x00\x00\x01", 10)).code() ==
            ErrorCode::ProtocolError);
}

TEST_CASE("Bad frame: 100,000 mutated frames end in a clean error or a valid message",
          "[protocol][badframe][fuzz]")
{
    // Mutation fuzzing of the decoder and every message parser: flips, truncations and
    // insertions applied to valid frames. Nothing may crash, hang or allocate without bound.
    const quint32 seed = qEnvironmentVariableIsSet("SEN_SEED") ? qgetenv("SEN_SEED").toUInt()
                                                               : QRandomGenerator::global()->generate();
    INFO("SEN_SEED=" << seed);
    QRandomGenerator random(seed);
    FrameEncoder encoder;
    const std::vector<std::pair<MessageType, QByteArray>> samples = {
        {MessageType::Docs, encode(bigDocs(3, 40))},
        {MessageType::Ack, encode(Ack{1, 2})},
        {MessageType::Hello, encode(Hello{1, 1, newReplicaId(), newInstanceId(), QStringLiteral("vanban"),
                                          QStringLiteral("A/B")})},
        {MessageType::Want, encode(Want{2, {WantEntry{0, std::nullopt}}})},
    };
    int clean = 0;
    for (int i = 0; i < 100'000; ++i) {
        const auto& [type, payload] =
            samples[static_cast<std::size_t>(random.bounded(static_cast<int>(samples.size())))];
        QByteArray bytes = random.bounded(2) ? FrameEncoder().encode(type, 0, payload)
                                             : FrameEncoder().encode(type, 0, payload, false);
        const int mutations = random.bounded(1, 4);
        for (int m = 0; m < mutations && !bytes.isEmpty(); ++m) {
            const int at = random.bounded(static_cast<int>(bytes.size()));
            switch (random.bounded(3)) {
            case 0:
                bytes[at] = static_cast<char>(bytes[at] ^ (1 << random.bounded(8)));
                break;
            case 1:
                bytes.truncate(at);
                break;
            default:
                bytes.insert(at, static_cast<char>(random.bounded(256)));
                break;
            }
        }
        FrameDecoder decoder;
        if (!decoder.feed(bytes).isOk()) {
            ++clean;
            continue;
        }
        while (auto frame = decoder.next()) {
            // Each parser either accepts a well-formed message or refuses with ProtocolError.
            const ErrorCode codes[] = {decodeDocs(frame->payload).code(), decodeAck(frame->payload).code(),
                                       decodeHello(frame->payload).code(), decodeWant(frame->payload).code(),
                                       decodeChanges(frame->payload).code()};
            for (ErrorCode c : codes)
                REQUIRE((c == ErrorCode::Ok || c == ErrorCode::ProtocolError));
        }
    }
    REQUIRE(clean > 0);
}

TEST_CASE("Bad message: an error code no version has reads as Internal with its message kept", "[protocol]")
{
    // A newer peer's ERROR (or an ACK refusal) with code 999: the number is not cast into the
    // enumeration; the code reads as Internal and the peer's words survive.
    QCborArray error{999, QStringLiteral("mã lỗi mới")};
    const auto decoded = protocol::decodeError(error.toCborValue().toCbor());
    REQUIRE(decoded.isOk());
    REQUIRE(decoded->code == ErrorCode::Internal);
    REQUIRE(decoded->message == QStringLiteral("mã lỗi mới"));
    REQUIRE(errorCodeFromInt(999) == std::nullopt);
    REQUIRE(errorCodeFromInt(13) == ErrorCode::StaleInstance);
}

TEST_CASE("Bad message: a PULL filter with too many forms or a form name too long", "[protocol][badframe]")
{
    // Bounds a sender relies on before comparing the forms with every change.
    Filter filter;
    for (int i = 0; i < kMaxFilterForms; ++i)
        filter.forms << QStringLiteral("F%1").arg(i);
    REQUIRE(decodePull(encode(Pull{0, filter, false})).isOk());
    filter.forms << QStringLiteral("F");
    REQUIRE(decodePull(encode(Pull{0, filter, false})).code() == ErrorCode::ProtocolError);
    REQUIRE(decodePull(encode(Pull{0, Filter{{QString(kMaxFormNameLength + 1, u'x')}, 0, false}, false}))
                .code() == ErrorCode::ProtocolError);
}
