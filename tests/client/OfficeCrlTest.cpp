// The office's own revocation list (client/core/OfficeCrl.h, docs/protocol.md §Bundles): once
// an office has seen a CRL revoking an ID, a bundle signed by that ID is refused even when it
// carries an older CRL from before the revocation; an older CRL never replaces a newer one,
// and another certifier's is ignored. Real IDs from Sen's certifier, real bundles written by
// writeBundle, real replica files in a real workspace.

#include "client/core/OfficeCrl.h"

#include "client/app/OfficeBundle.h"
#include "client/core/Workspace.h"
#include "common/store/ReplicaStore.h"
#include "tests/replication/BundleIds.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;

namespace {

// The centre's replica of a database with one document, and an office's of the same database
// in its own workspace.
struct Exchange
{
    test::TempDir dir;
    test::BundleIds ids;
    std::unique_ptr<ReplicaStore> centre;
    client::Workspace office = client::Workspace::open(dir.path(QStringLiteral("office"))).value();
    std::unique_ptr<ReplicaStore> officeReplica;

    Exchange()
    {
        centre = ReplicaStore::create(dir.path(QStringLiteral("centre.sen")), {}).value();
        REQUIRE(centre
                    ->save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                               .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Công văn"))))
                    .isOk());
        ReplicaCreateOptions create;
        create.replicaId = centre->info().replicaId;
        officeReplica = ReplicaStore::create(office.replicaPath(QStringLiteral("vanban")), create).value();
    }

    QString bundleFile(const QString& name, const identity::Credentials& signer, const QByteArray& crl)
    {
        BundleWriteOptions options;
        options.crlDer = crl;
        const QString path = dir.path(name);
        REQUIRE(test::writeFile(path, test::writeSigned(*centre, signer, options)));
        return path;
    }
    Result<BundleInfo> importAtOffice(const QString& path)
    {
        return app::OfficeBundle::importFrom(*officeReplica, ids.certifier.certificateDer(), path,
                                             office.home());
    }
};

QByteArray crlNow(identity::Certifier& certifier)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return certifier.crl(now, now.addDays(30)).value();
}

} // namespace

TEST_CASE("An office keeps the newest CRL it has seen and checks every bundle against it",
          "[client][bundle][crl]")
{
    Exchange x;
    const identity::Credentials chi =
        test::BundleIds::issue(x.ids.certifier, QStringLiteral("Lê Văn Chí/VPTU/HaNoi"));
    const QByteArray before = crlNow(x.ids.certifier); // from before Chí was revoked
    REQUIRE(
        x.ids.certifier.revoke(identity::CertificateInfo::fromDer(chi.leafDer()).value().serialHex).isOk());
    const QByteArray after = crlNow(x.ids.certifier);

    // Chí's bundle carrying the CRL from before the revocation: an office that has seen no
    // newer CRL cannot tell (it imports), which is why an office keeps one.
    const QString byChi = x.bundleFile(QStringLiteral("chi.bundle"), chi, before);
    {
        test::TempDir other;
        auto fresh = client::Workspace::open(other.path(QStringLiteral("o"))).value();
        auto replica = ReplicaStore::create(fresh.replicaPath(QStringLiteral("vanban")),
                                            ReplicaCreateOptions{x.centre->info().replicaId})
                           .value();
        REQUIRE(app::OfficeBundle::importFrom(*replica, x.ids.certifier.certificateDer(), byChi, fresh.home())
                    .isOk());
    }

    // The server's bundle carries the newer CRL: the office keeps it.
    REQUIRE(client::OfficeCrl::load(x.office.home()).isEmpty());
    REQUIRE(x.importAtOffice(x.bundleFile(QStringLiteral("centre.bundle"), x.ids.centre, after)).isOk());
    REQUIRE(client::OfficeCrl::load(x.office.home()) == after);

    // Now Chí's bundle with the older CRL is refused, and changes nothing.
    const qint64 documents = x.officeReplica->documentCount(false).value();
    const auto refused = x.importAtOffice(byChi);
    REQUIRE_FALSE(refused.isOk());
    REQUIRE(refused.code() == ErrorCode::PermissionDenied);
    INFO(refused.message().toStdString());
    REQUIRE(refused.message().contains(QStringLiteral("revoked")));
    REQUIRE(x.officeReplica->documentCount(false).value() == documents);
    // And the older CRL it carried did not replace the newer one.
    REQUIRE(client::OfficeCrl::load(x.office.home()) == after);
}

TEST_CASE("An older CRL never replaces a newer one, and another certifier's is ignored", "[client][crl]")
{
    test::TempDir dir;
    test::BundleIds ids;
    const QString home = dir.root();
    const QByteArray certifier = ids.certifier.certificateDer();
    const QByteArray first = crlNow(ids.certifier);
    const QByteArray second = crlNow(ids.certifier); // the next CRL number

    REQUIRE(client::OfficeCrl::keep(home, certifier, first).value());
    REQUIRE(client::OfficeCrl::keep(home, certifier, second).value());
    REQUIRE(client::OfficeCrl::load(home) == second);
    REQUIRE_FALSE(client::OfficeCrl::keep(home, certifier, first).value());
    REQUIRE(client::OfficeCrl::load(home) == second);

    identity::Certifier foreign = test::bundleCertifier(QStringLiteral("VPUB/DaNang"));
    for (int i = 0; i < 3; ++i) // a higher number than ours, but not our certifier's
        (void)crlNow(foreign);
    REQUIRE_FALSE(client::OfficeCrl::keep(home, certifier, crlNow(foreign)).value());
    REQUIRE_FALSE(client::OfficeCrl::keep(home, certifier, QByteArray("not a CRL")).value());
    REQUIRE(client::OfficeCrl::load(home) == second);
}
