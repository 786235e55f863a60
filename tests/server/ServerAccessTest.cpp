// What an authenticated user may open: a database the server does not have, one whose ACL
// gives them No Access. The refusal reaches the client as a clear error and is audited.

#include "server/audit/AuditEvent.h"
#include "tests/server/Bystander.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kRequestRefused = QString::fromUtf16(server::audit::kRequestRefused);

} // namespace

TEST_CASE("Access: an unknown database name is refused with NotFound", "[server][net]")
{
    // A user asks for a database the server does not hold, to sync and to describe it.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.offlineReplica(QStringLiteral("an.sen"), info);

    requireError(f.sync(*replica, QStringLiteral("khongco"), an), ErrorCode::NotFound,
                 QStringLiteral("khongco"));
    auto endpoint =
        RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(f.port()), QStringLiteral("khongco"));
    REQUIRE(endpoint.isOk());
    const auto described = describeRemoteDatabase(an, *endpoint, QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    requireError(described.status(), ErrorCode::NotFound, QStringLiteral("khongco"));
    REQUIRE(f.waitForAudit(kRequestRefused, QStringLiteral("khongco")));
    other.sync();
}

TEST_CASE("Access: a user with No Access to a database is refused with PermissionDenied", "[server][net]")
{
    // The secret archive's ACL gives -Default- No Access; an ordinary user tries to sync it.
    ServerFixture f;
    const ReplicaInfo secret = f.createDatabase(QStringLiteral("mat"), acl::AccessLevel::NoAccess);
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.offlineReplica(QStringLiteral("an-mat.sen"), secret);
    createDocument(*replica, QStringLiteral("Không được lọt vào kho mật"));

    const Status status = f.sync(*replica, QStringLiteral("mat"), an);
    requireError(status, ErrorCode::PermissionDenied, QStringLiteral("may not replicate"));
    REQUIRE(status.message().contains(QStringLiteral("No Access")));
    REQUIRE(status.message().contains(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(f.waitForAudit(kRequestRefused, QStringLiteral("may not replicate")));

    f.setAccess(QStringLiteral("mat"), QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"), acl::AccessLevel::Editor);
    requireOk(f.sync(*replica, QStringLiteral("mat"), an)); // granted: the next sync goes through
    other.sync();
}

TEST_CASE("Access: a server of our certifier is in LocalDomainServers, a user of the same name is not",
          "[server][net]")
{
    // The hub's database gives only LocalDomainServers (Manager) access. A spoke's server ID
    // replicates; a *user* certificate named like that spoke is refused, as is the group
    // claimed by a user's name.
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"), acl::AccessLevel::NoAccess);
    f.setEntry(QStringLiteral("vanban"),
               acl::AclEntry::make(QStringLiteral("LocalDomainServers"), acl::AccessLevel::Manager,
                                   acl::EntryKind::Group));
    const QSslConfiguration spoke = f.otherServer(QStringLiteral("Quận 1"));
    const QSslConfiguration posing = f.user(QStringLiteral("Quận 1"));
    auto spokeReplica = f.offlineReplica(QStringLiteral("spoke.sen"), info);
    auto userReplica = f.offlineReplica(QStringLiteral("user.sen"), info);
    createDocument(*spokeReplica, QStringLiteral("Từ quận 1"));
    createDocument(*userReplica, QStringLiteral("Giả danh"));

    SessionStats stats;
    requireOk(f.sync(*spokeReplica, QStringLiteral("vanban"), spoke, &stats));
    REQUIRE(stats.sent == 1);
    requireError(f.sync(*userReplica, QStringLiteral("vanban"), posing), ErrorCode::PermissionDenied,
                 QStringLiteral("may not replicate"));
}
