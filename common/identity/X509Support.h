#pragma once

// Internal to common/identity: conversions between Sen's Qt types and Botan's X.509 types.
// Botan is only forward-declared here; the .cpp files that call these include Botan.

#include "common/core/Result.h"
#include "common/identity/CertificateRole.h"
#include "common/identity/HierarchicalName.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace Botan {
class ASN1_Time;
class X509_Certificate;
class X509_DN;
class Private_Key;
} // namespace Botan

namespace sen::identity::detail {

Botan::X509_DN toDn(const HierarchicalName& name);
[[nodiscard]] Result<HierarchicalName> fromDn(const Botan::X509_DN& dn);

// Corruption when the bytes are not a certificate Botan can decode.
[[nodiscard]] Result<std::shared_ptr<Botan::X509_Certificate>> parseCertificate(QByteArrayView der);
// Corruption when the PEM is not an unencrypted PKCS#8 key.
[[nodiscard]] Result<std::shared_ptr<Botan::Private_Key>> parsePrivateKey(QByteArrayView pem);

// The Sen role a certificate grants: Certifier for a CA, Server with serverAuth, User with
// clientAuth only. InvalidArgument otherwise.
[[nodiscard]] Result<CertificateRole> roleOf(const Botan::X509_Certificate& cert);

std::chrono::system_clock::time_point toTimePoint(const QDateTime& when);
QDateTime toDateTime(const Botan::ASN1_Time& time);

template <typename Alloc>
QByteArray toByteArray(const std::vector<std::uint8_t, Alloc>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

inline std::vector<std::uint8_t> toVector(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    return std::vector<std::uint8_t>(p, p + bytes.size());
}

QString exceptionMessage(const std::exception& e);

} // namespace sen::identity::detail
