#include "common/identity/CertificateRole.h"

namespace sen::identity {

QString roleName(CertificateRole role)
{
    switch (role) {
    case CertificateRole::User:
        return QStringLiteral("user");
    case CertificateRole::Server:
        return QStringLiteral("server");
    case CertificateRole::Certifier:
        return QStringLiteral("certifier");
    }
    return QStringLiteral("unknown");
}

bool isKnownRole(quint8 value)
{
    return value >= static_cast<quint8>(CertificateRole::User) &&
           value <= static_cast<quint8>(CertificateRole::Certifier);
}

} // namespace sen::identity
