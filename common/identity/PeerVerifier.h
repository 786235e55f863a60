#pragma once

// The server's explicit check of a TLS peer, after OpenSSL has checked the chain in the
// handshake: Qt 6.4 has no CRL API, so revocation is checked here, and so is everything
// else that decides who the peer is, against this organisation's certifier only.
//
// Stateless and thread-safe: keep the certifier's certificate and its current CRL, and
// call verify() for each new connection.

#include "common/identity/CertificateInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace sen::identity {

class PeerVerifier
{
public:
    // `certifierDer` is the CA certificate this server trusts; `crlDer` the certifier's
    // current CRL. Corruption if either is unreadable or the CRL is not the certifier's.
    [[nodiscard]] static Result<PeerVerifier> create(const QByteArray& certifierDer,
                                                     const QByteArray& crlDer);

    // `chainDer` is what QSslSocket::peerCertificateChain() gives, leaf first; only the leaf
    // is used, and it must be signed by the certifier directly. PermissionDenied (with the
    // reason) for: no certificate, a leaf from another certifier, a certificate not valid at
    // `now`, a revoked serial, a certifier's certificate presented as a leaf, or a leaf that
    // grants no Sen role. A CRL past its next update still counts: revocations never lapse.
    [[nodiscard]] Result<CertificateInfo> verify(const QList<QByteArray>& chainDer,
                                                 const QDateTime& now) const;

    const CertificateInfo& certifier() const { return m_certifier; }
    const QStringList& revokedSerials() const { return m_revoked; }

    // The newer of two CRLs of the certifier `certifierDer`: the higher CRL number, or with
    // equal numbers the later thisUpdate (`a` on a tie). A CRL that is empty, unreadable or not
    // signed by that certifier is passed over; Corruption when neither is the certifier's.
    [[nodiscard]] static Result<QByteArray> newerCrl(const QByteArray& certifierDer, const QByteArray& a,
                                                     const QByteArray& b);

private:
    PeerVerifier() = default;
    QByteArray m_certifierDer;
    CertificateInfo m_certifier;
    QStringList m_revoked; // lower-case hex
};

} // namespace sen::identity
