// Further servers of one organisation (issue #16, docs/servers.md): the hub's `server add`
// issues a server ID, `init --server-id` makes a spoke's data directory from it, and what a
// spoke must leave to the hub is refused there. Admin commands run in-process on real files.

#include "common/identity/CertificateInfo.h"
#include "common/identity/PeerVerifier.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "server/core/UserRegistry.h"
#include "tests/server/AdminRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;
using test::openData;
using test::openId;
using test::S;
using test::SenServer;

namespace {

// A hub (VPTU/HaNoi) that issued the ID of "Quan 1" into `idPath`.
QString addServer(const SenServer& hub, const QString& name, const QString& idPath)
{
    return hub.ok({S("server"), S("add"), name, S("--id"), idPath, S("--host"), S("quan1.vptu.local")});
}

// A spoke initialised from `idPath`, in its own temporary folder with the same password.
struct Spoke
{
    SenServer run;
    QString init(const QString& idPath) const { return run.ok({S("init"), S("--server-id"), idPath}); }
};

} // namespace

TEST_CASE("server add issues a server ID of the organisation's certifier, recorded and audited",
          "[admin][servers]")
{
    // The hub's administrator issues the ID of the district server "Quan 1".
    SenServer hub;
    hub.init();
    const QString idPath = hub.path(S("quan1.id"));
    const QString answer = addServer(hub, S("Quan 1"), idPath);
    REQUIRE(answer.contains(S("Quan 1/VPTU/HaNoi")));

    const identity::Credentials id = openId(idPath);
    REQUIRE(id.role == identity::CertificateRole::Server);
    REQUIRE(id.name.toString() == S("Quan 1/VPTU/HaNoi"));
    const server::DataDirectory dir = openData(hub);
    REQUIRE(dir.holdsCertifier());
    REQUIRE(id.certifierDer() == dir.certifierCertificateDer());
    const auto info = identity::CertificateInfo::fromDer(id.leafDer());
    REQUIRE(info.isOk());
    auto verifier =
        identity::PeerVerifier::create(dir.certifierCertificateDer(), dir.currentCrlDer().value());
    REQUIRE(verifier->verify(id.chainDer, QDateTime::currentDateTimeUtc()).isOk());

    auto servers = server::UserRegistry::load(dir.serversPath());
    REQUIRE(servers.isOk());
    const server::RegisteredUser* recorded = servers->findActive(id.name);
    REQUIRE(recorded != nullptr);
    REQUIRE(recorded->certificates.constFirst().serialHex == info->serialHex);
    REQUIRE(test::readFile(dir.auditLogPath()).contains("admin.server_add"));

    // acl set knows the name as a server's.
    hub.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    hub.ok({S("acl"), S("set"), S("vanban"), S("Quan 1/VPTU/HaNoi"), S("manager")});
    const QJsonDocument acl =
        QJsonDocument::fromJson(hub.ok({S("acl"), S("list"), S("vanban"), S("--json")}).toUtf8());
    bool found = false;
    for (const QJsonValue& entry : acl.array()) {
        if (entry[QStringLiteral("name")].toString() == S("Quan 1/VPTU/HaNoi")) {
            found = true;
            REQUIRE(entry[QStringLiteral("kind")].toString() == S("server"));
        }
    }
    REQUIRE(found);
}

