#pragma once

// Internal to common/identity: signs and reads the certifier's CRLs (X.509 v2, RFC 5280
// §5) with Botan. Botan's own X509_CA can only revoke certificates it holds, at the current
// time; Sen revokes by serial with a recorded date, so the TBSCertList is encoded here.

#include "common/core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

namespace Botan {
class Private_Key;
class X509_Certificate;
} // namespace Botan

namespace sen::identity {
struct Revocation;
}

namespace sen::identity::detail {

struct CrlContents
{
    QList<Revocation> revoked;
    quint64 number = 0;
    QDateTime thisUpdate;
    QDateTime nextUpdate;
};

[[nodiscard]] Result<QByteArray> signCrl(const Botan::Private_Key& caKey,
                                         const Botan::X509_Certificate& caCert, const CrlContents& contents);

// Corruption unless `der` is a CRL issued and signed by `caCert`.
[[nodiscard]] Result<CrlContents> readCrl(QByteArrayView der, const Botan::X509_Certificate& caCert);

} // namespace sen::identity::detail
