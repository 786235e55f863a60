#pragma once

// Accepts TCP connections and hands each socket descriptor on, without touching it: the TLS
// handshake and everything after happen in a worker thread.

#include <QTcpServer>

#include <functional>

namespace sen::server {

class Listener final : public QTcpServer
{
    Q_OBJECT
public:
    explicit Listener(std::function<void(qintptr)> dispatch) : m_dispatch(std::move(dispatch)) {}

protected:
    void incomingConnection(qintptr socketDescriptor) override { m_dispatch(socketDescriptor); }

private:
    std::function<void(qintptr)> m_dispatch;
};

} // namespace sen::server
