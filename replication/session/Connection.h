#pragma once

// Messages over a transport: frames out (one zstd stream), frames in (bounded decoding), and
// a clean error path — the first protocol error sends an Error frame and closes.

#include "replication/protocol/Frame.h"
#include "replication/session/SessionTypes.h"
#include "replication/transport/Transport.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace sen {

class Connection : public QObject
{
    Q_OBJECT
public:
    // `transport` must outlive the connection.
    explicit Connection(Transport& transport, QObject* parent = nullptr);

    // `compress` false for payloads that are already compressed (incompressible chunks).
    void send(protocol::MessageType type, const QByteArray& payload, bool compress = true);
    // Sends an Error frame, then closes the transport.
    void fail(const Status& status);
    void close();
    bool isOpen() const { return m_transport && m_transport->isOpen(); }
    // Bytes sent and not yet handed to the network (Transport::unsentBytes).
    qint64 unsentBytes() const { return m_transport ? m_transport->unsentBytes() : 0; }
    const SessionStats& counters() const { return m_counters; }

Q_SIGNALS:
    void frameReceived(const sen::protocol::Frame& frame);
    // The connection is over: Ok after an orderly close, the reason otherwise.
    void ended(const sen::Status& reason);
    // Sent bytes went out (Transport::written): a sender held back by its backlog may go on.
    void written();

private:
    void onBytes(const QByteArray& bytes);
    void onClosed(const Status& reason);
    QPointer<Transport> m_transport;
    protocol::FrameEncoder m_encoder;
    protocol::FrameDecoder m_decoder;
    SessionStats m_counters;
    bool m_ended = false;
};

} // namespace sen
