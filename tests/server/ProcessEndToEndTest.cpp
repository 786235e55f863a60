// The real executables, as an IT centre and offices run them: sen-server's admin commands
// and its daemon in child processes, senctl homes talking to it over TLS.

#include "common/store/ReplicaStore.h"
#include "tests/server/ServerProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// Live documents of `store` besides its registers and catalogue entries (the SoVanBan and
// DanhMuc documents `db create` makes).
std::int64_t countBesidesRegisters(const ReplicaStore& store)
{
    const auto registers = store.documentsOfForm(QStringLiteral("SoVanBan"));
    const auto entries = store.documentsOfForm(QStringLiteral("DanhMuc"));
    const auto all = store.documentCount();
    return registers && entries && all ? *all - std::int64_t(registers->size() + entries->size()) : -1;
}

// The same in a server database, read while the daemon may be writing (WAL readers never
// block it); -1 when the file cannot be read yet.
std::int64_t serverCount(const QString& path)
{
    ReplicaOpenOptions options;
    options.readOnly = true;
    auto store = ReplicaStore::open(path, options);
    if (!store)
        return -1;
    return countBesidesRegisters(**store);
}

void login(const QString& home, const QString& idPath, const QString& address)
{
    ServerProcess::senctlOk(home, {S("login"), S("--id"), idPath});
    ServerProcess::senctlOk(home, {S("replica"), S("add"), address, S("vanban")});
}

// Imports `count` numbered documents into the home's "vanban" replica.
void importDocuments(test::TempDir& dir, const QString& home, int count)
{
    QFile lines(dir.path(S("docs.jsonl")));
    REQUIRE(lines.open(QIODevice::WriteOnly));
    for (int i = 0; i < count; ++i)
        lines.write(
            QStringLiteral("{\"form\":\"VanBanDen\",\"items\":{\"SoDen\":%1,\"TrichYeu\":\"Công văn số %1 về "
                           "việc triển khai nhiệm vụ năm 2027\"}}\n")
                .arg(i)
                .toUtf8());
    lines.close();
    REQUIRE(ServerProcess::senctlOk(home, {S("doc"), S("import"), S("vanban"), lines.fileName()}) ==
            QString::number(count));
}

// Starts `senctl sync` in the background and returns once the server has committed part
// of what it pushes; the caller waits for `sync` to finish.
void startSyncAndWaitForFirstCommit(QProcess& sync, const QString& home, const QString& serverDatabase)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(S("SEN_PASSWORD"), ServerProcess::kPassword);
    sync.setProcessEnvironment(env);
    sync.start(QStringLiteral(SENCTL_EXE), {S("--home"), home, S("sync")});
    REQUIRE(sync.waitForStarted());
    QElapsedTimer waited;
    waited.start();
    while (serverCount(serverDatabase) <= 0 && waited.elapsed() < 60'000)
        QThread::msleep(10);
}

} // namespace

TEST_CASE("End to end: a sen-server process and two senctl homes converge over TLS", "[server][process]")
{
    // Admin commands set up the organisation; two offices log in, add the database, each
    // create a document, sync in turn and end with identical dumps; the daemon stops cleanly
    // and its audit chain verifies.
    test::TempDir dir;
    ServerProcess server(dir);
    const QString an = server.registerUser(S("Nguyễn Văn An"));
    const QString hoa = server.registerUser(S("Lê Thị Hoa"));
    server.admin(
        {S("db"), S("create"), S("vanban"), S("--kind"), S("documents"), S("--title"), S("Văn bản")});
    server.admin({S("acl"), S("set"), S("vanban"), S("Nguyễn Văn An/VPTU/HaNoi"), S("editor")});
    server.admin({S("acl"), S("set"), S("vanban"), S("Lê Thị Hoa/VPTU/HaNoi"), S("Editor")});
    server.start();

    const QString homeA = dir.path(S("homeA"));
    const QString homeB = dir.path(S("homeB"));
    login(homeA, an, server.address());
    login(homeB, hoa, server.address());
    ServerProcess::senctlOk(homeA, {S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDen"),
                                    S("--set"), S("TrichYeu=Công văn đến số 1")});
    ServerProcess::senctlOk(homeB, {S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDi"),
                                    S("--set"), S("TrichYeu=Công văn đi số 2")});
    ServerProcess::senctlOk(homeA, {S("sync")});
    ServerProcess::senctlOk(homeB, {S("sync")});
    ServerProcess::senctlOk(homeA, {S("sync")});
    const QString dumpA = ServerProcess::senctlOk(homeA, {S("dump"), S("vanban")});
    REQUIRE(dumpA == ServerProcess::senctlOk(homeB, {S("dump"), S("vanban")}));
    REQUIRE(dumpA.contains(S("Công văn đến số 1")));
    REQUIRE(dumpA.contains(S("Công văn đi số 2")));

    const QString replicas = server.admin({S("replicas"), S("vanban"), S("--json")});
    REQUIRE(replicas.contains(S("Nguyễn Văn An/VPTU/HaNoi")));
    REQUIRE(replicas.contains(S("Lê Thị Hoa/VPTU/HaNoi")));

    server.stop();
    server.admin({S("audit"), S("verify")});
}

