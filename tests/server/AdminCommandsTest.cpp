// sen-server's admin commands, run in-process against a real data directory on disk: what
// they write, what they print, and how they fail.

#include "common/identity/IdFile.h"
#include "common/identity/PeerVerifier.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"
#include "server/admin/SenServer.h"
#include "server/audit/AuditHead.h"
#include "server/core/DataDirectory.h"
#include "tests/server/AdminRun.h"
#include "tests/support/TempDir.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

using test::kPassword;
using test::openData;
using test::openId;
using test::Run;
using test::S;
using SenServer = test::SenServer;

QJsonArray jsonArray(const QString& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    REQUIRE(document.isArray());
    return document.array();
}

} // namespace

TEST_CASE("Init creates the data directory and an admin ID that opens with the password", "[admin]")
{
    // A fresh directory is initialised for VPTU/HaNoi with Nguyễn Văn A as its administrator.
    SenServer senServer;
    senServer.init();
    for (const char* file : {"server.json", "secret", "certifier.id", "certifier.id.crl", "crl.der",
                             "server.id", "users.json", "groups.json", "logs/audit.jsonl", "logs/audit.head"})
        REQUIRE(QFile::exists(senServer.dataPath() + u'/' + QString::fromLatin1(file)));
    REQUIRE((QFile::permissions(senServer.dataPath() + S("/secret")) &
             (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);

    const server::DataDirectory dir = openData(senServer);
    REQUIRE(dir.org().toString() == S("VPTU/HaNoi"));
    REQUIRE(dir.serverName().toString() == S("sen-server/VPTU/HaNoi"));
    REQUIRE(dir.defaultListen() == S("127.0.0.1:1352"));

    const identity::Credentials admin = openId(senServer.path(S("admin.id")));
    REQUIRE(admin.name.toString() == S("Nguyễn Văn A/VPTU/HaNoi"));
    REQUIRE(admin.role == identity::CertificateRole::User);
    auto server = dir.serverCredentials();
    REQUIRE(server.isOk());
    REQUIRE(server->role == identity::CertificateRole::Server);

    auto crl = dir.currentCrlDer();
    REQUIRE(crl.isOk());
    auto verifier = identity::PeerVerifier::create(dir.certifierCertificateDer(), *crl);
    REQUIRE(verifier.isOk());
    REQUIRE(verifier->verify(admin.chainDer, QDateTime::currentDateTimeUtc()).isOk());
    REQUIRE(verifier->verify(server->chainDer, QDateTime::currentDateTimeUtc()).isOk());
}

TEST_CASE("Bad init: a second init of the same directory fails and leaves the first intact", "[admin]")
{
    // init runs twice on one directory, then once on a directory holding an unrelated file.
    SenServer senServer;
    senServer.init();
    const QByteArray config = test::readFile(senServer.dataPath() + S("/server.json"));
    const QString error = senServer.fails({S("init"), S("--org"), S("Khac"), S("--admin"), S("B"),
                                           S("--admin-id"), senServer.path(S("other.id"))});
    REQUIRE(error.contains(S("already holds a data directory")));
    REQUIRE(test::readFile(senServer.dataPath() + S("/server.json")) == config);
    REQUIRE_FALSE(QFile::exists(senServer.path(S("other.id"))));

    SenServer other;
    REQUIRE(QDir().mkpath(other.dataPath()));
    REQUIRE(test::writeFile(other.dataPath() + S("/notes.txt"), "mine"));
    REQUIRE(other
                .fails({S("init"), S("--org"), S("VPTU"), S("--admin"), S("B"), S("--admin-id"),
                        other.path(S("b.id"))})
                .contains(S("is not empty")));
}

TEST_CASE("Register issues an ID that opens with the password and carries NAME/ORG", "[admin]")
{
    // After init, Trần Thị B is registered and her ID file is opened with the password.
    SenServer senServer;
    senServer.init();
    const QString answer =
        senServer.ok({S("register"), S("--user"), S("Trần Thị B"), S("--id"), senServer.path(S("b.id"))});
    REQUIRE(answer.contains(S("Trần Thị B/VPTU/HaNoi")));
    const identity::Credentials b = openId(senServer.path(S("b.id")));
    REQUIRE(b.name.toString() == S("Trần Thị B/VPTU/HaNoi"));
    REQUIRE(openId(senServer.path(S("b.id"))).certifierDer() ==
            openData(senServer).certifierCertificateDer());
}

TEST_CASE("Bad register: a name that is already registered is refused", "[admin]")
{
    // The same name is registered twice, in another case the second time.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("register"), S("--user"), S("Trần Thị B"), S("--id"), senServer.path(S("b.id"))});
    REQUIRE(
        senServer.fails({S("register"), S("--user"), S("TRẦN THỊ B"), S("--id"), senServer.path(S("b2.id"))})
            .contains(S("already registered")));
    REQUIRE_FALSE(QFile::exists(senServer.path(S("b2.id"))));
}

TEST_CASE("Revoke puts the user's serial in the CRL and the peer verifier refuses the chain", "[admin]")
{
    // A running server's view of the directory is open while the user is revoked.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("register"), S("--user"), S("Lê C"), S("--id"), senServer.path(S("c.id"))});
    const identity::Credentials c = openId(senServer.path(S("c.id")));
    const server::DataDirectory running = openData(senServer);
    auto before =
        identity::PeerVerifier::create(running.certifierCertificateDer(), running.currentCrlDer().value());
    REQUIRE(before->verify(c.chainDer, QDateTime::currentDateTimeUtc()).isOk());

    senServer.ok({S("revoke"), S("--user"), S("Lê C")});
    auto after =
        identity::PeerVerifier::create(running.certifierCertificateDer(), running.currentCrlDer().value());
    REQUIRE(after.isOk());
    const auto info = identity::CertificateInfo::fromDer(c.leafDer());
    REQUIRE(after->revokedSerials().contains(info->serialHex));
    REQUIRE(after->verify(c.chainDer, QDateTime::currentDateTimeUtc()).code() == ErrorCode::PermissionDenied);
    REQUIRE(senServer.fails({S("revoke"), S("--user"), S("Lê C")}).contains(S("already revoked")));
    // The name is free again: a new registration gets a new certificate.
    senServer.ok({S("register"), S("--user"), S("Lê C"), S("--id"), senServer.path(S("c2.id"))});
}

TEST_CASE("db create, acl set and acl list agree in text and JSON", "[admin]")
{
    // A documents database gets an Author without create, a Designer without delete and a role.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("register"), S("--user"), S("Trần Thị B"), S("--id"), senServer.path(S("b.id"))});
    const QString replicaId = senServer.ok(
        {S("db"), S("create"), S("vanban"), S("--kind"), S("documents"), S("--title"), S("Văn bản")});
    REQUIRE(replicaId.size() == 32);
    senServer.ok({S("acl"), S("set"), S("vanban"), S("Trần Thị B/VPTU/HaNoi"), S("Author"), S("--no-create"),
                  S("--role"), S("VanThu"), S("--role"), S("[LanhDao]")});
    senServer.ok({S("acl"), S("set"), replicaId, S("*/VPTU/HaNoi"), S("dEsIgNeR"), S("--no-delete")});

    const QJsonArray entries = jsonArray(senServer.ok({S("acl"), S("list"), S("vanban"), S("--json")}));
    REQUIRE(entries.size() == 6);
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& entry : entries)
        byName.insert(entry[S("name")].toString(), entry.toObject());
    REQUIRE(byName[S("-Default-")][S("level")] == S("noaccess"));
    REQUIRE(byName[S("LocalDomainServers")][S("level")] == S("manager"));
    REQUIRE(byName[S("LocalDomainServers")][S("kind")] == S("group"));
    REQUIRE(byName[S("Nguyễn Văn A/VPTU/HaNoi")][S("level")] == S("manager"));
    REQUIRE(byName[S("sen-server/VPTU/HaNoi")][S("kind")] == S("server"));
    const QJsonObject b = byName[S("Trần Thị B/VPTU/HaNoi")];
    REQUIRE(b[S("kind")] == S("person"));
    REQUIRE(b[S("level")] == S("author"));
    REQUIRE(b[S("create")] == false);
    REQUIRE(b[S("replicate")] == true);
    REQUIRE(b[S("roles")] == QJsonArray{S("[LanhDao]"), S("[VanThu]")});
    const QJsonObject wildcard = byName[S("*/VPTU/HaNoi")];
    REQUIRE(wildcard[S("level")] == S("designer"));
    REQUIRE(wildcard[S("create")] == true);
    REQUIRE(wildcard[S("delete")] == false);

    const QString text = senServer.ok({S("acl"), S("list"), S("vanban")});
    REQUIRE(text.startsWith(S("NAME")));
    REQUIRE(text.contains(S("[LanhDao] [VanThu]")));
    REQUIRE(senServer.fails({S("acl"), S("set"), S("vanban"), S("X"), S("editor"), S("--no-create")})
                .contains(S("always has the create right")));
    REQUIRE(senServer.fails({S("acl"), S("set"), S("vanban"), S("X"), S("boss")})
                .contains(S("unknown access level")));
}

TEST_CASE("acl set grants an Editor the delete right and an Author the create right back", "[admin]")
{
    // The IT centre gives an Editor the delete right, then an Author with --create and an explicit
    // --no-create each get what they ask for; what a level cannot change is refused.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    senServer.ok({S("acl"), S("set"), S("vanban"), S("Biên Tập/VPTU/HaNoi"), S("editor"), S("--delete")});
    senServer.ok({S("acl"), S("set"), S("vanban"), S("Tác Giả/VPTU/HaNoi"), S("author"), S("--create"),
                  S("--delete")});
    senServer.ok(
        {S("acl"), S("set"), S("vanban"), S("Thiết Kế/VPTU/HaNoi"), S("designer"), S("--no-delete")});

    const QJsonArray entries = jsonArray(senServer.ok({S("acl"), S("list"), S("vanban"), S("--json")}));
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& entry : entries)
        byName.insert(entry[S("name")].toString(), entry.toObject());
    REQUIRE(byName[S("Biên Tập/VPTU/HaNoi")][S("delete")] == true);
    REQUIRE(byName[S("Biên Tập/VPTU/HaNoi")][S("create")] == true);
    REQUIRE(byName[S("Tác Giả/VPTU/HaNoi")][S("create")] == true);
    REQUIRE(byName[S("Tác Giả/VPTU/HaNoi")][S("delete")] == true);
    REQUIRE(byName[S("Thiết Kế/VPTU/HaNoi")][S("delete")] == false);

    REQUIRE(senServer.fails({S("acl"), S("set"), S("vanban"), S("X"), S("reader"), S("--delete")})
                .contains(S("can never have the delete right")));
    REQUIRE(
        senServer
            .fails({S("acl"), S("set"), S("vanban"), S("X"), S("author"), S("--delete"), S("--no-delete")})
            .contains(S("contradict")));
}

