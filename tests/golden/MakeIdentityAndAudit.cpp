// The identity fixtures (an ID file, the certifier's certificate and CRL, a revoked user's
// certificate) and an audit log signed by a server of the same certifier. Keys, serials,
// salts, nonces and signatures are random: the tests check what these files say, and encode
// again only their deterministic parts.

#include "common/identity/CertificateInfo.h"
#include "common/identity/Certifier.h"
#include "common/identity/IdFile.h"
#include "server/audit/AuditHead.h"
#include "server/audit/AuditLog.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"
#include "tests/golden/MakeFixtures.h"

#include <QFile>
#include <QTemporaryDir>

namespace sen::golden {

namespace {

using namespace identity;

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Result<HierarchicalName> name(const QString& text)
{
    return HierarchicalName::parse(text);
}

// The log's events: every kind of field, Vietnamese text, and each character the canonical
// form escapes (docs/audit-log.md §Canonical form).
std::vector<server::AuditEvent> auditEvents()
{
    return {
        {QStringLiteral("login"), userName(), QStringLiteral("192.0.2.7:50412"),
         QStringLiteral("database vanban")},
        {QStringLiteral("push_refused"), userName(), QStringLiteral("192.0.2.7:50412"),
         QStringLiteral("vanban: update 019b8d2a3f4000005e4e00000000a0c1 (VanBanDen, \"Về việc tổ chức Hội "
                        "nghị\"): PermissionDenied: not an author\twith \\ and /\r\n\b\f\x01\x7f end")},
        {QStringLiteral("admin.acl_set"), QString(), QString(),
         QStringLiteral("vanban: */VPTU/HaNoi Author")},
        {QStringLiteral("request_refused"), QStringLiteral("Lê Văn C/VPTU/HaNoi"),
         QStringLiteral("198.51.100.4:1352"), QString()},
        {QStringLiteral("document_deleted"), userName(), QStringLiteral("192.0.2.7:50412"),
         QStringLiteral("vanban: delete 019b8d2a3f4000005e4e00000000a0d1 (VanBanDi, \"Báo cáo tình hình quý "
                        "IV\")")},
    };
}

Status makeAudit(const QString& out, const Credentials& server)
{
    QTemporaryDir work;
    if (!work.isValid())
        return Status(ErrorCode::IoError, QStringLiteral("no temporary folder"));
    const QString logPath = work.filePath(QStringLiteral("audit.jsonl"));
    ManualClock clock(kBaseMs);
    server::AuditLogOptions options;
    options.sync = server::AuditSyncPolicy::FlushOnly;
    options.clock = &clock;
    options.signingKeyPem = server.privateKeyPem;
    options.certificateDer = server.leafDer();
    QString lastHash;
    qint64 lastSeq = 0;
    {
        SEN_ASSIGN_OR_RETURN(auto log, server::AuditLog::open(logPath, options));
        for (const server::AuditEvent& event : auditEvents()) {
            clock.advanceMs(1250);
            SEN_TRY(log->append(event));
        }
        lastSeq = log->lastSeq();
        lastHash = log->lastHash();
    }
    for (const QString& file : {QStringLiteral("audit.jsonl"), QStringLiteral("audit.head")}) {
        QFile in(work.filePath(file));
        if (!in.open(QIODevice::ReadOnly))
            return Status(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(file));
        SEN_TRY(writeNewFile(out, QStringLiteral("audit/") + file, in.readAll()));
    }
    // The same head in format 1 (unsigned), which a server still reads.
    const server::AuditHead unsigned1{lastSeq, lastHash, {}};
    SEN_TRY(writeNewFile(out, QStringLiteral("audit/audit-format1.head"), unsigned1.toBytes()));
    return writeNewFile(out, QStringLiteral("audit/server.der"), server.leafDer());
}

} // namespace

Status makeInteractiveIdFile(const QString& out)
{
    // The committed identity/user.id's credentials sealed again at the Interactive cost, the
    // one every real ID file has. The committed file was written while Botan alone derived
    // the key; libsodium derives it since, and this file pins that the two agree.
    SEN_ASSIGN_OR_RETURN(const Credentials user,
                         IdFile::open(readFixture(QStringLiteral("identity/user.id")), idFilePassword()));
    SEN_ASSIGN_OR_RETURN(const QByteArray idFile, IdFile::seal(user, idFilePassword(), KdfCost::Interactive));
    return writeNewFile(out, QStringLiteral("identity/user-interactive.id"), idFile);
}

Status makeIdentityAndAudit(const QString& out)
{
    const Validity validity{at(kBaseMs), at(kBaseMs).addYears(50)};
    SEN_ASSIGN_OR_RETURN(const HierarchicalName organisation, name(organisationName()));
    SEN_ASSIGN_OR_RETURN(Certifier certifier, Certifier::create(organisation, validity));
    SEN_ASSIGN_OR_RETURN(const HierarchicalName user, name(userName()));
    SEN_ASSIGN_OR_RETURN(const HierarchicalName revokedUser, name(revokedUserName()));
    SEN_ASSIGN_OR_RETURN(const HierarchicalName serverIdentity, name(serverName()));
    SEN_ASSIGN_OR_RETURN(const Credentials userCredentials,
                         certifier.issue(user, CertificateRole::User, validity));
    SEN_ASSIGN_OR_RETURN(const Credentials revoked,
                         certifier.issue(revokedUser, CertificateRole::User, validity));
    SEN_ASSIGN_OR_RETURN(const Credentials server,
                         certifier.issue(serverIdentity, CertificateRole::Server, validity,
                                         {QStringLiteral("sen.vptu.hanoi")}));
    SEN_ASSIGN_OR_RETURN(const CertificateInfo revokedInfo, CertificateInfo::fromDer(revoked.leafDer()));
    SEN_TRY(certifier.revoke(revokedInfo.serialHex, at(kBaseMs + 3600 * 1000)));
    SEN_ASSIGN_OR_RETURN(const QByteArray crl,
                         certifier.crl(at(kBaseMs + 3600 * 1000), at(kBaseMs + 3600 * 1000).addDays(30)));

    SEN_ASSIGN_OR_RETURN(const QByteArray idFile,
                         IdFile::seal(userCredentials, idFilePassword(), KdfCost::Test));
    SEN_TRY(writeNewFile(out, QStringLiteral("identity/user.id"), idFile));
    SEN_TRY(writeNewFile(out, QStringLiteral("identity/certifier.der"), certifier.certificateDer()));
    SEN_TRY(writeNewFile(out, QStringLiteral("identity/certifier.crl"), crl));
    SEN_TRY(writeNewFile(out, QStringLiteral("identity/revoked-user.der"), revoked.leafDer()));
    return makeAudit(out, server);
}

} // namespace sen::golden