TEST_CASE("End to end: the server killed with SIGKILL mid-sync resumes to the same state with nothing "
          "duplicated",
          "[server][process]")
{
    // An office pushes many documents; the server process is killed part-way through. The
    // office's sync fails with a clear message; after a restart the next sync completes, the
    // server holds each document exactly once, and a second office pulls an identical replica.
    test::TempDir dir;
    ServerProcess server(dir);
    const QString an = server.registerUser(S("Nguyễn Văn An"));
    const QString hoa = server.registerUser(S("Lê Thị Hoa"));
    server.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), S("vanban"), S("-Default-"), S("editor")});
    server.start();

    const QString homeA = dir.path(S("homeA"));
    login(homeA, an, server.address());
    constexpr int kDocs = 30'000;
    importDocuments(dir, homeA, kDocs);
    QProcess sync;
    // Kill the server once some, not all, of the documents are committed on its side.
    startSyncAndWaitForFirstCommit(sync, homeA, server.databasePath(S("vanban")));
    const std::int64_t seen = serverCount(server.databasePath(S("vanban")));
    INFO("server held " << seen << " documents when killed");
    REQUIRE(seen > 0);
    REQUIRE(seen < kDocs);
    server.kill();
    REQUIRE(sync.waitForFinished(60'000));
    REQUIRE(sync.exitCode() == 1);
    const QString message = QString::fromUtf8(sync.readAllStandardOutput() + sync.readAllStandardError());
    INFO(message.toStdString());
    REQUIRE(message.contains(S("failed")));

    server.start();
    ServerProcess::senctlOk(homeA, {S("sync")});
    REQUIRE(serverCount(server.databasePath(S("vanban"))) == kDocs);

    const QString homeB = dir.path(S("homeB"));
    login(homeB, hoa, server.address());
    REQUIRE(ServerProcess::senctlOk(homeA, {S("dump"), S("vanban")}) ==
            ServerProcess::senctlOk(homeB, {S("dump"), S("vanban")}));
    server.stop();
    auto store = ReplicaStore::open(server.databasePath(S("vanban")));
    REQUIRE(store.isOk());
    REQUIRE((*store)->integrityCheck().isOk());
}

TEST_CASE("End to end: an online backup taken while a client syncs opens as a valid replica",
          "[server][process][backup]")
{
    // The IT centre backs up a database while an office pushes thousands of documents into
    // it: the backup is a consistent replica (integrity check, same replica ID, a document
    // count the server really had), and the sync completes undisturbed.
    test::TempDir dir;
    ServerProcess server(dir);
    const QString an = server.registerUser(S("Nguyễn Văn An"));
    server.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), S("vanban"), S("-Default-"), S("editor")});
    server.start();
    const QString home = dir.path(S("home"));
    login(home, an, server.address());
    constexpr int kDocs = 20'000;
    importDocuments(dir, home, kDocs);
    QProcess sync;
    startSyncAndWaitForFirstCommit(sync, home, server.databasePath(S("vanban")));
    const QString backup = dir.path(S("vanban-backup.sen"));
    server.admin({S("backup"), S("vanban"), backup});
    REQUIRE(sync.waitForFinished(120'000));
    INFO(QString::fromUtf8(sync.readAllStandardError()).toStdString());
    REQUIRE(sync.exitCode() == 0);

    auto copy = ReplicaStore::open(backup);
    REQUIRE(copy.isOk());
    REQUIRE((*copy)->integrityCheck().isOk());
    auto live = ReplicaStore::open(server.databasePath(S("vanban")));
    REQUIRE(live.isOk());
    REQUIRE((*copy)->info().replicaId == (*live)->info().replicaId);
    const std::int64_t copied = countBesidesRegisters(**copy);
    INFO("the backup holds " << copied << " documents");
    REQUIRE(copied >= 0);
    REQUIRE(copied <= kDocs);
    REQUIRE(countBesidesRegisters(**live) == kDocs);
    server.stop();
}
