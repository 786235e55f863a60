// The audit log the network side writes: after a day's worth of good and bad connections its
// hash chain verifies and every kind of event is in it, with the actor where one is known.

#include "server/audit/AuditEvent.h"
#include "server/audit/AuditVerifier.h"
#include "tests/server/Bystander.h"
#include "tests/server/RawClient.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

TEST_CASE("The audit chain verifies after logins, refused logins and refused requests", "[server][net]")
{
    // A good sync, a revoked user, a foreign certificate, garbage after the handshake and a
    // HELLO for a missing database, then the log is verified end to end.
    const QString login = QString::fromUtf16(server::audit::kLogin);
    const QString loginRefused = QString::fromUtf16(server::audit::kLoginRefused);
    const QString requestRefused = QString::fromUtf16(server::audit::kRequestRefused);
    ServerFixture f;
    const ReplicaInfo info = f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    other.sync();

    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto replica = f.offlineReplica(QStringLiteral("an.sen"), info);
    f.revoke(QStringLiteral("Nguyễn Văn An"));
    REQUIRE(!f.sync(*replica, QStringLiteral("vanban"), an).isOk());
    REQUIRE(!f.sync(*replica, QStringLiteral("vanban"), f.foreignUser(QStringLiteral("Mallory"))).isOk());
    auto garbage = RawClient::tls(f.port(), f.user(QStringLiteral("Trần Thị Bình")));
    REQUIRE(garbage->waitConnected());
    garbage->send(QByteArrayLiteral("GET / HTTP/1.1\r\nHost: sen\r\n\r\n"));
    REQUIRE(garbage->waitClosed());
    auto missing = RawClient::tls(f.port(), f.user(QStringLiteral("Hoàng Văn Dũng")));
    REQUIRE(missing->waitConnected());
    missing->send(helloFrame(QStringLiteral("khongco"), QStringLiteral("Hoàng Văn Dũng/VPTU/HaNoi")));
    REQUIRE(missing->waitClosed());
    other.sync();

    REQUIRE(f.waitForAudit(loginRefused, QStringLiteral("revoked")));
    REQUIRE(f.waitForAudit(loginRefused, QStringLiteral("certificate")));
    REQUIRE(f.waitForAudit(requestRefused, QStringLiteral("khongco")));
    REQUIRE(f.waitForAudit(requestRefused));
    const auto report = server::verifyAuditLog(f.auditPath());
    REQUIRE(report.isOk());
    INFO(report->summary().toStdString());
    REQUIRE(report->ok);

    const QList<server::AuditRecord> records = f.auditRecords();
    REQUIRE(report->records == records.size());
    const auto by = [&](const QString& kind, const QString& actor) {
        return std::any_of(records.begin(), records.end(), [&](const server::AuditRecord& r) {
            return r.kind == kind && r.actor == actor && r.peer.startsWith(QStringLiteral("127.0.0.1:"));
        });
    };
    REQUIRE(by(login, QStringLiteral("Lê Văn Cường/VPTU/HaNoi")));
    REQUIRE(by(requestRefused, QStringLiteral("Trần Thị Bình/VPTU/HaNoi")));
    REQUIRE(by(requestRefused, QStringLiteral("Hoàng Văn Dũng/VPTU/HaNoi")));
    REQUIRE(by(loginRefused, QStringLiteral("-"))); // refused before the peer was known
}
