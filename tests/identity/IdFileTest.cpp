// ID files: credentials sealed under a password come back intact with the right password
// and are refused, clearly, with a wrong one.

#include "common/identity/IdFile.h"

#include "common/identity/Certifier.h"
#include "common/identity/PasswordPolicy.h"
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

Credentials makeUser()
{
    auto certifier =
        Certifier::create(HierarchicalName::parse(QStringLiteral("HaNoi")).value(), Validity::days(365));
    REQUIRE(certifier.isOk());
    auto user = certifier->issue(HierarchicalName::parse(QStringLiteral("Nguyễn Văn A/VPTU/HaNoi")).value(),
                                 CertificateRole::User, Validity::days(365));
    REQUIRE(user.isOk());
    return user.value();
}

} // namespace

TEST_CASE("An ID file opens with its password and gives back the same credentials", "[identity][idfile]")
{
    // Seal, save, load and open: name, role, key and chain are all unchanged.
    test::TempDir dir;
    const Credentials user = makeUser();
    const auto sealed = IdFile::seal(user, QStringLiteral("Mật khẩu 123"), KdfCost::Test);
    REQUIRE(sealed.isOk());
    REQUIRE_FALSE(sealed->contains(user.privateKeyPem));

    const QString path = dir.path(QStringLiteral("user.id"));
    REQUIRE(IdFile::save(path, sealed.value()).isOk());
    REQUIRE((QFile::permissions(path) & kGroupOrOther) == 0);
    const auto loaded = IdFile::load(path);
    REQUIRE(loaded.isOk());

    const auto opened = IdFile::open(loaded.value(), QStringLiteral("Mật khẩu 123"));
    INFO(opened.status().toString().toStdString());
    REQUIRE(opened.isOk());
    REQUIRE(opened->name.toString() == user.name.toString());
    REQUIRE(opened->role == CertificateRole::User);
    REQUIRE(opened->privateKeyPem == user.privateKeyPem);
    REQUIRE(opened->chainDer == user.chainDer);

    const auto header = IdFile::readHeader(loaded.value());
    REQUIRE(header.isOk());
    REQUIRE(header->name == user.name);
    REQUIRE(header->kdfParams.memoryKiB == kdfParams(KdfCost::Test).memoryKiB);
}

TEST_CASE("A password typed in another Unicode normalisation form still opens the ID file",
          "[identity][idfile]")
{
    // Vietnamese keyboards may send decomposed diacritics; the password is NFC-normalised first.
    const Credentials user = makeUser();
    const QString password = QStringLiteral("Mật khẩu");
    const auto sealed = IdFile::seal(user, password, KdfCost::Test);
    REQUIRE(IdFile::open(sealed.value(), password.normalized(QString::NormalizationForm_D)).isOk());
}

TEST_CASE("A wrong password is refused with PermissionDenied naming the ID file's owner",
          "[identity][idfile]")
{
    // The file is intact, so the error says wrong password rather than damaged.
    const Credentials user = makeUser();
    const auto sealed = IdFile::seal(user, QStringLiteral("đúng"), KdfCost::Test);
    const auto opened = IdFile::open(sealed.value(), QStringLiteral("sai"));
    REQUIRE(opened.code() == ErrorCode::PermissionDenied);
    REQUIRE(opened.message() == QStringLiteral("wrong password for Nguyễn Văn A/VPTU/HaNoi's ID file"));
}

TEST_CASE("After a password change the old password fails and the new one works", "[identity][idfile]")
{
    // changePassword re-seals the same credentials; it needs the old password to do so.
    const Credentials user = makeUser();
    const auto sealed = IdFile::seal(user, QStringLiteral("cũ"), KdfCost::Test);
    REQUIRE(IdFile::changePassword(sealed.value(), QStringLiteral("sai"), QStringLiteral("mật khẩu mới"),
                                   KdfCost::Test)
                .code() == ErrorCode::PermissionDenied);
    const auto changed = IdFile::changePassword(sealed.value(), QStringLiteral("cũ"),
                                                QStringLiteral("mật khẩu mới"), KdfCost::Test);
    REQUIRE(changed.isOk());
    REQUIRE(IdFile::open(changed.value(), QStringLiteral("cũ")).code() == ErrorCode::PermissionDenied);
    const auto opened = IdFile::open(changed.value(), QStringLiteral("mật khẩu mới"));
    REQUIRE(opened.isOk());
    REQUIRE(opened->privateKeyPem == user.privateKeyPem);
}

TEST_CASE("Credentials whose key does not match the certificate cannot be sealed", "[identity][idfile]")
{
    // Swapping in another user's key is caught before anything is written.
    Credentials user = makeUser();
    user.privateKeyPem = makeUser().privateKeyPem;
    REQUIRE(IdFile::seal(user, QStringLiteral("x"), KdfCost::Test).code() == ErrorCode::InvalidArgument);
}

TEST_CASE("The interactive KDF cost seals and opens an ID file", "[identity][idfile]")
{
    // The production preset (64 MiB Argon2id) works end to end; its timing is measured in bench/.
    const Credentials user = makeUser();
    const auto sealed = IdFile::seal(user, QStringLiteral("p"), KdfCost::Interactive);
    REQUIRE(sealed.isOk());
    REQUIRE(IdFile::readHeader(sealed.value())->kdfParams.memoryKiB == 64 * 1024);
    REQUIRE(IdFile::open(sealed.value(), QStringLiteral("p")).isOk());
}

TEST_CASE("Weak password: a password change to fewer than ten characters of few kinds is refused",
          "[identity][idfile]")
{
    // The policy asks for 10 characters, or 8 mixing three classes; the ID file keeps its old password.
    const Credentials user = makeUser();
    const auto sealed = IdFile::seal(user, QStringLiteral("cũ"), KdfCost::Test);
    for (const QString& weak :
         {QStringLiteral("mới"), QStringLiteral("matkhau12"), QStringLiteral("ABCDEFGHI")}) {
        const auto refused =
            IdFile::changePassword(sealed.value(), QStringLiteral("cũ"), weak, KdfCost::Test);
        INFO(weak.toStdString());
        REQUIRE(refused.code() == ErrorCode::InvalidArgument);
        REQUIRE(refused.message().contains(QStringLiteral("too weak")));
    }
    REQUIRE(identity::checkPasswordStrength(QStringLiteral("mật khẩu 1")).isOk());     // 10 characters
    REQUIRE(identity::checkPasswordStrength(QStringLiteral("Mat-khau8")).isOk());      // 9, four classes
    REQUIRE(identity::checkPasswordStrength(QStringLiteral("Mậtkhẩu8")).isOk());       // 8, three classes
    REQUIRE_FALSE(identity::checkPasswordStrength(QStringLiteral("Mậtkhẩu")).isOk());  // 7
    REQUIRE_FALSE(identity::checkPasswordStrength(QStringLiteral("mậtkhẩu8")).isOk()); // 8, two classes
    REQUIRE(IdFile::changePassword(sealed.value(), QStringLiteral("cũ"), QStringLiteral("Mậtkhẩu8"),
                                   KdfCost::Test)
                .isOk());
}
