// The audit log against someone who can write its files but does not hold the server's key:
// a cut tail with a head rewritten to match, a forged or unsigned head. The head file is
// signed, so each is caught — by verification and by the next open, which records it.

#include "common/crypto/Signature.h"
#include "common/identity/Certifier.h"
#include "server/audit/AuditHead.h"
#include "server/audit/AuditLog.h"
#include "server/audit/AuditVerifier.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::server;

namespace {

identity::Credentials serverCredentials(const QString& org = QStringLiteral("VPTU/HaNoi"))
{
    const auto validity = identity::Validity::days(30, QDateTime::currentDateTimeUtc().addDays(-1));
    auto certifier = identity::Certifier::create(identity::HierarchicalName::parse(org).value(), validity);
    REQUIRE(certifier.isOk());
    auto server =
        certifier->issue(identity::HierarchicalName::parse(QStringLiteral("sen-server/") + org).value(),
                         identity::CertificateRole::Server, validity);
    REQUIRE(server.isOk());
    return *server;
}

AuditLogOptions signedBy(const identity::Credentials& server)
{
    AuditLogOptions options;
    options.signingKeyPem = server.privateKeyPem;
    options.certificateDer = server.leafDer();
    return options;
}

// A signed log of `count` login records.
QString makeSignedLog(const test::TempDir& dir, const identity::Credentials& server, int count)
{
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    auto log = AuditLog::open(path, signedBy(server));
    REQUIRE(log.isOk());
    for (int i = 1; i <= count; ++i)
        REQUIRE(log.value()
                    ->append(AuditEvent{
                        QStringLiteral("login"), QStringLiteral("User%1/VPTU/HaNoi").arg(i), {}, {}})
                    .isOk());
    return path;
}

// Cuts the log after `keep` records and returns the hash of the last one kept.
QString cutAfter(const QString& path, int keep)
{
    QList<QByteArray> lines = test::readFile(path).split('\n');
    lines = lines.mid(0, keep);
    REQUIRE(test::writeFile(path, QByteArray(lines.join('\n') + '\n')));
    const QByteArray last = lines.constLast();
    const qsizetype at = last.indexOf("\"hash\":\"") + 8;
    return QString::fromLatin1(last.mid(at, 64));
}

AuditVerifyReport verify(const QString& path, const QByteArray& certificateDer)
{
    auto report = verifyAuditLog(path, AuditVerifyOptions{certificateDer});
    INFO(report.status().toString().toStdString());
    REQUIRE(report.isOk());
    INFO(report->summary().toStdString());
    return report.value();
}

} // namespace

TEST_CASE("A signed log verifies against the server's certificate and not against another's", "[audit]")
{
    // The head written with every append carries the server's signature.
    test::TempDir dir;
    const identity::Credentials server = serverCredentials();
    const QString path = makeSignedLog(dir, server, 3);
    auto head = AuditHead::read(AuditHead::pathFor(path));
    REQUIRE(head.isOk());
    REQUIRE(head->isSigned());
    REQUIRE(test::readFile(AuditHead::pathFor(path)).size() == AuditHead::kSignedSize);
    REQUIRE(verify(path, server.leafDer()).ok);

    const AuditVerifyReport other = verify(path, serverCredentials(QStringLiteral("Khac/HaNoi")).leafDer());
    REQUIRE_FALSE(other.ok);
    REQUIRE(other.problem.contains(QStringLiteral("signature does not verify")));
}

TEST_CASE("Bad file: a log cut at its tail with its head rewritten to match fails verification", "[audit]")
{
    // Someone with write access to logs/ removes the last two records and writes a head that
    // names the new last record, unsigned (format 1) or signed with a key of their own.
    test::TempDir dir;
    const identity::Credentials server = serverCredentials();
    const QString path = makeSignedLog(dir, server, 5);
    const QString hash3 = cutAfter(path, 3);
    const QString headPath = AuditHead::pathFor(path);

    REQUIRE(test::writeFile(headPath, AuditHead{3, hash3, {}}.toBytes()));
    AuditVerifyReport report = verify(path, server.leafDer());
    REQUIRE_FALSE(report.ok);
    REQUIRE(report.problem.contains(QStringLiteral("not signed")));

    const identity::Credentials forger = serverCredentials(QStringLiteral("GiaMao/HaNoi"));
    AuditHead forged{3, hash3, {}};
    forged.signature = crypto::sign(forger.privateKeyPem, forged.signedPart()).value();
    REQUIRE(test::writeFile(headPath, forged.toBytes()));
    report = verify(path, server.leafDer());
    REQUIRE_FALSE(report.ok);
    REQUIRE(report.problem.contains(QStringLiteral("signature does not verify")));

    // Without the certificate the chain alone looks whole: the signature is what catches it.
    REQUIRE(verify(path, {}).ok);
}

TEST_CASE("Bad file: reopening a log whose head was forged records log_head_invalid until acknowledged",
          "[audit]")
{
    // The server restarts on a cut log with a forged head: it does not trust the head, records
    // why, and verification fails until an administrator acknowledges the record.
    test::TempDir dir;
    const identity::Credentials server = serverCredentials();
    const QString path = makeSignedLog(dir, server, 4);
    const QString hash2 = cutAfter(path, 2);
    REQUIRE(test::writeFile(AuditHead::pathFor(path), AuditHead{2, hash2, {}}.toBytes()));

    qint64 invalidSeq = 0;
    {
        auto log = AuditLog::open(path, signedBy(server));
        REQUIRE(log.isOk());
        invalidSeq = log.value()->lastSeq();
    }
    REQUIRE(invalidSeq == 3);
    const QByteArray bytes = test::readFile(path);
    REQUIRE(bytes.contains(R"("kind":"log_head_invalid")"));
    REQUIRE(bytes.contains("not signed"));
    AuditVerifyReport report = verify(path, server.leafDer());
    REQUIRE_FALSE(report.ok); // the head is signed again, but the record stands
    REQUIRE(report.unacknowledged == QList<qint64>{3});

    {
        auto log = AuditLog::open(path, signedBy(server));
        REQUIRE(log.isOk());
        REQUIRE(log.value()
                    ->append(AuditEvent{QString::fromUtf16(audit::kAuditAcknowledge),
                                        {},
                                        {},
                                        QStringLiteral("seq 3: compared with the printed head of 1 March")})
                    .isOk());
    }
    REQUIRE(verify(path, server.leafDer()).ok);
}

TEST_CASE("An acknowledgement names the record it acknowledges and nothing else", "[audit]")
{
    // The seq is read from the start of the detail only.
    REQUIRE(acknowledgedSeq(QStringLiteral("seq 12: restored from backup")) == 12);
    REQUIRE(acknowledgedSeq(QStringLiteral("seq 7")) == 7);
    REQUIRE(acknowledgedSeq(QStringLiteral("see seq 12")) == 0);
    REQUIRE(acknowledgedSeq(QStringLiteral("seq 12x")) == 0);
}
