// The audit log: appends, reopening, recovery from a torn last line, concurrent appends.

#include "server/audit/AuditLog.h"

#include "server/audit/AuditHead.h"
#include "server/audit/AuditVerifier.h"
#include "tests/support/TempDir.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using namespace sen;
using namespace sen::server;

namespace {

std::unique_ptr<AuditLog> openLog(const QString& path, const Clock* clock = nullptr)
{
    AuditLogOptions options;
    options.clock = clock;
    auto log = AuditLog::open(path, options);
    INFO(log.status().toString().toStdString());
    REQUIRE(log.isOk());
    return std::move(log).value();
}

AuditVerifyReport verify(const QString& path)
{
    auto report = verifyAuditLog(path);
    INFO(report.status().toString().toStdString());
    REQUIRE(report.isOk());
    return report.value();
}

QList<QByteArray> lines(const QString& path)
{
    QList<QByteArray> out = test::readFile(path).split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

AuditEvent login(const QString& actor)
{
    return AuditEvent{QStringLiteral("login"), actor, QStringLiteral("192.0.2.7:1352"),
                      QStringLiteral("tls ok")};
}

} // namespace

TEST_CASE("Appended records verify and each line is the canonical JSON of its record", "[audit]")
{
    // Three events, one with Vietnamese text, quotes and control characters, verify as a chain of three.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    ManualClock clock(1'772'353'800'125); // 2026-03-01T08:30:00.125Z
    {
        auto log = openLog(path, &clock);
        REQUIRE(log->headPath() == dir.path(QStringLiteral("audit.head")));
        REQUIRE(log->append(login(QStringLiteral("Nguyễn Văn A/VPTU/HaNoi"))).isOk());
        REQUIRE(log->append({QStringLiteral("request_refused"),
                             QStringLiteral("B/VPTU/HaNoi"),
                             {},
                             QStringLiteral("push \"x\"\n\ttab\x01 refused")})
                    .isOk());
        REQUIRE(log->append({QStringLiteral("admin.acl_set"), QStringLiteral("Admin/VPTU/HaNoi"),
                             QStringLiteral("::1"), QStringLiteral("editor for */VPTU/HaNoi")})
                    .isOk());
        REQUIRE(log->lastSeq() == 3);
        REQUIRE(log->append({QStringLiteral("Bad Kind"), {}, {}, {}}).code() == ErrorCode::InvalidArgument);
        REQUIRE(log->lastSeq() == 3);
    }
    const AuditVerifyReport report = verify(path);
    INFO(report.summary().toStdString());
    REQUIRE(report.ok);
    REQUIRE(report.records == 3);
    REQUIRE(report.headSeq == 3);

    const QList<QByteArray> all = lines(path);
    REQUIRE(all.size() == 3);
    REQUIRE(all[0].startsWith(R"({"actor":"Nguyễn Văn A/VPTU/HaNoi","detail":"tls ok","hash":")"));
    REQUIRE(all[0].contains(
        R"("prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,)"
        R"("time":"2026-03-01T08:30:00.125Z","v":1})"));
    REQUIRE(all[1].contains(R"("actor":"B/VPTU/HaNoi","detail":"push \"x\"\n\ttab\u0001 refused")"));
    REQUIRE(all[1].contains(R"("peer":"-")"));
    const QJsonObject second = QJsonDocument::fromJson(all[1]).object();
    const QJsonObject first = QJsonDocument::fromJson(all[0]).object();
    REQUIRE(second.value(QStringLiteral("prev")) == first.value(QStringLiteral("hash")));
    REQUIRE(second.value(QStringLiteral("detail")).toString() ==
            QStringLiteral("push \"x\"\n\ttab\x01 refused"));
}

TEST_CASE("Reopening a log continues its chain and sequence", "[audit]")
{
    // Two appends, close, reopen, two more: one chain of four.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    QString hashAfterTwo;
    {
        auto log = openLog(path);
        REQUIRE(log->append(login(QStringLiteral("A/VPTU"))).isOk());
        REQUIRE(log->append(login(QStringLiteral("B/VPTU"))).isOk());
        hashAfterTwo = log->lastHash();
    }
    {
        auto log = openLog(path);
        REQUIRE(log->lastSeq() == 2);
        REQUIRE(log->lastHash() == hashAfterTwo);
        REQUIRE(log->append(login(QStringLiteral("C/VPTU"))).isOk());
        REQUIRE(log->append({QStringLiteral("login_refused"),
                             {},
                             QStringLiteral("198.51.100.1"),
                             QStringLiteral("revoked certificate")})
                    .isOk());
    }
    const AuditVerifyReport report = verify(path);
    REQUIRE(report.ok);
    REQUIRE(report.records == 4);
    REQUIRE(lines(path).size() == 4);
}

TEST_CASE("Bad file: a torn final line is cut off on open and the cut is logged as its own event", "[audit]")
{
    // The process died half way through writing record 3; opening drops the fragment and says so.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    {
        auto log = openLog(path);
        REQUIRE(log->append(login(QStringLiteral("A/VPTU"))).isOk());
        REQUIRE(log->append(login(QStringLiteral("B/VPTU"))).isOk());
    }
    const QByteArray whole = test::readFile(path);
    const QByteArray fragment = R"({"actor":"C/VPTU","detail":"tls)";
    REQUIRE(test::writeFile(path, QByteArray(whole + fragment)));
    REQUIRE(verify(path).badLine == 3);

