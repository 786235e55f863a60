// Resolving a conflict when things moved on: the winner edited or deleted since, the
// conflict already resolved on another replica, a document that is no conflict, and a
// conflict of a conflict document.

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

TEST_CASE("Conflicts: a winner edited since loading is resolved against its current version",
          "[conflict][edge]")
{
    // While the dialog is open the winner gets a new SoKyHieu and a new urgency. Keeping the
    // other version then overwrites only the listed items the user chose; SoKyHieu, never
    // listed, keeps its new value.
    ConflictScenario s;
    const ConflictResolution r = load(s.replica(0), s.conflict());
    REQUIRE(s.replica(0)
                .save(DocumentEdit::update(s.winner())
                          .set(Item::text(QStringLiteral("SoKyHieu"), S("126/UBND-VP")))
                          .set(Item::text(QStringLiteral("DoKhan"), S("Thượng khẩn")))
                          .set(Item::text(QStringLiteral("NguoiKy"), S("Trần Văn B"))))
                .isOk());

    const auto outcome = r.combine(s.replica(0), {{QStringLiteral("TrichYeu"), ConflictSide::Other}});
    REQUIRE(outcome.isOk());
    const Document after = get(s.replica(0), s.winner());
    REQUIRE(after.text(QStringLiteral("TrichYeu")) == ConflictScenario::otherSubject());
    REQUIRE(after.text(QStringLiteral("SoKyHieu")) == S("126/UBND-VP"));
    REQUIRE(after.text(QStringLiteral("DoKhan")) == S("Thượng khẩn")); // chosen "this version": untouched
    REQUIRE(after.text(QStringLiteral("NguoiKy")) == S("Trần Văn B"));

    // Keeping the other version entirely would not remove NguoiKy either (it was not listed).
    ConflictScenario t;
    const ConflictResolution r2 = load(t.replica(0), t.conflict());
    REQUIRE(
        t.replica(0)
            .save(
                DocumentEdit::update(t.winner()).set(Item::text(QStringLiteral("NguoiKy"), S("Trần Văn B"))))
            .isOk());
    REQUIRE(r2.keepOther(t.replica(0)).isOk());
    REQUIRE(get(t.replica(0), t.winner()).text(QStringLiteral("NguoiKy")) == S("Trần Văn B"));
}

TEST_CASE("Conflicts: with the winner deleted, the other version is restored as a new document",
          "[conflict][edge]")
{
    // Someone deleted the winning letter; the user still wants the other version. A deleted
    // document cannot be edited, so the other version's content becomes a new document with
    // the same form and parent, and the conflict document goes.
    ConflictScenario s;
    REQUIRE(s.replica(0).remove(s.winner()).isOk());
    const ConflictResolution r = load(s.replica(0), s.conflict());
    REQUIRE(r.winnerDeleted());
    REQUIRE(r.differences().size() == 4); // every live item of the other version (NoiNhan is removed)

    const auto outcome = r.keepOther(s.replica(0));
    REQUIRE(outcome.isOk());
    REQUIRE(outcome->restored);
    REQUIRE(outcome->document != s.winner());
    const Document restored = get(s.replica(0), outcome->document);
    REQUIRE_FALSE(restored.isConflict());
    REQUIRE(restored.form == QStringLiteral("VanBanDen"));
    REQUIRE_FALSE(restored.parent.has_value());
    REQUIRE(restored.text(QStringLiteral("TrichYeu")) == ConflictScenario::otherSubject());
    REQUIRE(restored.text(QStringLiteral("SoKyHieu")) == S("125/UBND-VP"));
    REQUIRE(get(s.replica(0), s.winner()).isDeleted());
    REQUIRE(s.liveConflicts(0).empty());
}

