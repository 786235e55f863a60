#pragma once

// Real IDs for bundle tests: an organisation's certifier (Sen's own Certifier, ECDSA P-256),
// an office user and a server it issued, a revoked user, another organisation's user, and the
// trust a reader of their bundles has (the certifier and its current CRL). Bundles are written
// and read in memory.

#include "common/identity/Certifier.h"
#include "replication/bundle/Bundle.h"

#include <QBuffer>

#include <catch2/catch.hpp>

namespace sen::test {

inline identity::HierarchicalName bundleName(const QString& text)
{
    return identity::HierarchicalName::parse(text).value();
}

inline identity::Certifier bundleCertifier(const QString& org)
{
    auto certifier = identity::Certifier::create(
        bundleName(org), identity::Validity::days(3650, QDateTime::currentDateTimeUtc().addDays(-1)));
    REQUIRE(certifier.isOk());
    return std::move(certifier).value();
}

struct BundleIds
{
    identity::Certifier certifier = bundleCertifier(QStringLiteral("VPTU/HaNoi"));
    identity::Credentials office = issue(certifier, QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    identity::Credentials centre =
        issue(certifier, QStringLiteral("sen01/VPTU/HaNoi"), identity::CertificateRole::Server);

    static identity::Credentials issue(identity::Certifier& by, const QString& name,
                                       identity::CertificateRole role = identity::CertificateRole::User)
    {
        auto issued = by.issue(bundleName(name), role,
                               identity::Validity::days(365, QDateTime::currentDateTimeUtc().addDays(-1)));
        REQUIRE(issued.isOk());
        return std::move(issued).value();
    }
    QByteArray crl()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto der = certifier.crl(now, now.addDays(30));
        REQUIRE(der.isOk());
        return std::move(der).value();
    }
    BundleTrust trust()
    {
        return BundleTrust{certifier.certificateDer(), crl(), QDateTime::currentDateTimeUtc()};
    }
};

inline QByteArray writeSigned(ReplicaStore& store, const identity::Credentials& signer,
                              const BundleWriteOptions& options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto info = writeBundle(store, signer, buffer, options);
    INFO(info.status().toString().toStdString());
    REQUIRE(info.isOk());
    return buffer.data();
}

inline Result<SignedBundle> readSigned(const QByteArray& bytes, const BundleTrust& trust)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readBundle(buffer, trust);
}

inline Result<BundleInfo> importSigned(ReplicaStore& store, const QByteArray& bytes, const BundleTrust& trust,
                                       const BundleImportOptions& options = {})
{
    SEN_ASSIGN_OR_RETURN(const SignedBundle bundle, readSigned(bytes, trust));
    return importBundle(store, bundle, options);
}

} // namespace sen::test
