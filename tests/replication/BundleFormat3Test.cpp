// Bundle format 3 (docs/protocol.md §Bundles): a first bundle carries the database facts a
// session's handshake would tell a new replica; a bundle without them is still written and
// read as format 2; a format this version does not know is refused by name; and an office's
// kept CRL, when newer than the one a bundle carries, decides whether the signer is revoked.

#include "common/identity/CertificateInfo.h"
#include "replication/bundle/Bundle.h"
#include "replication/bundle/BundleFormat.h"
#include "replication/protocol/Frame.h"
#include "tests/replication/BundleIds.h"
#include "tests/replication/SyncFixture.h"

#include <QCborArray>
#include <QCborValue>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

test::BundleIds& ids()
{
    static test::BundleIds shared;
    return shared;
}

void create(ReplicaStore& store, const QString& text)
{
    REQUIRE(store
                .save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                          .set(Item::text(QStringLiteral("TrichYeu"), text)))
                .isOk());
}

BundleDatabase facts()
{
    return BundleDatabase{
        QStringLiteral("vanban"),
        0,
        QStringLiteral("Văn bản đến"),
        QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"),
        QStringLiteral("sen01/VPTU/HaNoi"),
        protocol::WelcomeAccess{4, 3, {QStringLiteral("[VanThu]")}, {QStringLiteral("VanPhong")}}};
}

// The format number the bundle's header declares.
qint64 headerFormat(const QByteArray& bytes)
{
    protocol::FrameDecoder decoder;
    REQUIRE(decoder.feed(bytes).isOk());
    const auto frame = decoder.next();
    REQUIRE(frame.has_value());
    REQUIRE(frame->type == protocol::MessageType::BundleHeader);
    return QCborValue::fromCbor(frame->payload).toArray().at(0).toInteger();
}

} // namespace

TEST_CASE("Bundle format 3: a first bundle carries the database facts, signed with the rest", "[bundle]")
{
    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("một"));
    create(f.replica(0), QStringLiteral("hai"));
    BundleWriteOptions options;
    options.database = facts();
    options.crlDer = ids().crl();
    const QByteArray first = test::writeSigned(f.replica(0), ids().centre, options);
    REQUIRE(headerFormat(first) == 3);

    const BundleTrust trust = ids().trust();
    const auto read = test::readSigned(first, trust);
    INFO(read.status().toString().toStdString());
    REQUIRE(read.isOk());
    REQUIRE(read->format == 3);
    REQUIRE(read->database.has_value());
    REQUIRE(*read->database == facts());
    REQUIRE(read->checkedCrlDer == trust.crlDer); // a server's own, not the one carried

    const auto imported = importBundle(f.replica(1), *read);
    REQUIRE(imported.isOk());
    REQUIRE(imported->stored == 2);
    const auto again = test::importSigned(f.replica(1), first, ids().trust());
    REQUIRE(again.isOk());
    REQUIRE(again->alreadyImported);

    // Without facts the writer keeps format 2, which an office of an older Sen reads.
    const QByteArray ordinary = test::writeSigned(f.replica(0), ids().centre);
    REQUIRE(headerFormat(ordinary) == 2);
    const auto plain = test::readSigned(ordinary, ids().trust());
    REQUIRE(plain.isOk());
    REQUIRE(plain->format == 2);
    REQUIRE_FALSE(plain->database.has_value());

    // A first bundle altered in its header (where the facts are) is refused whole.
    QByteArray altered = first;
    altered[40] = static_cast<char>(altered[40] ^ 0x01);
    const auto refused = test::readSigned(altered, ids().trust());
    REQUIRE_FALSE(refused.isOk()); // the frame no longer decodes, or the digest fails
    QByteArray damaged = first;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x01);
    REQUIRE_FALSE(test::readSigned(damaged, ids().trust()).isOk());
}

TEST_CASE("Bundle formats: a format this version does not know is refused by name", "[bundle]")
{
    protocol::FrameEncoder encoder;
    QCborArray header{4};
    for (int i = 1; i < bundle::kHeaderFieldsFormat3; ++i)
        header.append(QCborValue(nullptr));
    const QByteArray bytes =
        encoder.encode(protocol::MessageType::BundleHeader, 0, header.toCborValue().toCbor(), true);
    const auto read = test::readSigned(bytes, ids().trust());
    REQUIRE(read.code() == ErrorCode::Unsupported);
    INFO(read.message().toStdString());
    REQUIRE(read.message().contains(QStringLiteral("bundle format 4 is not supported")));
    REQUIRE(read.message().contains(QStringLiteral("formats 2 to 3")));
}

TEST_CASE("Bundle trust: an office's kept CRL, when newer, decides; an older one gives way", "[bundle][crl]")
{
    test::BundleIds own;
    const identity::Credentials chi =
        test::BundleIds::issue(own.certifier, QStringLiteral("Lê Văn Chí/VPTU/HaNoi"));
    const QByteArray before = own.crl();
    REQUIRE(own.certifier.revoke(identity::CertificateInfo::fromDer(chi.leafDer()).value().serialHex).isOk());
    const QByteArray after = own.crl();

    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("ba"));
    BundleWriteOptions carryingOld;
    carryingOld.crlDer = before;
    const QByteArray byChi = test::writeSigned(f.replica(0), chi, carryingOld);

    BundleTrust office{own.certifier.certificateDer(), {}, QDateTime::currentDateTimeUtc()};
    REQUIRE(test::readSigned(byChi, office).isOk()); // nothing newer known: passes
    office.keptCrlDer = before;
    REQUIRE(test::readSigned(byChi, office).isOk()); // the same CRL
    office.keptCrlDer = after;
    const auto refused = test::readSigned(byChi, office);
    REQUIRE(refused.code() == ErrorCode::PermissionDenied);
    REQUIRE(refused.message().contains(QStringLiteral("revoked")));

    // A bundle carrying the newer CRL wins over an older kept one.
    BundleWriteOptions carryingNew;
    carryingNew.crlDer = after;
    const QByteArray byCentre = test::writeSigned(f.replica(0), own.centre, carryingNew);
    office.keptCrlDer = before;
    const auto read = test::readSigned(byCentre, office);
    REQUIRE(read.isOk());
    REQUIRE(read->checkedCrlDer == after);
    const QByteArray byChiNew = test::writeSigned(f.replica(0), chi, carryingNew);
    REQUIRE(test::readSigned(byChiNew, office).code() == ErrorCode::PermissionDenied);
}
