#pragma once

// The real executables for process-level tests: a sen-server data directory made with its
// admin commands, the daemon started (and killed) as a child process, and senctl homes.
// Passwords come from the environment (SEN_PASSWORD) and ID files use the cheap test KDF.

#include "tests/support/TempDir.h"

#include <QProcess>

#include <memory>

namespace sen::test {

struct ProcessOutput
{
    int code = -1;
    QString out;
    QString err;
};

class ServerProcess
{
public:
    static inline const QString kPassword = QStringLiteral("Mật khẩu 2026");

    // init --org VPTU/HaNoi --admin "Quản Trị" in a fresh data directory.
    explicit ServerProcess(TempDir& dir);
    // A further server of the organisation (a spoke, docs/servers.md) in the folder `name` of
    // `dir`: init --server-id FILE, FILE as `server add` at the hub wrote it.
    ServerProcess(TempDir& dir, const QString& name, const QString& serverIdFile);
    ~ServerProcess();

    // sen-server --data DIR WORDS...; requires exit 0 and returns stdout.
    QString admin(QStringList words);
    // sen-server --data DIR WORDS... whatever its outcome.
    ProcessOutput adminRun(QStringList words);
    // `server add NAME` at this hub; returns the server ID file's path.
    QString addServer(const QString& name);
    // An environment variable for the daemon and the admin commands from now on
    // (SEN_TEST_MINUTE_SECONDS).
    void setEnvironment(const QString& name, const QString& value) { m_env.insert(name, value); }
    // Registers NAME with an ID file in the test directory and returns its path.
    QString registerUser(const QString& name);
    // Starts `run` on a free loopback port and waits for its banner; `extra` are more options
    // of `run` (with "--web", the site's address is webAddress()).
    void start(const QStringList& extra = {});
    // SIGKILL, as a power cut or an OOM kill would.
    void kill();
    // SIGTERM: the orderly stop; requires exit code 0.
    void stop();
    // HOST:PORT of the running daemon.
    const QString& address() const { return m_address; }
    // HOST:PORT of the intranet site, when started with --web.
    const QString& webAddress() const { return m_webAddress; }
    const QString& dataPath() const { return m_data; }
    QString databasePath(const QString& name) const;

    // senctl --home HOME WORDS...
    static ProcessOutput senctl(const QString& home, QStringList words);
    static QString senctlOk(const QString& home, const QStringList& words);

private:
    TempDir& m_dir;
    QString m_data;
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_daemon;
    QString m_address;
    QString m_webAddress;
};

} // namespace sen::test
