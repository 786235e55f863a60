// The authority exchange of protocol version 6 in a session (replication/session/
// AuthorityExchange.h), over an in-memory link: the newer record ends on both sides whoever
// dials, equal records cross nowhere, a side without a keeper (a user) neither asks nor may be
// told, and a record the keeper refuses ends the session.

#include "common/identity/Certifier.h"
#include "replication/protocol/AuthorityRecord.h"
#include "replication/session/Session.h"
#include "replication/transport/MemoryTransport.h"
#include "tests/support/TempDir.h"

#include <QEventLoop>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

const QString kOrg = QStringLiteral("VPTU/HaNoi");

// A keeper holding its record in memory and taking what acceptAuthorityRecord takes.
class MemoryKeeper : public AuthorityKeeper
{
public:
    explicit MemoryKeeper(QByteArray certifierDer) : m_certifierDer(std::move(certifierDer)) {}
    Result<HeldAuthority> held() override { return m_held; }
    Status receive(const QByteArray& record, std::uint64_t announced) override
    {
        SEN_ASSIGN_OR_RETURN(const protocol::AuthorityRecord accepted,
                             protocol::acceptAuthorityRecord(record, m_certifierDer, kOrg, m_held.serial));
        if (accepted.content.serial != announced)
            return Status(ErrorCode::ProtocolError, QStringLiteral("not the record announced"));
        m_held = {accepted.content.serial, record};
        ++received;
        return Status::ok();
    }
    void hold(const protocol::AuthorityRecord& record) { m_held = {record.content.serial, record.bytes}; }
    std::uint64_t serial() const { return m_held.serial; }
    int received = 0;

private:
    QByteArray m_certifierDer;
    HeldAuthority m_held;
};

struct Pair
{
    Pair()
    {
        auto a = ReplicaStore::create(dir.path(QStringLiteral("a.sen")), {}).value();
        ReplicaCreateOptions options;
        options.replicaId = a->info().replicaId;
        stores[0] = std::move(a);
        stores[1] = ReplicaStore::create(dir.path(QStringLiteral("b.sen")), options).value();
    }

    protocol::AuthorityRecord record(std::uint64_t serial)
    {
        protocol::AuthorityContent c;
        c.org = kOrg;
        c.serial = serial;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        c.crlDer = certifier.crl(now, now.addDays(1)).value();
        c.people.push_back({QStringLiteral("Người %1/VPTU/HaNoi").arg(serial), 1, {}});
        return protocol::signAuthorityRecord(c, certifier.credentials().privateKeyPem).value();
    }

    // Store 0 dials store 1; returns both outcomes and the initiator's stats.
    std::pair<Status, Status> sync(std::shared_ptr<AuthorityKeeper> initiatorKeeper,
                                   std::shared_ptr<AuthorityKeeper> responderKeeper,
                                   SessionStats* stats = nullptr)
    {
        MemoryLink link;
        SessionOptions io;
        io.authority = std::move(initiatorKeeper);
        SessionOptions ro;
        ro.authority = std::move(responderKeeper);
        Session initiator(Session::Role::Initiator, *stores[0], link.a(), io);
        Session responder(Session::Role::Responder, *stores[1], link.b(), ro);
        QEventLoop loop;
        const auto maybeQuit = [&] {
            if (initiator.isFinished() && responder.isFinished())
                QTimer::singleShot(0, &loop, &QEventLoop::quit);
        };
        QObject::connect(&initiator, &Session::finished, &loop, maybeQuit);
        QObject::connect(&responder, &Session::finished, &loop, maybeQuit);
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        initiator.start();
        loop.exec();
        REQUIRE(initiator.isFinished());
        REQUIRE(responder.isFinished());
        if (stats)
            *stats = initiator.stats();
        return {initiator.result(), responder.result()};
    }

    test::TempDir dir;
    identity::Certifier certifier =
        identity::Certifier::create(identity::HierarchicalName::parse(kOrg).value(),
                                    identity::Validity::days(2))
            .value();
    std::unique_ptr<ReplicaStore> stores[2];
};

} // namespace

