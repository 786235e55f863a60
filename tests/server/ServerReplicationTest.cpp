// Servers replicating with servers (docs/servers.md §Connections), with the real sen-server
// executables on loopback: a hub made by init, a spoke made from a server ID the hub issued
// (server add, init --server-id), `db replicate`, `replicate`, and the daemon's connections.
// Edits are written straight into the replica files (SQLite lets the daemon run meanwhile).

#include "common/model/DocumentEdit.h"
#include "common/store/ReplicaStore.h"
#include "server/peers/PeerReplication.h"
#include "tests/server/Bystander.h"
#include "tests/server/ServerFixture.h"
#include "tests/server/ServerProcess.h"
#include "tests/server/WaitUntil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

std::unique_ptr<ReplicaStore> openReplica(const QString& path)
{
    auto store = ReplicaStore::open(path);
    INFO(store.status().toString().toStdString());
    REQUIRE(store.isOk());
    return std::move(store).value();
}

// Every document of a replica file, stubs included: UNID -> subject (or "deleted"), with
// the conflict flag.
QMap<QString, QString> snapshot(const QString& path)
{
    QMap<QString, QString> documents;
    ReplicaOpenOptions options;
    options.readOnly = true;
    auto store = ReplicaStore::open(path, options);
    REQUIRE(store.isOk());
    REQUIRE((*store)
                ->forEachDocument(
                    [&](const Document& document) {
                        documents.insert(document.unid.toHex(),
                                         document.isDeleted()
                                             ? S("deleted")
                                             : document.text(S("TrichYeu")) +
                                                   (document.isConflict() ? S(" (conflict)") : QString()));
                        return true;
                    },
                    true)
                .isOk());
    return documents;
}

qint64 documentCount(const QString& path)
{
    ReplicaOpenOptions options;
    options.readOnly = true;
    auto store = ReplicaStore::open(path, options);
    if (!store)
        return -1;
    const auto count = (*store)->documentCount();
    return count ? *count : -1;
}

bool holdsSubject(const QString& path, const QString& subject)
{
    return snapshot(path).values().contains(subject);
}

QJsonObject onlyConnection(ServerProcess& server)
{
    const QJsonDocument listed =
        QJsonDocument::fromJson(server.admin({S("connection"), S("list"), S("--json")}).toUtf8());
    REQUIRE(listed.isArray());
    REQUIRE(listed.array().size() == 1);
    return listed.array().first().toObject();
}

// A hub with the database vanban and a spoke quan1 made from the ID the hub issued.
struct Province
{
    TempDir dir;
    ServerProcess hub{dir};
    std::unique_ptr<ServerProcess> spoke;

    Province()
    {
        const QString id = hub.addServer(S("quan1"));
        spoke = std::make_unique<ServerProcess>(dir, S("spoke"), id);
        hub.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    }
};

} // namespace

