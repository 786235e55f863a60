// The client against a hostile server's directory (docs/protocol.md §Directory): the server is
// a peer, and a peer is a suspect. A listener with the office's real server certificate
// (HostileDirectoryServer.h) answers the client's DIRECTORY_REQUEST with what each case
// forges; the client's real session code and DirectoryUpdate keep it in a real workspace
// file. A listing over the limits or holding a malformed name ends the session with
// ProtocolError, and the address book from the last honest sync stays as it was.

#include "tests/client/HostileDirectoryServer.h"

#include "client/core/DirectoryFile.h"
#include "client/sync/DirectoryUpdate.h"
#include "replication/protocol/DirectoryListing.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"
#include "tests/client/HostileNumberServer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QCborArray>
#include <QDir>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;
using namespace sen::protocol;

namespace {

const QString kDb = QStringLiteral("vanban");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

DirectoryListing honest()
{
    DirectoryListing l;
    l.people = {S("Lê Văn Cường/VPTU/HaNoi"), S("Nguyễn Văn An/VPTU/HaNoi")}; // as the file lists them
    l.groups = {{S("Lãnh đạo"), {S("Nguyễn Văn An/VPTU/HaNoi")}}};
    l.roles = {{QStringLiteral("[LanhDao]"), {S("Lãnh đạo")}}};
    return l;
}

QByteArray payloadOf(const QCborArray& people, const QCborArray& groups = {}, const QCborArray& roles = {})
{
    return QCborValue(QCborArray{people, groups, roles}).toCbor();
}

struct Office
{
    ServerFixture f;
    QSslConfiguration clerk;
    std::unique_ptr<ReplicaStore> store;
    QString home;

    Office()
    {
        f.createDatabase(kDb, acl::AccessLevel::Editor);
        clerk = f.user(S("Trần Văn Bình"));
        store = f.clientReplica(QStringLiteral("clerk.sen"), kDb, clerk);
        home = f.dir().path(QStringLiteral("home"));
        REQUIRE(QDir().mkpath(home));
    }

    client::DirectoryFile file() const { return client::DirectoryFile(client::DirectoryFile::pathIn(home)); }

