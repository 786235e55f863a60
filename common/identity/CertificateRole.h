#pragma once

// What a certificate lets its holder be. Stored in ID files: the numbers never change.

#include <QString>

namespace sen::identity {

enum class CertificateRole : quint8
{
    User = 1,      // extendedKeyUsage clientAuth
    Server = 2,    // extendedKeyUsage serverAuth + clientAuth (a server also dials other servers)
    Certifier = 3, // the organisation's CA: basicConstraints CA, keyCertSign + cRLSign
};

// "user", "server", "certifier".
QString roleName(CertificateRole role);
bool isKnownRole(quint8 value);

} // namespace sen::identity