TEST_CASE("a spoke takes a replica from the hub and both converge with replicate", "[server][peers][process]")
{
    // The district takes the city's vanban with `db replicate`; each side then writes, and one
    // `replicate` from the spoke brings both to the same documents. A second run moves nothing.
    Province p;
    p.hub.start();
    const QString replicaId =
        p.spoke->admin({S("db"), S("replicate"), p.hub.address(), S("vanban")}).split(u'\n').first();
    CHECK(replicaId.size() == 32);
    const QString hubFile = p.hub.databasePath(S("vanban"));
    const QString spokeFile = p.spoke->databasePath(S("vanban"));
    REQUIRE(snapshot(spokeFile) == snapshot(hubFile)); // the default registers and catalogues came
    CHECK(openReplica(spokeFile)->info().instanceId != openReplica(hubFile)->info().instanceId);
    CHECK(p.spoke->adminRun({S("db"), S("replicate"), p.hub.address(), S("vanban")}).code == 1); // exists

    createDocument(*openReplica(hubFile), S("Công văn của thành phố"));
    createDocument(*openReplica(spokeFile), S("Báo cáo của quận 1"));
    {
        auto spokeStore = openReplica(spokeFile);
        auto doomed =
            spokeStore->save(DocumentEdit::create(S("VanBanDen")).set(Item::text(S("TrichYeu"), S("Xoá"))));
        REQUIRE(doomed.isOk());
        REQUIRE(p.spoke->admin({S("replicate"), p.hub.address()}).contains(S("vanban: received 1, sent 2")));
        REQUIRE(spokeStore->remove(doomed->unid).isOk());
    }
    const QString output = p.spoke->admin({S("replicate"), p.hub.address(), S("vanban")});
    CHECK(output.contains(S("vanban: received 0, sent 1, conflicts 0")));
    const auto hubDocuments = snapshot(hubFile);
    REQUIRE(hubDocuments == snapshot(spokeFile));
    CHECK(hubDocuments.values().contains(S("Báo cáo của quận 1")));
    CHECK(hubDocuments.values().contains(S("Công văn của thành phố")));
    CHECK(hubDocuments.values().contains(S("deleted")));
    CHECK(p.spoke->admin({S("replicate"), p.hub.address()}).contains(S("received 0, sent 0")));

    // The hub lists the spoke's replica under the spoke's server name, as a server.
    const QJsonDocument replicas =
        QJsonDocument::fromJson(p.hub.admin({S("replicas"), S("vanban"), S("--json")}).toUtf8());
    REQUIRE(replicas.array().size() == 1);
    CHECK(replicas.array().first()[S("name")] == S("quan1/VPTU/HaNoi"));
    CHECK(replicas.array().first()[S("peerKind")] == S("server"));
    const QString audit = QString::fromUtf8(readFile(p.spoke->dataPath() + S("/logs/audit.jsonl")));
    CHECK(audit.contains(S("\"kind\":\"replication_started\"")));
    CHECK(audit.contains(S("\"kind\":\"replication_finished\"")));
    CHECK(audit.contains(S("\"kind\":\"admin.db_replicate\"")));
    p.hub.stop();
}

TEST_CASE("replicate fails with the reason when the peer is down or lacks the database",
          "[server][peers][process]")
{
    Province p;
    p.hub.start();
    p.spoke->admin({S("db"), S("replicate"), p.hub.address(), S("vanban")});
    const QString address = p.hub.address();
    p.hub.stop();
    const ProcessOutput down = p.spoke->adminRun({S("replicate"), address});
    CHECK(down.code == 1);
    CHECK(down.err.contains(address));
    CHECK(p.spoke->adminRun({S("replicate"), address, S("khongco")}).code == 1);
    CHECK(p.spoke->adminRun({S("replicate"), S("127.0.0.1:0")}).code == 1);
    const QString audit = QString::fromUtf8(readFile(p.spoke->dataPath() + S("/logs/audit.jsonl")));
    CHECK(audit.contains(S("\"kind\":\"replication_failed\"")));
}

