#include "replication/session/Connection.h"

namespace sen {

Connection::Connection(Transport& transport, QObject* parent) : QObject(parent), m_transport(&transport)
{
    connect(&transport, &Transport::received, this, &Connection::onBytes);
    connect(&transport, &Transport::closed, this, &Connection::onClosed);
    connect(&transport, &Transport::written, this, &Connection::written);
}

void Connection::send(protocol::MessageType type, const QByteArray& payload, bool compress)
{
    if (!isOpen())
        return;
    const QByteArray frame = m_encoder.encode(type, 0, payload, compress);
    m_counters.bytesOut += frame.size();
    ++m_counters.framesOut;
    m_transport->send(frame);
}

void Connection::fail(const Status& status)
{
    send(protocol::MessageType::Error,
         protocol::encode(protocol::ErrorMessage{status.code(), status.message()}));
    close();
    onClosed(status);
}

void Connection::close()
{
    if (m_transport)
        m_transport->close();
}

void Connection::onBytes(const QByteArray& bytes)
{
    if (m_ended)
        return;
    m_counters.bytesIn += bytes.size();
    if (const Status status = m_decoder.feed(bytes); !status.isOk()) {
        fail(status);
        return;
    }
    while (auto frame = m_decoder.next()) {
        ++m_counters.framesIn;
        Q_EMIT frameReceived(*frame);
        if (m_ended)
            return;
    }
    if (!m_decoder.error().isOk())
        fail(m_decoder.error()); // a payload that does not decompress within the limits
}

void Connection::onClosed(const Status& reason)
{
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT ended(reason);
}

} // namespace sen
