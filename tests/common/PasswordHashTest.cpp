// Password hashes for checking (common/crypto/PasswordHash.h): Argon2id in PHC form, salted,
// and a malformed or foreign hash never matches.

#include "common/crypto/PasswordHash.h"

#include <catch2/catch.hpp>

using namespace sen::crypto;

TEST_CASE("PasswordHash: Argon2id PHC strings check the password they were made from", "[crypto][password]")
{
    const PasswordHashCost cheap{64, 1, 1};
    const QString password = QString::fromUtf8("Mật khẩu trang tin 2026");
    const QString hash = hashPassword(password, cheap);
    CHECK(hash.startsWith(QStringLiteral("$argon2id$v=19$m=64,t=1,p=1$")));
    CHECK(!hash.contains(password));
    CHECK(checkPassword(password, hash));
    CHECK(!checkPassword(QString::fromUtf8("Mật khẩu trang tin 2027"), hash));
    CHECK(!checkPassword(QString(), hash));
    // A fresh salt each time.
    CHECK(hashPassword(password, cheap) != hash);
    // Malformed, truncated or another scheme: no match, no crash.
    CHECK(!checkPassword(password, QString()));
    CHECK(!checkPassword(password, QStringLiteral("$argon2id$v=19$m=64,t=1,p=1$")));
    CHECK(!checkPassword(password, hash.left(hash.size() - 5)));
    CHECK(!checkPassword(password, QStringLiteral("$argon2i$") + hash.mid(10)));
    CHECK(!checkPassword(password, QStringLiteral("$2b$12$abcdefghijklmnopqrstuv")));
}
