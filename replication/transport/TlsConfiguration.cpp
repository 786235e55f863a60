#include "replication/transport/TlsConfiguration.h"

#include <QSslCertificate>
#include <QSslKey>

namespace sen {

Result<QSslConfiguration> makeTlsConfiguration(const identity::Credentials& credentials,
                                               const QByteArray& certifierDer)
{
    QList<QSslCertificate> chain;
    for (const QByteArray& der : credentials.chainDer) {
        QSslCertificate certificate(der, QSsl::Der);
        if (certificate.isNull())
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("a certificate of %1 does not load").arg(credentials.name.toString()));
        chain.append(certificate);
    }
    const QSslKey key(credentials.privateKeyPem, QSsl::Ec, QSsl::Pem);
    const QSslCertificate certifier(certifierDer, QSsl::Der);
    if (chain.isEmpty() || key.isNull() || certifier.isNull())
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("the credentials of %1 are incomplete").arg(credentials.name.toString()));

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_3OrLater);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setCaCertificates({certifier});
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Session tickets would let a revoked client resume without showing its certificate.
    config.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    config.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
    return config;
}

QList<QSslError> ignorableClientErrors(const QList<QSslError>& errors)
{
    QList<QSslError> ignorable;
    for (const QSslError& error : errors)
        if (error.error() == QSslError::HostNameMismatch)
            ignorable.append(error);
    return ignorable;
}

} // namespace sen
