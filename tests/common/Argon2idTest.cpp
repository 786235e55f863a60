// Argon2id's two implementations (common/crypto/Argon2id.h): libsodium for one lane and a
// 16-byte salt (every ID file), Botan for the rest. Both must give the reference
// implementation's bytes and each other's, at the ID file's Interactive cost too, or an ID
// sealed by one would not open with the other.

#include "common/crypto/Argon2id.h"

#include "common/identity/IdFile.h"

#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::crypto;

namespace {

using Impl = Argon2id::Implementation;

QByteArray randomBytes(QRandomGenerator& random, qsizetype length)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (char& c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

} // namespace

TEST_CASE("Argon2id: RFC 9106's vector (a secret, associated data, four lanes) goes through Botan",
          "[crypto][argon2]")
{
    const QByteArray password(32, '\x01');
    const QByteArray salt(16, '\x02');
    const QByteArray secret(8, '\x03');
    const QByteArray ad(12, '\x04');
    const Argon2idParams params{32, 3, 4};
    CHECK(Argon2id::implementationFor(salt, secret, ad, params, 32) == Impl::Botan);
    const auto tag = Argon2id::derive(password, salt, secret, ad, params, 32);
    REQUIRE(tag.isOk());
    CHECK(tag->toHex() == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    // libsodium takes none of the three.
    CHECK(Argon2id::deriveWith(Impl::Sodium, password, salt, secret, ad, params, 32).code() ==
          ErrorCode::InvalidArgument);
    CHECK(
        Argon2id::deriveWith(Impl::Sodium, password, salt, secret, {}, Argon2idParams{32, 3, 1}, 32).code() ==
        ErrorCode::InvalidArgument);
    CHECK(Argon2id::deriveWith(Impl::Sodium, password, salt, {}, ad, Argon2idParams{32, 3, 1}, 32).code() ==
          ErrorCode::InvalidArgument);
    CHECK(Argon2id::deriveWith(Impl::Sodium, password, salt, {}, {}, params, 32).code() ==
          ErrorCode::InvalidArgument);
}

TEST_CASE("Argon2id: the Interactive cost goes through libsodium and gives the reference implementation's "
          "bytes",
          "[crypto][argon2]")
{
    // Expected tags from phc-winner-argon2 (argon2id_hash_raw), the reference implementation.
    const Argon2idParams interactive = identity::kdfParams(identity::KdfCost::Interactive);
    REQUIRE(interactive.memoryKiB == 64 * 1024);
    REQUIRE(interactive.iterations == 3);
    REQUIRE(interactive.parallelism == 1);
    QByteArray salt(16, Qt::Uninitialized);
    for (int i = 0; i < 16; ++i)
        salt[i] = static_cast<char>(i);
    CHECK(Argon2id::implementationFor(salt, {}, {}, interactive, 32) == Impl::Sodium);
    const QByteArray password = QStringLiteral("Mật khẩu 123").toUtf8();
    const QByteArray expected =
        QByteArray::fromHex("c389a9148b27368458b64c1b27fa6d618cedd42fa4d838e376d1df1160116718");
    const auto viaDerive = Argon2id::derive(password, salt, interactive, 32);
    REQUIRE(viaDerive.isOk());
    CHECK(viaDerive.value() == expected);
    for (const Impl implementation : {Impl::Sodium, Impl::Botan}) {
        const auto tag = Argon2id::deriveWith(implementation, password, salt, {}, {}, interactive, 32);
        REQUIRE(tag.isOk());
        CHECK(tag.value() == expected);
    }
}

TEST_CASE("Argon2id: libsodium and Botan give the same bytes for random passwords and salts",
          "[crypto][argon2]")
{
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator random(seed);

    SECTION("at the ID file's Interactive cost")
    {
        const Argon2idParams interactive = identity::kdfParams(identity::KdfCost::Interactive);
        for (int i = 0; i < 3; ++i) {
            const QByteArray password = randomBytes(random, random.bounded(1, 64));
            const QByteArray salt = randomBytes(random, 16);
            const auto sodium = Argon2id::deriveWith(Impl::Sodium, password, salt, {}, {}, interactive, 32);
            const auto botan = Argon2id::deriveWith(Impl::Botan, password, salt, {}, {}, interactive, 32);
            REQUIRE(sodium.isOk());
            REQUIRE(botan.isOk());
            CHECK(sodium.value() == botan.value());
        }
    }
    SECTION("at random small costs and lengths, the empty password included")
    {
        for (int i = 0; i < 40; ++i) {
            const QByteArray password = randomBytes(random, i == 0 ? 0 : random.bounded(0, 200));
            const QByteArray salt = randomBytes(random, 16);
            const Argon2idParams params{quint32(random.bounded(8, 2049)), quint32(random.bounded(1, 5)), 1};
            const qsizetype length = random.bounded(16, 129);
            INFO("m " << params.memoryKiB << " t " << params.iterations << " length " << length);
            REQUIRE(Argon2id::implementationFor(salt, {}, {}, params, length) == Impl::Sodium);
            const auto sodium = Argon2id::deriveWith(Impl::Sodium, password, salt, {}, {}, params, length);
            const auto botan = Argon2id::deriveWith(Impl::Botan, password, salt, {}, {}, params, length);
            REQUIRE(sodium.isOk());
            REQUIRE(botan.isOk());
            CHECK(sodium->size() == length);
            CHECK(sodium.value() == botan.value());
            CHECK(Argon2id::derive(password, salt, params, length).value() == botan.value());
        }
    }
}

TEST_CASE("Argon2id: what libsodium cannot take goes through Botan", "[crypto][argon2]")
{
    const QByteArray password("password");
    const Argon2idParams oneLane{64, 2, 1};
    struct Case
    {
        const char* what;
        QByteArray salt;
        Argon2idParams params;
        qsizetype length;
    };
    const Case cases[] = {
        {"an 8-byte salt", QByteArray("somesalt"), oneLane, 32},
        {"a 32-byte salt", QByteArray(32, 's'), oneLane, 32},
        {"two lanes", QByteArray(16, 's'), Argon2idParams{64, 2, 2}, 32},
        {"a 4-byte output", QByteArray(16, 's'), oneLane, 4},
        {"a 15-byte output", QByteArray(16, 's'), oneLane, 15},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        CHECK(Argon2id::implementationFor(c.salt, {}, {}, c.params, c.length) == Impl::Botan);
        CHECK(Argon2id::deriveWith(Impl::Sodium, password, c.salt, {}, {}, c.params, c.length).code() ==
              ErrorCode::InvalidArgument);
        const auto botan = Argon2id::deriveWith(Impl::Botan, password, c.salt, {}, {}, c.params, c.length);
        REQUIRE(botan.isOk());
        CHECK(botan->size() == c.length);
        CHECK(Argon2id::derive(password, c.salt, c.params, c.length).value() == botan.value());
    }
    // The reference implementation's test vector (phc-winner-argon2 test.c: Argon2id v1.3,
    // t = 2, m = 64 MiB, p = 1, "password", "somesalt"): an 8-byte salt, so Botan's.
    const auto reference =
        Argon2id::derive(password, QByteArray("somesalt"), Argon2idParams{65536, 2, 1}, 32);
    REQUIRE(reference.isOk());
    CHECK(reference->toHex() == "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
}

TEST_CASE("Argon2id: parameters outside Argon2's ranges are refused by both implementations",
          "[crypto][argon2]")
{
    const QByteArray salt(16, 's');
    for (const Impl implementation : {Impl::Sodium, Impl::Botan}) {
        CHECK(Argon2id::deriveWith(implementation, "p", salt, {}, {}, Argon2idParams{64, 0, 1}, 32).code() ==
              ErrorCode::InvalidArgument);
        CHECK(Argon2id::deriveWith(implementation, "p", salt, {}, {}, Argon2idParams{7, 1, 1}, 32).code() ==
              ErrorCode::InvalidArgument);
        CHECK(Argon2id::deriveWith(implementation, "p", salt, {}, {}, Argon2idParams{64, 1, 0}, 32).code() ==
              ErrorCode::InvalidArgument);
        CHECK(Argon2id::deriveWith(implementation, "p", QByteArray(7, 's'), {}, {}, Argon2idParams{64, 1, 1},
                                   32)
                  .code() == ErrorCode::InvalidArgument);
    }
}
