#pragma once

// What a party presents in TLS: its name, its role, its private key and its certificate
// chain. Plain data; IdFile seals it under a password, Certifier::issue makes it.
//
// For Qt: QSslKey(privateKeyPem, QSsl::Ec, QSsl::Pem) and QSslCertificate(der, QSsl::Der)
// for each entry of chainDer (or QSslCertificate::fromData(chainPem())).

#include "common/identity/CertificateRole.h"
#include "common/identity/HierarchicalName.h"

#include <QByteArray>
#include <QList>

namespace sen::identity {

struct Credentials
{
    HierarchicalName name;
    CertificateRole role = CertificateRole::User;
    // Unencrypted PKCS#8, "-----BEGIN PRIVATE KEY-----". A secret: do not log or copy it
    // around; wipe it (crypto::wipe) when done.
    QByteArray privateKeyPem;
    // Leaf first, then the certifier's certificate; DER. A certifier's own chain is just its
    // self-signed certificate.
    QList<QByteArray> chainDer;

    QByteArray leafDer() const { return chainDer.value(0); }
    QByteArray certifierDer() const { return chainDer.isEmpty() ? QByteArray() : chainDer.constLast(); }
    // The chain as concatenated "-----BEGIN CERTIFICATE-----" blocks, leaf first.
    QByteArray chainPem() const;
};

// PEM armour for one DER certificate.
QByteArray certificateToPem(const QByteArray& der);

} // namespace sen::identity
