#pragma once

// Whether the office's servers are reachable, as the status bar says it (issue #14): Online
// only once a sync has reached its server and finished, Offline after a sync that could not
// (the failure kept, for the status bar's tooltip), Unknown before any sync ended. The latest
// finished sync decides. A sync that failed for a local reason (the replica file is damaged,
// of a newer Sen, the disk is full) or was cancelled says nothing about the network and
// changes nothing.
//
// GUI-free; fed with SyncController's reports (finished()). Not thread-safe: the controller's
// thread (the GUI thread) only.

#include "client/sync/Replicator.h"

namespace sen::client {

class Connectivity
{
public:
    enum class State
    {
        Unknown,
        Online,
        Offline,
    };

    // Takes the outcome of one finished sync into account.
    void record(const SyncReport& report);

    State state() const { return m_state; }
    // The last sync that found the server unreachable (Ok while Online or Unknown).
    const Status& lastError() const { return m_lastError; }
    // The server and replica of that sync.
    const QString& lastServer() const { return m_lastServer; }
    const QString& lastReplica() const { return m_lastReplica; }

    // Whether a sync failing with `code` is about the network or the server (not a local
    // file, not a cancellation).
    static bool isNetworkFailure(ErrorCode code);

private:
    State m_state = State::Unknown;
    Status m_lastError;
    QString m_lastServer;
    QString m_lastReplica;
};

} // namespace sen::client
