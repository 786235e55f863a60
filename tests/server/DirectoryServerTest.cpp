// The server's directory (protocol version 5, docs/protocol.md §Directory; issue #14): a peer
// speaking the protocol by hand (HostilePeer.h) over real TLS asks a real server. Whoever may
// replicate the database gets its people, groups and roles; a user with no access gets
// nothing; a session of version 4 or a request before HELLO is refused; and what the server
// sends always fits the limits the client holds it to.

#include "common/acl/Acl.h"
#include "replication/protocol/DirectoryListing.h"
#include "server/net/DirectoryAnswer.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

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

QString full(const char* name)
{
    return S(name) + QStringLiteral("/VPTU/HaNoi");
}

struct Office
{
    ServerFixture f;
    ReplicaInfo info;

    Office()
    {
        info = f.createDatabase(kDb, acl::AccessLevel::NoAccess);
        f.setPeople({full("Nguyễn Văn An"), full("Lê Thị Hoa"), S("Trần Thị An/PhongHC/VPTU/HaNoi")});
        f.setGroup(S("Lãnh đạo"), {full("Nguyễn Văn An")});
        acl::AclEntry reader = acl::AclEntry::make(full("Lê Thị Hoa"), acl::AccessLevel::Reader);
        reader.roles = {QStringLiteral("[VanThu]")};
        f.setEntry(kDb, reader);
        acl::AclEntry leaders = acl::AclEntry::make(S("Lãnh đạo"), acl::AccessLevel::Editor);
        leaders.roles = {QStringLiteral("[LanhDao]"), QStringLiteral("[VanThu]")};
        f.setEntry(kDb, leaders);
    }

    std::unique_ptr<HostilePeer> connect(const char* name)
    {
        auto peer = std::make_unique<HostilePeer>(f.port(), f.user(S(name)));
        REQUIRE(peer->isConnected());
        return peer;
    }
};

} // namespace

TEST_CASE("Directory: a reader of the database gets its people, groups and roles", "[server][directory]")
{
    Office office;
    auto peer = office.connect("Lê Thị Hoa");
    auto welcome = peer->hello(kDb, office.info.replicaId, full("Lê Thị Hoa"), newInstanceId(), 0);
    requireOk(welcome.status());
    REQUIRE(welcome->version >= kVersionDirectory); // the directory messages are there
    peer->send(MessageType::DirectoryRequest, encodeDirectoryRequest());
    auto frame = peer->expect(MessageType::Directory);
    requireOk(frame.status());
    auto listing = decodeDirectory(frame->payload);
    requireOk(listing.status());
    CHECK(listing->people ==
          QStringList({full("Lê Thị Hoa"), full("Nguyễn Văn An"), S("Trần Thị An/PhongHC/VPTU/HaNoi")}));
    REQUIRE(listing->groups.size() == 1);
    CHECK(listing->groups[0] == DirectoryGroup{S("Lãnh đạo"), {full("Nguyễn Văn An")}});
    REQUIRE(listing->roles.size() == 2);
    CHECK(listing->roles[0] == DirectoryRole{QStringLiteral("[LanhDao]"), {S("Lãnh đạo")}});
    CHECK(listing->roles[1].role == QStringLiteral("[VanThu]"));
    CHECK(listing->roles[1].holders.size() == 2);
}

TEST_CASE("Directory: a user with no access to the database is refused before any directory",
          "[server][directory]")
{
    Office office;
    auto peer = office.connect("Kẻ Lạ");
    auto welcome = peer->hello(kDb, office.info.replicaId, full("Kẻ Lạ"), newInstanceId(), 0);
    requireError(welcome.status(), ErrorCode::PermissionDenied, QStringLiteral("may not replicate"));
    peer->send(MessageType::DirectoryRequest, encodeDirectoryRequest());
    auto frame = peer->expect(MessageType::Directory, 1000);
    CHECK_FALSE(frame.isOk());
    CHECK(peer->waitClosed());
}

TEST_CASE("Directory: a request before HELLO or in a session of version 4 is refused", "[server][directory]")
{
    Office office;
    SECTION("before HELLO")
    {
        auto peer = office.connect("Lê Thị Hoa");
        peer->send(MessageType::DirectoryRequest, encodeDirectoryRequest());
        requireError(peer->waitError(), ErrorCode::ProtocolError, QStringLiteral("HELLO"));
    }
    SECTION("version 4")
    {
        auto peer = office.connect("Lê Thị Hoa");
        Hello hello;
        hello.versionMax = kVersionNumbers;
        hello.replicaId = office.info.replicaId;
        hello.instanceId = newInstanceId();
        hello.database = kDb;
        hello.peerName = full("Lê Thị Hoa");
        peer->send(MessageType::Hello, encode(hello));
        auto frame = peer->expect(MessageType::Welcome);
        requireOk(frame.status());
        REQUIRE(decodeWelcome(frame->payload)->version == kVersionNumbers);
        peer->send(MessageType::DirectoryRequest, encodeDirectoryRequest());
        requireError(peer->waitError(), ErrorCode::ProtocolError, QStringLiteral("version 4"));
    }
}

TEST_CASE("Directory: the server sends only what the client accepts, within the limits",
          "[server][directory]")
{
    // More people than a listing may hold, names that could not stand in one, a -Default-
    // entry holding a role: the answer leaves them out and still decodes.
    QStringList people;
    for (int i = 0; i < kMaxDirectoryPeople + 10; ++i)
        people.append(QStringLiteral("Cán bộ %1/VPTU/HaNoi").arg(i));
    people.append(S("Một phần"));                         // one part
    people.append(QStringLiteral("CN=Admin/VPTU/HaNoi")); // a label form
    acl::Directory groups;
    groups.setGroup(QString(kMaxDirectoryNameLength + 1, u'a'), {});
    groups.setGroup(S("Nhóm"), {full("Nguyễn Văn An"), QString(kMaxDirectoryNameLength + 1, u'b')});
    acl::Acl acl;
    acl::AclEntry everyone = acl::AclEntry::make(acl::defaultEntryName(), acl::AccessLevel::Reader);
    everyone.roles = {QStringLiteral("[DocGia]")};
    requireOk(acl.setEntry(everyone));

    const DirectoryListing listing = server::DirectoryAnswer::listing(people, groups, acl);
    CHECK(listing.people.size() == kMaxDirectoryPeople);
    CHECK_FALSE(listing.people.contains(S("Một phần")));
    REQUIRE(listing.groups.size() == 1);
    CHECK(listing.groups[0] == DirectoryGroup{S("Nhóm"), {full("Nguyễn Văn An")}});
    REQUIRE(listing.roles.size() == 1);
    CHECK(listing.roles[0].holders.isEmpty());
    auto decoded = decodeDirectory(encodeDirectory(listing));
    requireOk(decoded.status());
    CHECK(*decoded == listing);
}
