#include "common/identity/Certifier.h"

#include "common/crypto/Random.h"
#include "common/identity/CrlCodec.h"
#include "common/identity/X509Support.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <botan/auto_rng.h>
#include <botan/bigint.h>
#include <botan/ec_group.h>
#include <botan/ecdsa.h>
#include <botan/pkcs8.h>
#include <botan/pubkey.h>
#include <botan/x509_ca.h>
#include <botan/x509_ext.h>

namespace sen::identity {

namespace {

constexpr qsizetype kSerialSize = 16;

// Positive and exactly 16 bytes long in DER: the top bit clear, the next bit set.
Botan::BigInt randomSerial()
{
    QByteArray bytes = crypto::randomBytes(kSerialSize);
    bytes[0] = static_cast<char>((static_cast<quint8>(bytes.at(0)) & 0x7f) | 0x40);
    return Botan::BigInt::decode(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                 static_cast<std::size_t>(bytes.size()));
}

// Serial hex as CertificateInfo prints it: lower case, no leading zero bytes.
Result<QString> normaliseSerial(const QString& serialHex)
{
    static const QRegularExpression hex(QStringLiteral("^([0-9a-fA-F]{2})+$"));
    if (!hex.match(serialHex).hasMatch())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\" is not a certificate serial").arg(serialHex));
    QString serial = serialHex.toLower();
    while (serial.size() > 2 && serial.startsWith(QLatin1String("00")))
        serial.remove(0, 2);
    return serial;
}

Result<Botan::AlternativeName> altNames(const QStringList& hostNames)
{
    static const QRegularExpression ipv4(
        QStringLiteral("^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$"));
    static const QRegularExpression dns(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$"));
    Botan::AlternativeName names;
    for (const QString& host : hostNames) {
        if (ipv4.match(host).hasMatch())
            names.add_attribute("IP", host.toStdString());
        else if (host.size() <= 253 && dns.match(host).hasMatch())
            names.add_attribute("DNS", host.toLower().toStdString());
        else
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("\"%1\" is neither a DNS name nor an IPv4 address").arg(host));
    }
    return names;
}

std::unique_ptr<Botan::Private_Key> newKeyPair(Botan::RandomNumberGenerator& rng)
{
    return std::make_unique<Botan::ECDSA_PrivateKey>(rng, Botan::EC_Group("secp256r1"));
}

QByteArray pemOf(const Botan::Private_Key& key)
{
    return QByteArray::fromStdString(Botan::PKCS8::PEM_encode(key));
}

} // namespace

struct Certifier::Impl
{
    Credentials credentials;
    std::shared_ptr<Botan::Private_Key> key;
    std::shared_ptr<Botan::X509_Certificate> certificate;
    QList<Revocation> revoked;
    quint64 crlNumber = 0; // of the last CRL signed
};

Certifier::Certifier(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Certifier::Certifier(Certifier&&) noexcept = default;
Certifier& Certifier::operator=(Certifier&&) noexcept = default;
Certifier::~Certifier() = default;

const Credentials& Certifier::credentials() const
{
    return d->credentials;
}

Result<Certifier> Certifier::create(const HierarchicalName& organisation, const Validity& validity)
{
    if (organisation.isNull())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("a certifier needs a name"));
    if (!validity.isUsable())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the certifier's validity period is empty"));
    try {
        Botan::AutoSeeded_RNG rng;
        std::unique_ptr<Botan::Private_Key> key = newKeyPair(rng);
        Botan::AlgorithmIdentifier sigAlgo;
        std::unique_ptr<Botan::PK_Signer> signer(Botan::choose_sig_format(*key, rng, "SHA-256", sigAlgo));
        const std::vector<std::uint8_t> publicKey = key->subject_public_key();

        Botan::Extensions extensions;
        extensions.add(new Botan::Cert_Extension::Basic_Constraints(true, 0), true);
        extensions.add(new Botan::Cert_Extension::Key_Usage(
                           Botan::Key_Constraints(Botan::KEY_CERT_SIGN | Botan::CRL_SIGN)),
                       true);
        const auto keyId = std::make_unique<Botan::Cert_Extension::Subject_Key_ID>(publicKey, "SHA-256");
        extensions.add(new Botan::Cert_Extension::Subject_Key_ID(keyId->get_key_id()));
        extensions.add(new Botan::Cert_Extension::Authority_Key_ID(keyId->get_key_id()));

        const Botan::X509_DN dn = detail::toDn(organisation);
        const Botan::X509_Certificate cert = Botan::X509_CA::make_cert(
            signer.get(), rng, randomSerial(), sigAlgo, publicKey,
            Botan::X509_Time(detail::toTimePoint(validity.notBefore)),
            Botan::X509_Time(detail::toTimePoint(validity.notAfter)), dn, dn, extensions);

        Credentials credentials;
        credentials.name = organisation;
        credentials.role = CertificateRole::Certifier;
        credentials.privateKeyPem = pemOf(*key);
        credentials.chainDer = {detail::toByteArray(cert.BER_encode())};
        return fromCredentials(credentials);
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal,
                      QStringLiteral("cannot create the certifier: %1").arg(detail::exceptionMessage(e)));
    }
}

