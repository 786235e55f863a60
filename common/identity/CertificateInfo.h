#pragma once

// The facts Sen reads from a certificate: whom it names, in what role, who issued it, for
// how long, and its serial and fingerprint.

#include "common/identity/CertificateRole.h"
#include "common/identity/HierarchicalName.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

namespace sen::identity {

struct CertificateInfo
{
    HierarchicalName name;   // from the subject
    HierarchicalName issuer; // from the issuer
    CertificateRole role = CertificateRole::User;
    QString serialHex;            // lower-case hex of the serial's bytes
    QDateTime notBefore;          // UTC
    QDateTime notAfter;           // UTC
    QByteArray sha256Fingerprint; // 32 bytes over the DER

    // Corruption if the bytes are not an X.509 certificate; InvalidArgument if the subject or
    // issuer is not a hierarchical name, or the certificate grants no Sen role.
    [[nodiscard]] static Result<CertificateInfo> fromDer(QByteArrayView der);

    bool isValidAt(const QDateTime& when) const { return notBefore <= when && when <= notAfter; }
};

} // namespace sen::identity
