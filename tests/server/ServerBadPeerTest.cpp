// Peers the server (or the client) must refuse for who they are: no certificate, another
// organisation's, a revoked or expired one, a user posing as a server, a HELLO under a name
// the certificate does not carry. Each refusal is clear on the refused side and audited, and
// a well-behaved client syncs right after.

#include "server/audit/AuditEvent.h"
#include "tests/server/Bystander.h"
#include "tests/server/RawClient.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kLogin = QString::fromUtf16(server::audit::kLogin);
const QString kLoginRefused = QString::fromUtf16(server::audit::kLoginRefused);
const QString kRequestRefused = QString::fromUtf16(server::audit::kRequestRefused);

} // namespace

TEST_CASE("Bad peer: a client with no certificate gets no further than the handshake", "[server][net]")
{
    // Someone with the server's address but no Sen identity connects and presents no certificate.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto replica = f.offlineReplica(QStringLiteral("anonymous.sen"), info);

    requireError(f.sync(*replica, QStringLiteral("vanban"), f.anonymous()), ErrorCode::PermissionDenied,
                 QStringLiteral("does not accept"));
    REQUIRE(replica->documentCount().value() == 0);
    REQUIRE(f.waitForAudit(kLoginRefused));
    other.sync();
}

TEST_CASE("Bad peer: a client certificate from a foreign certifier is refused in the handshake",
          "[server][net]")
{
    // A user certified by another organisation, who trusts ours, tries to replicate our database.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto replica = f.offlineReplica(QStringLiteral("foreign.sen"), info);

    requireError(f.sync(*replica, QStringLiteral("vanban"), f.foreignUser(QStringLiteral("Mallory"))),
                 ErrorCode::PermissionDenied, QStringLiteral("does not accept"));
    REQUIRE(replica->documentCount().value() == 0);
    REQUIRE(f.waitForAudit(kLoginRefused));
    other.sync();
}

TEST_CASE("Bad peer: a revoked user is refused at the next connection", "[server][net]")
{
    // A cadre syncs, leaves the office and has the certificate revoked; the next sync is refused
    // and the client is told why.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.clientReplica(QStringLiteral("an.sen"), QStringLiteral("vanban"), an);
    createDocument(*replica, QStringLiteral("Công văn trước khi nghỉ việc"));
    requireOk(f.sync(*replica, QStringLiteral("vanban"), an));

    f.revoke(QStringLiteral("Nguyễn Văn An"));
    createDocument(*replica, QStringLiteral("Công văn sau khi bị thu hồi"));
    requireError(f.sync(*replica, QStringLiteral("vanban"), an), ErrorCode::PermissionDenied,
                 QStringLiteral("revoked"));
    REQUIRE(f.waitForAudit(kLoginRefused, QStringLiteral("revoked")));

    other.sync();
    REQUIRE(other.store().documentCount().value() == 2); // the first document, and its own
}

TEST_CASE("Bad peer: an expired user certificate is refused", "[server][net]")
{
    // A user whose certificate ran out yesterday tries to sync.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto replica = f.offlineReplica(QStringLiteral("expired.sen"), info);

    requireError(
        f.sync(*replica, QStringLiteral("vanban"), f.expiredUser(QStringLiteral("Phạm Văn Hết Hạn"))),
        ErrorCode::PermissionDenied, QStringLiteral("does not accept"));
    REQUIRE(f.waitForAudit(kLoginRefused));
    other.sync();
}

TEST_CASE("Bad peer: a user certificate of the same certifier posing as a server is refused by the client",
          "[server][net]")
{
    // A user runs a server of their own with their user certificate, hoping clients sync to it.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    const quint16 impostor = f.startImpostor(QStringLiteral("Kẻ Mạo Danh"));
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.offlineReplica(QStringLiteral("an.sen"), info);
    createDocument(*replica, QStringLiteral("Không được rơi vào tay kẻ mạo danh"));

    // OpenSSL's purpose check refuses it first (a user certificate is for clientAuth only);
    // RemoteSession's role check would refuse it next.
    const Status status = f.sync(*replica, QStringLiteral("vanban"), an, nullptr, impostor);
    requireError(status, ErrorCode::PermissionDenied, QStringLiteral("TLS handshake refused"));
    REQUIRE(status.message().contains(QStringLiteral("unsuitable for this purpose")));
    REQUIRE(f.sync(*replica, QStringLiteral("vanban"), an).isOk()); // the real server still takes it
    other.sync();
}

TEST_CASE("Bad peer: a HELLO claiming another user's name is refused and audited", "[server][net]")
{
    // An authenticated user sends a HELLO under a colleague's name to borrow their access.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    other.sync(); // while the connection is open

    client->send(helloFrame(QStringLiteral("vanban"), QStringLiteral("Trần Thị Bình/VPTU/HaNoi")));
    REQUIRE(client->waitClosed());
    const auto error = client->errorFrame();
    INFO(error.status().toString().toStdString());
    REQUIRE(error.isOk());
    REQUIRE(error->code == ErrorCode::PermissionDenied);
    REQUIRE(error->message.contains(QStringLiteral("Trần Thị Bình")));
    REQUIRE(f.waitForAudit(kRequestRefused, QStringLiteral("calls itself")));
    other.sync();
}
