#include "common/crypto/SelfTest.h"

#include "common/crypto/Aes256Gcm.h"
#include "common/crypto/Argon2id.h"
#include "common/crypto/Random.h"
#include "common/crypto/Sha256.h"

namespace sen::crypto {

namespace {

// FIPS 180-2 appendix B test vectors.
struct HashVector
{
    const char* message;
    const char* digestHex;
};
constexpr HashVector kSha256Vectors[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
};

Status testSha256()
{
    for (const HashVector& v : kSha256Vectors) {
        const QByteArray expected = QByteArray::fromHex(v.digestHex);
        if (Sha256::hash(QByteArrayView(v.message)).toBytes() != expected)
            return {ErrorCode::Internal, QStringLiteral("SHA-256 known-answer test failed")};
    }
    // The incremental path must agree with the one-shot path across an odd split.
    Sha256 incremental;
    incremental.update(QByteArrayView("abcdbcdecdefdefgefghfghighijhijk"));
    incremental.update(QByteArrayView("ijkljklmklmnlmnomnopnopq"));
    if (incremental.finish().toBytes() != QByteArray::fromHex(kSha256Vectors[2].digestHex))
        return {ErrorCode::Internal, QStringLiteral("SHA-256 incremental self-test failed")};
    return Status::ok();
}

// McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 60-byte
// plaintext, 20 bytes of associated data).
Status testAes256Gcm()
{
    const QByteArray key =
        QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    const QByteArray nonce = QByteArray::fromHex("cafebabefacedbaddecaf888");
    const QByteArray ad = QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    const QByteArray plaintext =
        QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    const QByteArray expected =
        QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                            "76fc6ece0f4e1768cddf8853bb2d551b");
    const Result<QByteArray> sealed = Aes256Gcm::encrypt(key, nonce, ad, plaintext);
    if (!sealed.isOk() || sealed.value() != expected)
        return {ErrorCode::Internal, QStringLiteral("AES-256/GCM known-answer test failed")};
    const Result<QByteArray> opened = Aes256Gcm::decrypt(key, nonce, ad, expected);
    if (!opened.isOk() || opened.value() != plaintext)
        return {ErrorCode::Internal, QStringLiteral("AES-256/GCM decryption self-test failed")};
    QByteArray altered = expected;
    altered[0] = static_cast<char>(altered.at(0) ^ 1);
    if (Aes256Gcm::decrypt(key, nonce, ad, altered).code() != ErrorCode::PermissionDenied)
        return {ErrorCode::Internal, QStringLiteral("AES-256/GCM accepted an altered ciphertext")};
    return Status::ok();
}

// RFC 9106 §5.3: Argon2id, m = 32 KiB, t = 3, p = 4, with a secret and associated data. Only
// Botan takes a secret, associated data and four lanes, so derive() runs it there.
Status testArgon2idRfc9106()
{
    const Result<QByteArray> tag =
        Argon2id::derive(QByteArray(32, '\x01'), QByteArray(16, '\x02'), QByteArray(8, '\x03'),
                         QByteArray(12, '\x04'), Argon2idParams{32, 3, 4}, 32);
    const QByteArray expected =
        QByteArray::fromHex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    if (!tag.isOk() || tag.value() != expected)
        return {ErrorCode::Internal, QStringLiteral("Argon2id known-answer test failed")};
    return Status::ok();
}

// The form ID files take (one lane, a 16-byte salt, nothing else): RFC 9106 §5.3's password
// and salt, m = 32 KiB, t = 3, p = 1, through each implementation. The expected tag is the
// reference implementation's (phc-winner-argon2, argon2id_hash_raw), which Botan and
// libsodium both give.
Status testArgon2idOneLane()
{
    const QByteArray expected =
        QByteArray::fromHex("30e0b44b7e23423b7282859ea36f02825b5828dde3c25f124d59d42d7235e132");
    for (const Argon2id::Implementation implementation :
         {Argon2id::Implementation::Sodium, Argon2id::Implementation::Botan}) {
        const Result<QByteArray> tag =
            Argon2id::deriveWith(implementation, QByteArray(32, '\x01'), QByteArray(16, '\x02'), {}, {},
                                 Argon2idParams{32, 3, 1}, 32);
        if (!tag.isOk() || tag.value() != expected)
            return {ErrorCode::Internal, QStringLiteral("Argon2id known-answer test failed (one lane)")};
    }
    return Status::ok();
}

Status testRandom()
{
    // Not a statistical test: it catches a generator that returns a constant or all zeros.
    const QByteArray a = randomBytes(32);
    const QByteArray b = randomBytes(32);
    if (a == b || a == QByteArray(32, '\0'))
        return {ErrorCode::Internal, QStringLiteral("the system random generator returned repeated output")};
    return Status::ok();
}

} // namespace

Status runSelfTests()
{
    SEN_TRY(testSha256());
    SEN_TRY(testAes256Gcm());
    SEN_TRY(testArgon2idRfc9106());
    SEN_TRY(testArgon2idOneLane());
    SEN_TRY(testRandom());
    return Status::ok();
}

} // namespace sen::crypto
