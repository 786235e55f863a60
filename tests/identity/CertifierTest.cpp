// The certifier issues user and server certificates, revokes them, and the server's peer
// verifier accepts exactly the certificates it should.

#include "common/identity/Certifier.h"

#include "common/identity/CertificateInfo.h"
#include "common/identity/PeerVerifier.h"
#include "tests/support/TempDir.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::identity;

namespace {
// Nobody but the owner may read or write an ID file or a revocation file.
constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                   QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                   QFileDevice::WriteOther | QFileDevice::ExeOther;
} // namespace

namespace {

HierarchicalName nameOf(const char16_t* text)
{
    return HierarchicalName::parse(QString::fromUtf16(text)).value();
}

Certifier makeCertifier(const char16_t* org = u"HaNoi")
{
    auto certifier =
        Certifier::create(nameOf(org), Validity::days(3650, QDateTime::currentDateTimeUtc().addDays(-1)));
    REQUIRE(certifier.isOk());
    return std::move(certifier).value();
}

PeerVerifier verifierFor(Certifier& certifier)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto crl = certifier.crl(now, now.addDays(7));
    REQUIRE(crl.isOk());
    auto verifier = PeerVerifier::create(certifier.certificateDer(), crl.value());
    INFO(verifier.status().toString().toStdString());
    REQUIRE(verifier.isOk());
    return verifier.value();
}

} // namespace