TEST_CASE("Bad server add: a taken name, a user's name, the hub's own name, an existing file",
          "[admin][servers]")
{
    // Each refusal leaves no ID file behind.
    SenServer hub;
    hub.init();
    addServer(hub, S("Quan 1"), hub.path(S("quan1.id")));
    REQUIRE(hub.fails({S("server"), S("add"), S("QUAN 1"), S("--id"), hub.path(S("again.id"))})
                .contains(S("already has a server ID")));
    REQUIRE(hub.fails({S("server"), S("add"), S("Nguyễn Văn A"), S("--id"), hub.path(S("admin-name.id"))})
                .contains(S("registered user")));
    REQUIRE(hub.fails({S("server"), S("add"), S("sen-server"), S("--id"), hub.path(S("own.id"))})
                .contains(S("own name")));
    REQUIRE(hub.fails({S("server"), S("add"), S("Quan 2"), S("--id"), hub.path(S("quan1.id"))})
                .contains(S("already exists")));
    for (const char* file : {"again.id", "admin-name.id", "own.id"})
        REQUIRE_FALSE(QFile::exists(hub.path(S(file))));
    const test::Run usage = hub({S("server"), S("add"), S("Quan 2")});
    REQUIRE(usage.code == 2);
    REQUIRE(usage.err.contains(S("server add NAME --id FILE")));
}

TEST_CASE("init --server-id makes a spoke that trusts the hub's certifier and holds no certifier",
          "[admin][servers]")
{
    // The ID file travels to the district's machine, which is initialised from it.
    SenServer hub;
    hub.init();
    const QString idPath = hub.path(S("quan1.id"));
    addServer(hub, S("Quan 1"), idPath);
    const QByteArray carried = test::readFile(idPath);

    Spoke spoke;
    const QString answer = spoke.init(idPath);
    REQUIRE(answer.contains(S("Quan 1/VPTU/HaNoi")));
    REQUIRE(test::readFile(idPath) == carried);
    for (const char* file :
         {"server.json", "secret", "server.id", "users.json", "groups.json", "logs/audit.jsonl"})
        REQUIRE(QFile::exists(spoke.run.dataPath() + u'/' + QString::fromLatin1(file)));
    for (const char* file : {"certifier.id", "certifier.id.crl", "crl.der"})
        REQUIRE_FALSE(QFile::exists(spoke.run.dataPath() + u'/' + QString::fromLatin1(file)));

    const server::DataDirectory dir = openData(spoke.run);
    REQUIRE_FALSE(dir.holdsCertifier());
    REQUIRE(dir.org().toString() == S("VPTU/HaNoi"));
    REQUIRE(dir.serverName().toString() == S("Quan 1/VPTU/HaNoi"));
    REQUIRE(dir.config().admin.isNull());
    REQUIRE(dir.certifierCertificateDer() == openData(hub).certifierCertificateDer());
    // The ID is sealed again under the spoke's own secret: the daemon starts unattended.
    auto credentials = dir.serverCredentials();
    REQUIRE(credentials.isOk());
    REQUIRE(credentials->leafDer() == openId(idPath).leafDer());
    REQUIRE(test::readFile(dir.serverIdPath()) != carried);
    REQUIRE(test::readFile(dir.auditLogPath()).contains("a further server of VPTU/HaNoi"));

    // What the hub decides is refused at the spoke, and changes nothing.
    const QByteArray users = test::readFile(dir.usersPath());
    for (const QStringList& words :
         {QStringList{S("register"), S("--user"), S("Trần Thị B"), S("--id"), spoke.run.path(S("b.id"))},
          QStringList{S("server"), S("add"), S("Quan 2"), S("--id"), spoke.run.path(S("q2.id"))},
          QStringList{S("revoke"), S("--user"), S("Nguyễn Văn A")},
          QStringList{S("acl"), S("set"), S("vanban"), S("Trần Thị B/VPTU/HaNoi"), S("manager")},
          QStringList{S("db"), S("create"), S("moi"), S("--kind"), S("documents")}})
        REQUIRE(spoke.run.fails(words).contains(S("organisation's hub")));
    REQUIRE_FALSE(QFile::exists(spoke.run.path(S("b.id"))));
    REQUIRE_FALSE(QFile::exists(spoke.run.path(S("q2.id"))));
    REQUIRE_FALSE(QFile::exists(dir.databasePath(S("moi"))));
    REQUIRE(test::readFile(dir.usersPath()) == users);
}

