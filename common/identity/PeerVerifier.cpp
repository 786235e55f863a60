#include "common/identity/PeerVerifier.h"

#include "common/identity/Certifier.h"
#include "common/identity/CrlCodec.h"
#include "common/identity/X509Support.h"

#include <botan/pubkey.h>
#include <botan/x509cert.h>
#include <optional>

namespace sen::identity {

namespace {

Status refused(const QString& why)
{
    return {ErrorCode::PermissionDenied, why};
}

} // namespace

Result<PeerVerifier> PeerVerifier::create(const QByteArray& certifierDer, const QByteArray& crlDer)
{
    PeerVerifier verifier;
    verifier.m_certifierDer = certifierDer;
    SEN_ASSIGN_OR_RETURN(verifier.m_certifier, CertificateInfo::fromDer(certifierDer));
    if (verifier.m_certifier.role != CertificateRole::Certifier)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("%1's certificate is not a certifier's")
                                                      .arg(verifier.m_certifier.name.toString()));
    SEN_ASSIGN_OR_RETURN(const auto ca, detail::parseCertificate(certifierDer));
    SEN_ASSIGN_OR_RETURN(const detail::CrlContents crl, detail::readCrl(crlDer, *ca));
    for (const Revocation& r : crl.revoked)
        verifier.m_revoked.append(r.serialHex);
    return verifier;
}

Result<QByteArray> PeerVerifier::newerCrl(const QByteArray& certifierDer, const QByteArray& a,
                                          const QByteArray& b)
{
    SEN_ASSIGN_OR_RETURN(const auto ca, detail::parseCertificate(certifierDer));
    const auto read = [&ca](const QByteArray& der) -> std::optional<detail::CrlContents> {
        if (der.isEmpty())
            return std::nullopt;
        Result<detail::CrlContents> crl = detail::readCrl(der, *ca);
        return crl ? std::optional(std::move(crl).value()) : std::nullopt;
    };
    const std::optional<detail::CrlContents> first = read(a);
    const std::optional<detail::CrlContents> second = read(b);
    if (!first && !second)
        return Status(ErrorCode::Corruption, QStringLiteral("no revocation list of the certifier"));
    if (!second)
        return a;
    if (!first)
        return b;
    const bool secondNewer = second->number > first->number ||
                             (second->number == first->number && second->thisUpdate > first->thisUpdate);
    return secondNewer ? b : a;
}

Result<CertificateInfo> PeerVerifier::verify(const QList<QByteArray>& chainDer, const QDateTime& now) const
{
    if (chainDer.isEmpty())
        return refused(QStringLiteral("the peer presented no certificate"));
    SEN_ASSIGN_OR_RETURN(const auto leaf, detail::parseCertificate(chainDer.constFirst()));
    SEN_ASSIGN_OR_RETURN(const auto ca, detail::parseCertificate(m_certifierDer));
    try {
        if (leaf->is_CA_cert())
            return refused(QStringLiteral("the peer presented a certifier's certificate as its own"));
        const std::unique_ptr<Botan::Public_Key> caKey = ca->load_subject_public_key();
        if (leaf->raw_issuer_dn() != ca->raw_subject_dn() || !leaf->check_signature(*caKey))
            return refused(QStringLiteral("the peer's certificate was not issued by %1")
                               .arg(m_certifier.name.toString()));
    } catch (const std::exception& e) {
        return refused(
            QStringLiteral("the peer's certificate cannot be checked: %1").arg(detail::exceptionMessage(e)));
    }
    const Result<CertificateInfo> info = CertificateInfo::fromDer(chainDer.constFirst());
    if (!info.isOk())
        return refused(
            QStringLiteral("the peer's certificate is not a Sen certificate: %1").arg(info.message()));
    const QString who = info->name.toString();
    // A name the ACL's key would fold onto another user's ("CN=Quan Tri" is "Quan Tri" to
    // the ACL) could only come from a certifier that skipped the registration checks.
    if (const Status plain = info->name.checkRegistrable(); !plain.isOk())
        return refused(QStringLiteral("%1's certificate carries a name Sen does not accept: %2")
                           .arg(who, plain.message()));
    if (now < info->notBefore)
        return refused(QStringLiteral("%1's certificate is not valid until %2")
                           .arg(who, info->notBefore.toString(Qt::ISODate)));
    if (now > info->notAfter)
        return refused(
            QStringLiteral("%1's certificate expired on %2").arg(who, info->notAfter.toString(Qt::ISODate)));
    if (now < m_certifier.notBefore || now > m_certifier.notAfter)
        return refused(QStringLiteral("the certifier %1 is not valid now").arg(m_certifier.name.toString()));
    if (m_revoked.contains(info->serialHex))
        return refused(
            QStringLiteral("%1's certificate (serial %2) has been revoked").arg(who, info->serialHex));
    return info;
}

} // namespace sen::identity