    // One session (no pull, no push: only the directory) against a server answering `payload`.
    Status syncAgainst(const QByteArray& payload)
    {
        auto tls = makeTlsConfiguration(f.serverCredentials(), f.serverCredentials().certifierDer());
        requireOk(tls.status());
        HostileDirectoryServer hostile(*tls, payload);
        REQUIRE(hostile.isListening());
        const QString server = QStringLiteral("127.0.0.1:%1").arg(hostile.serverPort());
        auto endpoint = RemoteEndpoint::parse(server, kDb);
        requireOk(endpoint.status());
        SessionOptions options;
        options.pull = false;
        options.push = false;
        // The file is keyed by one server address for both sessions, as a replica's settings are.
        options.directory = std::make_shared<client::DirectoryUpdate>(home, QStringLiteral("server"),
                                                                      store->info().replicaId.toHex());
        RemoteSession session(*store, clerk, *endpoint, options);
        const Status status = session.runBlocking(20'000);
        REQUIRE(hostile.asked() == 1);
        return status;
    }

    std::optional<DirectoryListing> kept() const
    {
        auto loaded = file().load(QStringLiteral("server"), store->info().replicaId.toHex());
        requireOk(loaded.status());
        return *loaded;
    }
};

QCborArray manyPeople(int count)
{
    QCborArray out;
    for (int i = 0; i < count; ++i)
        out.append(QStringLiteral("Cán bộ %1/VPTU/HaNoi").arg(i));
    return out;
}

} // namespace

TEST_CASE("Hostile directory: an honest answer through the same code is kept", "[client][hostile][directory]")
{
    Office office;
    requireOk(office.syncAgainst(encodeDirectory(honest())));
    REQUIRE(office.kept() == honest());
    // The most the limits allow is kept too.
    requireOk(office.syncAgainst(payloadOf(manyPeople(kMaxDirectoryPeople))));
    CHECK(office.kept()->people.size() == kMaxDirectoryPeople);
}

TEST_CASE("Hostile directory: too many entries, over-long or malformed names end the session and the old "
          "address book stays",
          "[client][hostile][directory]")
{
    Office office;
    requireOk(office.syncAgainst(encodeDirectory(honest())));
    QByteArray forged;
    QString said;
    const QString longName = QString(kMaxDirectoryNameLength + 1, u'a');
    SECTION("too many people")
    {
        forged = payloadOf(manyPeople(kMaxDirectoryPeople + 1));
        said = QStringLiteral("people");
    }
    SECTION("too many groups")
    {
        QCborArray groups;
        for (int i = 0; i <= kMaxDirectoryGroups; ++i)
            groups.append(QCborArray{QStringLiteral("Nhóm %1").arg(i), QCborArray()});
        forged = payloadOf({}, groups);
        said = QStringLiteral("groups");
    }
    SECTION("too many members in all")
    {
        QCborArray groups;
        for (int g = 0; g < 3; ++g) {
            QCborArray members;
            for (int i = 0; i < kMaxDirectoryMembers / 2; ++i)
                members.append(QStringLiteral("Cán bộ %1/VPTU/HaNoi").arg(i));
            groups.append(QCborArray{QStringLiteral("Nhóm %1").arg(g), members});
        }
        forged = payloadOf({}, groups);
        said = QStringLiteral("members");
    }
    SECTION("an over-long group name")
    {
        forged = payloadOf({}, QCborArray{QCborArray{longName, QCborArray()}});
        said = QStringLiteral("groups");
    }
    SECTION("an over-long member")
    {
        forged = payloadOf({}, QCborArray{QCborArray{QStringLiteral("Nhóm"), QCborArray{longName}}});
        said = QStringLiteral("members");
    }
    SECTION("a person of one part")
    {
        forged = payloadOf(QCborArray{S("Nguyễn Văn An")});
        said = QStringLiteral("people");
    }
    SECTION("a person spelled with an X.509 label")
    {
        forged = payloadOf(QCborArray{QStringLiteral("CN=Admin/VPTU/HaNoi")});
        said = QStringLiteral("people");
    }
    SECTION("a control character")
    {
        forged = payloadOf(QCborArray{QStringLiteral("An\x07/VPTU/HaNoi")});
        said = QStringLiteral("people");
    }
    SECTION("a format character that makes two names look alike")
    {
        forged = payloadOf(
            QCborArray{QString(S("Nguyễn Văn An") + QChar(0x200B) + QStringLiteral("/VPTU/HaNoi"))});
        said = QStringLiteral("people");
    }
    SECTION("the same person twice")
    {
        forged = payloadOf(QCborArray{S("Nguyễn Văn An/VPTU/HaNoi"), S("nguyễn văn an/vptu/hanoi")});
        said = QStringLiteral("twice");
    }
    SECTION("a role that is not [Role]")
    {
        forged = payloadOf({}, {}, QCborArray{QCborArray{QStringLiteral("LanhDao"), QCborArray()}});
        said = QStringLiteral("roles");
    }
    SECTION("a group that is a wildcard")
    {
        forged = payloadOf({}, QCborArray{QCborArray{QStringLiteral("*/VPTU/HaNoi"), QCborArray()}});
        said = QStringLiteral("groups");
    }
    SECTION("the wrong shape")
    {
        forged = QCborValue(QCborArray{QCborArray(), QCborArray()}).toCbor();
        said = QStringLiteral("people, groups, roles");
    }
    requireError(office.syncAgainst(forged), ErrorCode::ProtocolError, said);
    CHECK(office.kept() == honest());
}

TEST_CASE("Directory: a server of protocol version 4 is not asked, and the session completes",
          "[client][directory]")
{
    // Compatibility (docs/protocol.md §Versions): a version 4 server would end the session on
    // a DIRECTORY_REQUEST, so the client asks only a server that chose version 5.
    Office office;
    auto tls =
        makeTlsConfiguration(office.f.serverCredentials(), office.f.serverCredentials().certifierDer());
    requireOk(tls.status());
    HostileNumberServer older(*tls,
                              [](const std::vector<NumberRequest>&) { return std::vector<NumberAnswer>(); });
    auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(older.serverPort()), kDb);
    requireOk(endpoint.status());
    SessionOptions options;
    options.pull = false;
    options.push = false;
    options.directory = std::make_shared<client::DirectoryUpdate>(office.home, QStringLiteral("server"),
                                                                  office.store->info().replicaId.toHex());
    RemoteSession session(*office.store, office.clerk, *endpoint, options);
    requireOk(session.runBlocking(20'000));
    CHECK_FALSE(session.stats().directory);
    CHECK_FALSE(office.kept().has_value());
}
