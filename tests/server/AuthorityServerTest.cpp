// The hub's authority record between two real servers over TLS (docs/servers.md §"Authority
// across servers", docs/protocol.md §Authority): a hub and a spoke, each an in-process
// sen-server over its own data folder; the spoke dials the hub as `replicate` does (one
// initiator session with the spoke's server certificate) and takes the CRL, the people, the
// groups and the ACLs; a revocation and an ACL change at the hub reach it at the next session;
// a spoke with no CRL yet refuses users; hostile peers with real certificates — a server and a
// user — sending forged, tampered or rolled-back records change nothing.

#include "common/acl/Acl.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/Certifier.h"
#include "common/store/ReplicaStore.h"
#include "replication/protocol/AuthorityMessages.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"
#include "server/audit/AuditEvent.h"
#include "server/core/AuthoritySite.h"
#include "server/core/GroupsFile.h"
#include "server/core/UserRegistry.h"
#include "server/net/Server.h"
#include "server/net/ServerAuthority.h"
#include "server/net/ServerContext.h"
#include "tests/server/HostilePeer.h"
#include "tests/support/TempDir.h"

#include <QDir>
#include <QFile>
#include <QMutex>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::server;

namespace {

identity::HierarchicalName nameOf(const QString& text)
{
    return identity::HierarchicalName::parse(text).value();
}

identity::Validity recent()
{
    return identity::Validity::days(30, QDateTime::currentDateTimeUtc().addDays(-1));
}

const QString kOrg = QStringLiteral("VPTU/HaNoi");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One server: its folder (authority.cbor, crl.der, users.json, groups.json, databases/), its
// ServerAuthority and the running listener.
struct Office
{
    Office(test::TempDir& temp, const QString& folder, const QString& serverName,
           identity::Certifier& certifier, bool hub)
    {
        const QString root = temp.path(folder);
        REQUIRE(QDir().mkpath(root + QStringLiteral("/databases")));
        site = AuthoritySite{root + QStringLiteral("/authority.cbor"),
                             root + QStringLiteral("/crl.der"),
                             root + QStringLiteral("/users.json"),
                             root + QStringLiteral("/groups.json"),
                             root + QStringLiteral("/databases"),
                             certifier.certificateDer(),
                             kOrg};
        REQUIRE(GroupsFile::writeEmpty(site.groupsPath).isOk());
        REQUIRE(UserRegistry().save(site.usersPath).isOk());
        name = serverName + u'/' + kOrg;
        const auto audit = [this](const AuditEvent& event) {
            QMutexLocker locked(&mutex);
            events.append(event);
        };
        if (hub) {
            const QByteArray key = certifier.credentials().privateKeyPem;
            authority = std::make_shared<ServerAuthority>(site, name, audit,
                                                          [key]() -> Result<QByteArray> { return key; });
        } else {
            authority = std::make_shared<ServerAuthority>(site, name, audit);
        }
        credentials = certifier
                          .issue(nameOf(name), identity::CertificateRole::Server, recent(),
                                 {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")})
                          .value();
        context.credentials = credentials;
        context.certifierDer = certifier.certificateDer();
        context.currentCrl = [this]() -> Result<QByteArray> {
            if (!QFile::exists(site.crlPath))
                return ServerAuthority::noRevocationListYet();
            return readAll(site.crlPath);
        };
        context.databasePath = [this](const QString& db) -> Result<QString> {
            const QString path = site.databasesPath + u'/' + db + QStringLiteral(".sen");
            if (!QFile::exists(path))
                return Status(ErrorCode::NotFound, QStringLiteral("no database %1").arg(db));
            return path;
        };
        context.directory = [a = authority] {
            return a->directory();
        };
        context.people = [this]() -> Result<QStringList> {
            SEN_ASSIGN_OR_RETURN(const UserRegistry users, UserRegistry::load(site.usersPath));
            QStringList names;
            for (const RegisteredUser& u : users.users())
                if (u.isActive())
                    names << u.name.toString();
            return names;
        };
        context.authority = authority;
        context.audit = audit;
        context.workerThreads = 2;
        server = std::make_unique<Server>(context);
        REQUIRE(server->start(QHostAddress::LocalHost, 0).isOk());
    }
    ~Office() { server.reset(); }

    QString dbPath(const QString& db) const
    {
        return site.databasesPath + u'/' + db + QStringLiteral(".sen");
    }
    std::unique_ptr<ReplicaStore> store(const QString& db) const
    {
        return ReplicaStore::open(dbPath(db)).value();
    }
    acl::Acl acl(const QString& db) const { return store(db)->loadAcl().value(); }
    QSslConfiguration tls() const { return makeTlsConfiguration(credentials, context.certifierDer).value(); }
    bool audited(const QString& kind, const QString& detail = {})
    {
        QMutexLocker locked(&mutex);
        return std::any_of(events.begin(), events.end(),
                           [&](const AuditEvent& e) { return e.kind == kind && e.detail.contains(detail); });
    }
    std::uint64_t heldSerial() const
    {
        const QByteArray bytes = readAll(site.authorityPath);
        return bytes.isEmpty() ? 0 : protocol::authoritySerial(bytes).value();
    }

    AuthoritySite site;
    QString name;
    identity::Credentials credentials;
    std::shared_ptr<ServerAuthority> authority;
    ServerContext context;
    std::unique_ptr<Server> server;
    QMutex mutex;
    QList<AuditEvent> events;
};

// The hub's organisation: its certifier, the people it registered (users.json, crl.der).
struct Province
{
    Province()
    {
        hub = std::make_unique<Office>(temp, QStringLiteral("hub"), QStringLiteral("ThanhPho"), certifier,
                                       true);
        spoke = std::make_unique<Office>(temp, QStringLiteral("spoke"), QStringLiteral("QuanBaDinh"),
                                         certifier, false);
        publishCrl();
        ReplicaCreateOptions options;
        options.title = QStringLiteral("Công văn");
        auto office = ReplicaStore::create(hub->dbPath(QStringLiteral("congvan")), options).value();
        acl::Acl acl;
        REQUIRE(acl.setEntry(acl::AclEntry::make(acl::defaultEntryName(), acl::AccessLevel::Reader)).isOk());
        REQUIRE(acl.setEntry(acl::AclEntry::make(QStringLiteral("*/VPTU/HaNoi"), acl::AccessLevel::Editor))
                    .isOk());
        REQUIRE(office->saveAcl(acl).isOk());
        ReplicaCreateOptions replica;
        replica.replicaId = office->info().replicaId;
        replica.title = office->info().title;
        // The spoke's replica, made as `db replicate` would: same replica, no documents, its
        // own ACL until the hub's record comes.
        auto spokeStore = ReplicaStore::create(spoke->dbPath(QStringLiteral("congvan")), replica).value();
        acl::Acl own;
        REQUIRE(own.setEntry(acl::AclEntry::make(acl::defaultEntryName(), acl::AccessLevel::Manager)).isOk());
        REQUIRE(spokeStore->saveAcl(own).isOk());
    }

    void publishCrl()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QFile file(hub->site.crlPath);
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(certifier.crl(now, now.addDays(30)).value());
    }

    // A user registered at the hub.
    QSslConfiguration registerUser(const QString& shortName)
    {
        auto credentials =
            certifier.issue(nameOf(shortName + u'/' + kOrg), identity::CertificateRole::User, recent())
                .value();
        const auto info = identity::CertificateInfo::fromDer(credentials.leafDer()).value();
        serials.insert(shortName, info.serialHex);
        UserRegistry users = UserRegistry::load(hub->site.usersPath).value();
        RegisteredUser user;
        user.name = info.name;
        user.registered = QDateTime::currentDateTimeUtc();
        user.certificates << RegisteredCertificate{info.serialHex, user.registered,
                                                   user.registered.addDays(30)};
        REQUIRE(users.add(user).isOk());
        REQUIRE(users.save(hub->site.usersPath).isOk());
        return makeTlsConfiguration(credentials, certifier.certificateDer()).value();
    }

    void revoke(const QString& shortName)
    {
        REQUIRE(certifier.revoke(serials.value(shortName)).isOk());
        publishCrl();
    }

    // One session of the spoke's replica with the hub's, initiated by the spoke.
    Status spokeDialsHub(SessionStats* stats = nullptr)
    {
        auto store = spoke->store(QStringLiteral("congvan"));
        auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(hub->server->port()),
                                              QStringLiteral("congvan"))
                            .value();
        SessionOptions options;
        options.localName = spoke->name;
        options.authority = spoke->authority;
        RemoteSession session(*store, spoke->tls(), endpoint, options);
        const Status status = session.runBlocking(60'000);
        if (stats)
            *stats = session.stats();
        return status;
    }

    // A user's session with the spoke.
    Status userSyncsWithSpoke(const QSslConfiguration& tls, const QString& file)
    {
        ReplicaCreateOptions options;
        options.replicaId = spoke->store(QStringLiteral("congvan"))->info().replicaId;
        auto store = ReplicaStore::create(temp.path(file), options).value();
        auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(spoke->server->port()),
                                              QStringLiteral("congvan"))
                            .value();
        RemoteSession session(*store, tls, endpoint, SessionOptions{});
        return session.runBlocking(30'000);
    }

    test::TempDir temp;
    identity::Certifier certifier = identity::Certifier::create(nameOf(kOrg), recent()).value();
    std::unique_ptr<Office> hub;
    std::unique_ptr<Office> spoke;
    QHash<QString, QString> serials;
};

} // namespace

TEST_CASE("a spoke takes the hub's CRL, people, groups and ACLs in a session it dials", "[authority][server]")
{
    Province p;
    const QSslConfiguration an = p.registerUser(QStringLiteral("Nguyễn Văn An"));
    REQUIRE(GroupsFile::write(p.hub->site.groupsPath,
                              {{QStringLiteral("LanhDao"), {QStringLiteral("Nguyễn Văn An/VPTU/HaNoi")}}})
                .isOk());

    // No CRL yet: a user is told to come back, and nothing is served.
    const Status early = p.userSyncsWithSpoke(an, QStringLiteral("an-early.sen"));
    CHECK(early.code() == ErrorCode::Busy);
    CHECK(early.message().contains(QStringLiteral("not yet received the organisation's revocation list")));

    SessionStats stats;
    const Status first = p.spokeDialsHub(&stats);
    INFO(first.toString().toStdString());
    REQUIRE(first.isOk());
    CHECK(stats.authorityReceived);
    CHECK_FALSE(stats.authoritySent);
    CHECK(readAll(p.spoke->site.crlPath) == readAll(p.hub->site.crlPath));
    CHECK(p.spoke->heldSerial() == p.hub->heldSerial());
    CHECK(p.spoke->heldSerial() > 0);
    const UserRegistry users = UserRegistry::load(p.spoke->site.usersPath).value();
    REQUIRE(users.users().size() == 1);
    CHECK(users.users()[0].name.toString() == QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    CHECK(users.users()[0].fromHub);
    CHECK(p.spoke->authority->directory().hasGroup(QStringLiteral("LanhDao")));
    CHECK(p.spoke->acl(QStringLiteral("congvan")).entries() ==
          p.hub->acl(QStringLiteral("congvan")).entries());
    CHECK(p.spoke->audited(QStringLiteral("authority_updated"), QString::number(p.spoke->heldSerial())));

    // Now the user replicates with the spoke.
    CHECK(p.userSyncsWithSpoke(an, QStringLiteral("an.sen")).isOk());

    // Nothing changed at the hub: the next session carries no record either way.
    const std::uint64_t serial = p.hub->heldSerial();
    REQUIRE(p.spokeDialsHub(&stats).isOk());
    CHECK_FALSE(stats.authorityReceived);
    CHECK_FALSE(stats.authoritySent);
    CHECK(p.hub->heldSerial() == serial);
}

TEST_CASE("a revocation and an ACL change at the hub reach the spoke at its next session",
          "[authority][server]")
{
    Province p;
    const QSslConfiguration an = p.registerUser(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration binh = p.registerUser(QStringLiteral("Trần Thị Bình"));
    REQUIRE(p.spokeDialsHub().isOk());
    REQUIRE(p.userSyncsWithSpoke(an, QStringLiteral("an-1.sen")).isOk());
    const std::uint64_t before = p.spoke->heldSerial();

    p.revoke(QStringLiteral("Nguyễn Văn An"));
    {
        auto hubStore = p.hub->store(QStringLiteral("congvan"));
        acl::Acl acl = hubStore->loadAcl().value();
        REQUIRE(acl.setEntry(acl::AclEntry::make(QStringLiteral("Trần Thị Bình/VPTU/HaNoi"),
                                                 acl::AccessLevel::Manager, acl::EntryKind::Person))
                    .isOk());
        REQUIRE(hubStore->saveAcl(acl).isOk());
    }
    // Until the next session the spoke does not know.
    CHECK(p.userSyncsWithSpoke(an, QStringLiteral("an-2.sen")).isOk());

    REQUIRE(p.spokeDialsHub().isOk());
    CHECK(p.spoke->heldSerial() > before);
    const Status refused = p.userSyncsWithSpoke(an, QStringLiteral("an-3.sen"));
    CHECK(refused.code() == ErrorCode::PermissionDenied);
    const acl::AclEntry* binhEntry =
        p.spoke->acl(QStringLiteral("congvan")).entry(QStringLiteral("Trần Thị Bình/VPTU/HaNoi"));
    REQUIRE(binhEntry);
    CHECK(binhEntry->level == acl::AccessLevel::Manager);
    CHECK(p.userSyncsWithSpoke(binh, QStringLiteral("binh.sen")).isOk());
}

TEST_CASE("the spoke passes on the hub's newer record to a server that dials it", "[authority][server]")
{
    // Two spokes: the second learns the record from the first, which cannot sign; the hub's
    // signature travels unchanged.
    Province p;
    p.registerUser(QStringLiteral("Nguyễn Văn An"));
    REQUIRE(p.spokeDialsHub().isOk());
    Office second(p.temp, QStringLiteral("second"), QStringLiteral("QuanHoanKiem"), p.certifier, false);
    ReplicaCreateOptions replica;
    replica.replicaId = p.spoke->store(QStringLiteral("congvan"))->info().replicaId;
    auto store = ReplicaStore::create(second.dbPath(QStringLiteral("congvan")), replica).value();
    auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(p.spoke->server->port()),
                                          QStringLiteral("congvan"))
                        .value();
    SessionOptions options;
    options.localName = second.name;
    options.authority = second.authority;
    RemoteSession session(*store, second.tls(), endpoint, options);
    REQUIRE(session.runBlocking(60'000).isOk());
    CHECK(readAll(second.site.authorityPath) == readAll(p.hub->site.authorityPath));
    CHECK(readAll(second.site.crlPath) == readAll(p.hub->site.crlPath));

    // And the other way: a spoke holding an older record gets the newer one from the one it dials...
    // ...and a spoke with the newer record sends it to the server it dials.
    p.registerUser(QStringLiteral("Lê Văn Cường"));
    REQUIRE(p.spokeDialsHub().isOk());
    auto spokeStore = p.spoke->store(QStringLiteral("congvan"));
    auto toSecond = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(second.server->port()),
                                          QStringLiteral("congvan"))
                        .value();
    SessionOptions spokeOptions;
    spokeOptions.localName = p.spoke->name;
    spokeOptions.authority = p.spoke->authority;
    RemoteSession push(*spokeStore, p.spoke->tls(), toSecond, spokeOptions);
    REQUIRE(push.runBlocking(60'000).isOk());
    CHECK(push.stats().authoritySent);
    CHECK(second.heldSerial() == p.hub->heldSerial());
    CHECK(UserRegistry::load(second.site.usersPath).value().users().size() == 2);
}

namespace {

// A peer holding a real certificate speaking the protocol by hand to the spoke.
struct Hostile
{
    Hostile(Province& p, const QSslConfiguration& tls, const QString& name)
        : peer(p.spoke->server->port(), tls)
    {
        REQUIRE(peer.isConnected());
        const ReplicaId replica = p.spoke->store(QStringLiteral("congvan"))->info().replicaId;
        auto welcome = peer.hello(QStringLiteral("congvan"), replica, name, newInstanceId(), 0);
        INFO(welcome.status().toString().toStdString());
        REQUIRE(welcome.isOk());
        REQUIRE(welcome->version >= protocol::kVersionAuthority);
    }
    // Tells `serial` and returns the spoke's.
    std::uint64_t tell(std::uint64_t serial)
    {
        peer.send(protocol::MessageType::AuthoritySerial, protocol::encodeAuthoritySerial(serial));
        auto frame = peer.expect(protocol::MessageType::AuthoritySerial);
        INFO(frame.status().toString().toStdString());
        REQUIRE(frame.isOk());
        return protocol::decodeAuthoritySerial(frame->payload).value();
    }
    test::HostilePeer peer;
};

} // namespace

TEST_CASE("a server or a user sending a forged, altered or old authority record changes nothing at the spoke",
          "[authority][server][hostile]")
{
    Province p;
    p.registerUser(QStringLiteral("Nguyễn Văn An"));
    REQUIRE(p.spokeDialsHub().isOk());
    const QByteArray firstRecord = readAll(p.hub->site.authorityPath);
    p.registerUser(QStringLiteral("Trần Thị Bình"));
    REQUIRE(p.spokeDialsHub().isOk());
    const QByteArray held = readAll(p.spoke->site.authorityPath);
    const QByteArray users = readAll(p.spoke->site.usersPath);
    const QByteArray crl = readAll(p.spoke->site.crlPath);
    const std::uint64_t serial = p.spoke->heldSerial();
    REQUIRE(protocol::authoritySerial(firstRecord).value() < serial);

    // A rogue server of the organisation (a real server certificate from the certifier).
    auto rogue = p.certifier
                     .issue(nameOf(QStringLiteral("Rogue/VPTU/HaNoi")), identity::CertificateRole::Server,
                            recent(), {QStringLiteral("127.0.0.1")})
                     .value();
    const QSslConfiguration rogueTls = makeTlsConfiguration(rogue, p.certifier.certificateDer()).value();

    SECTION("a record signed by another certifier")
    {
        auto stranger = identity::Certifier::create(nameOf(kOrg), recent()).value();
        protocol::AuthorityContent content = protocol::decodeAuthorityRecord(held).value().content;
        content.serial = serial + 1000;
        content.people.push_back({QStringLiteral("Kẻ Gian/VPTU/HaNoi"), 1, {}});
        const auto forged =
            protocol::signAuthorityRecord(content, stranger.credentials().privateKeyPem).value();
        Hostile h(p, rogueTls, QStringLiteral("Rogue/VPTU/HaNoi"));
        CHECK(h.tell(serial + 1000) == serial);
        h.peer.send(protocol::MessageType::Authority, forged.bytes);
        CHECK(h.peer.waitError().code() == ErrorCode::PermissionDenied);
    }
    SECTION("the hub's record with one byte altered")
    {
        QByteArray tampered = held;
        tampered[tampered.size() - 100] = static_cast<char>(tampered[tampered.size() - 100] ^ 0x20);
        Hostile h(p, rogueTls, QStringLiteral("Rogue/VPTU/HaNoi"));
        CHECK(h.tell(serial + 1) == serial);
        h.peer.send(protocol::MessageType::Authority, tampered);
        CHECK_FALSE(h.peer.waitError().isOk());
    }
    SECTION("an older genuine record announced as newer")
    {
        Hostile h(p, rogueTls, QStringLiteral("Rogue/VPTU/HaNoi"));
        CHECK(h.tell(serial + 1) == serial);
        h.peer.send(protocol::MessageType::Authority, firstRecord);
        CHECK(h.peer.waitError().code() == ErrorCode::ProtocolError);
    }
    SECTION("an older genuine record sent unasked")
    {
        Hostile h(p, rogueTls, QStringLiteral("Rogue/VPTU/HaNoi"));
        CHECK(h.tell(1) == serial);
        // The spoke sends its newer record; the peer answers with its old one.
        REQUIRE(h.peer.expect(protocol::MessageType::Authority).isOk());
        h.peer.send(protocol::MessageType::Authority, firstRecord);
        CHECK(h.peer.waitError().code() == ErrorCode::ProtocolError);
    }
    SECTION("a user sending an authority message")
    {
        const QSslConfiguration binh = p.registerUser(QStringLiteral("Lê Văn Cường"));
        REQUIRE(p.spokeDialsHub().isOk()); // the spoke learns of the user
        const QByteArray nowHeld = readAll(p.spoke->site.authorityPath);
        Hostile h(p, binh, QStringLiteral("Lê Văn Cường/VPTU/HaNoi"));
        h.peer.send(protocol::MessageType::AuthoritySerial, protocol::encodeAuthoritySerial(1));
        const Status error = h.peer.waitError();
        CHECK(error.code() == ErrorCode::ProtocolError);
        CHECK(error.message().contains(QStringLiteral("only between the organisation's servers")));
        CHECK(readAll(p.spoke->site.authorityPath) == nowHeld);
        return;
    }
    CHECK(readAll(p.spoke->site.authorityPath) == held);
    CHECK(readAll(p.spoke->site.usersPath) == users);
    CHECK(readAll(p.spoke->site.crlPath) == crl);
}