TEST_CASE("Bad database: acl set on an unknown database fails with one clear line", "[admin]")
{
    // No database named "khongco" exists in the directory.
    SenServer senServer;
    senServer.init();
    const QString error = senServer.fails({S("acl"), S("set"), S("khongco"), S("X/VPTU/HaNoi"), S("reader")});
    REQUIRE(error.contains(S("no database \"khongco\"")));
}

TEST_CASE("Backup produces a file that opens as a replica with the same documents", "[admin]")
{
    // A database holding three documents besides its default catalogue entries is backed up
    // and the copy is opened.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("db"), S("create"), S("tintuc"), S("--kind"), S("news")});
    std::int64_t entries = 0;
    {
        auto store = ReplicaStore::open(openData(senServer).databasePath(S("tintuc")));
        REQUIRE(store.isOk());
        entries = (*store)->documentCount().value();
        CHECK(entries == 5); // docs/catalogues.md: the news categories
        for (int i = 0; i < 3; ++i)
            REQUIRE(
                (*store)
                    ->save(DocumentEdit::create(S("Tin")).set(Item::text(S("TieuDe"), S("Tin số %1").arg(i))))
                    .isOk());
    }
    senServer.ok({S("backup"), S("tintuc"), senServer.path(S("tintuc-backup.sen"))});
    auto copy = ReplicaStore::open(senServer.path(S("tintuc-backup.sen")));
    REQUIRE(copy.isOk());
    REQUIRE((*copy)->integrityCheck().isOk());
    REQUIRE((*copy)->documentCount().value() == entries + 3);
    REQUIRE((*copy)->info().kind == DatabaseKind::News);
    REQUIRE(senServer.fails({S("backup"), S("tintuc"), senServer.path(S("tintuc-backup.sen"))})
                .contains(S("already exists")));
}