TEST_CASE("Bad init --server-id: a wrong password, a user's ID, hub options, a used directory",
          "[admin][servers]")
{
    SenServer hub;
    hub.init();
    const QString idPath = hub.path(S("quan1.id"));
    addServer(hub, S("Quan 1"), idPath);

    Spoke wrongPassword;
    wrongPassword.run.env().insert(S("SEN_PASSWORD"), S("một mật khẩu khác hẳn"));
    wrongPassword.run.fails({S("init"), S("--server-id"), idPath});
    REQUIRE_FALSE(QFile::exists(wrongPassword.run.dataPath() + S("/server.json")));

    Spoke userId;
    REQUIRE(userId.run.fails({S("init"), S("--server-id"), hub.path(S("admin.id"))})
                .contains(S("not a server's")));
    REQUIRE_FALSE(QFile::exists(userId.run.dataPath() + S("/server.json")));

    Spoke mixed;
    const test::Run mixedRun = mixed.run({S("init"), S("--server-id"), idPath, S("--org"), S("Khac")});
    REQUIRE(mixedRun.code == 2);
    REQUIRE(mixedRun.err.contains(S("--org is for the hub's init")));
    REQUIRE_FALSE(QFile::exists(mixed.run.dataPath() + S("/server.json")));

    // The hub's own directory cannot be made a spoke.
    REQUIRE(hub.fails({S("init"), S("--server-id"), idPath}).contains(S("already holds a data directory")));
}

TEST_CASE("revoke --server puts a server's serial in the hub's CRL", "[admin][servers]")
{
    SenServer hub;
    hub.init();
    const QString idPath = hub.path(S("quan1.id"));
    addServer(hub, S("Quan 1"), idPath);
    const identity::Credentials id = openId(idPath);
    hub.ok({S("revoke"), S("--server"), S("Quan 1")});
    const server::DataDirectory dir = openData(hub);
    auto verifier =
        identity::PeerVerifier::create(dir.certifierCertificateDer(), dir.currentCrlDer().value());
    REQUIRE(verifier->verify(id.chainDer, QDateTime::currentDateTimeUtc()).code() ==
            ErrorCode::PermissionDenied);
    REQUIRE(hub.fails({S("revoke"), S("--server"), S("Quan 1")}).contains(S("already revoked")));
    REQUIRE(hub.fails({S("revoke"), S("--server"), S("Quan 9")}).contains(S("not a registered server")));
    REQUIRE(test::readFile(dir.auditLogPath()).contains("admin.server_revoke"));
}

TEST_CASE("db create --numbered-by names the server that numbers the registers; an unknown one is refused",
          "[admin][servers][numbering]")
{
    SenServer hub;
    hub.init();
    addServer(hub, S("Quan 1"), hub.path(S("quan1.id")));
    hub.ok(
        {S("db"), S("create"), S("vanban-q1"), S("--kind"), S("documents"), S("--numbered-by"), S("Quan 1")});
    const server::DataDirectory dir = openData(hub);
    auto store = ReplicaStore::open(dir.databasePath(S("vanban-q1")));
    REQUIRE(store.isOk());
    REQUIRE((*store)->setting(QString::fromUtf16(registers::kNumberedBySetting)).value() ==
            S("Quan 1/VPTU/HaNoi"));
    REQUIRE(test::readFile(dir.auditLogPath()).contains("numbered by Quan 1/VPTU/HaNoi"));

    REQUIRE(hub.fails({S("db"), S("create"), S("vanban-q9"), S("--kind"), S("documents"), S("--numbered-by"),
                       S("Quan 9")})
                .contains(S("neither this server nor a server it issued an ID to")));
    REQUIRE(hub.fails({S("db"), S("create"), S("lich"), S("--kind"), S("calendar"), S("--numbered-by"),
                       S("Quan 1")})
                .contains(S("documents database")));
    REQUIRE_FALSE(QFile::exists(dir.databasePath(S("vanban-q9"))));
    REQUIRE_FALSE(QFile::exists(dir.databasePath(S("lich"))));
}
