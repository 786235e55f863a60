#pragma once

// A byte-stream connection to a peer, as the replication session sees it. Implementations:
// MemoryTransport (tests and benchmarks: latency, bandwidth, cut after N bytes) and the TLS
// socket transport (issue #4). Bytes arrive in order, in pieces of any size.
//
// Thread affinity: a transport lives in one thread and emits its signals there.

#include "common/core/Result.h"

#include <QByteArray>
#include <QObject>

namespace sen {

class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    // Queues bytes for the peer. After close() or a cut, bytes are dropped.
    virtual void send(const QByteArray& bytes) = 0;
    // Closes the connection; the peer sees closed() with Ok.
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // Bytes queued by send() and not yet handed to the network (0: the transport does not
    // queue). Senders make no more frames while it is high (docs/protocol.md §Limits).
    virtual qint64 unsentBytes() const { return 0; }

    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    void received(const QByteArray& bytes);
    // The connection ended: Ok for an orderly close by either side, an error otherwise.
    void closed(const sen::Status& reason);
    // Queued bytes went out to the network: unsentBytes() fell.
    void written();

protected:
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace sen