TEST_CASE("replicas lists every peer a database has synced with", "[admin]")
{
    // One peer instance is recorded in a database's replication log, as a session would.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("db"), S("create"), S("lich"), S("--kind"), S("calendar")});
    const InstanceId peer = newInstanceId();
    {
        auto store = ReplicaStore::open(openData(senServer).databasePath(S("lich")));
        REQUIRE(store.isOk());
        ReplicationLog& log = (*store)->replication().log();
        REQUIRE(log.noteCounter(peer, S("huyen-a/VPTU/HaNoi"), 42).isOk());
        HistoryEntry session;
        session.peer = peer;
        session.peerName = S("huyen-a/VPTU/HaNoi");
        session.startedMs = session.finishedMs = QDateTime::currentMSecsSinceEpoch();
        REQUIRE(log.record(session).isOk());
    }
    const QJsonArray rows = jsonArray(senServer.ok({S("replicas"), S("--json")}));
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0][S("database")] == S("lich"));
    REQUIRE(rows[0][S("instance")] == peer.toHex());
    REQUIRE(rows[0][S("highestCounter")].toInteger() == 42);
    REQUIRE(rows[0][S("lastStatus")] == S("Ok"));
    REQUIRE(rows[0][S("lastSync")].toString().endsWith(u'Z'));
    const QString text = senServer.ok({S("replicas"), S("lich")});
    REQUIRE(text.contains(peer.toHex()));
    REQUIRE(text.contains(S("huyen-a/VPTU/HaNoi")));
}

