#pragma once

// A province simulated in one process (issue #16): the replicas of one database on servers
// and clients (ProvinceTopology.h), real SQLite files, synced pairwise over in-memory links
// (MemorySession.h) in one thread. Servers keep every deletion stub; clients drop the stubs
// their servers acknowledged (SessionOptions::dropAcknowledgedStubs). Every responder checks
// what is pushed to it as sen-server does (PushCheck; a server peer is exempt from the
// own-dots rule); no access policy: the servers are one organisation's.
//
// runRandomPhase(): for `ticks` ticks, clients create, edit, concurrently edit and delete
// documents and delete conflict documents (a user resolving them); each link syncs at a
// tick with some chance unless it is partitioned (random links go down for stretches, one
// spoke and so its links for half the phase). runToQuiescence(): every link heals and the
// links sync in a fresh random order per round until a whole round moves no version.
// check() (ProvinceCheck.cpp): the convergence and the no-revival rule (docs/merge.md
// §"What the province simulation checks"). Everything random comes from `seed`, and the
// replicas' clock is a ManualClock advanced by the schedule, so a seed replays the same
// operations, sessions and end state (a session's count of versions sent may vary by one).
//
// Failures come back as a Status (no Catch2 here: the benchmark links this too). One thread.

#include "common/core/Clock.h"
#include "common/store/ReplicaStore.h"
#include "tests/replication/MemorySession.h"
#include "tests/replication/ProvinceTopology.h"

#include <QRandomGenerator>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace sen::test {

struct ProvinceConfig
{
    ProvinceShape shape;
    quint32 seed = 1;
    int ticks = 30;
    int operationsPerTick = -1; // client operations per tick; -1: one per 8 clients
    int clientSyncPercent = 15; // the chance a client's link syncs at a tick
    int serverSyncPercent = 50; // the chance a link between servers syncs at a tick
    int maxRounds = 40;         // runToQuiescence() fails after this many
    QString directory;          // where the replica files go (must exist)
    bool trace = false;         // every operation and session on stderr
};

struct ProvinceFigures
{
    double setupSeconds = 0;
    // The random phase.
    double randomSeconds = 0;
    double randomCpuSeconds = 0; // this process's CPU time (both sides of every session)
    qint64 randomSessions = 0;
    qint64 randomFrames = 0;
    qint64 creates = 0;
    qint64 edits = 0;
    qint64 concurrentEdits = 0; // pairs
    qint64 deletes = 0;
    qint64 resolutions = 0; // conflict documents deleted
    qint64 partitions = 0;
    // Healing to quiescence.
    int rounds = 0; // including the last, quiet one
    double healSeconds = 0;
    double healCpuSeconds = 0;
    qint64 healSessions = 0;
    qint64 healFrames = 0;
    qint64 healVersions = 0; // versions sent either way
    // Both phases.
    qint64 conflictsMade = 0;
    qint64 refused = 0;
    qint64 notOffered = 0; // versions a client left out of a push: others' edits the server lacked
    qint64 stubsDropped = 0;
    // The converged state (check()).
    qint64 liveDocuments = 0;
    qint64 conflictDocuments = 0;
    qint64 stubs = 0;
    qint64 deletedForGood = 0; // tracked documents every edit of which a deletion saw
    // Refusal records still current on the replicas (ReplicaSync::refusals()): versions a
    // server refused that the replica still holds. Every server holds every version at the
    // end, so none may remain: a client does not offer others' edits (pushOwnEditsOnly), and
    // forgets a refusal once the server that made it lists the version (a client's own edit
    // over others' it lacked, refused then, accepted through another server since).
    qint64 refusalsShown = 0;
};

class ProvinceSimulation
{
public:
    explicit ProvinceSimulation(ProvinceConfig config);
    ~ProvinceSimulation();

    // Creates every replica file of the database.
    Status setUp();
    Status runRandomPhase();
    Status runToQuiescence();
    // Every server holds byte-identical documents and stubs; every client the same live
    // documents, and only stubs identical to the servers'; no document every edit of which a
    // deletion had seen is live; figures' state counts filled.
    Status check();

    // One session on link `index` (ProvinceTopology::links()), as a server or client would
    // run it; adds its stats to the figures' conflicts, refusals and dropped stubs.
    SyncResult syncLink(int index);

    ProvinceTopology& topology() { return m_topology; }
    ReplicaStore& replica(int node) { return *m_stores.at(static_cast<std::size_t>(node)); }
    ManualClock& clock() { return m_clock; }
    const ProvinceFigures& figures() const { return m_figures; }

private:
    struct EditRecord
    {
        Unid unid;
        Dot dot;
    };
    struct DeleteRecord
    {
        Unid unid;
        VersionVector vv;
    };

    Status operate(int client);
    Status create(int node);
    Status edit(int node);
    Status editConcurrently();
    Status remove(int node);
    Status resolveConflict(int node);
    // A tracked document live at `node`, or nullopt after a few random tries.
    std::optional<Document> pickLive(int node);
    int randomClient();
    Status syncOrFail(int index, qint64& frames, qint64* versions);
    Status compareWithHub(int node, const std::map<Unid, QByteArray>& hub, qint64 hubLive);
    void trace(const QString& line) const;

    ProvinceConfig m_config;
    ProvinceTopology m_topology;
    ManualClock m_clock;
    QRandomGenerator m_random;
    std::vector<std::unique_ptr<ReplicaStore>> m_stores;
    std::vector<Unid> m_unids; // every document a client created
    std::vector<EditRecord> m_edits;
    std::vector<DeleteRecord> m_deletes;
    ProvinceFigures m_figures;
    int m_tick = 0;
    int m_serial = 0;
};

} // namespace sen::test
