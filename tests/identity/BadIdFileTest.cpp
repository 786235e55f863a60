// Opening anything that is not an intact ID file fails with Corruption and a clear message,
// never with "wrong password" and never by allocating what a length field claims (LevelDB
// log_test style: one named case per bad input).

#include "common/crypto/Random.h"
#include "common/crypto/Sha256.h"
#include "common/identity/Certifier.h"
#include "common/identity/IdFile.h"
#include "tests/support/TempDir.h"

#include <QtEndian>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::identity;

namespace {

const QString kPassword = QStringLiteral("mật khẩu");

QByteArray makeIdFile()
{
    auto certifier =
        Certifier::create(HierarchicalName::parse(QStringLiteral("HaNoi")).value(), Validity::days(365));
    REQUIRE(certifier.isOk());
    const auto user = certifier->issue(HierarchicalName::parse(QStringLiteral("Trần B/HaNoi")).value(),
                                       CertificateRole::User, Validity::days(365));
    REQUIRE(user.isOk());
    const auto sealed = IdFile::seal(user.value(), kPassword, KdfCost::Test);
    REQUIRE(sealed.isOk());
    return sealed.value();
}

// Recomputes the trailing checksum, so a change gets past it to the check under test.
QByteArray withFixedChecksum(QByteArray file)
{
    file.chop(32);
    return file + crypto::Sha256::hash(file).toBytes();
}

// Offsets in version 1: magic(8) version(2) headerLength(4) header ...
constexpr qsizetype kHeaderLengthOffset = 10;
constexpr qsizetype kHeaderOffset = 14;

qsizetype ciphertextOffset(const QByteArray& file)
{
    return kHeaderOffset + qFromBigEndian<quint32>(file.constData() + kHeaderLengthOffset) + 4;
}

void expectDamaged(const QByteArray& file, const char* phrase)
{
    const auto opened = IdFile::open(file, kPassword);
    INFO(opened.status().toString().toStdString());
    REQUIRE(opened.code() == ErrorCode::Corruption);
    REQUIRE(opened.message().contains(QLatin1String(phrase)));
}

} // namespace

TEST_CASE("Bad ID file: an empty file", "[identity][badidfile]")
{
    // Zero bytes are not an ID file.
    expectDamaged(QByteArray(), "is not a Sen ID file");
}

TEST_CASE("Bad ID file: random garbage", "[identity][badidfile]")
{
    // Random bytes lack the magic and are called what they are.
    expectDamaged(crypto::randomBytes(2000), "is not a Sen ID file");
}

TEST_CASE("Bad ID file: cut to half its length", "[identity][badidfile]")
{
    // A truncated copy keeps its magic but fails the checksum.
    const QByteArray file = makeIdFile();
    expectDamaged(file.left(file.size() / 2), "the ID file is damaged");
    expectDamaged(file.left(12), "the ID file is damaged");
}

TEST_CASE("Bad ID file: one flipped byte in the ciphertext", "[identity][badidfile]")
{
    // The checksum catches the flip, so the owner is told the file is damaged, not the password wrong.
    QByteArray file = makeIdFile();
    const qsizetype at = ciphertextOffset(file) + 3;
    file[at] = static_cast<char>(file.at(at) ^ 0x20);
    expectDamaged(file, "the ID file is damaged");
}

TEST_CASE("Bad ID file: one flipped byte in the clear header", "[identity][badidfile]")
{
    // A flip in the certificate chain region fails the checksum.
    QByteArray file = makeIdFile();
    const qsizetype at = kHeaderOffset + 40;
    file[at] = static_cast<char>(file.at(at) ^ 0x01);
    expectDamaged(file, "the ID file is damaged");
}

TEST_CASE("Bad ID file: a header edited with its checksum recomputed", "[identity][badidfile]")
{
    // The header is the AEAD's associated data: a forger who fixes the checksum still fails the
    // tag, which GCM cannot tell apart from a wrong password.
    QByteArray file = makeIdFile();
    const qsizetype at = kHeaderOffset + 40;
    file[at] = static_cast<char>(file.at(at) ^ 0x01);
    REQUIRE(IdFile::open(withFixedChecksum(file), kPassword).code() == ErrorCode::PermissionDenied);
}

TEST_CASE("Bad ID file: an oversized header length field", "[identity][badidfile]")
{
    // A length of four gigabytes is refused by its bound before anything is allocated.
    QByteArray file = makeIdFile();
    qToBigEndian<quint32>(0xFFFFFFF0u, file.data() + kHeaderLengthOffset);
    expectDamaged(withFixedChecksum(file), "runs past its bound");
}

TEST_CASE("Bad ID file: an oversized certificate length inside the header", "[identity][badidfile]")
{
    // The first certificate's length field claims more than any certificate may have.
    QByteArray file = makeIdFile();
    const qsizetype nameLength = qFromBigEndian<quint16>(file.constData() + kHeaderOffset);
    const qsizetype certLengthAt = kHeaderOffset + 2 + nameLength + 1 + 1;
    qToBigEndian<quint32>(0x7FFFFFFFu, file.data() + certLengthAt);
    expectDamaged(withFixedChecksum(file), "runs past its bound");
}

TEST_CASE("Bad ID file: a version from a newer Sen", "[identity][badidfile]")
{
    // A future format is Unsupported, not damaged, so the message can say to upgrade.
    QByteArray file = makeIdFile();
    qToBigEndian<quint16>(kIdFileVersion + 1, file.data() + 8);
    REQUIRE(IdFile::open(withFixedChecksum(file), kPassword).code() == ErrorCode::Unsupported);
}

TEST_CASE("Bad ID file: a file larger than any ID file is refused on load", "[identity][badidfile]")
{
    // load() reads at most kMaxIdFileSize bytes and refuses a larger file outright.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("huge.id"));
    REQUIRE(test::writeFile(path, QByteArray(kMaxIdFileSize + 1, 'x')));
    REQUIRE(IdFile::load(path).code() == ErrorCode::Corruption);
    REQUIRE(IdFile::load(dir.path(QStringLiteral("missing.id"))).code() == ErrorCode::NotFound);
}
