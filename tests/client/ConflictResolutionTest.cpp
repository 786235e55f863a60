// Resolving a real replication conflict (client/core/ConflictResolution.h): the differences
// it lists, each way of resolving it, and what the other replica sees after a sync.

#include "client/core/ConflictResolution.h"

#include "tests/client/ConflictScenario.h"
#include "tests/client/ConflictTestSupport.h"

#include <catch2/catch.hpp>

using namespace sen;
using client::ConflictResolution;
using client::ConflictSide;
using test::ConflictScenario;
using test::get;
using test::load;
using test::S;

namespace {

QStringList names(const ConflictResolution& resolution)
{
    QStringList out;
    for (const auto& d : resolution.differences())
        out << d.name;
    return out;
}

} // namespace

TEST_CASE("Conflicts: load lists the items that differ with both values, tombstones as absent", "[conflict]")
{
    // Two replicas edited the same letter concurrently; the resolution on replica 0 shows the
    // four differing items with the winner's and the other version's values.
    ConflictScenario s;
    const ConflictResolution r = load(s.replica(0), s.conflict());

    REQUIRE(r.winner().unid == s.winner());
    REQUIRE(r.conflict().isConflict());
    REQUIRE_FALSE(r.winnerDeleted());
    REQUIRE_FALSE(r.winnerIsConflict());
    REQUIRE(names(r) == QStringList{QStringLiteral("DoKhan"), QStringLiteral("GhiChu"),
                                    QStringLiteral("HanXuLy"), QStringLiteral("TrichYeu")});

    const auto& d = r.differences();
    REQUIRE(d[0].winnerItem()->toText() == S("Hỏa tốc"));
    REQUIRE(d[0].otherItem()->toText() == S("Khẩn"));
    REQUIRE(d[1].winnerItem()->toText() == S("Chuyển Phòng Tổng hợp"));
    REQUIRE_FALSE(d[1].other.has_value()); // the other version never had it
    REQUIRE(d[2].winner->isTombstone());   // removed on the winning side
    REQUIRE(d[2].winnerItem() == nullptr);
    REQUIRE(d[2].otherItem()->toDateTime() == ConflictScenario::otherDeadline());
    REQUIRE(d[3].winnerItem()->toText() == ConflictScenario::winnerSubject());
    REQUIRE(d[3].otherItem()->toText() == ConflictScenario::otherSubject());
}

TEST_CASE("Conflicts: keeping this version deletes only the conflict document", "[conflict]")
{
    // The user keeps the winner as it is: the conflict document becomes a stub and the
    // winner is untouched, not even a new dot.
    ConflictScenario s;
    const Document before = get(s.replica(0), s.winner());
    const auto outcome = load(s.replica(0), s.conflict()).keepWinner(s.replica(0));
    REQUIRE(outcome.isOk());
    REQUIRE(outcome->kind == client::ResolutionKind::KeepWinner);
    REQUIRE(outcome->itemsChanged == 0);
    REQUIRE(outcome->deletedConflict == s.conflict());
    REQUIRE(get(s.replica(0), s.winner()) == before);
    REQUIRE(get(s.replica(0), s.conflict()).isDeleted());
    REQUIRE(s.liveConflicts(0).empty());
}

TEST_CASE("Conflicts: keeping the other version gives the winner the other's differing items", "[conflict]")
{
    // The user keeps the losing version: each differing item takes its value, an item the
    // other version lacks is removed, and items that were the same keep their stamps.
    ConflictScenario s;
    const Document before = get(s.replica(0), s.winner());
    const ConflictResolution r = load(s.replica(0), s.conflict());
    const auto outcome = r.keepOther(s.replica(0));
    REQUIRE(outcome.isOk());
    REQUIRE(outcome->itemsChanged == 4);
    REQUIRE(outcome->document == s.winner());
    REQUIRE_FALSE(outcome->restored);

    const Document after = get(s.replica(0), s.winner());
    REQUIRE(after.text(QStringLiteral("TrichYeu")) == ConflictScenario::otherSubject());
    REQUIRE(after.text(QStringLiteral("DoKhan")) == S("Khẩn"));
    REQUIRE(after.item(QStringLiteral("HanXuLy"))->toDateTime() == ConflictScenario::otherDeadline());
    REQUIRE(after.item(QStringLiteral("GhiChu")) == nullptr);
    REQUIRE(after.anyItem(QStringLiteral("GhiChu"))->isTombstone());
    REQUIRE(*after.anyItem(QStringLiteral("SoKyHieu")) == *before.anyItem(QStringLiteral("SoKyHieu")));
    REQUIRE(ConflictResolution::differencesBetween(after, r.conflict()).empty());
    REQUIRE(s.liveConflicts(0).empty());
}