TEST_CASE("Conflicts: with the winner deleted, keeping this version accepts the deletion", "[conflict][edge]")
{
    // The winner was deleted after the dialog opened; keeping "this version" only removes
    // the conflict document and restores nothing.
    ConflictScenario s;
    const ConflictResolution r = load(s.replica(0), s.conflict());
    REQUIRE(s.replica(0).remove(s.winner()).isOk());
    const std::int64_t documents = *s.replica(0).documentCount();

    const auto outcome = r.keepWinner(s.replica(0));
    REQUIRE(outcome.isOk());
    REQUIRE_FALSE(outcome->restored);
    REQUIRE(*s.replica(0).documentCount() == documents - 1);
    REQUIRE(get(s.replica(0), s.conflict()).isDeleted());
}

TEST_CASE("Conflicts: a conflict already resolved on another replica reports NotFound", "[conflict][edge]")
{
    // Replica 1 resolves and syncs while replica 0's user still looks at the conflict: the
    // apply fails with NotFound and writes nothing, and loading it again says the same.
    ConflictScenario s;
    const ConflictResolution stale = load(s.replica(0), s.conflict());
    REQUIRE(load(s.replica(1), s.conflict()).keepWinner(s.replica(1)).isOk());
    s.sync(1, 0);

    const Document before = get(s.replica(0), s.winner());
    const auto outcome = stale.keepOther(s.replica(0));
    REQUIRE(outcome.code() == ErrorCode::NotFound);
    REQUIRE(outcome.message().contains(QStringLiteral("already resolved")));
    REQUIRE(get(s.replica(0), s.winner()) == before); // the batch rolled back

    const auto again = ConflictResolution::load(s.replica(0), s.conflict());
    REQUIRE(again.code() == ErrorCode::NotFound);
    const auto missing = ConflictResolution::load(s.replica(0), newUnid());
    REQUIRE(missing.code() == ErrorCode::NotFound);
}

TEST_CASE("Conflicts: a document that is not a conflict document is refused", "[conflict][edge]")
{
    // Opening the winner itself as a conflict is a caller's mistake: InvalidArgument.
    ConflictScenario s;
    const auto loaded = ConflictResolution::load(s.replica(0), s.winner());
    REQUIRE(loaded.code() == ErrorCode::InvalidArgument);
}

TEST_CASE("Conflicts: a conflict of a conflict document resolves against that conflict document",
          "[conflict][edge]")
{
    // Both replicas edit the conflict document's subject concurrently, which makes a second
    // conflict document under the first. Resolving it edits the first one, which stays a
    // conflict under the original winner until it is resolved in turn.
    ConflictScenario s;
    s.clock().advanceMs(1000);
    REQUIRE(
        s.replica(0)
            .save(DocumentEdit::update(s.conflict()).set(Item::text(QStringLiteral("TrichYeu"), S("Bản A"))))
            .isOk());
    s.clock().advanceMs(1000);
    REQUIRE(
        s.replica(1)
            .save(DocumentEdit::update(s.conflict()).set(Item::text(QStringLiteral("TrichYeu"), S("Bản B"))))
            .isOk());
    s.sync(1, 0);
    const auto conflicts = s.liveConflicts(0);
    REQUIRE(conflicts.size() == 2);
    const Unid second = conflicts[0] == s.conflict() ? conflicts[1] : conflicts[0];

    const ConflictResolution r = load(s.replica(0), second);
    REQUIRE(r.winner().unid == s.conflict());
    REQUIRE(r.winnerIsConflict());
    REQUIRE(r.differences().size() == 1);
    REQUIRE(r.keepOther(s.replica(0)).isOk());
    REQUIRE(get(s.replica(0), s.conflict()).text(QStringLiteral("TrichYeu")) == S("Bản A"));
    REQUIRE(s.liveConflicts(0) == std::vector<Unid>{s.conflict()});

    // The first conflict now resolves against the original winner as usual.
    const ConflictResolution first = load(s.replica(0), s.conflict());
    REQUIRE(first.winner().unid == s.winner());
    REQUIRE(first.keepWinner(s.replica(0)).isOk());
    s.sync(1, 0);
    REQUIRE(s.liveConflicts(1).empty());
    REQUIRE(s.fixture().dump(0) == s.fixture().dump(1));
}
