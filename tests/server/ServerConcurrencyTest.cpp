// Many clients at once against the in-process server's worker threads.

#include "tests/server/Bystander.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"
#include "tests/server/WaitUntil.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

TEST_CASE("Many clients at once: twenty clients sync fifty new documents each concurrently", "[server][net]")
{
    // Twenty cadres each register fifty documents offline and press sync at the same moment;
    // every session succeeds and the server ends with all thousand documents.
    constexpr int kClients = 20;
    constexpr int kDocuments = 50;
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    struct Client
    {
        QSslConfiguration tls;
        std::unique_ptr<ReplicaStore> store;
        std::unique_ptr<RemoteSession> session;
    };
    std::vector<Client> clients(kClients);
    for (int i = 0; i < kClients; ++i) {
        Client& c = clients[i];
        c.tls = f.user(QStringLiteral("Cán Bộ %1").arg(i));
        c.store = f.clientReplica(QStringLiteral("client-%1.sen").arg(i), QStringLiteral("vanban"), c.tls);
        for (int d = 0; d < kDocuments; ++d)
            createDocument(*c.store, QStringLiteral("Văn bản %1 của cán bộ %2").arg(d).arg(i));
    }

    auto endpoint =
        RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(f.port()), QStringLiteral("vanban"));
    REQUIRE(endpoint.isOk());
    int finished = 0;
    for (Client& c : clients) {
        c.session = std::make_unique<RemoteSession>(*c.store, c.tls, *endpoint, SessionOptions());
        QObject::connect(c.session.get(), &RemoteSession::finished, [&finished] { ++finished; });
    }
    for (Client& c : clients)
        c.session->start();
    REQUIRE(waitUntil([&] { return finished == kClients; }, 60'000));
    for (const Client& c : clients)
        requireOk(c.session->result());

    Bystander check(f, QStringLiteral("vanban"));
    check.sync();
    REQUIRE(check.store().documentCount().value() == kClients * kDocuments + 1);
}
