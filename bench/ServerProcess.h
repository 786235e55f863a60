#pragma once

// The real sen-server executable as a child process, for benchmarks: a data directory made
// with its admin commands (init, register, db create, acl set), then `run` on a free loopback
// port. Because the server is its own process, its CPU time and peak memory can be read from
// /proc/<pid> apart from the benchmark's clients (Linux only; elsewhere they read as -1).
//
// ID files are sealed with the Test KDF (SEN_KDF_COST=test): cheap, for benchmarks and tests
// only. On Linux every child is asked to end (SIGTERM) when the benchmark's process ends, how
// ever it ends (prctl PR_SET_PDEATHSIG), so a benchmark that fails leaves no server behind.
// Lives in the calling thread; not thread-safe.

#include "common/core/Result.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace sen::bench {

// What /proc/<pid>/status and /proc/<pid>/stat say about a process; -1 when unknown.
struct ProcessSample
{
    qint64 rssKiB = -1;     // VmRSS: resident now
    qint64 peakKiB = -1;    // VmHWM: the most ever resident
    double cpuSeconds = -1; // user + system time so far
};

// `pid` 0: this process.
ProcessSample sampleProcess(qint64 pid = 0);

// The system's count of connections dropped because a listen queue was full (TcpExt
// ListenOverflows in /proc/net/netstat; -1 if unknown). System-wide: other programs count too.
qint64 listenOverflows();

// Makes `process`, once started, receive SIGTERM when this process ends (Linux only).
void endWithThisProcess(QProcess& process);

class ServerProcess
{
public:
    // `executable`: the sen-server binary; `dataDir` must not exist yet.
    ServerProcess(QString executable, QString dataDir);
    ~ServerProcess();

    // init with org "Bench/Org" and an administrator; the admin's ID goes beside the data dir.
    [[nodiscard]] Status init();
    // Registers `name` (a user of the org) and writes its ID file to `idPath`.
    [[nodiscard]] Status registerUser(const QString& name, const QString& idPath);
    // db create NAME, then gives `user` (full name) Editor access. Returns the replica file.
    [[nodiscard]] Result<QString> createDatabase(const QString& name, const QString& user);

    // An environment variable for `run` and the admin commands from now on
    // (SEN_TEST_MINUTE_SECONDS).
    void setEnvironment(const QString& name, const QString& value) { m_extraEnv.insert(name, value); }
    // The environment `run` and the admin commands get.
    QProcessEnvironment environment() const;
    const QString& dataDir() const { return m_dataDir; }
    const QString& executable() const { return m_executable; }
    // 127.0.0.1:PORT of the running daemon.
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString databasePath(const QString& name) const
    {
        return m_dataDir + QStringLiteral("/databases/") + name + QStringLiteral(".sen");
    }

    // Any admin command (sen-server --data DIR ARGS...); its standard output.
    [[nodiscard]] Result<QString> admin(const QStringList& args);

    // Starts `run` on 127.0.0.1 with a free port and waits until it listens; `extra` are more
    // options of `run` (with "--web HOST:PORT" it also waits for the site: webPort()).
    [[nodiscard]] Status start(const QStringList& extra = {});
    // SIGTERM, then waits for the orderly shutdown.
    void stop();

    quint16 port() const { return m_port; }
    quint16 webPort() const { return m_webPort; }
    qint64 pid() const;
    ProcessSample sample() const { return sampleProcess(pid()); }

    QString org() const { return QStringLiteral("Bench/Org"); }
    QString password() const { return QStringLiteral("bench password"); }

private:
    QString m_executable;
    QString m_dataDir;
    QProcessEnvironment m_extraEnv;
    std::unique_ptr<QProcess> m_run;
    quint16 m_port = 0;
    quint16 m_webPort = 0;
};

} // namespace sen::bench
