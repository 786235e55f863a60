#include "common/crypto/Signature.h"

#include <botan/auto_rng.h>
#include <botan/data_src.h>
#include <botan/ecdsa.h>
#include <botan/pk_keys.h>
#include <botan/pkcs8.h>
#include <botan/pubkey.h>
#include <botan/x509cert.h>
#include <memory>

namespace sen::crypto {

namespace {
// Botan 2's name for ECDSA over SHA-256 with the IEEE 1363 (fixed-length) encoding.
constexpr const char* kPadding = "EMSA1(SHA-256)";

const std::uint8_t* bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t*>(view.data());
}
} // namespace

Result<QByteArray> sign(const QByteArray& privateKeyPem, QByteArrayView message)
{
    try {
        Botan::AutoSeeded_RNG rng;
        Botan::DataSource_Memory source(bytes(privateKeyPem), static_cast<std::size_t>(privateKeyPem.size()));
        const std::unique_ptr<Botan::Private_Key> key = Botan::PKCS8::load_key(source);
        if (!key || key->algo_name() != "ECDSA")
            return Status(ErrorCode::InvalidArgument, QStringLiteral("the signing key is not an ECDSA key"));
        Botan::PK_Signer signer(*key, rng, kPadding);
        const std::vector<std::uint8_t> signature =
            signer.sign_message(bytes(message), static_cast<std::size_t>(message.size()), rng);
        return QByteArray(reinterpret_cast<const char*>(signature.data()),
                          static_cast<qsizetype>(signature.size()));
    } catch (const std::exception& e) {
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("cannot sign: %1").arg(QString::fromUtf8(e.what())));
    }
}

Status verifySignature(const QByteArray& certificateDer, QByteArrayView message, QByteArrayView signature)
{
    std::unique_ptr<Botan::Public_Key> key;
    try {
        const Botan::X509_Certificate certificate(bytes(certificateDer),
                                                  static_cast<std::size_t>(certificateDer.size()));
        key.reset(certificate.subject_public_key());
    } catch (const std::exception& e) {
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("cannot read the certificate: %1").arg(QString::fromUtf8(e.what())));
    }
    bool valid = false;
    try {
        if (key && key->algo_name() == "ECDSA" && signature.size() == kSignatureSize) {
            Botan::PK_Verifier verifier(*key, kPadding);
            valid = verifier.verify_message(bytes(message), static_cast<std::size_t>(message.size()),
                                            bytes(signature), static_cast<std::size_t>(signature.size()));
        }
    } catch (const std::exception&) {
        valid = false; // a malformed signature is simply not a valid one
    }
    if (!valid)
        return Status(ErrorCode::PermissionDenied, QStringLiteral("the signature does not verify"));
    return Status::ok();
}

} // namespace sen::crypto