TEST_CASE("audit verify passes after admin commands and fails after a tampered line", "[admin]")
{
    // Several commands are audited; then one record's detail is edited in place.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("register"), S("--user"), S("Trần Thị B"), S("--id"), senServer.path(S("b.id"))});
    senServer.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    senServer.ok({S("acl"), S("set"), S("vanban"), S("Trần Thị B/VPTU/HaNoi"), S("editor")});
    REQUIRE(senServer.ok({S("audit"), S("verify")}).startsWith(S("ok: 4 records")));

    const QString log = senServer.dataPath() + S("/logs/audit.jsonl");
    QByteArray bytes = test::readFile(log);
    REQUIRE(bytes.contains("admin.user_register"));
    REQUIRE(bytes.contains("admin.acl_set"));
    bytes.replace("registered Tr", "registered Xx");
    REQUIRE(test::writeFile(log, bytes));
    const Run run = senServer({S("audit"), S("verify")});
    REQUIRE(run.code == 1);
    INFO(run.out.toStdString());
    REQUIRE(run.out.startsWith(S("FAILED after 1 good records: line 2: hash mismatch")));
    REQUIRE(run.err.trimmed() == S("sen-server: the audit log is broken: line 2: hash mismatch"));
}

TEST_CASE("Bad password: register without SEN_PASSWORD or with an empty one fails clearly", "[admin]")
{
    // The password comes from nowhere, then from an empty variable, then from an empty file.
    SenServer senServer;
    senServer.init();
    senServer.env().remove(S("SEN_PASSWORD"));
    const QStringList registerD = {S("register"), S("--user"), S("D"), S("--id"), senServer.path(S("d.id"))};
    REQUIRE(senServer.fails(registerD).contains(S("set SEN_PASSWORD or give --password-file")));
    senServer.env().insert(S("SEN_PASSWORD"), QString());
    REQUIRE(senServer.fails(registerD).contains(S("SEN_PASSWORD is empty")));
    REQUIRE(test::writeFile(senServer.path(S("pw.txt")), "\nsecond line"));
    REQUIRE(senServer.fails(registerD + QStringList{S("--password-file"), senServer.path(S("pw.txt"))})
                .contains(S("is empty")));
    REQUIRE_FALSE(QFile::exists(senServer.path(S("d.id"))));

    REQUIRE(test::writeFile(senServer.path(S("pw.txt")), "mật khẩu từ tệp\r\n"));
    senServer.ok(registerD + QStringList{S("--password-file"), senServer.path(S("pw.txt"))});
    REQUIRE(openId(senServer.path(S("d.id")), S("mật khẩu từ tệp")).name.toString() == S("D/VPTU/HaNoi"));
}

TEST_CASE("Weak password: init and register refuse a short password and accept a strong one", "[admin]")
{
    // An administrator types "123456" for the first ID file, then for a user's; both are refused with
    // the rule spelled out and no file written, and a compliant password goes through.
    SenServer senServer;
    senServer.env().insert(S("SEN_PASSWORD"), S("123456"));
    const QStringList init = {S("init"),
                              S("--org"),
                              S("VPTU/HaNoi"),
                              S("--admin"),
                              S("Nguyễn Văn A"),
                              S("--admin-id"),
                              senServer.path(S("admin.id"))};
    REQUIRE(senServer.fails(init).contains(S("too weak: use at least 10 characters")));
    REQUIRE_FALSE(QFile::exists(senServer.path(S("admin.id"))));
    senServer.env().insert(S("SEN_PASSWORD"), kPassword);
    senServer.ok(init);

    const QStringList registerE = {S("register"), S("--user"), S("E"), S("--id"), senServer.path(S("e.id"))};
    senServer.env().insert(S("SEN_PASSWORD"), S("matkhau1"));
    REQUIRE(senServer.fails(registerE).contains(S("too weak")));
    REQUIRE(test::writeFile(senServer.path(S("weak.txt")), "abc\n"));
    REQUIRE(senServer.fails(registerE + QStringList{S("--password-file"), senServer.path(S("weak.txt"))})
                .contains(S("too weak")));
    REQUIRE_FALSE(QFile::exists(senServer.path(S("e.id"))));
    senServer.env().insert(S("SEN_PASSWORD"), S("MatKhau#8"));
    senServer.ok(registerE);
    REQUIRE(openId(senServer.path(S("e.id")), S("MatKhau#8")).name.toString() == S("E/VPTU/HaNoi"));
}

