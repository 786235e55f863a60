#pragma once

// The province's servers as real processes (issue #16): what sen_bench_spokes shares between
// its two figures — the configuration, timed runs of sen-server commands in child processes
// (wall time and the child's CPU from getrusage), and a replica's identity (its document
// count and a digest of what `senctl dump` prints for it, stubs included). Benchmarks only:
// failures print the reason and exit (every sen-server child ends with the benchmark,
// ServerProcess.h).

#include "bench/ServerProcess.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sen::bench {

struct SpokeConfig
{
    std::vector<int> sizes;  // first replication: database sizes (default 10,000 and 100,000)
    int runs = 1;            // first replication: runs of each size
    int spokes = 50;         // fan-out: spoke processes
    int fanoutDocs = 1000;   // fan-out: documents in the replicated database
    int changes = 3;         // fan-out: changes measured per mechanism (medians)
    int minuteSeconds = 1;   // fan-out, scheduled: SEN_TEST_MINUTE_SECONDS of the spokes
    bool firstOnly = false;  // only the first replication
    bool fanoutOnly = false; // only the fan-out
    bool keep = false;       // leave the data directories
    QString dir;             // where the data directories go
    QString server;          // the sen-server executable
    QStringList wrap;        // a command before the spoke's `db replicate` (valgrind ...)
};

double median(std::vector<double> values);
QString loadAverage();
// User + system time of the children this process has waited for (getrusage).
double childrenCpuSeconds();

// A sen-server command run to its end in a child process.
struct TimedRun
{
    int exitCode = -1;
    double seconds = 0;
    double cpuSeconds = 0; // the child's user + system time (getrusage RUSAGE_CHILDREN)
    QString out;
    QString err;
};

// sen-server --data SERVER's DIR ARGS..., after `wrap` when it is not empty.
TimedRun runTimed(const ServerProcess& server, const QStringList& args, const QStringList& wrap = {});

// A replica file's live and deleted documents and a SHA-256 over every document's dump line
// (client::dumpLine, in UNID order, stubs included): equal digests, byte-identical dumps.
struct ReplicaIdentity
{
    qint64 documents = -1;
    QByteArray digest;
};
ReplicaIdentity replicaIdentity(const QString& path);

void runFirstReplication(const SpokeConfig& config);
void runFanout(const SpokeConfig& config);

} // namespace sen::bench
