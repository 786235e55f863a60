// The frame decoder's bounds (issue #11, point 14): frames are decompressed one at a time.

#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::protocol;

TEST_CASE("Flood: a read holding many compressed frames is decompressed one frame at a time",
          "[protocol][resources]")
{
    // One read brings a good frame followed by a compressed frame that does not decompress
    // and then many more: the decoder hands out the good frame before it touches the next
    // payload, and inflates nothing beyond the one that fails.
    FrameEncoder encoder;
    QByteArray bytes = encoder.encode(MessageType::Ack, 0, encode(Ack{1, 2}));
    const QByteArray bad = QByteArray::fromHex("0000000e0a0100000000") + QByteArray("garbage!");
    REQUIRE(bad.size() == 18);
    bytes += bad;
    const QByteArray zeros(1 << 20, '\0');
    for (int i = 0; i < 50; ++i)
        bytes += encoder.encode(MessageType::ChunkWant, 0, zeros);

    FrameDecoder decoder;
    REQUIRE(decoder.feed(bytes).isOk()); // headers only
    auto first = decoder.next();
    REQUIRE(first.has_value());
    REQUIRE(first->type == MessageType::Ack);
    REQUIRE(decoder.error().isOk());
    REQUIRE_FALSE(decoder.next().has_value());
    REQUIRE(decoder.error().code() == ErrorCode::ProtocolError);
    REQUIRE_FALSE(decoder.next().has_value()); // stays failed
}
