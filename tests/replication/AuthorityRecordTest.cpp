// The hub's signed authority record (replication/protocol/AuthorityRecord.h): what a server
// takes and what it refuses — another signer, a flipped byte, a cut record, a record over a
// limit, an older or equal serial, another organisation.

#include "replication/protocol/AuthorityRecord.h"

#include "common/acl/AccessLevel.h"
#include "common/identity/Certifier.h"

#include <QCborArray>
#include <QCborValue>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::protocol;

namespace {

identity::HierarchicalName nameOf(const QString& text)
{
    return identity::HierarchicalName::parse(text).value();
}

struct Hub
{
    identity::Certifier certifier =
        identity::Certifier::create(nameOf(QStringLiteral("VPTU/HaNoi")), identity::Validity::days(30))
            .value();
    QByteArray crl()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return certifier.crl(now, now.addDays(30)).value();
    }
    QByteArray key() const { return certifier.credentials().privateKeyPem; }
    QByteArray der() const { return certifier.certificateDer(); }
};

AuthorityContent sampleContent(Hub& hub, std::uint64_t serial)
{
    AuthorityContent c;
    c.org = QStringLiteral("VPTU/HaNoi");
    c.serial = serial;
    c.crlDer = hub.crl();
    c.people.push_back({QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                        1700000000000,
                        {{QStringLiteral("0a1b"), 1700000000000, 1800000000000}}});
    c.people.push_back({QStringLiteral("Trần Thị Bình/VPTU/HaNoi"), 1700000000001, {}});
    c.groups.push_back({QStringLiteral("VanPhong"),
                        {QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"), QStringLiteral("*/VPTU/HaNoi")}});
    AuthorityDatabase db;
    db.replicaId = newReplicaId();
    acl::AclEntry manager = acl::AclEntry::make(QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
                                                acl::AccessLevel::Manager, acl::EntryKind::Person);
    manager.roles = {QStringLiteral("[VanThu]")};
    db.acl = {acl::AclEntry::make(QStringLiteral("-Default-"), acl::AccessLevel::Reader), manager};
    db.numberingServer = QStringLiteral("QuanBaDinh/VPTU/HaNoi");
    c.databases.push_back(db);
    return c;
}

} // namespace

TEST_CASE("an authority record signed by the certifier is taken and reads back as signed", "[authority]")
{
    Hub hub;
    const AuthorityContent content = sampleContent(hub, 1000);
    const AuthorityRecord record = signAuthorityRecord(content, hub.key()).value();
    const auto accepted = acceptAuthorityRecord(record.bytes, hub.der(), QStringLiteral("VPTU/HaNoi"), 999);
    REQUIRE(accepted.isOk());
    CHECK(accepted->content.serial == 1000);
    CHECK(accepted->content.people == content.people);
    CHECK(accepted->content.groups == content.groups);
    REQUIRE(accepted->content.databases.size() == 1);
    CHECK(accepted->content.databases[0].numberingServer == QStringLiteral("QuanBaDinh/VPTU/HaNoi"));
    CHECK(accepted->content.databases[0].acl.size() == 2);
    CHECK(accepted->content.database(content.databases[0].replicaId) != nullptr);
    CHECK(accepted->bytes == record.bytes);
    CHECK(authoritySerial(record.bytes).value() == 1000);
}

TEST_CASE("an authority record that is not newer than the one held is refused", "[authority]")
{
    Hub hub;
    const AuthorityRecord record = signAuthorityRecord(sampleContent(hub, 1000), hub.key()).value();
    const QString org = QStringLiteral("VPTU/HaNoi");
    CHECK(acceptAuthorityRecord(record.bytes, hub.der(), org, 1000).status().code() == ErrorCode::Conflict);
    CHECK(acceptAuthorityRecord(record.bytes, hub.der(), org, 2000).status().code() == ErrorCode::Conflict);
    CHECK(acceptAuthorityRecord(record.bytes, hub.der(), org, 0).isOk());
}

TEST_CASE("an authority record signed by another key or altered is refused", "[authority]")
{
    Hub hub;
    Hub stranger; // another certifier of the same name: only the key tells them apart
    const QString org = QStringLiteral("VPTU/HaNoi");
    const AuthorityRecord forged = signAuthorityRecord(sampleContent(stranger, 1000), stranger.key()).value();
    CHECK(acceptAuthorityRecord(forged.bytes, hub.der(), org, 0).status().code() ==
          ErrorCode::PermissionDenied);

    const AuthorityRecord record = signAuthorityRecord(sampleContent(hub, 1000), hub.key()).value();
    // Every byte of the content flipped in turn (a sample: every 7th) fails the signature or the shape.
    for (qsizetype at = 0; at < record.bytes.size(); at += 7) {
        QByteArray tampered = record.bytes;
        tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
        CAPTURE(at);
        CHECK_FALSE(acceptAuthorityRecord(tampered, hub.der(), org, 0).isOk());
    }
    // A content re-encoded with another serial under the old signature.
    const QCborArray top = QCborValue::fromCbor(record.bytes).toArray();
    AuthorityContent later = record.content;
    later.serial = 5000;
    const QByteArray swapped = QCborValue(QCborArray{1, encodeAuthorityContent(later), top[2]}).toCbor();
    CHECK(acceptAuthorityRecord(swapped, hub.der(), org, 0).status().code() == ErrorCode::PermissionDenied);
}

TEST_CASE("a truncated or malformed authority record is refused", "[authority]")
{
    Hub hub;
    const AuthorityRecord record = signAuthorityRecord(sampleContent(hub, 1000), hub.key()).value();
    for (qsizetype size :
         {qsizetype(0), qsizetype(1), qsizetype(10), record.bytes.size() / 2, record.bytes.size() - 1}) {
        CAPTURE(size);
        CHECK(decodeAuthorityRecord(record.bytes.left(size)).status().code() == ErrorCode::ProtocolError);
        CHECK_FALSE(acceptAuthorityRecord(record.bytes.left(size), hub.der(), QStringLiteral("VPTU/HaNoi"), 0)
                        .isOk());
    }
    CHECK_FALSE(
        decodeAuthorityRecord(QCborValue(QCborArray{1, QByteArray("x"), QByteArray(64, 'a')}).toCbor())
            .isOk());
    CHECK_FALSE(
        decodeAuthorityRecord(QCborValue(QCborArray{1, QByteArray("x"), QByteArray(63, 'a')}).toCbor())
            .isOk());
    CHECK_FALSE(
        decodeAuthorityRecord(QCborValue(QCborArray{2, QByteArray("x"), QByteArray(64, 'a')}).toCbor())
            .isOk());
}

TEST_CASE("an authority record over a limit is neither signed nor taken", "[authority]")
{
    Hub hub;
    SECTION("too many people")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        c.people.clear();
        for (int i = 0; i <= kMaxAuthorityPeople; ++i)
            c.people.push_back({QStringLiteral("Nguoi %1/VPTU/HaNoi").arg(i), 1, {}});
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("a person twice")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        c.people.push_back(c.people.front());
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("too many certificates of one person")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        c.people[0].certificates.assign(kMaxAuthorityCertificates + 1, {QStringLiteral("0a"), 1, 2});
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("a name over the length limit")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        c.groups[0].members.append(QString(kMaxAuthorityNameLength + 1, u'a'));
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("too many roles in one ACL entry")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        for (int i = 0; i <= kMaxAuthorityRoles; ++i)
            c.databases[0].acl[1].roles.append(QStringLiteral("[R%1]").arg(i));
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("an unknown access level")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        c.databases[0].acl[1].level = static_cast<acl::AccessLevel>(99);
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("the same replica twice")
    {
        AuthorityContent c = sampleContent(hub, 1000);
        c.databases.push_back(c.databases[0]);
        CHECK(signAuthorityRecord(c, hub.key()).status().code() == ErrorCode::ProtocolError);
    }
    SECTION("a record over the byte limit")
    {
        QByteArray huge =
            QCborValue(QCborArray{1, QByteArray(kMaxAuthorityRecordBytes, 'x'), QByteArray(64, 'a')})
                .toCbor();
        CHECK(decodeAuthorityRecord(huge).status().code() == ErrorCode::ProtocolError);
    }
}

TEST_CASE("an authority record of another organisation or with a foreign CRL is refused", "[authority]")
{
    Hub hub;
    AuthorityContent c = sampleContent(hub, 1000);
    c.org = QStringLiteral("Other/Org");
    const AuthorityRecord other = signAuthorityRecord(c, hub.key()).value();
    CHECK(acceptAuthorityRecord(other.bytes, hub.der(), QStringLiteral("VPTU/HaNoi"), 0).status().code() ==
          ErrorCode::PermissionDenied);

    Hub stranger;
    AuthorityContent foreignCrl = sampleContent(hub, 1000);
    foreignCrl.crlDer = stranger.crl();
    const AuthorityRecord record = signAuthorityRecord(foreignCrl, hub.key()).value();
    CHECK(acceptAuthorityRecord(record.bytes, hub.der(), QStringLiteral("VPTU/HaNoi"), 0).status().code() ==
          ErrorCode::Corruption);
}
