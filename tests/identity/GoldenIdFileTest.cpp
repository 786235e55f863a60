// The ID file format, pinned by tests/data/identity (docs/id-file.md, version 1): the fixture
// opens with its password and is refused with another, its clear header encodes back to
// the same bytes, and its certificate chain verifies against the certifier and CRL stored
// beside it. Keys, salt and nonce were random when it was sealed, so only the deterministic
// parts are encoded again. A failure here is a format change: see tests/data/README.md.

#include "common/crypto/Argon2id.h"
#include "common/crypto/Sha256.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/IdFile.h"
#include "common/identity/PeerVerifier.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"

#include <QtEndian>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::identity;

namespace {

QByteArray fixture(const char* name)
{
    const QByteArray bytes = golden::readFixture(QStringLiteral("identity/") + QLatin1String(name));
    REQUIRE_FALSE(bytes.isEmpty());
    return bytes;
}

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

TEST_CASE("Golden ID file: opens with its password and gives back the user's credentials", "[golden][idfile]")
{
    const QByteArray file = fixture("user.id");
    const auto opened = IdFile::open(file, golden::idFilePassword());
    INFO(opened.status().toString().toStdString());
    REQUIRE(opened.isOk());
    CHECK(opened->name.toString() == golden::userName());
    CHECK(opened->role == CertificateRole::User);
    CHECK(opened->privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    REQUIRE(opened->chainDer.size() == 2);
    CHECK(opened->certifierDer() == fixture("certifier.der"));
    const auto leaf = CertificateInfo::fromDer(opened->leafDer());
    REQUIRE(leaf.isOk());
    CHECK(leaf->name.toString() == golden::userName());
    CHECK(leaf->issuer.toString() == golden::organisationName());
    CHECK(leaf->role == CertificateRole::User);
    CHECK(leaf->notBefore == at(golden::kBaseMs));

    // A wrong password is told apart from damage.
    const auto wrong = IdFile::open(file, QStringLiteral("Mật khẩu 124"));
    CHECK(wrong.code() == ErrorCode::PermissionDenied);
    CHECK(wrong.message().contains(QStringLiteral("wrong password")));
}

TEST_CASE("Golden ID file: its layout is version 1 and its clear header encodes to the same bytes",
          "[golden][idfile]")
{
    const QByteArray file = fixture("user.id");
    CHECK(file.startsWith(QByteArray(kIdFileMagic, sizeof kIdFileMagic)));
    CHECK(qFromBigEndian<quint16>(file.constData() + 8) == 1);
    const auto headerLength = qFromBigEndian<quint32>(file.constData() + 10);
    REQUIRE(14 + qsizetype(headerLength) + 4 + 32 <= file.size());
    const QByteArray headerBytes = file.mid(14, headerLength);
    const auto sealedLength = qFromBigEndian<quint32>(file.constData() + 14 + headerLength);
    CHECK(file.size() == 14 + qsizetype(headerLength) + 4 + qsizetype(sealedLength) + 32);
    CHECK(file.right(32) == crypto::Sha256::hash(file.left(file.size() - 32)).toBytes());

    const auto header = IdFile::readHeader(file);
    REQUIRE(header.isOk());
    CHECK(header->name.toString() == golden::userName());
    CHECK(header->role == CertificateRole::User);
    CHECK(header->kdf == KdfAlgorithm::Argon2id);
    CHECK(header->kdfParams.memoryKiB == kdfParams(KdfCost::Test).memoryKiB);
    CHECK(header->kdfParams.iterations == kdfParams(KdfCost::Test).iterations);
    CHECK(header->kdfParams.parallelism == kdfParams(KdfCost::Test).parallelism);
    CHECK(header->salt.size() == kSaltSize);
    CHECK(header->nonce.size() == 12);
    CHECK(header->encode() == headerBytes);
    const auto decoded = IdFileHeader::decode(headerBytes);
    REQUIRE(decoded.isOk());
    CHECK(decoded->encode() == headerBytes);
}

TEST_CASE("Golden ID file: the certificates verify against the certifier and its CRL", "[golden][idfile]")
{
    const auto verifier = PeerVerifier::create(fixture("certifier.der"), fixture("certifier.crl"));
    INFO(verifier.status().toString().toStdString());
    REQUIRE(verifier.isOk());
    CHECK(verifier->certifier().name.toString() == golden::organisationName());
    CHECK(verifier->revokedSerials().size() == 1);

    const auto user = IdFile::open(fixture("user.id"), golden::idFilePassword());
    REQUIRE(user.isOk());
    const QDateTime during = at(golden::kBaseMs).addYears(1);
    const auto verified = verifier->verify(user->chainDer, during);
    INFO(verified.status().toString().toStdString());
    REQUIRE(verified.isOk());
    CHECK(verified->name.toString() == golden::userName());

    const auto revoked = verifier->verify({fixture("revoked-user.der"), fixture("certifier.der")}, during);
    CHECK(revoked.code() == ErrorCode::PermissionDenied);
    const auto revokedInfo = CertificateInfo::fromDer(fixture("revoked-user.der"));
    REQUIRE(revokedInfo.isOk());
    CHECK(revokedInfo->name.toString() == golden::revokedUserName());
    CHECK(verifier->revokedSerials().contains(revokedInfo->serialHex));
}

TEST_CASE("Golden ID file at the Interactive cost: sealed while Botan derived the key, it opens now",
          "[golden][idfile]")
{
    // identity/user-interactive.id holds user.id's credentials sealed at m = 64 MiB, t = 3,
    // p = 1 by the Botan-only Argon2id; libsodium derives that key now and must give the same
    // bytes, or no existing ID file would open.
    const QByteArray file = fixture("user-interactive.id");
    const auto header = IdFile::readHeader(file);
    REQUIRE(header.isOk());
    CHECK(header->kdf == KdfAlgorithm::Argon2id);
    CHECK(header->kdfParams.memoryKiB == kdfParams(KdfCost::Interactive).memoryKiB);
    CHECK(header->kdfParams.iterations == kdfParams(KdfCost::Interactive).iterations);
    CHECK(header->kdfParams.parallelism == kdfParams(KdfCost::Interactive).parallelism);
    CHECK(header->salt.size() == kSaltSize);
    CHECK(crypto::Argon2id::implementationFor(header->salt, {}, {}, header->kdfParams, 32) ==
          crypto::Argon2id::Implementation::Sodium);

    const auto opened = IdFile::open(file, golden::idFilePassword());
    INFO(opened.status().toString().toStdString());
    REQUIRE(opened.isOk());
    const auto original = IdFile::open(fixture("user.id"), golden::idFilePassword());
    REQUIRE(original.isOk());
    CHECK(opened->name.toString() == golden::userName());
    CHECK(opened->privateKeyPem == original->privateKeyPem);
    CHECK(opened->chainDer == original->chainDer);

    const auto wrong = IdFile::open(file, QStringLiteral("Mật khẩu 124"));
    CHECK(wrong.code() == ErrorCode::PermissionDenied);
}
