// Identifiers, version vectors and the hybrid logical clock.

#include "common/core/HybridClock.h"
#include "common/core/Ids.h"
#include "common/core/VersionVector.h"

#include <QThread>

#include <catch2/catch.hpp>

using namespace sen;

namespace {
InstanceId inst(std::uint8_t b)
{
    InstanceId id;
    id.data()[0] = b;
    return id;
}
} // namespace

TEST_CASE("Ids round-trip through their hex form and refuse malformed text", "[core][ids]")
{
    // A fresh UNID prints as 32 hex digits and parses back; junk does not parse.
    const Unid unid = newUnid();
    REQUIRE(unid.toHex().size() == 32);
    REQUIRE(Unid::fromHex(unid.toHex()) == unid);
    REQUIRE(Unid::fromHex(unid.toHex().toUpper()) == unid);
    REQUIRE_FALSE(Unid::fromHex(QStringLiteral("xyz")).has_value());
    REQUIRE_FALSE(Unid::fromHex(QString(unid.toHex().left(31) + u'g')).has_value());
    REQUIRE(InstanceId::fromHex(newInstanceId().toHex()).has_value());
    REQUIRE_FALSE(InstanceId::fromBytes(QByteArray(7, 'x')).has_value());
    REQUIRE(newReplicaId() != newReplicaId());
}

TEST_CASE("UNIDs are time-ordered", "[core][ids]")
{
    // UNIDs made a few milliseconds apart sort in creation order (index locality).
    const Unid first = newUnid();
    QThread::msleep(3);
    const Unid second = newUnid();
    REQUIRE(first < second);
}

TEST_CASE("Version vectors compare as equal, dominating, dominated or concurrent", "[core][vv]")
{
    VersionVector a, b;
    REQUIRE(a.compare(b) == VersionVector::Order::Equal);
    a.set(inst(1), 3);
    REQUIRE(a.compare(b) == VersionVector::Order::Dominates);
    REQUIRE(b.compare(a) == VersionVector::Order::Dominated);
    b.set(inst(1), 3);
    REQUIRE(a == b);
    b.set(inst(2), 1);
    a.set(inst(1), 4);
    REQUIRE(a.compare(b) == VersionVector::Order::Concurrent);
    REQUIRE(b.compare(a) == VersionVector::Order::Concurrent);

    const VersionVector m = VersionVector::merged(a, b);
    REQUIRE(m.get(inst(1)) == 4);
    REQUIRE(m.get(inst(2)) == 1);
    REQUIRE(m.dominatesOrEquals(a));
    REQUIRE(m.dominatesOrEquals(b));
    REQUIRE(m.knows(Dot{inst(2), 1}));
    REQUIRE_FALSE(m.knows(Dot{inst(2), 2}));
    REQUIRE_FALSE(m.knows(Dot{inst(3), 1}));
}

TEST_CASE("Version vectors keep entries sorted whatever the insertion order", "[core][vv]")
{
    VersionVector a, b;
    a.set(inst(3), 1);
    a.set(inst(1), 2);
    a.set(inst(2), 5);
    b.set(inst(2), 5);
    b.set(inst(1), 2);
    b.set(inst(3), 1);
    REQUIRE(a == b);
    REQUIRE(a.toCbor().toCborValue().toCbor() == b.toCbor().toCborValue().toCbor());
    a.set(inst(2), 0);
    REQUIRE(a.entries().size() == 2);
}

TEST_CASE("Version vectors refuse unsorted, duplicated or zero entries when decoded", "[core][vv]")
{
    VersionVector v;
    v.set(inst(1), 1);
    v.set(inst(2), 2);
    REQUIRE(VersionVector::fromCbor(v.toCbor()).value() == v);

    QCborArray unsorted{QCborArray{inst(2).toBytes(), 1}, QCborArray{inst(1).toBytes(), 1}};
    REQUIRE(VersionVector::fromCbor(unsorted).code() == ErrorCode::Corruption);
    QCborArray duplicated{QCborArray{inst(1).toBytes(), 1}, QCborArray{inst(1).toBytes(), 2}};
    REQUIRE_FALSE(VersionVector::fromCbor(duplicated).isOk());
    QCborArray zero{QCborArray{inst(1).toBytes(), 0}};
    REQUIRE_FALSE(VersionVector::fromCbor(zero).isOk());
    QCborArray shortId{QCborArray{QByteArray(3, 'x'), 1}};
    REQUIRE_FALSE(VersionVector::fromCbor(shortId).isOk());
}

TEST_CASE("The hybrid clock never goes backwards when the wall clock does", "[core][hlc]")
{
    ManualClock wall(1'000'000);
    HybridClock hlc(wall);
    const HlcTime t1 = hlc.now();
    REQUIRE(hlcPhysicalMs(t1) == 1'000'000);
    wall.setMs(500'000); // the PC's clock is set back
    const HlcTime t2 = hlc.now();
    REQUIRE(t2 > t1);
    REQUIRE(hlcPhysicalMs(t2) == 1'000'000);
    wall.setMs(2'000'000);
    const HlcTime t3 = hlc.now();
    REQUIRE(hlcPhysicalMs(t3) == 2'000'000);
    REQUIRE(hlcLogical(t3) == 0);
}

TEST_CASE("The hybrid clock orders local times after observed remote times", "[core][hlc]")
{
    ManualClock wall(1'000);
    HybridClock hlc(wall);
    const HlcTime remote = makeHlc(5'000, 7);
    hlc.observe(remote);
    REQUIRE(hlc.now() > remote);
    REQUIRE(HybridClock::isTooFarAhead(makeHlc(100'000, 0), 1'000, 60'000));
    REQUIRE_FALSE(HybridClock::isTooFarAhead(makeHlc(50'000, 0), 1'000, 60'000));
}

TEST_CASE("The hybrid clock's logical counter rolls into the next millisecond", "[core][hlc]")
{
    ManualClock wall(10);
    HybridClock hlc(wall, makeHlc(10, 0xfffe));
    REQUIRE(hlc.now() == makeHlc(10, 0xffff));
    REQUIRE(hlc.now() == makeHlc(11, 0));
}
