#pragma once

// A real replication conflict on two replica files, for the conflict-resolution tests (GUI-free
// and widget alike). Replica 0 creates an incoming letter and both replicas get it; then each
// edits it without seeing the other, replica 1 later (by the shared manual clock), and they
// sync. Both end holding the same winner and the same conflict document:
//
//   item       base             replica 0 (loses)     replica 1 (wins)    winner after merge
//   TrichYeu   "...lịch họp"    "...quý III"          "...tháng 9"        replica 1's
//   DoKhan     "Thường"         "Khẩn"                "Hỏa tốc"           replica 1's
//   HanXuLy    15/09/2024       20/09/2024            removed             removed (tombstone)
//   NoiNhan    [Phòng A, B]     removed               -                   removed (silent merge)
//   GhiChu     -                -                     "Chuyển ..."        replica 1's
//   SoKyHieu   "125/UBND-VP"    -                     -                   unchanged
//
// The conflict document keeps replica 0's version whole; the differing items are DoKhan,
// GhiChu, HanXuLy and TrichYeu.

#include "common/core/Clock.h"
#include "tests/replication/SyncFixture.h"

namespace sen::test {

class ConflictScenario
{
public:
    ConflictScenario();

    SyncFixture& fixture() { return m_fixture; }
    ReplicaStore& replica(int i) { return m_fixture.replica(i); }
    ManualClock& clock() { return m_clock; }
    // Syncs `a` with `b` and requires success.
    void sync(int a, int b);

    const Unid& winner() const { return m_winner; }
    const Unid& conflict() const { return m_conflict; }

    // The live conflict documents of replica i (UNIDs in UNID order).
    std::vector<Unid> liveConflicts(int i);

    // The values the scenario writes.
    static QString winnerSubject();
    static QString otherSubject();
    static QDateTime otherDeadline();

private:
    ManualClock m_clock;
    SyncFixture m_fixture;
    Unid m_winner;
    Unid m_conflict;
};

} // namespace sen::test