TEST_CASE("Bad command line: usage errors exit 2 and other commands need a data directory", "[admin]")
{
    // Missing operands, an unknown option, a command the build lacks, and a directory never initialised.
    SenServer senServer;
    REQUIRE(senServer({S("acl"), S("list")}).code == 2);
    REQUIRE(senServer({S("backup"), S("x"), S("y"), S("--json")}).code == 2);
    REQUIRE(senServer({S("frobnicate")}).code == 2);
    REQUIRE(senServer({S("init"), S("--org"), S("VPTU")}).code == 2);
    REQUIRE(
        senServer.fails({S("replicas")}).contains(S("is not a sen-server data directory (no server.json)")));
    // run's bound on pending numbers is a whole number of 1 or more.
    senServer.init();
    for (const QString& bad : {S("0"), S("-3"), S("many")}) {
        const Run run = senServer({S("run"), S("--max-pending-numbers"), bad});
        REQUIRE(run.code == 2);
        REQUIRE(run.err.contains(S("--max-pending-numbers N with N a whole number of 1 or more")));
    }
}

TEST_CASE("audit verify fails while a log_tail_missing record stands unacknowledged", "[admin][audit]")
{
    // Records are cut off the end of the log. The next command's append records the loss;
    // verification keeps failing (exit 1) until an administrator acknowledges that record.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    senServer.ok({S("db"), S("create"), S("lich"), S("--kind"), S("calendar")});
    const QString log = senServer.dataPath() + S("/logs/audit.jsonl");
    QList<QByteArray> lines = test::readFile(log).split('\n');
    lines.removeLast(); // after the final '\n'
    lines.removeLast(); // the second db create
    REQUIRE(test::writeFile(log, QByteArray(lines.join('\n') + '\n')));

    Run run = senServer({S("audit"), S("verify")});
    REQUIRE(run.code == 1);
    REQUIRE(run.out.contains(S("records were removed from the end")));
    REQUIRE(test::readFile(log).contains(R"("kind":"log_tail_missing")"));

    run = senServer({S("audit"), S("verify")});
    INFO(run.out.toStdString());
    REQUIRE(run.code == 1);
    REQUIRE(run.out.contains(S("no administrator has acknowledged it")));
    const qint64 seq = lines.size() + 1; // the log_tail_missing record follows the kept ones

    REQUIRE(senServer.fails({S("audit"), S("acknowledge"), QString::number(seq - 1), S("--note"), S("x")})
                .contains(S("needs no acknowledgement")));
    senServer.ok({S("audit"), S("acknowledge"), QString::number(seq), S("--note"),
                  S("đã đối chiếu với bản in ngày 01/12")});
    REQUIRE(senServer.ok({S("audit"), S("verify")}).startsWith(S("ok: ")));
}

TEST_CASE("Bad register: a name the ACL would take for another user's is refused", "[admin]")
{
    // Quản trị "Quan Tri" is registered; then "CN=Quan Tri" (whose ACL key is Quan Tri's), a
    // name with a zero-width space and " quan tri " in another case are each refused.
    SenServer senServer;
    senServer.init();
    senServer.ok({S("register"), S("--user"), S("Quan Tri"), S("--id"), senServer.path(S("qt.id"))});
    REQUIRE(
        senServer.fails({S("register"), S("--user"), S("CN=Quan Tri"), S("--id"), senServer.path(S("x1.id"))})
            .contains(S("label")));
    REQUIRE(
        senServer.fails({S("register"), S("--user"), S("cn = Lê C"), S("--id"), senServer.path(S("x2.id"))})
            .contains(S("label")));
    REQUIRE(
        senServer
            .fails({S("register"), S("--user"), S("Quan\u200bTri"), S("--id"), senServer.path(S("x3.id"))})
            .contains(S("invisible")));
    REQUIRE(
        senServer.fails({S("register"), S("--user"), S(" quan TRI "), S("--id"), senServer.path(S("x4.id"))})
            .contains(S("already registered")));
    for (const char* file : {"x1.id", "x2.id", "x3.id", "x4.id"})
        REQUIRE_FALSE(QFile::exists(senServer.path(S(file))));
}
