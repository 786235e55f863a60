#pragma once

// A district office for the desktop client's replication tests: a workspace whose user has
// logged in with an ID file from the in-process server's certifier (ServerFixture), and the
// helpers the scenarios share — filling a server database, waiting for a controller's reports.

#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "client/sync/SyncController.h"
#include "common/identity/Credentials.h"
#include "tests/server/ServerFixture.h"

#include <QSet>

#include <vector>

namespace sen::test {

struct SyncTestOffice
{
    // Logs user `name` in to a new workspace `home-<name>` in the fixture's directory, or
    // `home-<home>` when given (the same user on a second computer).
    SyncTestOffice(ServerFixture& server, const QString& name, const QString& home = {});

    client::Workspace workspace;
    identity::Credentials credentials;
    QString serverAddress; // 127.0.0.1:PORT of the fixture

    client::ReplicaSettings settings(const QString& database) const;
    // The UNIDs of the local replica `name` (live documents), each once.
    QSet<QString> unids(const QString& name) const;
};

// Saves `count` documents into the server's `database` file (as if written at the server).
void fillServerDatabase(ServerFixture& server, const QString& database, int count, int textRepeat = 1);
QSet<QString> serverUnids(ServerFixture& server, const QString& database);

// Everything a controller reported, in order, as seen on the calling thread.
struct ControllerLog
{
    explicit ControllerLog(client::SyncController& controller);
    QObject scope; // the connections end with the log
    std::vector<client::SyncReport> finished;
    std::vector<std::pair<QString, SessionProgress>> progress;
    QStringList started;
    QStringList added;
    QStringList changed;
    bool offThread = false; // some signal arrived on another thread than the controller's
    // Runs the event loop until `count` jobs have finished, or `timeoutMs` passed.
    bool waitFinished(std::size_t count, int timeoutMs = 60'000) const;
};

// Adds `database` through `controller` and waits (running the event loop) until that job's
// report arrives, which must be a success.
void addReplicaAndWait(client::SyncController& controller, ControllerLog& log, const SyncTestOffice& office,
                       const QString& database);

} // namespace sen::test