    auto log = openLog(path);
    REQUIRE(log->lastSeq() == 3);
    const QList<QByteArray> all = lines(path);
    REQUIRE(all.size() == 3);
    REQUIRE(all[2].contains(R"("kind":"log_torn_tail")"));
    REQUIRE(all[2].contains(QByteArray(QByteArray::number(fragment.size()) + " bytes after seq 2")));
    REQUIRE(log->append(login(QStringLiteral("C/VPTU"))).isOk());
    log.reset();
    const AuditVerifyReport report = verify(path);
    REQUIRE(report.ok);
    REQUIRE(report.records == 4);
}

TEST_CASE("Bad file: a damaged last complete record makes open fail rather than chain onto it", "[audit]")
{
    // One character of the last record's detail is changed; open refuses with Corruption.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    {
        auto log = openLog(path);
        REQUIRE(log->append(login(QStringLiteral("A/VPTU"))).isOk());
    }
    QByteArray bytes = test::readFile(path);
    bytes.replace("tls ok", "tls OK");
    REQUIRE(test::writeFile(path, bytes));
    auto reopened = AuditLog::open(path);
    REQUIRE(reopened.code() == ErrorCode::Corruption);
    REQUIRE(reopened.message().contains(QStringLiteral("hash mismatch")));
}

