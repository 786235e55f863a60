// Floods (issue #11, point 16): connections that never complete TLS cost the server neither
// an audit record each nor its honest clients' syncs. The attacker's sockets come from
// 127.0.0.2 (Linux routes all of 127/8 to loopback), the honest client from 127.0.0.1, so
// the per-address limits can tell them apart as they would two machines.

#include "server/audit/AuditEvent.h"
#include "server/net/ConnectionLimits.h"
#include "tests/server/Bystander.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/ServerFixture.h"
#include "tests/server/WaitUntil.h"

#include <QScopeGuard>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace sen;
using namespace sen::test;

#ifdef Q_OS_LINUX

namespace {

// A plain TCP connection from 127.0.0.2 to the server; -1 when it could not be made.
int connectFromSecondAddress(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = htonl(0x7f000002);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

int countKind(const QList<server::AuditRecord>& records, QStringView kind)
{
    int n = 0;
    for (const server::AuditRecord& record : records)
        n += record.kind == kind ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("Flood: connections closed before TLS are counted in aggregate while an honest client syncs",
          "[server][flood]")
{
    // A thread connects and closes plain TCP connections as fast as it can for a few seconds
    // while an honest client syncs again and again; every sync succeeds, and the audit log
    // gains no record per dropped connection, only aggregate connections_dropped records.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander bystander(f, QStringLiteral("vanban"));
    const int recordsBefore = static_cast<int>(f.auditRecords().size());

    std::atomic<bool> stop{false};
    std::atomic<int> connections{0};
    std::thread flood([&] {
        while (!stop) {
            const int fd = connectFromSecondAddress(f.port());
            if (fd >= 0) {
                ::close(fd);
                ++connections;
            }
        }
    });
    // Joined however the syncs end (a failed REQUIRE throws).
    const auto join = qScopeGuard([&] {
        stop = true;
        flood.join();
    });
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < 4000)
        bystander.sync();
    stop = true;
    INFO("connections opened and closed: " << connections.load() << "; honest syncs: " << bystander.syncs());
    REQUIRE(connections.load() > 100);

    // Let the server see the last closes, then stop it: it writes the aggregate at stop.
    waitUntil([] { return false; }, 500);
    const auto during = f.auditRecords();
    REQUIRE(countKind(during, u"login_refused") == 0);
    // The bystander's own logins, and at most a few aggregate records.
    REQUIRE(static_cast<int>(during.size()) - recordsBefore <= 2 * bystander.syncs() + 4);
}

TEST_CASE("Flood: 1,100 idle sockets from one address do not keep an honest client out", "[server][flood]")
{
    // An attacker opens 1,100 TCP connections from one address and sends nothing (more than
    // the server's two workers run together); beyond the per-address limit they are closed at
    // once, and an honest client from another address syncs as usual.
    rlimit files{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &files) == 0);
    if (files.rlim_cur < 4096) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 4096);
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &files) == 0);
    }
    REQUIRE(files.rlim_cur >= 2400); // the attacker's sockets and the server's ends of them

    ServerFixture f(15'000);
    f.createDatabase(QStringLiteral("vanban"));
    Bystander bystander(f, QStringLiteral("vanban"));
    std::vector<int> idle;
    for (int i = 0; i < 1100; ++i) {
        const int fd = connectFromSecondAddress(f.port());
        if (fd >= 0)
            idle.push_back(fd);
        if (i % 100 == 99)
            waitUntil([] { return false; }, 10); // let the listener accept
    }
    REQUIRE(idle.size() > 1024);
    waitUntil([] { return false; }, 500);
    bystander.sync();
    bystander.sync();
    for (const int fd : idle)
        ::close(fd);
}

#endif

TEST_CASE("Hostile peer: more sessions from one address than the limit are refused with Busy",
          "[server][flood][hostile]")
{
    // An insider opens session after session from one address and leaves them idle; past
    // kMaxSessionsPerAddress the next HELLO is refused with Busy, and once one of them ends a
    // new one is accepted again.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    const QSslConfiguration tls = f.user(QStringLiteral("Nguyễn Văn An"));
    const QString name = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");
    std::vector<std::unique_ptr<HostilePeer>> sessions;
    for (int i = 0; i < server::kMaxSessionsPerAddress; ++i) {
        auto peer = std::make_unique<HostilePeer>(f.port(), tls);
        REQUIRE(peer->isConnected());
        auto welcome = peer->hello(QStringLiteral("vanban"), info.replicaId, name, newInstanceId(), 0);
        INFO("session " << i + 1 << ": " << welcome.status().toString().toStdString());
        REQUIRE(welcome.isOk());
        sessions.push_back(std::move(peer));
    }
    HostilePeer extra(f.port(), tls);
    REQUIRE(extra.isConnected());
    const auto refused = extra.hello(QStringLiteral("vanban"), info.replicaId, name, newInstanceId(), 0);
    REQUIRE(refused.status().code() == ErrorCode::Busy);

    sessions.pop_back(); // one leaves
    REQUIRE(waitUntil(
        [&] {
            HostilePeer again(f.port(), tls);
            return again.hello(QStringLiteral("vanban"), info.replicaId, name, newInstanceId(), 0).isOk();
        },
        5000));
}
