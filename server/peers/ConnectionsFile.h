#pragma once

// connections.json in the data directory (docs/server.md §connections.json): this server's
// connection documents, written by `sen-server connection add/remove` under the directory's
// lock and read by the daemon whenever the file changes. And connections-state.json, what the
// daemon last did with each (last run, status, next run), written by the daemon alone and
// shown by `connection list`. Both are written whole (AtomicFile, 0600) with a format version;
// a larger version is refused (Unsupported).

#include "server/peers/Connection.h"

#include <QDateTime>
#include <QHash>

#include <vector>

namespace sen::server {

class ConnectionsFile
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kMaxConnections = 256;

    static QString path(const QString& dataDir);
    // The connections; none when the file does not exist. Corruption naming the entry for
    // anything outside the bounds (Connection::fromJson) or an address listed twice.
    [[nodiscard]] static Result<std::vector<Connection>> load(const QString& dataDir);
    [[nodiscard]] static Status save(const QString& dataDir, const std::vector<Connection>& connections);
};

// What the daemon last did with one connection.
struct ConnectionState
{
    QDateTime lastRun;  // UTC; invalid: never
    QString lastStatus; // an error code name ("Ok"), empty before any run
    QString lastError;  // the reason of a failure, empty on success
    int failures = 0;   // failed runs in a row (the back-off's exponent)
    QDateTime nextRun;  // UTC; invalid: as soon as the daemon starts (within its hours)
};

class ConnectionStateFile
{
public:
    static QString path(const QString& dataDir);
    // By address; empty when the file does not exist or cannot be read (it is only a record).
    static QHash<QString, ConnectionState> load(const QString& dataDir);
    [[nodiscard]] static Status save(const QString& dataDir, const QHash<QString, ConnectionState>& states);
};

} // namespace sen::server
