#include "common/identity/CertificateInfo.h"

#include "common/crypto/Sha256.h"
#include "common/identity/X509Support.h"

#include <botan/hex.h>
#include <botan/x509cert.h>

namespace sen::identity {

Result<CertificateInfo> CertificateInfo::fromDer(QByteArrayView der)
{
    SEN_ASSIGN_OR_RETURN(const auto cert, detail::parseCertificate(der));
    CertificateInfo info;
    try {
        SEN_ASSIGN_OR_RETURN(info.name, detail::fromDn(cert->subject_dn()));
        SEN_ASSIGN_OR_RETURN(info.issuer, detail::fromDn(cert->issuer_dn()));
        SEN_ASSIGN_OR_RETURN(info.role, detail::roleOf(*cert));
        info.serialHex = QString::fromStdString(Botan::hex_encode(cert->serial_number(), false));
        info.notBefore = detail::toDateTime(cert->not_before());
        info.notAfter = detail::toDateTime(cert->not_after());
    } catch (const std::exception& e) {
        return Status(ErrorCode::Corruption,
                      QStringLiteral("cannot read the certificate: %1").arg(detail::exceptionMessage(e)));
    }
    info.sha256Fingerprint = crypto::Sha256::hash(der).toBytes();
    return info;
}

} // namespace sen::identity
