// The audit log format, pinned by tests/data/audit (docs/audit-log.md, record format 1, head
// formats 1 and 2): every line parses and is written back byte for byte, its hash and chain
// hold, the signed head file verifies with the server's certificate and the whole log passes
// `audit verify`. The head's ECDSA signature was random when it was made, so it is checked,
// not made again. A failure here is a format change: see tests/data/README.md.

#include "server/audit/AuditHead.h"
#include "server/audit/AuditLog.h"
#include "server/audit/AuditRecord.h"
#include "server/audit/AuditVerifier.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"
#include "tests/support/TempDir.h"

#include <QDateTime>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::server;

namespace {

QByteArray fixture(const char* name)
{
    const QByteArray bytes = golden::readFixture(QStringLiteral("audit/") + QLatin1String(name));
    REQUIRE_FALSE(bytes.isEmpty());
    return bytes;
}

// The log and a head file in a temporary folder, as `audit verify` finds them.
QString copyLog(const test::TempDir& dir, const char* head)
{
    const QString log = dir.path(QStringLiteral("audit.jsonl"));
    REQUIRE(golden::copyFixture(QStringLiteral("audit/audit.jsonl"), log));
    REQUIRE(golden::copyFixture(QStringLiteral("audit/") + QLatin1String(head), AuditHead::pathFor(log)));
    return log;
}

} // namespace

TEST_CASE("Golden audit log: every record parses, chains and is written back byte for byte",
          "[golden][audit]")
{
    const QByteArray log = fixture("audit.jsonl");
    REQUIRE(log.endsWith('\n'));
    const QList<QByteArray> lines = log.chopped(1).split('\n');
    REQUIRE(lines.size() == 5);
    QString prev = zeroAuditHash();
    const QStringList kinds{QStringLiteral("login"), QStringLiteral("push_refused"),
                            QStringLiteral("admin.acl_set"), QStringLiteral("request_refused"),
                            QStringLiteral("document_deleted")};
    for (int i = 0; i < lines.size(); ++i) {
        INFO("line " << i + 1);
        const auto record = AuditRecord::parse(lines[i]);
        INFO(record.status().toString().toStdString());
        REQUIRE(record.isOk());
        CHECK(record->version == 1);
        CHECK(record->seq == i + 1);
        CHECK(record->kind == kinds[i]);
        CHECK(record->time == QDateTime::fromMSecsSinceEpoch(golden::kBaseMs + 1250 * (i + 1), Qt::UTC)
                                  .toString(Qt::ISODateWithMs));
        CHECK(record->prev == prev);
        CHECK(record->computeHash() == record->hash);
        CHECK(record->toLine() == lines[i]);
        prev = record->hash;
    }
    // The fields as they were written: Vietnamese kept as UTF-8, "-" for no actor or peer,
    // and each escape of the canonical form.
    const auto refused = AuditRecord::parse(lines[1]).value();
    CHECK(refused.actor == golden::userName());
    CHECK(refused.detail.contains(QStringLiteral("\"Về việc tổ chức Hội nghị\"")));
    CHECK(lines[1].contains(R"(\"Về việc)"));
    CHECK(lines[1].contains(R"(\twith \\ and /\r\n\b\f\u0001\u007f end")"));
    const auto admin = AuditRecord::parse(lines[2]).value();
    CHECK(admin.actor == QStringLiteral("-"));
    CHECK(admin.peer == QStringLiteral("-"));
    CHECK(AuditRecord::parse(lines[3]).value().detail.isEmpty());
    CHECK(lines[0].startsWith(R"({"actor":"Nguyễn Văn A/VPTU/HaNoi","detail":"database vanban","hash":")"));
}

TEST_CASE("Golden audit log: the signed head verifies and is written back byte for byte", "[golden][audit]")
{
    const QByteArray bytes = fixture("audit.head");
    CHECK(bytes.size() == AuditHead::kSignedSize);
    CHECK(bytes.startsWith("sen-audit-head 2 00000000000000000005 "));
    const auto head = AuditHead::fromBytes(bytes);
    REQUIRE(head.isOk());
    CHECK(head->isSigned());
    CHECK(head->seq == 5);
    CHECK(head->toBytes() == bytes);
    const QByteArray certificate = fixture("server.der");
    INFO(head->verify(certificate).toString().toStdString());
    CHECK(head->verify(certificate).isOk());
    const QList<QByteArray> lines = fixture("audit.jsonl").chopped(1).split('\n');
    CHECK(head->hash == AuditRecord::parse(lines.last()).value().hash);

    // Format 1, unsigned, is still read, and refused where a signature is required.
    const QByteArray old = fixture("audit-format1.head");
    CHECK(old.size() == AuditHead::kSize);
    const auto unsignedHead = AuditHead::fromBytes(old);
    REQUIRE(unsignedHead.isOk());
    CHECK_FALSE(unsignedHead->isSigned());
    CHECK(unsignedHead->seq == 5);
    CHECK(unsignedHead->hash == head->hash);
    CHECK(unsignedHead->toBytes() == old);
    CHECK(unsignedHead->verify(certificate).code() == ErrorCode::PermissionDenied);
}

TEST_CASE("Golden audit log: the log and its head pass audit verify with the server's certificate",
          "[golden][audit]")
{
    const QByteArray certificate = fixture("server.der");
    {
        test::TempDir dir;
        const auto report = verifyAuditLog(copyLog(dir, "audit.head"), {certificate});
        REQUIRE(report.isOk());
        INFO(report->summary().toStdString());
        CHECK(report->ok);
        CHECK(report->records == 5);
        CHECK(report->headSeq == 5);
    }
    {
        // The unsigned head of format 1: the chain holds, the signature is missing.
        test::TempDir dir;
        const QString log = copyLog(dir, "audit-format1.head");
        CHECK(verifyAuditLog(log, {}).value().ok);
        const auto report = verifyAuditLog(log, {certificate});
        REQUIRE(report.isOk());
        CHECK_FALSE(report->ok);
        CHECK(report->records == 5);
    }
    {
        // Opened by this build (without a signing key, as in the chain's own tests), the log
        // takes a sixth record after the fifth and still verifies.
        test::TempDir dir;
        const QString log = copyLog(dir, "audit.head");
        auto opened = AuditLog::open(log);
        REQUIRE(opened.isOk());
        CHECK((*opened)->lastSeq() == 5);
        REQUIRE(
            (*opened)->append({QStringLiteral("login"), golden::userName(), QString(), QString()}).isOk());
        opened->reset();
        const auto report = verifyAuditLog(log);
        REQUIRE(report.isOk());
        CHECK(report->ok);
        CHECK(report->records == 6);
    }
}
