#pragma once

// The workflow index of one replica file (docs/workflow.md "The workflow index";
// docs/file-format.md §workflow_index): derived, local data, never replicated, so that "my
// work" (client/app/MyWork.h) reads a few rows instead of deriving the processing of every
// incoming document.
//
// - workflow_index: one row per live incoming document (VanBanDen) — its derived state,
//   deadline in force, arrival, số ký hiệu and trích yếu.
// - workflow_names: who the document waits for — the names (people, groups, roles) the
//   directions in force name as lead or co-ordinating, the presentation's targets while it is
//   presented, the director of a returned document — and who finished their part as
//   co-ordinator, keyed by acl::nameKey so a user's identities find their rows through the
//   index.
//
// An entry is made only by entryFor() from what workflow::derive says, never by a second copy
// of its rules. The indexer that keeps the tables in step with the change feed is
// WorkflowIndexer.h. Internal to common/ (holds the store's SQLite connection); reached as
// ReplicaStore::workflowIndex(). Thread-safety: that of the store (one per thread).

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/workflow/Processing.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

namespace workflow {

// Why a name is in workflow_names. Persisted (workflow_names.role): the numbers never change.
enum class NameRole : int
{
    Lead = 1,         // chủ trì of a direction in force
    Coordinating = 2, // phối hợp of a direction in force
    PresentedTo = 3,  // the newest presentation's TrinhCho, while the state is Presented
    Director = 4,     // the author of the governing direction, while the state is Returned
    // Someone whose newest report as co-ordinator on a direction in force says done: their
    // part is finished, whichever name (theirs, a group, a role) the direction gave it to.
    CoordinatorDone = 5,
};

struct IndexName
{
    Unid step; // the direction or presentation that names it
    NameRole role = NameRole::Lead;
    QString name;
    Level level = Level::Agency; // of the direction (Agency for a presentation)
    // A level-1 direction that a level-2 direction in force carries out.
    bool carriedOut = false;
    // A co-ordinator named in person whose own newest report on this direction says done.
    bool partDone = false;
};

// What a row shows of an incoming document.
struct IndexRow
{
    Unid unid;
    State state = State::Registered;
    QDate deadline;  // in force (Processing::deadline); null: none
    QDate arrived;   // NgayDen; null: none
    QString number;  // SoKyHieu
    QString summary; // TrichYeu
};

struct IndexEntry
{
    IndexRow row;
    std::vector<IndexName> names;
};

// The entry of the live incoming document `incoming` whose processing is `processing`.
IndexEntry entryFor(const Document& incoming, const Processing& processing);

// A name row joined with its document's row.
struct NamedRow
{
    IndexRow doc;
    IndexName name;
};

class WorkflowIndexTable
{
public:
    // The version of what an entry holds: a build that changes entryFor() or derive() bumps
    // it, and an index built by another version is rebuilt from scratch.
    static constexpr int kRulesVersion = 1;

    explicit WorkflowIndexTable(sql::SqlDatabase& db) : m_db(db) {}

    // The DDL of the two tables, run by the schema (version 7).
    static const char* createTableSql();

    // The change-feed position the index covers, nullopt when it was never built, was built
    // by another kRulesVersion, or was cleared: then it must be rebuilt.
    Result<std::optional<std::int64_t>> checkpoint() const;
    Status setCheckpoint(std::int64_t seq);
    // Empties both tables and forgets the checkpoint.
    Status clear();

    // Replaces the entry of `entry.row.unid`; remove() drops it (absent: nothing).
    Status put(const IndexEntry& entry);
    Status remove(const Unid& unid);

    // ---- Reads (the caller has brought the index up to date: WorkflowIndexer) ------------
    Result<std::optional<IndexRow>> row(const Unid& unid) const;
    // The name rows whose name is one of `names` (compared by acl::nameKey), with their
    // documents' rows, by document then step.
    Result<std::vector<NamedRow>> naming(const QStringList& names) const;
    // Documents in `state`, oldest arrival first, at most `limit`.
    Result<std::vector<IndexRow>> inState(State state, int limit) const;
    // How many documents in `state` arrived before `day`.
    Result<std::int64_t> countInStateArrivedBefore(State state, const QDate& day) const;
    // Documents that arrived on `from` or later, newest first, at most `limit`.
    Result<std::vector<IndexRow>> arrivedSince(const QDate& from, int limit) const;
    // How many rows (documents) the index holds.
    Result<std::int64_t> count() const;

private:
    sql::SqlDatabase& m_db;
};

} // namespace workflow
} // namespace sen