TEST_CASE("Conflicts: combining takes each differing item from the chosen side", "[conflict]")
{
    // The user takes the other version's subject and deadline and keeps the rest.
    ConflictScenario s;
    const auto outcome = load(s.replica(0), s.conflict())
                             .combine(s.replica(0), {{QStringLiteral("TrichYeu"), ConflictSide::Other},
                                                     {QStringLiteral("HanXuLy"), ConflictSide::Other},
                                                     {QStringLiteral("DoKhan"), ConflictSide::Winner}});
    REQUIRE(outcome.isOk());
    REQUIRE(outcome->kind == client::ResolutionKind::Combine);
    REQUIRE(outcome->itemsChanged == 2);

    const Document after = get(s.replica(0), s.winner());
    REQUIRE(after.text(QStringLiteral("TrichYeu")) == ConflictScenario::otherSubject());
    REQUIRE(after.item(QStringLiteral("HanXuLy"))->toDateTime() == ConflictScenario::otherDeadline());
    REQUIRE(after.text(QStringLiteral("DoKhan")) == S("Hỏa tốc"));
    REQUIRE(after.text(QStringLiteral("GhiChu")) == S("Chuyển Phòng Tổng hợp"));
    REQUIRE(s.liveConflicts(0).empty());
}

TEST_CASE("Conflicts: a choice for an item that does not differ is refused and nothing is written",
          "[conflict]")
{
    // A stale or mistyped choice names SoKyHieu, which both versions share.
    ConflictScenario s;
    const std::int64_t seq = *s.replica(0).lastSeq();
    const auto outcome = load(s.replica(0), s.conflict())
                             .combine(s.replica(0), {{QStringLiteral("SoKyHieu"), ConflictSide::Other}});
    REQUIRE(outcome.code() == ErrorCode::InvalidArgument);
    REQUIRE(outcome.message().contains(QStringLiteral("SoKyHieu")));
    REQUIRE(*s.replica(0).lastSeq() == seq);
    REQUIRE(s.liveConflicts(0).size() == 1);
}

TEST_CASE("Conflicts: a resolution made on one replica replicates and the conflict disappears everywhere",
          "[conflict][convergence]")
{
    // Replica 0 keeps the other version; after a sync replica 1 holds the same winner with
    // the chosen values, the conflict document is a stub on both, and the files agree.
    ConflictScenario s;
    REQUIRE(load(s.replica(0), s.conflict()).keepOther(s.replica(0)).isOk());
    s.sync(1, 0);

    REQUIRE(s.liveConflicts(1).empty());
    REQUIRE(get(s.replica(1), s.conflict()).isDeleted());
    REQUIRE(get(s.replica(1), s.winner()).text(QStringLiteral("TrichYeu")) ==
            ConflictScenario::otherSubject());
    REQUIRE(s.fixture().dump(0) == s.fixture().dump(1));

    // Meeting the pair of old versions again (another sync) does not bring it back.
    s.sync(0, 1);
    REQUIRE(s.liveConflicts(0).empty());
    REQUIRE(s.liveConflicts(1).empty());
}

TEST_CASE("Conflicts: two replicas that resolve the same conflict differently converge",
          "[conflict][convergence]")
{
    // Replica 0 takes the other's subject, replica 1 the other's urgency and keeps the rest;
    // both delete the conflict document. These are concurrent edits of different items, so
    // they merge silently: both choices of "the other version" survive, no new conflict.
    ConflictScenario s;
    REQUIRE(load(s.replica(0), s.conflict())
                .combine(s.replica(0), {{QStringLiteral("TrichYeu"), ConflictSide::Other}})
                .isOk());
    s.clock().advanceMs(1000);
    REQUIRE(load(s.replica(1), s.conflict())
                .combine(s.replica(1), {{QStringLiteral("DoKhan"), ConflictSide::Other}})
                .isOk());
    s.sync(1, 0);
    s.sync(0, 1);

    REQUIRE(s.fixture().dump(0) == s.fixture().dump(1));
    REQUIRE(s.liveConflicts(0).empty());
    const Document winner = get(s.replica(1), s.winner());
    REQUIRE(winner.text(QStringLiteral("TrichYeu")) == ConflictScenario::otherSubject());
    REQUIRE(winner.text(QStringLiteral("DoKhan")) == S("Khẩn"));
    REQUIRE(winner.text(QStringLiteral("GhiChu")) == S("Chuyển Phòng Tổng hợp"));
    REQUIRE(get(s.replica(0), s.conflict()).isDeleted());
}

TEST_CASE("Conflicts: one replica keeping this version and the other keeping the other version converge",
          "[conflict][convergence]")
{
    // Keeping the winner writes nothing to it, so the other replica's edit is the only change
    // and wins everywhere; both conflict deletions merge into one stub.
    ConflictScenario s;
    REQUIRE(load(s.replica(1), s.conflict()).keepWinner(s.replica(1)).isOk());
    REQUIRE(load(s.replica(0), s.conflict()).keepOther(s.replica(0)).isOk());
    s.sync(0, 1);
    s.sync(1, 0);

    REQUIRE(s.fixture().dump(0) == s.fixture().dump(1));
    REQUIRE(s.liveConflicts(1).empty());
    REQUIRE(get(s.replica(1), s.winner()).text(QStringLiteral("DoKhan")) == S("Khẩn"));
}