TEST_CASE("a spoke's connection replicates on its own, backs off while the hub is down and recovers",
          "[server][peers][process]")
{
    // With a test minute of one second, a connection --every 1 runs each second. A connection
    // added while the daemon runs is followed; the hub going down makes it retry with back-off
    // (connection_retry); back up, the next try delivers what was written meanwhile.
    Province p;
    p.hub.start();
    p.spoke->admin({S("db"), S("replicate"), p.hub.address(), S("vanban")});
    const QString hubFile = p.hub.databasePath(S("vanban"));
    const QString spokeFile = p.spoke->databasePath(S("vanban"));
    p.spoke->setEnvironment(S("SEN_TEST_MINUTE_SECONDS"), S("1"));
    p.spoke->start();
    p.spoke->admin({S("connection"), S("add"), p.hub.address(), S("--every"), S("1")});

    createDocument(*openReplica(hubFile), S("Từ thành phố, tự động"));
    REQUIRE(waitUntil([&] { return holdsSubject(spokeFile, S("Từ thành phố, tự động")); }, 20'000));
    REQUIRE(waitUntil([&] { return onlyConnection(*p.spoke)[S("lastStatus")] == S("Ok"); }, 10'000));

    p.hub.kill();
    createDocument(*openReplica(spokeFile), S("Viết khi mất liên lạc"));
    REQUIRE(waitUntil([&] { return onlyConnection(*p.spoke)[S("failures")].toInt() >= 2; }, 20'000));
    const QJsonObject failing = onlyConnection(*p.spoke);
    CHECK(failing[S("lastStatus")] != S("Ok"));
    CHECK(!failing[S("lastError")].toString().isEmpty());
    CHECK(QString::fromUtf8(readFile(p.spoke->dataPath() + S("/logs/audit.jsonl")))
              .contains(S("\"kind\":\"connection_retry\"")));

    p.hub.start(); // the same address
    REQUIRE(waitUntil([&] { return holdsSubject(hubFile, S("Viết khi mất liên lạc")); }, 20'000));
    REQUIRE(waitUntil([&] { return onlyConnection(*p.spoke)[S("failures")].toInt() == 0; }, 10'000));
    // An admin session beside the daemon's, on the same data directory.
    CHECK(p.spoke->admin({S("replicate"), p.hub.address(), S("vanban")}).contains(S("vanban: received")));
    p.spoke->admin({S("connection"), S("remove"), p.hub.address()});
    p.spoke->stop();
    p.hub.stop();
    REQUIRE(snapshot(hubFile) == snapshot(spokeFile));
}

TEST_CASE("a spoke killed in the middle of a session resumes and loses nothing", "[server][peers][process]")
{
    // The hub holds a few thousand documents; the spoke's first pull is killed with SIGKILL
    // part-way; the next replicate finishes and both hold the same documents.
    Province p;
    const QString hubFile = p.hub.databasePath(S("vanban"));
    constexpr int kDocuments = 4000;
    {
        auto hub = openReplica(hubFile);
        const QString body(2000, u'x');
        REQUIRE(hub->batch([&]() -> Status {
                       for (int i = 0; i < kDocuments; ++i) {
                           auto saved = hub->save(DocumentEdit::create(S("VanBanDen"))
                                                      .set(Item::text(S("TrichYeu"), S("Văn bản %1").arg(i)))
                                                      .set(Item::text(S("NoiDung"), body)));
                           if (!saved)
                               return saved.status();
                       }
                       return Status::ok();
                   })
                    .isOk());
    }
    p.hub.start();
    const qint64 total = documentCount(hubFile);

    ServerProcess& second = *p.spoke;
    QProcess replicate;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(S("SEN_KDF_COST"), S("test"));
    replicate.setProcessEnvironment(env);
    replicate.start(S(SEN_SERVER_EXE),
                    {S("--data"), second.dataPath(), S("db"), S("replicate"), p.hub.address(), S("vanban")});
    const QString secondFile = second.databasePath(S("vanban"));
    REQUIRE(waitUntil([&] { return documentCount(secondFile) > 0; }, 30'000));
    replicate.kill();
    REQUIRE(replicate.waitForFinished(10'000));
    const qint64 atKill = documentCount(secondFile);
    INFO("documents when killed: " << atKill << " of " << total);
    CHECK(atKill < total); // killed mid-session, not after it
    const QString out = second.admin({S("replicate"), p.hub.address(), S("vanban")});
    CHECK(out.contains(S("vanban:")));
    REQUIRE(snapshot(secondFile) == snapshot(hubFile));
    CHECK(second.admin({S("replicate"), p.hub.address()}).contains(S("received 0")));
    p.hub.stop();
}

TEST_CASE("a peer presenting a user's certificate cannot pose as a server to a spoke", "[server][peers]")
{
    // A man in the middle holds a user ID of the organisation and answers the spoke's call: the
    // handshake already fails (a user certificate is not for a TLS server), and RemoteSession
    // would refuse a certificate of another role than server if it got that far.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(S("vanban"));
    const quint16 impostor = f.startImpostor(S("Kẻ Giả Mạo"));
    auto replica = f.offlineReplica(S("spoke.sen"), info);
    createDocument(*replica, S("Không được lọt ra ngoài"));
    const QString path = replica->path();
    replica.reset();

    server::PeerRunOptions options;
    SessionStats stats;
    const Status status =
        server::runPeerSession(path, f.otherServer(S("quan1")), QStringLiteral("127.0.0.1:%1").arg(impostor),
                               info.replicaId.toHex(), options, &stats);
    INFO(status.toString().toStdString());
    REQUIRE(status.code() == ErrorCode::PermissionDenied);
    CHECK(stats.sent == 0);
    // The real server is reached the same way (the fixture finds databases by name only).
    const Status real =
        server::runPeerSession(path, f.otherServer(S("quan1")), QStringLiteral("127.0.0.1:%1").arg(f.port()),
                               S("vanban"), options, &stats);
    INFO(real.toString().toStdString());
    REQUIRE(real.isOk());
    CHECK(stats.sent == 1);
}
