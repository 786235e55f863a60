#include "common/identity/CrlCodec.h"

#include "common/identity/Certifier.h"
#include "common/identity/X509Support.h"

#include <botan/auto_rng.h>
#include <botan/bigint.h>
#include <botan/der_enc.h>
#include <botan/hex.h>
#include <botan/pubkey.h>
#include <botan/x509_ca.h>
#include <botan/x509_crl.h>
#include <botan/x509_ext.h>

namespace sen::identity::detail {

namespace {

constexpr std::size_t kCrlVersion2 = 1; // INTEGER 1 means v2

// One revokedCertificates entry: SEQUENCE { userCertificate, revocationDate }.
void encodeEntry(Botan::DER_Encoder& der, const Revocation& entry)
{
    const std::vector<std::uint8_t> serial = Botan::hex_decode(entry.serialHex.toStdString());
    der.start_cons(Botan::SEQUENCE)
        .encode(Botan::BigInt::decode(serial))
        .encode(Botan::X509_Time(toTimePoint(entry.revokedAt)))
        .end_cons();
}

} // namespace

Result<QByteArray> signCrl(const Botan::Private_Key& caKey, const Botan::X509_Certificate& caCert,
                           const CrlContents& contents)
{
    try {
        Botan::AutoSeeded_RNG rng;
        Botan::AlgorithmIdentifier sigAlgo;
        std::unique_ptr<Botan::PK_Signer> signer(Botan::choose_sig_format(caKey, rng, "SHA-256", sigAlgo));

        Botan::Extensions extensions;
        extensions.add(new Botan::Cert_Extension::Authority_Key_ID(caCert.subject_key_id()));
        extensions.add(new Botan::Cert_Extension::CRL_Number(static_cast<std::size_t>(contents.number)));

        Botan::DER_Encoder tbs;
        tbs.start_cons(Botan::SEQUENCE)
            .encode(kCrlVersion2)
            .encode(sigAlgo)
            .encode(caCert.subject_dn())
            .encode(Botan::X509_Time(toTimePoint(contents.thisUpdate)))
            .encode(Botan::X509_Time(toTimePoint(contents.nextUpdate)));
        if (!contents.revoked.isEmpty()) {
            tbs.start_cons(Botan::SEQUENCE);
            for (const Revocation& entry : contents.revoked)
                encodeEntry(tbs, entry);
            tbs.end_cons();
        }
        // Extensions::encode_into writes the extensions one after another; the SEQUENCE is ours.
        tbs.start_explicit(0)
            .start_cons(Botan::SEQUENCE)
            .encode(extensions)
            .end_cons()
            .end_explicit()
            .end_cons();

        return toByteArray(Botan::X509_Object::make_signed(signer.get(), rng, sigAlgo, tbs.get_contents()));
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal,
                      QStringLiteral("cannot sign the CRL: %1").arg(exceptionMessage(e)));
    }
}

Result<CrlContents> readCrl(QByteArrayView der, const Botan::X509_Certificate& caCert)
{
    try {
        const Botan::X509_CRL crl(toVector(der));
        if (!(crl.issuer_dn() == caCert.subject_dn()))
            return Status(ErrorCode::Corruption, QStringLiteral("the CRL was issued by another certifier"));
        const std::unique_ptr<Botan::Public_Key> caKey = caCert.load_subject_public_key();
        if (!crl.check_signature(*caKey))
            return Status(ErrorCode::Corruption, QStringLiteral("the CRL's signature does not verify"));
        CrlContents contents;
        contents.number = crl.crl_number();
        contents.thisUpdate = toDateTime(crl.this_update());
        contents.nextUpdate = toDateTime(crl.next_update());
        for (const Botan::CRL_Entry& entry : crl.get_revoked()) {
            contents.revoked.append({QString::fromStdString(Botan::hex_encode(entry.serial_number(), false)),
                                     toDateTime(entry.expire_time())});
        }
        return contents;
    } catch (const std::exception& e) {
        return Status(ErrorCode::Corruption, QStringLiteral("not a CRL: %1").arg(exceptionMessage(e)));
    }
}

} // namespace sen::identity::detail
