#pragma once

// The daemon's side of the connection documents (docs/servers.md §Connections): follows
// connections.json (re-read whenever its content changes, so `connection add/remove` on a
// running server takes effect within a tick), starts each connection's sessions when it is
// due and inside its hours, each run in a thread of its own so the listener never waits on a
// peer, and after a failed run retries with back-off (RetryDelay.h). Writes
// connections-state.json after each run and audits runs, failures and retries.
//
// Lives in the thread that made it (the daemon's main thread), where its timer ticks; the
// sessions run in their own threads. stop() cancels running sessions (they keep every batch
// committed) and waits for them.

#include "replication/session/AuthorityExchange.h"
#include "server/audit/AuditEvent.h"
#include "server/peers/ConnectionsFile.h"

#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace sen::server {

class DataDirectory;

struct SchedulerTiming
{
    qint64 minuteMs = 60'000; // SEN_TEST_MINUTE_SECONDS makes it shorter, for tests only
    int tickMs = 1000;        // how often the file and the due times are looked at
};

class ConnectionScheduler : public QObject
{
    Q_OBJECT
public:
    // `dir` must outlive the scheduler; `audit` is called from this thread and the sessions'.
    ConnectionScheduler(const DataDirectory& dir, QSslConfiguration tls,
                        std::function<void(const AuditEvent&)> audit, SchedulerTiming timing,
                        QObject* parent = nullptr);
    ~ConnectionScheduler() override;

    // The daemon's side of the hub's authority record, the one its inbound sessions share
    // (server/net/ServerAuthority.h), carried by every session this scheduler dials. Before start().
    void setAuthority(std::shared_ptr<AuthorityKeeper> authority) { m_authority = std::move(authority); }

    void start();
    void stop();

private:
    struct Run;
    void tick();
    void reloadIfChanged();
    void launch(const Connection& connection);
    void finished(const QString& address, const Status& status, const QString& summary);
    void saveStates();
    void audit(const QString& kind, const QString& address, const QString& detail);

    const DataDirectory& m_dir;
    QSslConfiguration m_tls;
    std::function<void(const AuditEvent&)> m_audit;
    std::shared_ptr<AuthorityKeeper> m_authority;
    SchedulerTiming m_timing;
    QTimer m_timer;
    QByteArray m_fileBytes; // connections.json as last read
    bool m_fileRead = false;
    std::vector<Connection> m_connections;
    QHash<QString, ConnectionState> m_states;
    QHash<QString, QThread*> m_running; // by address
    std::shared_ptr<std::atomic<bool>> m_stopping = std::make_shared<std::atomic<bool>>(false);
};

} // namespace sen::server
