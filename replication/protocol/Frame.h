#pragma once

// Frames on a byte stream (docs/protocol.md §Frames): encoding, and an incremental decoder
// that checks every length, type and flag before it allocates anything. Compression is a
// property of the connection (one zstd stream per direction), so the encoder and decoder
// own their direction's context.

#include "common/core/Result.h"
#include "replication/protocol/ProtocolConstants.h"

#include <QByteArray>

#include <deque>
#include <memory>
#include <optional>

namespace sen::protocol {

struct Frame
{
    MessageType type = MessageType::Error;
    std::uint32_t requestId = 0;
    QByteArray payload; // decompressed
};

// Encodes frames for one direction of one connection. Not thread-safe.
class FrameEncoder
{
public:
    FrameEncoder();
    ~FrameEncoder();
    // `compress` false sends the payload as is (it is already compressed, e.g. chunk data).
    QByteArray encode(MessageType type, std::uint32_t requestId, QByteArrayView payload,
                      bool compress = true);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Decodes frames from one direction of one connection, as bytes arrive. feed() checks only
// headers; next() decompresses one frame at a time, so the memory a read holding many
// compressed frames costs is one frame's (at most kMaxDecompressed), not the sum of them.
// After an error the decoder stays failed: the connection must be closed.
class FrameDecoder
{
public:
    FrameDecoder();
    ~FrameDecoder();
    // Appends received bytes. Fails (ProtocolError) on a bad header, an oversized length, an
    // unknown type or flag.
    Status feed(QByteArrayView bytes);
    // The next complete frame, decompressed, if any. Nothing when no whole frame is buffered
    // or when the next one's payload does not decompress within the limits: then error()
    // says why, and the decoder stays failed. Callers check error() after draining.
    std::optional<Frame> next();
    // Ok, or the reason the decoder failed (from feed() or next()).
    const Status& error() const;
    // Bytes buffered but not yet returned by next().
    qsizetype pendingBytes() const;

private:
    Status scanHeaders();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace sen::protocol
