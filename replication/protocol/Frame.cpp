#include "replication/protocol/Frame.h"

#include <zstd.h>

namespace sen::protocol {

namespace {

void putBe32(char* out, std::uint32_t v)
{
    out[0] = static_cast<char>(v >> 24);
    out[1] = static_cast<char>(v >> 16);
    out[2] = static_cast<char>(v >> 8);
    out[3] = static_cast<char>(v);
}

std::uint32_t getBe32(const char* in)
{
    const auto* p = reinterpret_cast<const unsigned char*>(in);
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

Status protocolError(const QString& what)
{
    return Status(ErrorCode::ProtocolError, what);
}

} // namespace

// ---- Encoder -------------------------------------------------------------------------------

struct FrameEncoder::Impl
{
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Impl() { ZSTD_freeCCtx(cctx); }
};

// The level only changes the sender's CPU and the bytes, never what the receiver must
// support. Level 1 took about half the compression time of level 3 in an initial pull
// (bench/ReplicationBench.cpp) for ~0.3 % more bytes: document bodies are mostly text
// already compressed by the stream's history, and what remains is close to incompressible.
constexpr int kWireZstdLevel = 1;

FrameEncoder::FrameEncoder() : d(std::make_unique<Impl>())
{
    ZSTD_CCtx_setParameter(d->cctx, ZSTD_c_compressionLevel, kWireZstdLevel);
    // A small window bounds each connection's memory on a server with many clients; a batch
    // of documents still finds the redundancy of the ones before it.
    ZSTD_CCtx_setParameter(d->cctx, ZSTD_c_windowLog, kZstdWindowLog);
}

FrameEncoder::~FrameEncoder() = default;

QByteArray FrameEncoder::encode(MessageType type, std::uint32_t requestId, QByteArrayView payload,
                                bool compress)
{
    QByteArray body;
    std::uint8_t flags = 0;
    if (compress && !payload.isEmpty()) {
        // One stream per direction: each frame is flushed (not ended), so later frames reuse
        // the history of earlier ones — repeated item names and instance IDs cost ~nothing.
        body.resize(
            static_cast<qsizetype>(ZSTD_compressBound(static_cast<std::size_t>(payload.size())) + 64));
        ZSTD_inBuffer in{payload.data(), static_cast<std::size_t>(payload.size()), 0};
        ZSTD_outBuffer out{body.data(), static_cast<std::size_t>(body.size()), 0};
        for (;;) {
            const std::size_t left = ZSTD_compressStream2(d->cctx, &out, &in, ZSTD_e_flush);
            if (ZSTD_isError(left))
                qFatal("sen: zstd stream compression failed: %s", ZSTD_getErrorName(left));
            if (left == 0)
                break;
            body.resize(body.size() * 2);
            out.dst = body.data();
            out.size = static_cast<std::size_t>(body.size());
        }
        body.truncate(static_cast<qsizetype>(out.pos));
        flags |= Compressed;
    } else {
        body = payload.toByteArray();
    }
    QByteArray frame(kHeaderSize, Qt::Uninitialized);
    putBe32(frame.data(), static_cast<std::uint32_t>(body.size() + kHeaderSize - kLengthFieldSize));
    frame[4] = static_cast<char>(type);
    frame[5] = static_cast<char>(flags);
    putBe32(frame.data() + 6, requestId);
    frame += body;
    return frame;
}

// ---- Decoder -------------------------------------------------------------------------------

struct FrameDecoder::Impl
{
    ZSTD_DCtx* dctx = ZSTD_createDCtx();
    QByteArray buffer;
    qsizetype consumed = 0; // bytes of `buffer` already returned by next()
    qsizetype scanned = 0;  // bytes of `buffer` that are whole frames with checked headers
    Status failed;
    ~Impl() { ZSTD_freeDCtx(dctx); }
};

FrameDecoder::FrameDecoder() : d(std::make_unique<Impl>())
{
    // A peer cannot make us allocate a larger window than the protocol allows.
    ZSTD_DCtx_setParameter(d->dctx, ZSTD_d_windowLogMax, kZstdWindowLogMax);
}
FrameDecoder::~FrameDecoder() = default;

Status FrameDecoder::feed(QByteArrayView bytes)
{
    if (!d->failed.isOk())
        return d->failed;
    d->buffer.append(bytes.data(), bytes.size());
    d->failed = scanHeaders();
    return d->failed;
}

const Status& FrameDecoder::error() const
{
    return d->failed;
}

Status FrameDecoder::scanHeaders()
{
    // Only headers are read here: payloads are decompressed one at a time by next(), so a
    // read holding many compressed frames costs one frame's memory at a time.
    for (;;) {
        const qsizetype available = d->buffer.size() - d->scanned;
        if (available < kHeaderSize)
            break;
        const char* header = d->buffer.constData() + d->scanned;
        const std::uint32_t length = getBe32(header);
        // Check the header before waiting for (or allocating for) the payload.
        if (length < kHeaderSize - kLengthFieldSize)
            return protocolError(QStringLiteral("frame length %1 is shorter than its header").arg(length));
        const std::uint32_t payloadSize = length - (kHeaderSize - kLengthFieldSize);
        if (payloadSize > kMaxPayload)
            return protocolError(QStringLiteral("frame of %1 bytes exceeds the %2-byte limit")
                                     .arg(payloadSize)
                                     .arg(kMaxPayload));
        const auto type = static_cast<std::uint8_t>(header[4]);
        const auto flags = static_cast<std::uint8_t>(header[5]);
        if (type == 0 || type > kMaxMessageType)
            return protocolError(QStringLiteral("unknown frame type %1").arg(type));
        if (flags & ~kKnownFrameFlags)
            return protocolError(QStringLiteral("unknown frame flags %1").arg(flags));
        if (available < static_cast<qsizetype>(kLengthFieldSize + length))
            break;
        d->scanned += kLengthFieldSize + length;
    }
    return Status::ok();
}

std::optional<Frame> FrameDecoder::next()
{
    if (!d->failed.isOk() || d->consumed == d->scanned)
        return std::nullopt;
    const char* header = d->buffer.constData() + d->consumed;
    const std::uint32_t length = getBe32(header);
    const std::uint32_t payloadSize = length - (kHeaderSize - kLengthFieldSize);
    const auto flags = static_cast<std::uint8_t>(header[5]);
    Frame frame;
    frame.type = static_cast<MessageType>(static_cast<std::uint8_t>(header[4]));
    frame.requestId = getBe32(header + 6);
    const char* body = header + kHeaderSize;
    if (flags & Compressed) {
        // Decompress into a buffer that grows as needed, never beyond the limit.
        QByteArray out(static_cast<qsizetype>(std::min<std::uint32_t>(
                           kMaxDecompressed, std::max<std::uint32_t>(4 * payloadSize, 4096))),
                       Qt::Uninitialized);
        ZSTD_inBuffer in{body, payloadSize, 0};
        ZSTD_outBuffer o{out.data(), static_cast<std::size_t>(out.size()), 0};
        for (;;) {
            const std::size_t rc = ZSTD_decompressStream(d->dctx, &o, &in);
            if (ZSTD_isError(rc)) {
                d->failed = protocolError(QStringLiteral("frame payload does not decompress: %1")
                                              .arg(QString::fromLatin1(ZSTD_getErrorName(rc))));
                return std::nullopt;
            }
            // Done when all input is consumed and zstd stopped short of filling the
            // output (with a full output it may still hold decoded bytes: call again).
            if (in.pos == in.size && o.pos < o.size)
                break;
            if (o.pos == o.size) {
                if (out.size() >= static_cast<qsizetype>(kMaxDecompressed)) {
                    d->failed = protocolError(
                        QStringLiteral("frame payload decompresses beyond %1 bytes").arg(kMaxDecompressed));
                    return std::nullopt;
                }
                out.resize(std::min<qsizetype>(out.size() * 2, kMaxDecompressed));
                o.dst = out.data();
                o.size = static_cast<std::size_t>(out.size());
            }
        }
        out.truncate(static_cast<qsizetype>(o.pos));
        frame.payload = std::move(out);
    } else {
        frame.payload = QByteArray(body, static_cast<qsizetype>(payloadSize));
    }
    d->consumed += kLengthFieldSize + length;
    // Drop what has been returned once it is most of the buffer (amortised O(1) per byte).
    if (d->consumed * 2 >= d->buffer.size()) {
        d->buffer.remove(0, d->consumed);
        d->scanned -= d->consumed;
        d->consumed = 0;
    }
    return frame;
}

qsizetype FrameDecoder::pendingBytes() const
{
    return d->buffer.size() - d->consumed;
}

} // namespace sen::protocol
