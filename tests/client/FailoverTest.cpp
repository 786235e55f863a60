// Failover (issue #16, docs/client.md §Failover): a replica lists several servers; a sync
// tries them in order while one does not answer, names the one that did, and stops at a
// server that refuses us. Two real TLS servers of one certifier on loopback (ServerFixture
// and its mirror), the second's database replicated from the first's by a Session over a
// memory link, as two servers of an office replicate; senctl in-process, SyncController for
// the desktop client.

#include "client/sync/Connectivity.h"
#include "client/sync/ReplicaServers.h"
#include "common/acl/Acl.h"
#include "replication/session/Session.h"
#include "replication/transport/MemoryTransport.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/server/SenctlRun.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace sen;
using client::ReplicaServers::parse;
using test::senctl;
using test::senctlOk;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kVanBan = QStringLiteral("vanban");
const QString kUser = QStringLiteral("Nguyễn Văn An");

QString local(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}

// A loopback port nothing listens on: connections to it are refused.
quint16 deadPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// One session between two servers' files, as their servers replicate (no access policy).
void replicate(const QString& from, const QString& to)
{
    auto a = ReplicaStore::open(from);
    auto b = ReplicaStore::open(to);
    REQUIRE(a.isOk());
    REQUIRE(b.isOk());
    MemoryLink link;
    SessionOptions initiatorOptions;
    initiatorOptions.localName = QStringLiteral("sen-server/VPTU/HaNoi");
    SessionOptions responderOptions;
    responderOptions.localName = QStringLiteral("sen-server-b/VPTU/HaNoi");
    Session initiator(Session::Role::Initiator, **a, link.a(), initiatorOptions);
    Session responder(Session::Role::Responder, **b, link.b(), responderOptions);
    QEventLoop loop;
    const auto maybeQuit = [&] {
        if (initiator.isFinished() && responder.isFinished())
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    QObject::connect(&initiator, &Session::finished, &loop, maybeQuit);
    QObject::connect(&responder, &Session::finished, &loop, maybeQuit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    initiator.start();
    loop.exec();
    link.a().close();
    link.b().close();
    INFO(initiator.result().toString().toStdString());
    REQUIRE(initiator.result().isOk());
    REQUIRE(responder.result().isOk());
}

// The mirror's replica of `database`: the first server's replica ID and ACL, then its documents.
void mirror(ServerFixture& f, const QString& database)
{
    auto first = ReplicaStore::open(f.serverPath(database));
    REQUIRE(first.isOk());
    ReplicaCreateOptions options;
    options.replicaId = (*first)->info().replicaId;
    options.title = (*first)->info().title;
    options.kind = (*first)->info().kind;
    auto second = ReplicaStore::create(f.mirrorPath(database), options);
    REQUIRE(second.isOk());
    auto acl = (*first)->loadAcl();
    REQUIRE(acl.isOk());
    REQUIRE((*second)->saveAcl(*acl).isOk());
    first->reset();
    second->reset();
    replicate(f.serverPath(database), f.mirrorPath(database));
}

// A workspace logged in as kUser, with SEN_PASSWORD set for senctl.
struct Office
{
    explicit Office(ServerFixture& f) : office(f, kUser) { qputenv("SEN_PASSWORD", "mật khẩu 2026"); }
    QString home() const { return office.workspace.home(); }
    test::SenctlRun run(const QStringList& words) const { return senctl(home(), words); }
    QString ok(const QStringList& words) const { return senctlOk(home(), words); }
    QJsonObject listed(const QString& name) const
    {
        const QJsonArray all =
            QJsonDocument::fromJson(
                ok({QStringLiteral("replica"), QStringLiteral("list"), QStringLiteral("--json")}).toUtf8())
                .array();
        for (const QJsonValue& value : all)
            if (value.toObject()[QStringLiteral("name")].toString() == name)
                return value.toObject();
        FAIL("no replica " << name.toStdString());
        return {};
    }
    SyncTestOffice office;
};

// The one report of `senctl sync DB --json`.
QJsonObject syncReport(const Office& office, const QString& database)
{
    const QJsonArray reports =
        QJsonDocument::fromJson(
            office.ok({QStringLiteral("sync"), database, QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(reports.size() == 1);
    return reports[0].toObject();
}

// The changes the user is told a server refused (`senctl refused list DB --json`).
QJsonArray refusedChanges(const Office& office, const QString& database)
{
    return QJsonDocument::fromJson(office
                                       .ok({QStringLiteral("refused"), QStringLiteral("list"), database,
                                            QStringLiteral("--json")})
                                       .toUtf8())
        .array();
}

// The servers the replica tries, in order (`senctl replica servers DB LIST`).
void tryServers(const Office& office, const QString& database, const QString& list)
{
    office.ok({QStringLiteral("replica"), QStringLiteral("servers"), database, list});
}

// Other people's work written at a server's file: an edit of `edited`, the deletion of `deleted`.
void changeAtServer(const QString& path, const Unid& edited, const std::optional<Unid>& deleted)
{
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    REQUIRE((*store)
                ->save(DocumentEdit::update(edited).set(
                    Item::text(QStringLiteral("TrichYeu"), QStringLiteral("sửa tại máy chủ A"))))
                .isOk());
    if (deleted)
        REQUIRE((*store)->remove(*deleted).isOk());
}

// Whether the client's replica still has a row (live or a stub) for `unid`.
bool clientHolds(const Office& office, const QString& database, const Unid& unid)
{
    auto store = ReplicaStore::open(office.office.workspace.replicaPath(database));
    REQUIRE(store.isOk());
    const auto header = (*store)->replication().findHeader(unid);
    REQUIRE(header.isOk());
    return header->has_value();
}

} // namespace

TEST_CASE("Failover: the first server down, senctl syncs with the second and names it", "[client][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 3);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString dead = local(deadPort());

    // The first server of the list does not answer: the replica is described and filled by the
    // second, and the output says so.
    const QString added =
        office.ok({QStringLiteral("replica"), QStringLiteral("add"), dead + u',' + local(second), kVanBan});
    INFO(added.toStdString());
    REQUIRE(added.contains(dead + QStringLiteral(": did not answer (")));
    REQUIRE(added.contains(
        QStringLiteral("vanban synced with %1 (sen-server-b/VPTU/HaNoi): received 3").arg(local(second))));
    REQUIRE(office.office.unids(kVanBan) == test::serverUnids(f, kVanBan));

    const QJsonObject listed = office.listed(kVanBan);
    REQUIRE(listed[QStringLiteral("servers")].toArray() == QJsonArray{dead, local(second)});
    REQUIRE(listed[QStringLiteral("lastServer")].toString() == local(second));
    REQUIRE(listed[QStringLiteral("lastServerName")].toString() == QStringLiteral("sen-server-b/VPTU/HaNoi"));

    const QJsonArray reports =
        QJsonDocument::fromJson(
            office.ok({QStringLiteral("sync"), kVanBan, QStringLiteral("--json")}).toUtf8())
            .array();
    REQUIRE(reports.size() == 1);
    const QJsonObject report = reports[0].toObject();
    REQUIRE(report[QStringLiteral("ok")].toBool());
    REQUIRE(report[QStringLiteral("server")].toString() == local(second));
    REQUIRE(report[QStringLiteral("serverName")].toString() == QStringLiteral("sen-server-b/VPTU/HaNoi"));
    REQUIRE(report[QStringLiteral("passedOver")].toArray().size() == 1);
    REQUIRE(
        report[QStringLiteral("passedOver")].toArray()[0].toObject()[QStringLiteral("server")].toString() ==
        dead);
    REQUIRE(report[QStringLiteral("received")].toInt() == 0);
}

TEST_CASE("Failover: synced with A, then A is down and B serves; nothing is lost or duplicated",
          "[client][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 3);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString first = local(f.port());

    const QString added =
        office.ok({QStringLiteral("replica"), QStringLiteral("add"), first + u',' + local(second), kVanBan});
    REQUIRE(added.contains(QStringLiteral("vanban synced with %1 (sen-server/VPTU/HaNoi)").arg(first)));
    REQUIRE(!added.contains(QStringLiteral("did not answer")));

    // After that sync: a document written at A reaches B (the servers replicate), one is
    // written here; then A goes down.
    test::fillServerDatabase(f, kVanBan, 1);
    replicate(f.serverPath(kVanBan), f.mirrorPath(kVanBan));
    office.ok({QStringLiteral("doc"), QStringLiteral("create"), kVanBan, QStringLiteral("--form"),
               QStringLiteral("VanBanDen"), QStringLiteral("--set"),
               QStringLiteral("TrichYeu=Kế hoạch tuần")});
    f.stopServer();

    const QJsonObject report =
        QJsonDocument::fromJson(office.ok({QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array()[0]
            .toObject();
    INFO(QJsonDocument(report).toJson().toStdString());
    REQUIRE(report[QStringLiteral("ok")].toBool());
    REQUIRE(report[QStringLiteral("server")].toString() == local(second));
    REQUIRE(
        report[QStringLiteral("passedOver")].toArray()[0].toObject()[QStringLiteral("server")].toString() ==
        first);
    REQUIRE(report[QStringLiteral("sent")].toInt() == 1);
    REQUIRE(report[QStringLiteral("conflicts")].toInt() == 0);

    // Every document once (unids() requires it), the server's four and ours.
    const QSet<QString> mine = office.office.unids(kVanBan);
    REQUIRE(mine.size() == 5);
    REQUIRE(test::serverUnids(f, kVanBan).size() == 4);
    auto onB = ReplicaStore::open(f.mirrorPath(kVanBan));
    REQUIRE(onB.isOk());
    REQUIRE((*onB)->documentCount().value() == 5);
    onB->reset();
    REQUIRE(office.listed(kVanBan)[QStringLiteral("lastServer")].toString() == local(second));

    // Again with B: nothing travels twice.
    const QJsonObject again =
        QJsonDocument::fromJson(office.ok({QStringLiteral("sync"), QStringLiteral("--json")}).toUtf8())
            .array()[0]
            .toObject();
    REQUIRE(again[QStringLiteral("received")].toInt() == 0);
    REQUIRE(again[QStringLiteral("sent")].toInt() == 0);
    // And our document reaches A through B: the servers replicate it, once.
    replicate(f.mirrorPath(kVanBan), f.serverPath(kVanBan));
    REQUIRE(test::serverUnids(f, kVanBan) == mine);
}

TEST_CASE("Failover: a server that refuses us is reported, and the next one is not tried",
          "[client][failover]")
{
    // The rule (ReplicaServers::movesOn): only a server that does not answer is passed over.
    // A refusal of us is an answer; another server's data must not hide it.
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 2);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString first = local(f.port());
    office.ok({QStringLiteral("replica"), QStringLiteral("add"), first + u',' + local(second), kVanBan});

    f.setAccess(kVanBan, kUser + QStringLiteral("/VPTU/HaNoi"), acl::AccessLevel::NoAccess);
    test::fillServerDatabase(f, kVanBan, 1);
    replicate(f.serverPath(kVanBan), f.mirrorPath(kVanBan)); // B holds a document we lack
    const test::SenctlRun refused = office.run({QStringLiteral("sync"), kVanBan});
    INFO(refused.out.toStdString() << refused.err.toStdString());
    REQUIRE(refused.code != 0);
    REQUIRE(refused.out.contains(QStringLiteral("vanban %1: failed: ").arg(first)));
    REQUIRE(!refused.out.contains(local(second)));
    REQUIRE(!refused.out.contains(QStringLiteral("did not answer")));
    REQUIRE(office.office.unids(kVanBan).size() == 2); // nothing from B
    REQUIRE(office.listed(kVanBan)[QStringLiteral("lastServer")].toString() == first);
}

TEST_CASE("Failover: a second server holding another database under that name is refused and never used",
          "[client][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 2);
    const quint16 second = f.startMirror();
    // B's "vanban" is another database (its own replica ID), with documents of its own.
    ReplicaCreateOptions options;
    options.title = kVanBan;
    auto other = ReplicaStore::create(f.mirrorPath(kVanBan), options);
    REQUIRE(other.isOk());
    acl::Acl acl;
    REQUIRE(acl.setEntry(acl::AclEntry::make(acl::defaultEntryName(), acl::AccessLevel::Editor)).isOk());
    REQUIRE((*other)->saveAcl(acl).isOk());
    other->reset();
    Office office(f);
    const QString first = local(f.port());
    office.ok({QStringLiteral("replica"), QStringLiteral("add"), first + u',' + local(second), kVanBan});

    f.stopServer();
    const test::SenctlRun refused = office.run({QStringLiteral("sync"), kVanBan});
    INFO(refused.out.toStdString() << refused.err.toStdString());
    REQUIRE(refused.code != 0);
    REQUIRE(refused.out.contains(first + QStringLiteral(": did not answer")));
    REQUIRE(refused.out.contains(QStringLiteral("vanban %1: failed: ").arg(local(second))));
    REQUIRE(refused.out.contains(QStringLiteral("not a replica of ours")));
    REQUIRE(office.office.unids(kVanBan).size() == 2);
    REQUIRE(office.listed(kVanBan)[QStringLiteral("lastServer")].toString() == first);
}

TEST_CASE("Failover: the servers are tried in the order listed, and replica servers changes it",
          "[client][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString first = local(f.port());
    office.ok({QStringLiteral("replica"), QStringLiteral("add"), first + u',' + local(second), kVanBan});
    REQUIRE(office.ok({QStringLiteral("sync"), kVanBan})
                .startsWith(QStringLiteral("vanban synced with ") + first));

    // Both answer: the first of the list serves.
    REQUIRE(office.ok({QStringLiteral("replica"), QStringLiteral("servers"), kVanBan}) ==
            first + u'\n' + local(second));
    office.ok({QStringLiteral("replica"), QStringLiteral("servers"), kVanBan,
               local(second) + QStringLiteral(" , ") + first});
    REQUIRE(office.ok(
                {QStringLiteral("replica"), QStringLiteral("servers"), kVanBan, QStringLiteral("--json")}) ==
            QStringLiteral("[\"%1\",\"%2\"]").arg(local(second), first));
    REQUIRE(office.ok({QStringLiteral("sync"), kVanBan})
                .startsWith(
                    QStringLiteral("vanban synced with %1 (sen-server-b/VPTU/HaNoi)").arg(local(second))));
    REQUIRE(office.listed(kVanBan)[QStringLiteral("lastServer")].toString() == local(second));
}

TEST_CASE("Failover: a list of servers is validated and bounded; a bad one changes nothing",
          "[client][failover]")
{
    CHECK(parse(QStringLiteral("a.example:1352"), kVanBan).value() ==
          QStringList{QStringLiteral("a.example:1352")});
    CHECK(parse(QStringLiteral(" a , b:9 ,[::1]:7"), kVanBan).value() ==
          QStringList{QStringLiteral("a:1352"), QStringLiteral("b:9"), QStringLiteral("[::1]:7")});
    QStringList eight;
    for (int i = 1; i <= client::ReplicaServers::kMaxServers; ++i)
        eight << QStringLiteral("h%1:1").arg(i);
    CHECK(parse(eight.join(u','), kVanBan).isOk());
    const QStringList bad{
        QString(),
        QStringLiteral("a:1,"),
        QStringLiteral("a:1,,b:2"),
        QStringLiteral("a:0"),
        QStringLiteral("a:65536"),
        QStringLiteral("a:x"),
        QStringLiteral("a b:1"),
        QStringLiteral("a/b:1"),
        QStringLiteral("a:1,A:1"), // twice
        QString(254, u'h') + QStringLiteral(":1"),
        eight.join(u',') + QStringLiteral(",h9:1"),
        QString(5000, u','),
    };
    for (const QString& list : bad) {
        INFO(list.left(80).toStdString());
        const auto parsed = parse(list, kVanBan);
        CHECK(!parsed.isOk());
        CHECK(parsed.status().code() == ErrorCode::InvalidArgument);
    }

    // senctl refuses them before asking any server or creating anything.
    ServerFixture f;
    f.createDatabase(kVanBan);
    Office office(f);
    const QString first = local(f.port());
    const QStringList refused{first + QStringLiteral(",a b:1"), first + u',' + first,
                              eight.join(u',') + u',' + first};
    for (const QString& list : refused) {
        const test::SenctlRun run =
            office.run({QStringLiteral("replica"), QStringLiteral("add"), list, kVanBan});
        INFO(run.err.toStdString());
        CHECK(run.code != 0);
        CHECK(run.err.count(u'\n') == 1);
    }
    REQUIRE(!QFile::exists(office.office.workspace.replicaPath(kVanBan)));
    office.ok({QStringLiteral("replica"), QStringLiteral("add"), first, kVanBan});
    const test::SenctlRun wrong = office.run(
        {QStringLiteral("replica"), QStringLiteral("servers"), kVanBan, first + QStringLiteral(",x:0")});
    CHECK(wrong.code != 0);
    CHECK(wrong.err.contains(QStringLiteral("bad port")));
    REQUIRE(office.ok({QStringLiteral("replica"), QStringLiteral("servers"), kVanBan}) == first);

    // A stored value the rules refuse (written by hand) keeps the replica readable; its sync
    // says what is wrong, and replica servers mends it.
    {
        auto store = office.office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        REQUIRE(
            (*store)->setSetting(QStringLiteral("replication.server"), QStringLiteral("sen hanoi:1")).isOk());
    }
    REQUIRE(office.listed(kVanBan)[QStringLiteral("servers")].toArray() ==
            QJsonArray{QStringLiteral("sen hanoi:1")});
    const test::SenctlRun broken = office.run({QStringLiteral("sync"), kVanBan});
    CHECK(broken.code != 0);
    CHECK(QString(broken.out + broken.err).contains(QStringLiteral("bad host")));
    office.ok({QStringLiteral("replica"), QStringLiteral("servers"), kVanBan, first});
    REQUIRE(office.ok({QStringLiteral("sync"), kVanBan})
                .startsWith(QStringLiteral("vanban synced with ") + first));
}

TEST_CASE("Failover: an older workspace's single address is a list of one, and can become a list",
          "[client][failover]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 2);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString first = local(f.port());
    // The replica as an older Sen made it: its setting holds one address, written as typed.
    {
        auto server = ReplicaStore::open(f.serverPath(kVanBan));
        REQUIRE(server.isOk());
        ReplicaCreateOptions options;
        options.replicaId = (*server)->info().replicaId;
        options.title = (*server)->info().title;
        auto store = ReplicaStore::create(office.office.workspace.replicaPath(kVanBan), options);
        REQUIRE(store.isOk());
        REQUIRE((*store)->setSetting(QStringLiteral("replication.server"), first).isOk());
        REQUIRE((*store)->setSetting(QStringLiteral("replication.database"), kVanBan).isOk());
    }
    REQUIRE(office.ok({QStringLiteral("replica"), QStringLiteral("servers"), kVanBan}) == first);
    REQUIRE(office.ok({QStringLiteral("sync"), kVanBan})
                .startsWith(QStringLiteral("vanban synced with ") + first));
    REQUIRE(office.office.unids(kVanBan).size() == 2);

    office.ok({QStringLiteral("replica"), QStringLiteral("servers"), kVanBan, first + u',' + local(second)});
    f.stopServer();
    REQUIRE(office.ok({QStringLiteral("sync"), kVanBan})
                .contains(QStringLiteral("vanban synced with ") + local(second)));
}

TEST_CASE(
    "Failover: the desktop client's sync passes over a server that does not answer and counts as online",
    "[client][failover][sync]")
{
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 4);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    SyncTestOffice office(f, kUser);
    client::SyncController controller(office.workspace, office.credentials);
    test::ControllerLog log(controller);
    const QString dead = local(deadPort());

    client::ReplicaSettings settings;
    settings.database = kVanBan;
    settings.server = dead + u',' + local(second); // as the add dialog passes what was typed
    controller.addReplica(settings);
    REQUIRE(log.waitFinished(1));
    const client::SyncReport& report = log.finished[0];
    INFO(report.status.toString().toStdString());
    REQUIRE(report.status.isOk());
    REQUIRE(report.server == local(second));
    REQUIRE(report.serverName == QStringLiteral("sen-server-b/VPTU/HaNoi"));
    REQUIRE(report.passedOver.size() == 1);
    REQUIRE(report.passedOver[0].server == dead);
    REQUIRE(report.passedOver[0].status.code() == ErrorCode::IoError);
    REQUIRE(office.unids(kVanBan) == test::serverUnids(f, kVanBan));

    client::Connectivity connectivity;
    connectivity.record(report);
    REQUIRE(connectivity.state() == client::Connectivity::State::Online);
    REQUIRE(connectivity.lastServer() == local(second));

    // A second sync through the controller: the same order, the same server.
    controller.sync(kVanBan);
    REQUIRE(log.waitFinished(2));
    REQUIRE(log.finished[1].status.isOk());
    REQUIRE(log.finished[1].server == local(second));
    REQUIRE(log.finished[1].passedOver.size() == 1);
    controller.shutdown();
}

TEST_CASE(
    "Failover: others' edits pulled from A are not relayed to B; only the user's own refusals are listed",
    "[client][failover][relay]")
{
    // Issue #16. A server lets a user add only their own dots (PushCheck): a failover client
    // that pushed to B the edits it had pulled from A collected B's refusals of other people's
    // work as the user's refused changes, and kept the stubs of their deletions. It offers B
    // only the user's own edits now; the others' reach B from A, through the servers.
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 3);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString first = local(f.port());
    office.ok({QStringLiteral("replica"), QStringLiteral("add"), first + u',' + local(second), kVanBan});
    // Once with B too, so that a stub stays until B has acknowledged it (dropAcknowledgedStubs).
    tryServers(office, kVanBan, local(second) + u',' + first);
    REQUIRE(syncReport(office, kVanBan)[QStringLiteral("server")].toString() == local(second));
    tryServers(office, kVanBan, first + u',' + local(second));

    // Other people's work at A that B has not received: two new documents, an edit, a deletion.
    QStringList held = test::serverUnids(f, kVanBan).values();
    held.sort();
    const Unid edited = *Unid::fromHex(held[0]);
    const Unid deleted = *Unid::fromHex(held[1]);
    test::fillServerDatabase(f, kVanBan, 2);
    changeAtServer(f.serverPath(kVanBan), edited, deleted);
    REQUIRE(syncReport(office, kVanBan)[QStringLiteral("server")].toString() == first);
    REQUIRE(office.office.unids(kVanBan).size() == 4);
    REQUIRE(clientHolds(office, kVanBan, deleted)); // the stub: B has not acknowledged it

    // A goes down; the user writes a document, and the sync goes to B.
    const QString mine = office
                             .ok({QStringLiteral("doc"), QStringLiteral("create"), kVanBan,
                                  QStringLiteral("--form"), QStringLiteral("VanBanDen"),
                                  QStringLiteral("--set"), QStringLiteral("TrichYeu=Báo cáo của tôi")})
                             .section(u'\n', 0, 0)
                             .trimmed();
    f.stopServer();
    const QJsonObject report = syncReport(office, kVanBan);
    INFO(QJsonDocument(report).toJson().toStdString());
    REQUIRE(report[QStringLiteral("server")].toString() == local(second));
    REQUIRE(report[QStringLiteral("sent")].toInt() == 1); // the user's document, and nothing else
    REQUIRE(report[QStringLiteral("refused")].toInt() == 0);
    REQUIRE(refusedChanges(office, kVanBan).isEmpty());
    {
        auto onB = ReplicaStore::open(f.mirrorPath(kVanBan));
        REQUIRE(onB.isOk());
        REQUIRE((*onB)->documentCount().value() == 4); // its three and the user's
        REQUIRE((*onB)->find(*Unid::fromHex(mine)).value().has_value());
    }
    // The deletion's stub went once both servers had acknowledged it, as any other.
    REQUIRE(!clientHolds(office, kVanBan, deleted));
    // The others' work reaches B from A; the client then holds what both servers hold.
    replicate(f.serverPath(kVanBan), f.mirrorPath(kVanBan));
    REQUIRE(syncReport(office, kVanBan)[QStringLiteral("refused")].toInt() == 0);
    REQUIRE(office.office.unids(kVanBan) == test::serverUnids(f, kVanBan) + QSet<QString>{mine});

    // B refuses an edit of the user's for a real reason (the user may only read there): that
    // refusal is listed, and it alone.
    {
        auto onB = ReplicaStore::open(f.mirrorPath(kVanBan));
        REQUIRE(onB.isOk());
        auto acl = (*onB)->loadAcl();
        REQUIRE(acl.isOk());
        REQUIRE(acl->setEntry(
                       acl::AclEntry::make(kUser + QStringLiteral("/VPTU/HaNoi"), acl::AccessLevel::Reader))
                    .isOk());
        REQUIRE((*onB)->saveAcl(*acl).isOk());
    }
    office.ok({QStringLiteral("doc"), QStringLiteral("update"), kVanBan, mine, QStringLiteral("--set"),
               QStringLiteral("TrichYeu=Báo cáo đã sửa")});
    REQUIRE(syncReport(office, kVanBan)[QStringLiteral("refused")].toInt() == 1);
    const QJsonArray refused = refusedChanges(office, kVanBan);
    INFO(QJsonDocument(refused).toJson().toStdString());
    REQUIRE(refused.size() == 1);
    const QJsonObject refusal = refused[0].toObject();
    REQUIRE(refusal[QStringLiteral("unid")].toString() == mine);
    REQUIRE(refusal[QStringLiteral("refusedBy")].toString() == QStringLiteral("sen-server-b/VPTU/HaNoi"));
    REQUIRE(refusal[QStringLiteral("code")].toString() == QStringLiteral("PermissionDenied"));
    REQUIRE(refusal[QStringLiteral("current")].toBool());
}

TEST_CASE(
    "Failover: the user's edit over others' that B lacked is refused there, and forgotten once B has it",
    "[client][failover][relay]")
{
    // A version that adds both the user's edit and another's that B lacks is offered (it carries
    // the user's work) and B refuses it (the other's dot is not the user's). Once the version
    // reaches B through A, B's listing of it ends the refusal: it no longer matters.
    ServerFixture f;
    f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 2);
    const quint16 second = f.startMirror();
    mirror(f, kVanBan);
    Office office(f);
    const QString first = local(f.port());
    const QString both = first + u',' + local(second);
    const QString secondFirst = local(second) + u',' + first;
    office.ok({QStringLiteral("replica"), QStringLiteral("add"), both, kVanBan});

    const QString shared = test::serverUnids(f, kVanBan).values().first();
    changeAtServer(f.serverPath(kVanBan), *Unid::fromHex(shared), std::nullopt); // B lacks this edit
    REQUIRE(syncReport(office, kVanBan)[QStringLiteral("received")].toInt() == 1);
    office.ok({QStringLiteral("doc"), QStringLiteral("update"), kVanBan, shared, QStringLiteral("--set"),
               QStringLiteral("TrichYeu=ý kiến của tôi")});

    // B first: it refuses the version, which names A's edit.
    tryServers(office, kVanBan, secondFirst);
    const QJsonObject atB = syncReport(office, kVanBan);
    REQUIRE(atB[QStringLiteral("server")].toString() == local(second));
    REQUIRE(atB[QStringLiteral("refused")].toInt() == 1);
    REQUIRE(refusedChanges(office, kVanBan).size() == 1);

    // A takes it; the servers replicate; B lists it to the client, and the refusal is gone.
    tryServers(office, kVanBan, both);
    const QJsonObject atA = syncReport(office, kVanBan);
    REQUIRE(atA[QStringLiteral("server")].toString() == first);
    REQUIRE(atA[QStringLiteral("sent")].toInt() == 1);
    REQUIRE(atA[QStringLiteral("refused")].toInt() == 0);
    replicate(f.serverPath(kVanBan), f.mirrorPath(kVanBan));
    tryServers(office, kVanBan, secondFirst);
    REQUIRE(syncReport(office, kVanBan)[QStringLiteral("server")].toString() == local(second));
    REQUIRE(refusedChanges(office, kVanBan).isEmpty());
}
