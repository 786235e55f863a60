// Verifying the audit log: every kind of tampering is found at the right line.

#include "server/audit/AuditHead.h"
#include "server/audit/AuditLog.h"
#include "server/audit/AuditVerifier.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::server;

namespace {

// A log of `count` login records.
QString makeLog(const test::TempDir& dir, int count)
{
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    auto log = AuditLog::open(path);
    REQUIRE(log.isOk());
    for (int i = 1; i <= count; ++i) {
        const AuditEvent event{QStringLiteral("login"), QStringLiteral("User%1/VPTU/HaNoi").arg(i),
                               QStringLiteral("10.0.0.%1").arg(i), QStringLiteral("session %1").arg(i)};
        REQUIRE(log.value()->append(event).isOk());
    }
    return path;
}

QList<QByteArray> lines(const QString& path)
{
    QList<QByteArray> out = test::readFile(path).split('\n');
    out.removeLast(); // after the final '\n'
    return out;
}

void writeLines(const QString& path, const QList<QByteArray>& all)
{
    REQUIRE(test::writeFile(path, QByteArray(all.join('\n') + '\n')));
}

AuditVerifyReport verify(const QString& path)
{
    auto report = verifyAuditLog(path);
    INFO(report.status().toString().toStdString());
    REQUIRE(report.isOk());
    INFO(report->summary().toStdString());
    return report.value();
}

} // namespace

TEST_CASE("A changed character in line k is caught at line k", "[audit]")
{
    // For each of the 20 lines, one character of its detail is changed in a fresh copy.
    test::TempDir dir;
    const QString path = makeLog(dir, 20);
    const QList<QByteArray> original = lines(path);
    for (int k = 1; k <= 20; ++k) {
        QList<QByteArray> edited = original;
        QByteArray& line = edited[k - 1];
        const qsizetype at = line.indexOf("session ") + 3;
        line[at] = 'S';
        writeLines(path, edited);
        const AuditVerifyReport report = verify(path);
        CHECK_FALSE(report.ok);
        CHECK(report.badLine == k);
        CHECK(report.records == k - 1);
        CHECK(report.problem == QStringLiteral("line %1: hash mismatch").arg(k));
    }
}

TEST_CASE("A deleted middle line breaks the chain at the line after it", "[audit]")
{
    // Line 5 of 10 is removed; line 5 now holds record 6, whose prev is record 5's hash.
    test::TempDir dir;
    const QString path = makeLog(dir, 10);
    QList<QByteArray> all = lines(path);
    all.removeAt(4);
    writeLines(path, all);
    const AuditVerifyReport report = verify(path);
    REQUIRE_FALSE(report.ok);
    REQUIRE(report.badLine == 5);
    REQUIRE(report.problem.startsWith(QStringLiteral("line 5: chain broken")));
}

TEST_CASE("A deleted last line is caught through the head file", "[audit]")
{
    // The chain of the first 9 records is intact; only the head file knows there were 10.
    test::TempDir dir;
    const QString path = makeLog(dir, 10);
    QList<QByteArray> all = lines(path);
    all.removeLast();
    writeLines(path, all);
    const AuditVerifyReport report = verify(path);
    REQUIRE_FALSE(report.ok);
    REQUIRE(report.records == 9);
    REQUIRE(report.headSeq == 10);
    REQUIRE(report.problem.contains(QStringLiteral("ends at seq 9 but its head file says seq 10")));
}

TEST_CASE("Reopening a log whose last line was deleted records the loss in the chain", "[audit]")
{
    // The server restarts after the tail was cut: a log_tail_missing event keeps the evidence.
    test::TempDir dir;
    const QString path = makeLog(dir, 3);
    QList<QByteArray> all = lines(path);
    all.removeLast();
    writeLines(path, all);
    {
        auto log = AuditLog::open(path);
        REQUIRE(log.isOk());
        REQUIRE(log.value()->lastSeq() == 3);
    }
    all = lines(path);
    REQUIRE(all.size() == 3);
    REQUIRE(all[2].contains(R"("kind":"log_tail_missing")"));
    REQUIRE(all[2].contains("ends at seq 2 but its head file said seq 3"));
    // The loss stands until an administrator acknowledges it.
    const AuditVerifyReport before = verify(path);
    REQUIRE_FALSE(before.ok);
    REQUIRE(before.unacknowledged == QList<qint64>{3});
    REQUIRE(before.problem.contains(QStringLiteral("audit acknowledge 3")));
    {
        auto log = AuditLog::open(path);
        REQUIRE(log.isOk());
        REQUIRE(log.value()
                    ->append(AuditEvent{QString::fromUtf16(audit::kAuditAcknowledge),
                                        {},
                                        {},
                                        QStringLiteral("seq 3: the tail was lost in a disk failure")})
                    .isOk());
    }
    REQUIRE(verify(path).ok);
}

TEST_CASE("Bad file: a line that is not JSON is reported with its line number", "[audit]")
{
    // Line 3 of 5 is replaced by text.
    test::TempDir dir;
    const QString path = makeLog(dir, 5);
    QList<QByteArray> all = lines(path);
    all[2] = "this is not json";
    writeLines(path, all);
    const AuditVerifyReport report = verify(path);
    REQUIRE_FALSE(report.ok);
    REQUIRE(report.problem == QStringLiteral("line 3: not valid JSON"));
}

TEST_CASE("Bad file: a record rewritten with whitespace or an extra field is not canonical", "[audit]")
{
    // Same values laid out differently, then an added field: both refused at line 2.
    test::TempDir dir;
    const QString path = makeLog(dir, 3);
    QList<QByteArray> all = lines(path);
    QList<QByteArray> spaced = all;
    spaced[1].replace("\"seq\":2", "\"seq\": 2");
    writeLines(path, spaced);
    REQUIRE(verify(path).problem == QStringLiteral("line 2: not in canonical form"));
    QList<QByteArray> extra = all;
    extra[1].replace("\"v\":1}", "\"v\":1,\"x\":0}");
    writeLines(path, extra);
    REQUIRE(verify(path).problem == QStringLiteral("line 2: unknown field \"x\""));
}

TEST_CASE("Bad file: swapped records are caught as a broken chain", "[audit]")
{
    // Lines 2 and 3 change places.
    test::TempDir dir;
    const QString path = makeLog(dir, 4);
    QList<QByteArray> all = lines(path);
    all.swapItemsAt(1, 2);
    writeLines(path, all);
    const AuditVerifyReport report = verify(path);
    REQUIRE(report.badLine == 2);
    REQUIRE(report.problem.contains(QStringLiteral("chain broken")));
}

TEST_CASE("Bad file: a missing head file fails verification of a non-empty log", "[audit]")
{
    // The head file is deleted; an empty log without a head file still verifies.
    test::TempDir dir;
    const QString path = makeLog(dir, 2);
    REQUIRE(QFile::remove(AuditHead::pathFor(path)));
    const AuditVerifyReport report = verify(path);
    REQUIRE_FALSE(report.ok);
    REQUIRE(report.problem.contains(QStringLiteral("missing")));

    const QString empty = dir.path(QStringLiteral("empty.jsonl"));
    REQUIRE(test::writeFile(empty, QByteArray()));
    REQUIRE(verify(empty).ok);
    REQUIRE(verifyAuditLog(dir.path(QStringLiteral("absent.jsonl"))).code() == ErrorCode::NotFound);
}