TEST_CASE("the newer authority record ends on both sides whoever dials", "[authority][session]")
{
    Pair p;
    auto older = std::make_shared<MemoryKeeper>(p.certifier.certificateDer());
    auto newer = std::make_shared<MemoryKeeper>(p.certifier.certificateDer());
    older->hold(p.record(100));
    newer->hold(p.record(200));
    SessionStats stats;

    SECTION("the initiator holds the newer")
    {
        const auto [i, r] = p.sync(newer, older, &stats);
        REQUIRE(i.isOk());
        REQUIRE(r.isOk());
        CHECK(stats.authoritySent);
        CHECK_FALSE(stats.authorityReceived);
    }
    SECTION("the responder holds the newer")
    {
        const auto [i, r] = p.sync(older, newer, &stats);
        REQUIRE(i.isOk());
        REQUIRE(r.isOk());
        CHECK(stats.authorityReceived);
        CHECK_FALSE(stats.authoritySent);
    }
    SECTION("the initiator holds none")
    {
        auto none = std::make_shared<MemoryKeeper>(p.certifier.certificateDer());
        REQUIRE(p.sync(none, newer, &stats).first.isOk());
        CHECK(none->serial() == 200);
        older = none; // for the checks below
        older->hold(p.record(200));
    }
    CHECK(older->serial() == 200);
    CHECK(newer->serial() == 200);
    CHECK(newer->received == 0);

    // The same on both sides: nothing crosses.
    const auto [i, r] = p.sync(older, newer, &stats);
    REQUIRE(i.isOk());
    REQUIRE(r.isOk());
    CHECK_FALSE(stats.authoritySent);
    CHECK_FALSE(stats.authorityReceived);
}

TEST_CASE("a side without a keeper neither tells nor is told the authority record", "[authority][session]")
{
    Pair p;
    auto keeper = std::make_shared<MemoryKeeper>(p.certifier.certificateDer());
    keeper->hold(p.record(100));
    SessionStats stats;

    SECTION("a user dials a server: it is not asked")
    {
        const auto [i, r] = p.sync(nullptr, keeper, &stats);
        REQUIRE(i.isOk());
        REQUIRE(r.isOk());
        CHECK_FALSE(stats.authoritySent);
        CHECK_FALSE(stats.authorityReceived);
    }
    SECTION("a server that sees a user on the other side refuses the messages")
    {
        const auto [i, r] = p.sync(keeper, nullptr, &stats);
        CHECK(r.code() == ErrorCode::ProtocolError);
        CHECK(r.message().contains(QStringLiteral("only between the organisation's servers")));
        CHECK_FALSE(i.isOk());
    }
}

TEST_CASE("a record its keeper refuses ends the session and changes nothing", "[authority][session]")
{
    Pair p;
    identity::Certifier stranger =
        identity::Certifier::create(identity::HierarchicalName::parse(kOrg).value(),
                                    identity::Validity::days(2))
            .value();
    auto honest = std::make_shared<MemoryKeeper>(p.certifier.certificateDer());
    honest->hold(p.record(100));
    // A peer holding a record of another certifier, newer by its serial.
    auto forger = std::make_shared<MemoryKeeper>(stranger.certificateDer());
    forger->hold(protocol::signAuthorityRecord(
                     [&] {
                         protocol::AuthorityContent c =
                             protocol::decodeAuthorityRecord(p.record(500).bytes)->content;
                         const QDateTime now = QDateTime::currentDateTimeUtc();
                         c.crlDer = stranger.crl(now, now.addDays(1)).value();
                         return c;
                     }(),
                     stranger.credentials().privateKeyPem)
                     .value());
    const auto [i, r] = p.sync(forger, honest);
    CHECK(r.code() == ErrorCode::PermissionDenied);
    CHECK(i.code() == ErrorCode::PermissionDenied); // told by ERROR: the push waited for the confirmation
    CHECK(honest->serial() == 100);
    CHECK(honest->received == 0);
}
