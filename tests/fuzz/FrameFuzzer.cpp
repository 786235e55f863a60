// libFuzzer target for what a peer controls: the frame decoder and every message parser of
// replication/protocol (docs/protocol.md). Any crash, sanitizer report or failed check below
// is a bug.
//
// The first input byte picks a mode; the rest is the data:
//   0  the data is a payload: parseBoundedCbor and every decodeX on it
//   1  the data is a byte stream: fed to a FrameDecoder in pieces; every decodeX on each frame
//   2  the data is cut into 1 to 4 payloads, framed by one FrameEncoder (compressed or not),
//      fed back in pieces: the frames must come back unchanged
// Whatever decodes must survive a round trip: encode(decode(x)) decodes again and encodes to
// the same bytes.
//
// usage: sen_frame_fuzzer --write-seeds=DIR   writes a seed corpus of valid messages, then exits
//        sen_frame_fuzzer DIR -max_total_time=60

#include "replication/protocol/BoundedCbor.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace sen;
using namespace sen::protocol;

namespace {

[[noreturn]] void bug(const char* what)
{
    std::fprintf(stderr, "sen_frame_fuzzer: %s\n", what);
    __builtin_trap();
}

template <typename Message>
void roundTrip(QByteArrayView data, Result<Message> (*decode)(QByteArrayView))
{
    const Result<Message> first = decode(data);
    if (!first)
        return;
    const QByteArray once = encode(*first);
    const Result<Message> second = decode(once);
    if (!second)
        bug("a decoded message, encoded again, does not decode");
    if (encode(*second) != once)
        bug("a decoded message does not encode to the same bytes twice");
}

void decodeAll(QByteArrayView payload)
{
    (void)parseBoundedCbor(payload);
    roundTrip<Hello>(payload, decodeHello);
    roundTrip<Welcome>(payload, decodeWelcome);
    roundTrip<Pull>(payload, decodePull);
    roundTrip<Changes>(payload, decodeChanges);
    roundTrip<Want>(payload, decodeWant);
    roundTrip<Docs>(payload, decodeDocs);
    roundTrip<Ack>(payload, decodeAck);
    roundTrip<ErrorMessage>(payload, decodeError);
    roundTrip<ChunkWant>(payload, decodeChunkWant);
    roundTrip<Chunks>(payload, decodeChunks);
}

// Feeds `stream` in pieces whose sizes come from `sizes` (cycled; 0 means "all the rest").
Status feedInPieces(FrameDecoder& decoder, QByteArrayView stream, QByteArrayView sizes)
{
    qsizetype at = 0;
    for (qsizetype i = 0; at < stream.size(); ++i) {
        const int size = sizes.isEmpty() ? 0 : static_cast<unsigned char>(sizes[i % sizes.size()]) % 64;
        const qsizetype piece =
            size == 0 ? stream.size() - at : std::min<qsizetype>(size, stream.size() - at);
        const Status status = decoder.feed(stream.sliced(at, piece));
        if (!status.isOk())
            return status;
        at += piece;
    }
    return Status::ok();
}

void decodeStream(QByteArrayView data)
{
    if (data.isEmpty())
        return;
    // The first byte says how to cut the stream; the stream itself is all of the data, so
    // a seed frame still starts at a frame boundary.
    const QByteArrayView sizes =
        data.first(std::min<qsizetype>(data.size(), 1 + (static_cast<unsigned char>(data[0]) & 3)));
    FrameDecoder decoder;
    const Status status = feedInPieces(decoder, data, sizes.sliced(1));
    while (auto frame = decoder.next())
        decodeAll(frame->payload);
    if ((!status.isOk() || !decoder.error().isOk()) && decoder.feed(QByteArrayView("x", 1)).isOk())
        bug("a failed decoder accepted more bytes");
}

void encodeAndDecode(QByteArrayView data)
{
    if (data.size() < 2)
        return;
    const auto control = static_cast<unsigned char>(data[0]);
    const int count = 1 + (control & 3);
    const bool compress = control & 4;
    const auto type = static_cast<MessageType>(1 + static_cast<unsigned char>(data[1]) % kMaxMessageType);
    const QByteArrayView rest = data.sliced(2);

    FrameEncoder encoder;
    QByteArray stream;
    std::vector<QByteArrayView> payloads;
    const qsizetype part = rest.size() / count;
    for (int i = 0; i < count; ++i) {
        const QByteArrayView payload = i + 1 < count ? rest.sliced(i * part, part) : rest.sliced(i * part);
        payloads.push_back(payload);
        stream += encoder.encode(type, 0, payload, compress);
    }
    FrameDecoder decoder;
    if (!feedInPieces(decoder, stream, rest.first(std::min<qsizetype>(rest.size(), 3))).isOk())
        bug("the decoder refused what the encoder made");
    for (const QByteArrayView payload : payloads) {
        const auto frame = decoder.next();
        if (!frame || frame->type != type || frame->payload != payload)
            bug("a frame did not come back unchanged");
    }
    if (decoder.next() || decoder.pendingBytes() != 0)
        bug("the decoder made up a frame");
}

// ---- Seeds ---------------------------------------------------------------------------------

InstanceId instance(std::uint8_t fill)
{
    InstanceId id;
    std::memset(id.data(), fill, InstanceId::size);
    return id;
}

template <typename Id>
Id someId(std::uint8_t fill)
{
    Id id;
    std::memset(id.data(), fill, Id::size);
    return id;
}

Document sampleDocument()
{
    Document doc;
    doc.form = QStringLiteral("Memo");
    doc.versions.set(instance(1), 3);
    doc.versions.set(instance(2), 1);
    Item body = Item::text(QStringLiteral("Body"), QStringLiteral("Văn bản đến"));
    body.stamp = Stamp{Dot{instance(1), 3}, makeHlc(1'700'000'000'000, 0)};
    Item number = Item::number(QStringLiteral("N"), 42);
    number.stamp = Stamp{Dot{instance(2), 1}, makeHlc(1'700'000'000'001, 0)};
    Item readers =
        Item::names(QStringLiteral("Readers"), ItemType::Readers, {QStringLiteral("An/VPTU/HaNoi")});
    readers.stamp = Stamp{Dot{instance(1), 2}, makeHlc(1'700'000'000'002, 0)};
    doc.items = {body, number, readers};
    return doc;
}

std::vector<QByteArray> seedPayloads()
{
    Hello hello;
    hello.replicaId = someId<ReplicaId>(7);
    hello.instanceId = instance(1);
    hello.database = QStringLiteral("documents");
    hello.peerName = QStringLiteral("Nguyễn Văn A/VPTU/HaNoi");
    const Welcome welcome{kVersionMax, someId<ReplicaId>(7), instance(2), QStringLiteral("server")};
    Pull pull;
    pull.since = 12;
    pull.filter.forms = {QStringLiteral("Memo")};
    pull.filter.sinceMs = 1'700'000'000'000;
    const Document doc = sampleDocument();
    Changes changes;
    changes.batch = 3;
    changes.lastSeq = 99;
    changes.entries = {{someId<Unid>(5), doc.versions, 98, false}, {someId<Unid>(6), doc.versions, 99, true}};
    Want want;
    want.batch = 3;
    want.entries = {{0, std::nullopt}, {1, doc.versions}};
    Docs docs;
    docs.batch = 3;
    docs.docs = {{0, false, doc}, {1, true, doc}};
    ChunkWant chunkWant;
    chunkWant.hashes = {someId<crypto::Sha256Digest>(9)};
    Chunks chunks;
    chunks.chunks = {{someId<crypto::Sha256Digest>(9), QByteArray("chunk bytes")},
                     {someId<crypto::Sha256Digest>(8), std::nullopt}};
    return {encode(hello),      encode(welcome),
            encode(pull),       encode(changes),
            encode(want),       encode(docs),
            encode(Ack{3, 99}), encode(ErrorMessage{ErrorCode::PermissionDenied, QStringLiteral("no")}),
            encode(chunkWant),  encode(chunks)};
}

void writeSeeds(const QString& dir)
{
    QDir().mkpath(dir);
    int n = 0;
    const auto write = [&](char mode, const QByteArray& data) {
        QFile file(dir + QStringLiteral("/seed-%1").arg(n++, 3, 10, QChar(u'0')));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(1, mode) + data) < 0)
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
    };
    const std::vector<QByteArray> payloads = seedPayloads();
    FrameEncoder encoder; // one stream: later frames use the history of earlier ones
    QByteArray stream;
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        const auto type = static_cast<MessageType>(i + 1 <= kMaxMessageType ? i + 1 : kMaxMessageType);
        write(0, payloads[i]);
        write(1, FrameEncoder().encode(type, 0, payloads[i], false));
        write(1, FrameEncoder().encode(type, 0, payloads[i], true));
        // Mode 2: control byte (one payload, compressed), type byte, payload.
        write(2, QByteArray(1, 4) + QByteArray(1, static_cast<char>(i)) + payloads[i]);
        stream += encoder.encode(type, 0, payloads[i], true);
    }
    write(1, stream);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    for (int i = 1; i < *argc; ++i) {
        if (std::strncmp((*argv)[i], "--write-seeds=", 14) == 0) {
            writeSeeds(QString::fromLocal8Bit((*argv)[i] + 14));
            std::exit(0);
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView data(reinterpret_cast<const char*>(bytes) + 1, static_cast<qsizetype>(size - 1));
    switch (bytes[0] % 3) {
    case 0:
        decodeAll(data);
        break;
    case 1:
        decodeStream(data);
        break;
    default:
        encodeAndDecode(data);
        break;
    }
    return 0;
}
