// A session's progress reports (Session::progressed) and stopping a session on purpose
// (Session::abort): reports come once per committed batch with an estimate of the total, and
// an aborted session keeps what it committed, so the next one brings the rest exactly once.

#include "tests/replication/SyncFixture.h"

#include <QEventLoop>
#include <QTimer>

#include <catch2/catch.hpp>
#include <functional>

using namespace sen;
using Phase = SessionProgress::Phase;

namespace {

void fill(ReplicaStore& store, int count, const QString& form = QStringLiteral("VanBanDen"))
{
    REQUIRE(store
                .batch([&]() -> Status {
                    for (int i = 0; i < count; ++i) {
                        auto saved = store.save(DocumentEdit::create(form).set(
                            Item::text(QStringLiteral("TrichYeu"), QStringLiteral("công văn số %1").arg(i))));
                        if (!saved)
                            return saved.status();
                    }
                    return Status::ok();
                })
                .isOk());
}

struct Run
{
    Status initiator;
    Status responder;
    SessionStats stats;
    std::vector<SessionProgress> reports; // the initiator's
};

// Replica `a` syncs with `b` over memory; `onReport` sees each of the initiator's reports and
// may return true to stop the session (aborted from the event loop, as a GUI would).
Run run(test::SyncFixture& f, int a, int b, int batchSize,
        const std::function<bool(const SessionProgress&)>& onReport = {}, const LinkOptions& linkOptions = {})
{
    MemoryLink link(linkOptions);
    SessionOptions options;
    options.batchSize = batchSize;
    options.localName = QStringLiteral("client");
    SessionOptions responderOptions;
    responderOptions.batchSize = batchSize;
    responderOptions.localName = QStringLiteral("server");
    Session initiator(Session::Role::Initiator, f.replica(a), link.a(), options);
    Session responder(Session::Role::Responder, f.replica(b), link.b(), responderOptions);
    Run result;
    QObject::connect(&initiator, &Session::progressed, [&](const SessionProgress& p) {
        result.reports.push_back(p);
        if (onReport && onReport(p))
            QTimer::singleShot(0, &initiator, [&] {
                initiator.abort(Status(ErrorCode::Cancelled, QStringLiteral("stopped by the user")));
            });
    });
    QEventLoop loop;
    const auto maybeQuit = [&] {
        if (initiator.isFinished() && responder.isFinished())
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    QObject::connect(&initiator, &Session::finished, &loop, maybeQuit);
    QObject::connect(&responder, &Session::finished, &loop, maybeQuit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    initiator.start();
    loop.exec();
    REQUIRE(initiator.isFinished());
    REQUIRE(responder.isFinished());
    REQUIRE(initiator.protocolVersion() == protocol::kVersionMax);
    result.initiator = initiator.result();
    result.responder = responder.result();
    result.stats = initiator.stats();
    return result;
}

std::int64_t lastSeq(ReplicaStore& store)
{
    const auto seq = store.lastSeq();
    REQUIRE(seq.isOk());
    return *seq;
}

} // namespace

TEST_CASE("Progress: a pull reports once per committed batch, with the server's feed end as the total",
          "[session][progress]")
{
    // A client pulls 1,000 documents in batches of 100 from a server that tells its feed end:
    // the reports move forward only, the estimate is known from the first batch and reaches 1.
    test::SyncFixture f(2);
    fill(f.replica(1), 1000);
    const Run r = run(f, 0, 1, 100);
    REQUIRE(r.initiator.isOk());
    REQUIRE(r.stats.received == 1000);

    std::vector<SessionProgress> pulls;
    for (const SessionProgress& p : r.reports)
        if (p.phase == Phase::Pulling)
            pulls.push_back(p);
    REQUIRE(pulls.size() >= 10);     // the phase start, then the batches
    REQUIRE(pulls.size() <= 10 + 2); // never more than one a batch
    REQUIRE(pulls.front().received == 0);
    for (std::size_t i = 1; i < pulls.size(); ++i) {
        REQUIRE(pulls[i].position >= pulls[i - 1].position);
        REQUIRE(pulls[i].received >= pulls[i - 1].received);
        REQUIRE(pulls[i].bytesIn >= pulls[i - 1].bytesIn);
        REQUIRE(pulls[i].end == lastSeq(f.replica(1)));
        REQUIRE(pulls[i].fraction() >= pulls[i - 1].fraction());
    }
    REQUIRE(pulls[1].fraction() > 0.0);
    REQUIRE(pulls[1].fraction() < 0.2);
    REQUIRE(pulls.back().fraction() == 1.0);
    REQUIRE(pulls.back().received == 1000);
    REQUIRE(r.reports.back().phase == Phase::Pushing); // the (empty) push starts after the pull
}

TEST_CASE("Progress: a push reports what the server acknowledged against our own feed end",
          "[session][progress]")
{
    // The client holds 300 documents the server lacks: the push's reports run from 0 to the
    // client's own last feed position, which the client knows without asking.
    test::SyncFixture f(2);
    fill(f.replica(0), 300);
    const Run r = run(f, 0, 1, 100);
    REQUIRE(r.initiator.isOk());
    REQUIRE(r.stats.sent == 300);
    std::vector<SessionProgress> pushes;
    for (const SessionProgress& p : r.reports)
        if (p.phase == Phase::Pushing)
            pushes.push_back(p);
    REQUIRE(pushes.size() >= 3);
    REQUIRE(pushes.front().from == 0);
    REQUIRE(pushes.front().end == lastSeq(f.replica(0)));
    REQUIRE(pushes.back().position == lastSeq(f.replica(0)));
    REQUIRE(pushes.back().fraction() == 1.0);
    REQUIRE(pushes.back().sent == 300);
}

TEST_CASE("Abort: a pull stopped after a few batches keeps them, and the next sync brings the rest once",
          "[session][progress][interrupt]")
{
    // The user stops a large first sync after three committed batches; the stopped session
    // ends Cancelled with its batches kept, and the next session receives exactly the rest.
    test::SyncFixture f(2);
    fill(f.replica(1), 1200);
    int batches = 0;
    LinkOptions slow;
    slow.latencyMs = 20; // a district link: the stop reaches the session while batches are in flight
    const Run first = run(
        f, 0, 1, 50,
        [&](const SessionProgress& p) {
            return p.phase == Phase::Pulling && p.received > 0 && ++batches == 3;
        },
        slow);
    REQUIRE(first.initiator.code() == ErrorCode::Cancelled);
    REQUIRE(first.responder.code() == ErrorCode::Cancelled); // told by our ERROR frame
    REQUIRE(first.stats.received >= 150);
    REQUIRE(first.stats.received < 1200);
    const auto kept = f.replica(0).documentCount();
    REQUIRE(kept.isOk());
    REQUIRE(*kept == first.stats.received);

    const Run second = run(f, 0, 1, 100);
    REQUIRE(second.initiator.isOk());
    REQUIRE(first.stats.received + second.stats.received == 1200);
    REQUIRE(f.dump(0) == f.dump(1));
}