Result<Certifier> Certifier::fromCredentials(const Credentials& credentials,
                                             const QByteArray& revocationCrlDer)
{
    auto impl = std::make_unique<Impl>();
    impl->credentials = credentials;
    SEN_ASSIGN_OR_RETURN(impl->certificate, detail::parseCertificate(credentials.leafDer()));
    SEN_ASSIGN_OR_RETURN(impl->key, detail::parsePrivateKey(credentials.privateKeyPem));
    if (!impl->certificate->is_CA_cert())
        return Status(
            ErrorCode::Corruption,
            QStringLiteral("%1's certificate is not a certifier's").arg(credentials.name.toString()));
    if (impl->key->subject_public_key() != impl->certificate->subject_public_key_info())
        return Status(ErrorCode::Corruption, QStringLiteral("%1's private key does not match its certificate")
                                                 .arg(credentials.name.toString()));
    if (!revocationCrlDer.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(const detail::CrlContents crl,
                             detail::readCrl(revocationCrlDer, *impl->certificate));
        impl->revoked = crl.revoked;
        impl->crlNumber = crl.number;
    }
    return Certifier(std::move(impl));
}

Result<Credentials> Certifier::issue(const HierarchicalName& subject, CertificateRole role,
                                     const Validity& validity, const QStringList& hostNames) const
{
    if (subject.isNull())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("a certificate needs a subject name"));
    if (role != CertificateRole::User && role != CertificateRole::Server)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a certifier issues only user and server certificates"));
    if (!validity.isUsable())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the certificate's validity period is empty"));
    SEN_ASSIGN_OR_RETURN(const Botan::AlternativeName alternativeNames, altNames(hostNames));
    try {
        Botan::AutoSeeded_RNG rng;
        std::unique_ptr<Botan::Private_Key> key = newKeyPair(rng);
        Botan::AlgorithmIdentifier sigAlgo;
        std::unique_ptr<Botan::PK_Signer> signer(Botan::choose_sig_format(*d->key, rng, "SHA-256", sigAlgo));
        const std::vector<std::uint8_t> publicKey = key->subject_public_key();

        std::vector<Botan::OID> usages{Botan::OID::from_string("PKIX.ClientAuth")};
        if (role == CertificateRole::Server)
            usages.insert(usages.begin(), Botan::OID::from_string("PKIX.ServerAuth"));

        Botan::Extensions extensions;
        extensions.add(new Botan::Cert_Extension::Basic_Constraints(false), true);
        extensions.add(new Botan::Cert_Extension::Key_Usage(Botan::DIGITAL_SIGNATURE), true);
        extensions.add(new Botan::Cert_Extension::Extended_Key_Usage(usages));
        extensions.add(new Botan::Cert_Extension::Subject_Key_ID(publicKey, "SHA-256"));
        extensions.add(new Botan::Cert_Extension::Authority_Key_ID(d->certificate->subject_key_id()));
        if (!hostNames.isEmpty())
            extensions.add(new Botan::Cert_Extension::Subject_Alternative_Name(alternativeNames));

        const Botan::X509_Certificate cert =
            Botan::X509_CA::make_cert(signer.get(), rng, randomSerial(), sigAlgo, publicKey,
                                      Botan::X509_Time(detail::toTimePoint(validity.notBefore)),
                                      Botan::X509_Time(detail::toTimePoint(validity.notAfter)),
                                      d->certificate->subject_dn(), detail::toDn(subject), extensions);

        Credentials credentials;
        credentials.name = subject;
        credentials.role = role;
        credentials.privateKeyPem = pemOf(*key);
        credentials.chainDer = {detail::toByteArray(cert.BER_encode()), certificateDer()};
        return credentials;
    } catch (const std::exception& e) {
        return Status(ErrorCode::Internal, QStringLiteral("cannot issue a certificate to %1: %2")
                                               .arg(subject.toString(), detail::exceptionMessage(e)));
    }
}