TEST_CASE("A certifier issues a user and a server certificate that verify against it",
          "[identity][certifier]")
{
    // Both certificates are accepted by the peer verifier and report their names and roles.
    Certifier certifier = makeCertifier();
    const auto user =
        certifier.issue(nameOf(u"Nguyễn Văn A/VPTU/HaNoi"), CertificateRole::User, Validity::days(365));
    const auto server =
        certifier.issue(nameOf(u"Mail01/VPTU/HaNoi"), CertificateRole::Server, Validity::days(365),
                        {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
    REQUIRE(user.isOk());
    REQUIRE(server.isOk());
    REQUIRE(user->privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    REQUIRE(user->chainDer.size() == 2);
    REQUIRE(user->certifierDer() == certifier.certificateDer());

    const PeerVerifier verifier = verifierFor(certifier);
    const auto userInfo = verifier.verify(user->chainDer, QDateTime::currentDateTimeUtc());
    INFO(userInfo.status().toString().toStdString());
    REQUIRE(userInfo.isOk());
    REQUIRE(userInfo->name == user->name);
    REQUIRE(userInfo->role == CertificateRole::User);
    REQUIRE(userInfo->serialHex.size() == 32);
    REQUIRE(userInfo->sha256Fingerprint.size() == 32);
    REQUIRE(userInfo->issuer == certifier.name());

    const auto serverInfo = verifier.verify(server->chainDer, QDateTime::currentDateTimeUtc());
    REQUIRE(serverInfo.isOk());
    REQUIRE(serverInfo->role == CertificateRole::Server);
    REQUIRE(serverInfo->serialHex != userInfo->serialHex);
}

TEST_CASE("A certificate from another certifier is refused", "[identity][certifier]")
{
    // A foreign organisation's user, even with the same certifier name, is not one of ours.
    Certifier ours = makeCertifier();
    Certifier theirs = makeCertifier();
    const auto stranger = theirs.issue(nameOf(u"Kẻ Lạ/HaNoi"), CertificateRole::User, Validity::days(30));
    REQUIRE(stranger.isOk());
    const auto result = verifierFor(ours).verify(stranger->chainDer, QDateTime::currentDateTimeUtc());
    REQUIRE(result.code() == ErrorCode::PermissionDenied);
    REQUIRE(result.message().contains(QLatin1String("not issued by")));
}

TEST_CASE("A revoked serial is refused through the certifier's CRL", "[identity][certifier]")
{
    // Revoking one user's certificate refuses that user and leaves another user alone.
    Certifier certifier = makeCertifier();
    const auto revoked =
        certifier.issue(nameOf(u"Cựu Nhân Viên/HaNoi"), CertificateRole::User, Validity::days(30));
    const auto kept = certifier.issue(nameOf(u"Nhân Viên/HaNoi"), CertificateRole::User, Validity::days(30));
    const QString serial = CertificateInfo::fromDer(revoked->leafDer())->serialHex;
    REQUIRE(certifier.revoke(serial.toUpper()).isOk());
    REQUIRE(certifier.isRevoked(serial));

    const PeerVerifier verifier = verifierFor(certifier);
    const auto refused = verifier.verify(revoked->chainDer, QDateTime::currentDateTimeUtc());
    REQUIRE(refused.code() == ErrorCode::PermissionDenied);
    REQUIRE(refused.message().contains(QLatin1String("revoked")));
    REQUIRE(verifier.verify(kept->chainDer, QDateTime::currentDateTimeUtc()).isOk());
}

TEST_CASE("An expired or not yet valid certificate is refused", "[identity][certifier]")
{
    // Certificates issued for a period in the past and in the future both fail at the present time.
    Certifier certifier = makeCertifier();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto expired =
        certifier.issue(nameOf(u"Hết Hạn/HaNoi"), CertificateRole::User, {now.addDays(-30), now.addDays(-1)});
    const auto future =
        certifier.issue(nameOf(u"Chưa Tới/HaNoi"), CertificateRole::User, {now.addDays(1), now.addDays(30)});
    const PeerVerifier verifier = verifierFor(certifier);
    const auto a = verifier.verify(expired->chainDer, now);
    REQUIRE(a.code() == ErrorCode::PermissionDenied);
    REQUIRE(a.message().contains(QLatin1String("expired")));
    const auto b = verifier.verify(future->chainDer, now);
    REQUIRE(b.code() == ErrorCode::PermissionDenied);
    REQUIRE(b.message().contains(QLatin1String("not valid until")));
}

TEST_CASE("Bad peer: the certifier's own certificate presented as a leaf is refused", "[identity][certifier]")
{
    // Whoever presents the CA certificate has not proved to be any user or server.
    Certifier certifier = makeCertifier();
    const auto result =
        verifierFor(certifier).verify({certifier.certificateDer()}, QDateTime::currentDateTimeUtc());
    REQUIRE(result.code() == ErrorCode::PermissionDenied);
    REQUIRE(result.message().contains(QLatin1String("certifier's certificate")));
}

TEST_CASE("Bad peer: an empty chain and garbage instead of a certificate are refused",
          "[identity][certifier]")
{
    // Neither nothing nor random bytes identify anyone.
    Certifier certifier = makeCertifier();
    const PeerVerifier verifier = verifierFor(certifier);
    REQUIRE(verifier.verify({}, QDateTime::currentDateTimeUtc()).code() == ErrorCode::PermissionDenied);
    REQUIRE_FALSE(verifier.verify({QByteArray(300, 'x')}, QDateTime::currentDateTimeUtc()).isOk());
}

TEST_CASE("A certifier refuses to issue a certifier role, an empty validity or a bad host name",
          "[identity][certifier]")
{
    // Sub-certifiers are not part of Sen's profile, and malformed requests are rejected up front.
    Certifier certifier = makeCertifier();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    REQUIRE(certifier.issue(nameOf(u"Con/HaNoi"), CertificateRole::Certifier, Validity::days(1)).code() ==
            ErrorCode::InvalidArgument);
    REQUIRE(certifier.issue(nameOf(u"A/HaNoi"), CertificateRole::User, {now, now}).code() ==
            ErrorCode::InvalidArgument);
    REQUIRE(certifier
                .issue(nameOf(u"S/HaNoi"), CertificateRole::Server, Validity::days(1),
                       {QStringLiteral("bad host!")})
                .code() == ErrorCode::InvalidArgument);
}

TEST_CASE("A saved certifier keeps its key and its revocations when loaded again", "[identity][certifier]")
{
    // Save, load, and the reloaded certifier still knows the revoked serial and issues valid certificates.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("cert.id"));
    Certifier certifier = makeCertifier(u"VPTU/HaNoi");
    REQUIRE(certifier.revoke(QStringLiteral("0a0b0c0d")).isOk());
    REQUIRE(certifier.save(path, QStringLiteral("mật khẩu gốc"), KdfCost::Test).isOk());
    REQUIRE((QFile::permissions(Certifier::revocationPath(path)) & kGroupOrOther) == 0);

    auto loaded = Certifier::load(path, QStringLiteral("mật khẩu gốc"));
    REQUIRE(loaded.isOk());
    REQUIRE(loaded->name() == certifier.name());
    REQUIRE(loaded->certificateDer() == certifier.certificateDer());
    REQUIRE(loaded->isRevoked(QStringLiteral("0A0B0C0D")));
    const auto user = loaded->issue(nameOf(u"Mới/VPTU/HaNoi"), CertificateRole::User, Validity::days(10));
    REQUIRE(user.isOk());
    REQUIRE(verifierFor(certifier).verify(user->chainDer, QDateTime::currentDateTimeUtc()).isOk());
}

TEST_CASE("Bad revocation file: an edited or missing CRL stops the certifier from loading",
          "[identity][certifier]")
{
    // Removing a revocation by editing the sidecar must not silently un-revoke anyone.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("cert.id"));
    Certifier certifier = makeCertifier();
    REQUIRE(certifier.revoke(QStringLiteral("0a0b0c0d")).isOk());
    REQUIRE(certifier.save(path, QStringLiteral("pw"), KdfCost::Test).isOk());

    QByteArray crl = test::readFile(Certifier::revocationPath(path));
    crl[crl.size() - 5] = static_cast<char>(crl.at(crl.size() - 5) ^ 0x01);
    REQUIRE(test::writeFile(Certifier::revocationPath(path), crl));
    REQUIRE(Certifier::load(path, QStringLiteral("pw")).code() == ErrorCode::Corruption);

    REQUIRE(QFile::remove(Certifier::revocationPath(path)));
    REQUIRE(Certifier::load(path, QStringLiteral("pw")).code() == ErrorCode::NotFound);
}
