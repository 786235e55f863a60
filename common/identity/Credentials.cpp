#include "common/identity/Credentials.h"

namespace sen::identity {

QByteArray certificateToPem(const QByteArray& der)
{
    QByteArray pem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\n");
    const QByteArray base64 = der.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 64) {
        pem += base64.mid(i, 64);
        pem += '\n';
    }
    pem += QByteArrayLiteral("-----END CERTIFICATE-----\n");
    return pem;
}

QByteArray Credentials::chainPem() const
{
    QByteArray pem;
    for (const QByteArray& der : chainDer)
        pem += certificateToPem(der);
    return pem;
}

} // namespace sen::identity
