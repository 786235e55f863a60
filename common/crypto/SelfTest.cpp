#include "crypto/SelfTest.h"

#include "crypto/Random.h"
#include "crypto/Sha256.h"

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
    SEN_TRY(testRandom());
    return Status::ok();
}

} // namespace sen::crypto
