#pragma once

// An insider for the server's hostile-peer tests (issue #11): a real user's certificate, a
// real TLS link to the in-process sen-server, and the project's own protocol code
// (protocol/Frame.h, protocol/Messages.h) — but none of the session logic that keeps an honest
// client honest. The test decides every message: a HELLO naming someone else's instance, a
// CHANGES entry flagged withdrawn, a DOCS with a forged vector, a flood of CHUNK_WANT.
//
// Lives in the test thread; every wait runs the event loop (WaitUntil.h), so the in-process
// server keeps working meanwhile. Frames are compressed with the connection's zstd stream like
// an honest peer's unless a send says otherwise.

#include "common/core/Result.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"

#include <QSslConfiguration>
#include <QSslSocket>

#include <deque>
#include <memory>

namespace sen::test {

class HostilePeer
{
public:
    // Connects to 127.0.0.1:`port` presenting `tls` and waits for the TLS handshake.
    explicit HostilePeer(quint16 port, const QSslConfiguration& tls);
    ~HostilePeer();

    bool isConnected() const { return m_connected; }
    bool isClosed() const { return m_closed; }

    // HELLO for `database` (whose replica ID is `replica`) as `peerName`, from `instance`
    // with `counter`, offering protocol versions up to `versionMax`. Returns the server's
    // WELCOME, or its ERROR as a failed status (code and message of the frame), or IoError
    // when the link closed without one.
    Result<protocol::Welcome> hello(const QString& database, const ReplicaId& replica,
                                    const QString& peerName, const InstanceId& instance,
                                    std::uint64_t counter, int versionMax = protocol::kVersionMax);

    // Sends one frame as is.
    void send(protocol::MessageType type, const QByteArray& payload, bool compress = true);
    // Sends raw bytes (for frames the encoder would not write).
    void sendRaw(QByteArrayView bytes);

    // The next frame from the server within `timeoutMs`: NotFound on timeout, IoError when
    // the link closed first, ProtocolError when its bytes do not decode.
    Result<protocol::Frame> nextFrame(int timeoutMs = 5000);
    // Reads frames until one of `type`; an ERROR frame on the way comes back as its status.
    Result<protocol::Frame> expect(protocol::MessageType type, int timeoutMs = 5000);
    // Reads until the server sends ERROR (returned as a status) or closes (IoError).
    Status waitError(int timeoutMs = 5000);
    bool waitClosed(int timeoutMs = 5000);

    // A push of `docs`, whole, in one batch numbered `batch` (after a HELLO): CHANGES with an
    // entry per document (its UNID, vector, seq = position, deleted flag), then — for the
    // entries the server WANTs — DOCS with the whole versions, then the server's ACK.
    // `final` marks the batch as the last of the push. Returns the ACK (its refusals say
    // what the server would not store), or the server's ERROR as a status.
    Result<protocol::Ack> push(const std::vector<Document>& docs, std::uint32_t batch = 1, bool final = true);
    // The same with the CHANGES entries given as is (withdrawn flags, vectors that differ
    // from the documents', ...); `docs[i]` answers entry i when it is wanted.
    Result<protocol::Ack> push(const std::vector<protocol::ChangeEntry>& entries,
                               const std::vector<Document>& docs, std::uint32_t batch, bool final);

    // A pull of the server's feed from `since` (PULL, then WANT every entry whole, until the
    // final batch), returning the documents received. ACKs each batch.
    Result<std::vector<Document>> pull(std::int64_t since = 0);

    // Everything the server sent that has not been read yet, decoded, and the bytes.
    qint64 bytesReceived() const { return m_bytesReceived; }

private:
    void onReadable();

    std::unique_ptr<QSslSocket> m_socket;
    protocol::FrameEncoder m_encoder;
    protocol::FrameDecoder m_decoder;
    std::deque<protocol::Frame> m_frames;
    Status m_decodeError;
    qint64 m_bytesReceived = 0;
    bool m_connected = false;
    bool m_closed = false;
};

// A document version as a peer would send it: `items` stamped with the dot
// (`instance`, `counter`) at `time` (0: now), the vector {instance: counter}.
Document forgedDocument(const QString& form, const InstanceId& instance, std::uint64_t counter,
                        std::vector<Item> items, HlcTime time = 0);

} // namespace sen::test
