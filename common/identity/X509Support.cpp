#include "common/identity/X509Support.h"

#include <algorithm>
#include <botan/asn1_obj.h>
#include <botan/data_src.h>
#include <botan/oids.h>
#include <botan/pkcs8.h>
#include <botan/pkix_types.h>
#include <botan/x509cert.h>
#include <exception>

namespace sen::identity::detail {

namespace {

const Botan::OID& commonNameOid()
{
    static const Botan::OID oid = Botan::OID::from_string("X520.CommonName");
    return oid;
}
const Botan::OID& unitOid()
{
    static const Botan::OID oid = Botan::OID::from_string("X520.OrganizationalUnit");
    return oid;
}
const Botan::OID& organisationOid()
{
    static const Botan::OID oid = Botan::OID::from_string("X520.Organization");
    return oid;
}

Botan::ASN1_String utf8(const QString& text)
{
    return Botan::ASN1_String(text.toStdString(), Botan::UTF8_STRING);
}

} // namespace

QString exceptionMessage(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

Botan::X509_DN toDn(const HierarchicalName& name)
{
    // General to specific: O, the OUs from the organisation inward, then CN.
    Botan::X509_DN dn;
    const QStringList& parts = name.parts();
    if (parts.size() > 1)
        dn.add_attribute(organisationOid(), utf8(parts.constLast()));
    for (qsizetype i = parts.size() - 2; i >= 1; --i)
        dn.add_attribute(unitOid(), utf8(parts.at(i)));
    dn.add_attribute(commonNameOid(), utf8(parts.constFirst()));
    return dn;
}

Result<HierarchicalName> fromDn(const Botan::X509_DN& dn)
{
    QString commonName;
    QString organisation;
    QStringList unitsGeneralFirst;
    for (const auto& [oid, value] : dn.dn_info()) {
        const QString text = QString::fromStdString(value.value());
        if (oid == commonNameOid()) {
            if (!commonName.isNull())
                return Status(ErrorCode::InvalidArgument, QStringLiteral("the subject has two common names"));
            commonName = text;
        } else if (oid == organisationOid()) {
            if (!organisation.isNull())
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("the subject has two organisations"));
            organisation = text;
        } else if (oid == unitOid()) {
            unitsGeneralFirst.append(text);
        } else {
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("the subject has an attribute %1 that a Sen name does not use")
                              .arg(QString::fromStdString(oid.to_formatted_string())));
        }
    }
    if (commonName.isNull())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the subject has no common name"));
    if (organisation.isNull() && !unitsGeneralFirst.isEmpty())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the subject has units but no organisation"));
    QStringList parts{commonName};
    for (qsizetype i = unitsGeneralFirst.size() - 1; i >= 0; --i)
        parts.append(unitsGeneralFirst.at(i));
    if (!organisation.isNull())
        parts.append(organisation);
    return HierarchicalName::fromParts(parts);
}

Result<std::shared_ptr<Botan::X509_Certificate>> parseCertificate(QByteArrayView der)
{
    if (der.isEmpty())
        return Status(ErrorCode::Corruption, QStringLiteral("an empty certificate"));
    try {
        return std::make_shared<Botan::X509_Certificate>(reinterpret_cast<const std::uint8_t*>(der.data()),
                                                         static_cast<std::size_t>(der.size()));
    } catch (const std::exception& e) {
        return Status(ErrorCode::Corruption,
                      QStringLiteral("not an X.509 certificate: %1").arg(exceptionMessage(e)));
    }
}

Result<std::shared_ptr<Botan::Private_Key>> parsePrivateKey(QByteArrayView pem)
{
    try {
        Botan::DataSource_Memory source(reinterpret_cast<const std::uint8_t*>(pem.data()),
                                        static_cast<std::size_t>(pem.size()));
        std::shared_ptr<Botan::Private_Key> key = Botan::PKCS8::load_key(source);
        return key;
    } catch (const std::exception& e) {
        return Status(ErrorCode::Corruption,
                      QStringLiteral("not an unencrypted PKCS#8 private key: %1").arg(exceptionMessage(e)));
    }
}

Result<CertificateRole> roleOf(const Botan::X509_Certificate& cert)
{
    if (cert.is_CA_cert())
        return CertificateRole::Certifier;
    const auto& usages = cert.extended_key_usage();
    const auto has = [&](const char* name) {
        return std::find(usages.begin(), usages.end(), Botan::OID::from_string(name)) != usages.end();
    };
    if (has("PKIX.ServerAuth") && has("PKIX.ClientAuth"))
        return CertificateRole::Server;
    if (has("PKIX.ClientAuth"))
        return CertificateRole::User;
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("the certificate grants neither a server's nor a user's role"));
}

std::chrono::system_clock::time_point toTimePoint(const QDateTime& when)
{
    return std::chrono::system_clock::time_point(std::chrono::seconds(when.toSecsSinceEpoch()));
}

QDateTime toDateTime(const Botan::ASN1_Time& time)
{
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(time.time_since_epoch()), Qt::UTC);
}

} // namespace sen::identity::detail