Status Certifier::revoke(const QString& serialHex, const QDateTime& when)
{
    SEN_ASSIGN_OR_RETURN(const QString serial, normaliseSerial(serialHex));
    if (isRevoked(serial))
        return Status::ok();
    // X.509 keeps whole seconds; store what the CRL will say.
    d->revoked.append({serial, QDateTime::fromSecsSinceEpoch(when.toSecsSinceEpoch(), Qt::UTC)});
    return Status::ok();
}

bool Certifier::isRevoked(const QString& serialHex) const
{
    const Result<QString> serial = normaliseSerial(serialHex);
    if (!serial.isOk())
        return false;
    return std::any_of(d->revoked.cbegin(), d->revoked.cend(),
                       [&](const Revocation& r) { return r.serialHex == serial.value(); });
}

QList<Revocation> Certifier::revocations() const
{
    return d->revoked;
}

Result<QByteArray> Certifier::crl(const QDateTime& thisUpdate, const QDateTime& nextUpdate)
{
    if (!(thisUpdate.isValid() && nextUpdate.isValid() && thisUpdate < nextUpdate))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a CRL's next update must come after this one"));
    detail::CrlContents contents{d->revoked, d->crlNumber + 1, thisUpdate, nextUpdate};
    SEN_ASSIGN_OR_RETURN(QByteArray der, detail::signCrl(*d->key, *d->certificate, contents));
    d->crlNumber = contents.number;
    return der;
}

Status Certifier::save(const QString& idPath, const QString& password, KdfCost cost)
{
    // The revocation file is a CRL valid for a day: a snapshot of state, not one to publish.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SEN_ASSIGN_OR_RETURN(const QByteArray crlDer, crl(now, now.addDays(1)));
    SEN_ASSIGN_OR_RETURN(const QByteArray idFile, IdFile::seal(d->credentials, password, cost));
    SEN_TRY(IdFile::save(idPath, idFile));
    return IdFile::save(revocationPath(idPath), crlDer);
}

Result<Certifier> Certifier::load(const QString& idPath, const QString& password)
{
    SEN_ASSIGN_OR_RETURN(const QByteArray idFile, IdFile::load(idPath));
    SEN_ASSIGN_OR_RETURN(const Credentials credentials, IdFile::open(idFile, password));
    if (credentials.role != CertificateRole::Certifier)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is %2's ID file, not a certifier's")
                          .arg(QFileInfo(idPath).fileName(), credentials.name.toString()));
    const QString crlPath = revocationPath(idPath);
    if (!QFileInfo::exists(crlPath))
        return Status(ErrorCode::NotFound,
                      QStringLiteral("the certifier's revocation file %1 is missing").arg(crlPath));
    SEN_ASSIGN_OR_RETURN(const QByteArray crlDer, IdFile::load(crlPath));
    Result<Certifier> certifier = fromCredentials(credentials, crlDer);
    if (!certifier.isOk())
        return certifier.status().withContext(crlPath);
    return certifier;
}

} // namespace sen::identity
