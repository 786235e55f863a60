// A real TLS 1.3 handshake on loopback between a QSslServer and a QSslSocket, both presenting
// certificates from the certifier: Qt and OpenSSL accept Sen's certificate profile, and a
// client certificate from a foreign certifier is refused.

#include "common/identity/CertificateInfo.h"
#include "common/identity/Certifier.h"
#include "common/identity/PeerVerifier.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

#include <catch2/catch.hpp>
#include <functional>

using namespace sen;
using namespace sen::identity;

namespace {

HierarchicalName nameOf(const char16_t* text)
{
    return HierarchicalName::parse(QString::fromUtf16(text)).value();
}

QSslConfiguration tlsConfiguration(const Credentials& credentials, const QByteArray& trustedCertifierDer)
{
    QList<QSslCertificate> chain;
    for (const QByteArray& der : credentials.chainDer)
        chain.append(QSslCertificate(der, QSsl::Der));
    const QSslKey key(credentials.privateKeyPem, QSsl::Ec, QSsl::Pem);
    REQUIRE_FALSE(key.isNull());
    REQUIRE_FALSE(chain.constFirst().isNull());

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_3OrLater);
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setCaCertificates({QSslCertificate(trustedCertifierDer, QSsl::Der)});
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

// Runs the event loop until `done` holds or ten seconds pass.
bool waitFor(const std::function<bool()>& done)
{
    QDeadlineTimer deadline(10'000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

struct Parties
{
    Certifier certifier;
    Credentials server;
    Credentials user;
};

Parties makeParties()
{
    auto certifier = Certifier::create(nameOf(u"VPTU/HaNoi"),
                                       Validity::days(365, QDateTime::currentDateTimeUtc().addDays(-1)));
    REQUIRE(certifier.isOk());
    auto server =
        certifier->issue(nameOf(u"Máy Chủ 1/VPTU/HaNoi"), CertificateRole::Server, Validity::days(30),
                         {QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
    auto user =
        certifier->issue(nameOf(u"Nguyễn Văn A/VPTU/HaNoi"), CertificateRole::User, Validity::days(30));
    REQUIRE(server.isOk());
    REQUIRE(user.isOk());
    return {std::move(certifier).value(), server.value(), user.value()};
}

} // namespace

TEST_CASE("A user and a server from one certifier complete a mutually authenticated TLS 1.3 handshake",
          "[identity][tls]")
{
    // The server requires a client certificate; both sides trust only the certifier.
    if (!QSslSocket::supportsSsl())
        FAIL("Qt has no TLS backend");
    Parties parties = makeParties();
    QSslServer server;
    server.setSslConfiguration(tlsConfiguration(parties.server, parties.certifier.certificateDer()));
    REQUIRE(server.listen(QHostAddress::LocalHost));

    QSslSocket client;
    client.setSslConfiguration(tlsConfiguration(parties.user, parties.certifier.certificateDer()));
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(),
                                  QStringLiteral("localhost"));

    REQUIRE(waitFor([&] { return client.isEncrypted() && server.hasPendingConnections(); }));
    auto* accepted = qobject_cast<QSslSocket*>(server.nextPendingConnection());
    REQUIRE(accepted != nullptr);
    REQUIRE(accepted->sessionProtocol() == QSsl::TlsV1_3);

    // The server sees the user's name; the client sees the server's.
    const auto userInfo = CertificateInfo::fromDer(accepted->peerCertificate().toDer());
    REQUIRE(userInfo.isOk());
    REQUIRE(userInfo->name == parties.user.name);
    REQUIRE(userInfo->name.toString() == QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"));
    const auto serverInfo = CertificateInfo::fromDer(client.peerCertificate().toDer());
    REQUIRE(serverInfo.isOk());
    REQUIRE(serverInfo->name == parties.server.name);

    // And the explicit check, with revocation, agrees.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto crl = parties.certifier.crl(now, now.addDays(1));
    const auto verifier = PeerVerifier::create(parties.certifier.certificateDer(), crl.value());
    REQUIRE(verifier.isOk());
    QList<QByteArray> presented;
    for (const QSslCertificate& cert : accepted->peerCertificateChain())
        presented.append(cert.toDer());
    const auto verified = verifier->verify(presented, now);
    INFO(verified.status().toString().toStdString());
    REQUIRE(verified.isOk());
    REQUIRE(verified->role == CertificateRole::User);
    delete accepted;
}

TEST_CASE("Bad peer: a client certificate from a foreign certifier fails the TLS handshake",
          "[identity][tls]")
{
    // The server never hands out a connection for a client whose certificate it cannot chain to its
    // certifier.
    if (!QSslSocket::supportsSsl())
        FAIL("Qt has no TLS backend");
    Parties parties = makeParties();
    auto foreign = Certifier::create(nameOf(u"VPTU/HaNoi"), Validity::days(365));
    const auto intruder =
        foreign->issue(nameOf(u"Nguyễn Văn A/VPTU/HaNoi"), CertificateRole::User, Validity::days(30));
    REQUIRE(intruder.isOk());

    QSslServer server;
    server.setSslConfiguration(tlsConfiguration(parties.server, parties.certifier.certificateDer()));
    bool serverRefused = false;
    QObject::connect(&server, &QSslServer::peerVerifyError,
                     [&](QSslSocket*, const QSslError&) { serverRefused = true; });
    QObject::connect(&server, &QSslServer::sslErrors,
                     [&](QSslSocket*, const QList<QSslError>&) { serverRefused = true; });
    QObject::connect(&server, &QSslServer::errorOccurred,
                     [&](QSslSocket*, QAbstractSocket::SocketError) { serverRefused = true; });
    REQUIRE(server.listen(QHostAddress::LocalHost));

    QSslSocket client;
    // The client trusts the real certifier, so only the server's check of the client can fail.
    client.setSslConfiguration(tlsConfiguration(intruder.value(), parties.certifier.certificateDer()));
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort(),
                                  QStringLiteral("localhost"));

    REQUIRE(waitFor([&] { return serverRefused && client.state() == QAbstractSocket::UnconnectedState; }));
    QCoreApplication::processEvents();
    REQUIRE_FALSE(server.hasPendingConnections());
}
