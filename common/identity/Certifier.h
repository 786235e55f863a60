#pragma once

// The organisation's certifier: an X.509 CA (ECDSA P-256, SHA-256 signatures) that issues
// server and user certificates and revokes them. The certificate profile is in
// docs/id-file.md.
//
// It persists as two files: its own ID file (IdFile, role Certifier) at `idPath`, and its
// revocation state as the latest CRL it signed, at revocationPath(idPath). The CRL is
// signed, so an edited revocation file is refused on load rather than silently un-revoking
// anyone; a missing one is refused too.
//
// Not thread-safe; move-only.

#include "common/identity/Credentials.h"
#include "common/identity/IdFile.h"
#include "common/identity/Validity.h"

#include <QDateTime>
#include <QStringList>

#include <memory>

namespace sen::identity {

struct Revocation
{
    QString serialHex;   // lower-case hex, as CertificateInfo::serialHex
    QDateTime revokedAt; // UTC
};

class Certifier
{
public:
    // Makes a fresh key pair and a self-signed CA certificate for `organisation`.
    [[nodiscard]] static Result<Certifier> create(const HierarchicalName& organisation,
                                                  const Validity& validity);
    // Rebuilds a certifier from its credentials (opened from its ID file) and, if any, the
    // CRL that holds its revocations. Corruption if the key does not match the certificate,
    // the certificate is not a CA, or the CRL is not signed by this certifier.
    [[nodiscard]] static Result<Certifier> fromCredentials(const Credentials& credentials,
                                                           const QByteArray& revocationCrlDer = {});

    Certifier(Certifier&&) noexcept;
    Certifier& operator=(Certifier&&) noexcept;
    ~Certifier();

    const Credentials& credentials() const;
    const HierarchicalName& name() const { return credentials().name; }
    QByteArray certificateDer() const { return credentials().leafDer(); }

    // A fresh P-256 key pair and a certificate for it with a random 16-byte serial. `role` is
    // User or Server; `hostNames` (DNS names or IPv4 literals) go into subjectAltName and are
    // meant for servers. InvalidArgument for a Certifier role, a null name, an unusable
    // validity, or a host name that is neither.
    [[nodiscard]] Result<Credentials> issue(const HierarchicalName& subject, CertificateRole role,
                                            const Validity& validity,
                                            const QStringList& hostNames = {}) const;

    // Adds a serial to the revocation list (idempotent: the first date stays).
    // InvalidArgument if `serialHex` is not hex.
    [[nodiscard]] Status revoke(const QString& serialHex,
                                const QDateTime& when = QDateTime::currentDateTimeUtc());
    bool isRevoked(const QString& serialHex) const;
    QList<Revocation> revocations() const;

    // A CRL (DER, X.509 v2) signed by this certifier listing every revoked serial, with the next
    // CRL number. The number is part of the saved state.
    [[nodiscard]] Result<QByteArray> crl(const QDateTime& thisUpdate, const QDateTime& nextUpdate);

    // Writes the ID file and the revocation file, each atomically and owner-only.
    [[nodiscard]] Status save(const QString& idPath, const QString& password,
                              KdfCost cost = KdfCost::Interactive);
    [[nodiscard]] static Result<Certifier> load(const QString& idPath, const QString& password);
    static QString revocationPath(const QString& idPath) { return idPath + QStringLiteral(".crl"); }

private:
    struct Impl;
    explicit Certifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace sen::identity