TEST_CASE("Concurrent appends from four threads produce one valid chain with every record", "[audit]")
{
    // Four threads append 100 records each; all 400 details appear once and the chain verifies.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    AuditLogOptions options;
    options.sync = AuditSyncPolicy::FlushOnly;
    auto opened = AuditLog::open(path, options);
    REQUIRE(opened.isOk());
    AuditLog& log = *opened.value();
    constexpr int kThreads = 4;
    constexpr int kEach = 100;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&log, &failures, t] {
            for (int i = 0; i < kEach; ++i) {
                const AuditEvent event{QStringLiteral("login"),
                                       QStringLiteral("T%1/VPTU").arg(t),
                                       {},
                                       QStringLiteral("thread %1 event %2").arg(t).arg(i)};
                if (!log.append(event).isOk())
                    ++failures;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    REQUIRE(failures == 0);
    REQUIRE(log.lastSeq() == kThreads * kEach);

    const AuditVerifyReport report = verify(path);
    INFO(report.summary().toStdString());
    REQUIRE(report.ok);
    REQUIRE(report.records == kThreads * kEach);
    QSet<QString> details;
    for (const QByteArray& line : lines(path))
        details.insert(QJsonDocument::fromJson(line).object().value(QStringLiteral("detail")).toString());
    REQUIRE(details.size() == kThreads * kEach);
    REQUIRE(details.contains(QStringLiteral("thread 3 event 99")));
}

TEST_CASE("Over-long fields are cut with an ellipsis instead of losing the event", "[audit]")
{
    // A detail of 20000 characters is stored as its first 8191 and '…'.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    auto log = openLog(path);
    REQUIRE(log->append({QStringLiteral("request_refused"), {}, {}, QString(20000, u'x')}).isOk());
    const QJsonObject record = QJsonDocument::fromJson(lines(path).at(0)).object();
    const QString detail = record.value(QStringLiteral("detail")).toString();
    REQUIRE(detail.size() == AuditEvent::kMaxDetailChars);
    REQUIRE(detail.endsWith(u'…'));
    REQUIRE(verify(path).ok);
}

TEST_CASE("The head file is one fixed-length line that parses back", "[audit]")
{
    // Round trip of the head line, and refusal of a truncated one.
    const AuditHead head{42, QString(64, u'a')};
    const QByteArray bytes = head.toBytes();
    REQUIRE(bytes.size() == AuditHead::kSize);
    REQUIRE(bytes == "sen-audit-head 1 00000000000000000042 " + QByteArray(64, 'a') + "\n");
    auto parsed = AuditHead::fromBytes(bytes);
    REQUIRE(parsed.isOk());
    REQUIRE(parsed->seq == 42);
    REQUIRE(AuditHead::fromBytes(bytes.left(50)).code() == ErrorCode::Corruption);
    REQUIRE(AuditHead::pathFor(QStringLiteral("/var/log/sen/audit")) ==
            QStringLiteral("/var/log/sen/audit.head"));
}

TEST_CASE("Reopening finds the last record when it and a torn tail span more than one read block", "[audit]")
{
    // Two records of about 48 KB (control characters escape to six bytes) and a 30 KB torn tail: the tail
    // reader reads back twice.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    QString lastHash;
    {
        auto log = openLog(path);
        for (int i = 0; i < 2; ++i)
            REQUIRE(log->append({QStringLiteral("request_refused"), {}, {}, QString(8000, QChar(1))}).isOk());
        lastHash = log->lastHash();
    }
    const QByteArray whole = test::readFile(path);
    REQUIRE(whole.size() - whole.lastIndexOf('\n', whole.size() - 2) > 40'000);
    REQUIRE(test::writeFile(path, QByteArray(whole + QByteArray(30'000, 'x'))));

    auto log = openLog(path);
    REQUIRE(log->lastSeq() == 3); // the log_torn_tail record
    REQUIRE(test::readFile(path).startsWith(whole));
    REQUIRE(log->append(login(QStringLiteral("A/VPTU"))).isOk());
    log.reset();
    const AuditVerifyReport report = verify(path);
    REQUIRE(report.ok);
    REQUIRE(report.records == 4);
    const QList<QByteArray> all = lines(path);
    REQUIRE(QJsonDocument::fromJson(all[2]).object().value(QStringLiteral("prev")).toString() == lastHash);
}

TEST_CASE("Events appended together chain as if appended one by one, a bad one skipped", "[audit]")
{
    // The daemon's audit thread appends what it has queued in one go: the records chain in
    // order after what is there, the head names the last, and a malformed kind among them is
    // refused alone.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("audit.jsonl"));
    auto log = openLog(path);
    REQUIRE(log->append(login(QStringLiteral("Nguyễn Văn A"))).isOk());
    const std::vector<AuditEvent> events{login(QStringLiteral("Trần Thị B")),
                                         AuditEvent{QStringLiteral("Not A Kind"), {}, {}, {}},
                                         login(QStringLiteral("Lê Văn C"))};
    const Status appended = log->append(events);
    REQUIRE(appended.code() == ErrorCode::InvalidArgument);
    REQUIRE(log->lastSeq() == 3);
    REQUIRE(log->append(std::vector<AuditEvent>{}).isOk());
    log.reset();

    const AuditVerifyReport report = verify(path);
    REQUIRE(report.ok);
    REQUIRE(report.records == 3);
    REQUIRE(report.headSeq == 3);
    const QList<QByteArray> written = lines(path);
    REQUIRE(written.size() == 3);
    CHECK(written[1].contains("Trần Thị B"));
    CHECK(written[2].contains("Lê Văn C"));
}
