#include "common/workflow/WorkflowIndex.h"

#include "common/acl/NameMatch.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlStatement.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace sen::workflow {

namespace {

const char* const kCheckpointKey = "workflow.index_seq";
const char* const kVersionKey = "workflow.index_version";

// Days are stored as Julian day numbers; NULL for none.
void bindDay(sql::SqlStatement& stmt, int index, const QDate& day)
{
    if (day.isValid())
        stmt.bind(index, day.toJulianDay());
    else
        stmt.bindNull(index);
}

QDate dayAt(const sql::SqlStatement& stmt, int column)
{
    return stmt.isNull(column) ? QDate() : QDate::fromJulianDay(stmt.int64(column));
}

// The row columns, in this order, of every read below.
// The columns rowAt() reads, spliced into string literals: SqlDatabase::cached() keys its
// statements by the literal's address, so a query built at run time must never reach it.
#define SEN_WORKFLOW_ROW_COLUMNS "i.unid, i.state, i.deadline, i.arrived, i.number, i.summary"

Result<IndexRow> rowAt(const sql::SqlStatement& stmt, int first)
{
    IndexRow row;
    const std::optional<Unid> unid = Unid::fromBytes(stmt.blobView(first));
    const std::int64_t state = stmt.int64(first + 1);
    if (!unid || state < 0 || state > int(State::Returned))
        return Status(ErrorCode::Corruption, QStringLiteral("workflow_index: a malformed row"));
    row.unid = *unid;
    row.state = static_cast<State>(state);
    row.deadline = dayAt(stmt, first + 2);
    row.arrived = dayAt(stmt, first + 3);
    row.number = stmt.text(first + 4);
    row.summary = stmt.text(first + 5);
    return row;
}

Result<std::vector<IndexRow>> readRows(sql::SqlStatement& stmt)
{
    std::vector<IndexRow> rows;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool more, stmt.step());
        if (!more)
            return rows;
        SEN_ASSIGN_OR_RETURN(IndexRow row, rowAt(stmt, 0));
        rows.push_back(std::move(row));
    }
}

void addNames(IndexEntry& entry, const Step& step, NameRole role, const QStringList& names)
{
    QSet<QString> seen;
    for (const QString& name : names) {
        if (name.trimmed().isEmpty() || seen.contains(acl::nameKey(name)))
            continue;
        seen.insert(acl::nameKey(name));
        IndexName row;
        row.step = step.unid;
        row.role = role;
        row.name = name;
        row.level = step.kind == StepKind::Direction ? step.level : Level::Agency;
        entry.names.push_back(std::move(row));
    }
}

} // namespace

IndexEntry entryFor(const Document& incoming, const Processing& processing)
{
    IndexEntry entry;
    entry.row.unid = incoming.unid;
    entry.row.state = processing.state;
    entry.row.deadline = processing.deadline;
    entry.row.arrived = processing.arrived;
    entry.row.number = incoming.text(QStringLiteral("SoKyHieu"));
    entry.row.summary = incoming.text(QStringLiteral("TrichYeu"));

    switch (processing.state) {
    case State::Registered:
    case State::Done:
        break;
    case State::Presented:
        if (const Step* presentation = processing.lastPresentation())
            addNames(entry, *presentation, NameRole::PresentedTo, presentation->presentedTo);
        break;
    case State::Returned:
        if (const Step* top = processing.governingDirection())
            addNames(entry, *top, NameRole::Director, {top->author});
        break;
    case State::Directed:
    case State::InProgress: {
        const std::vector<const Step*> inForce = processing.directionsInForce();
        for (const Step* direction : inForce) {
            const std::size_t first = entry.names.size();
            addNames(entry, *direction, NameRole::Lead, direction->lead);
            addNames(entry, *direction, NameRole::Coordinating, direction->coordinating);
            const bool carriedOut =
                direction->level == Level::Agency &&
                std::any_of(inForce.begin(), inForce.end(), [direction](const Step* other) {
                    return other->delegatedFrom && *other->delegatedFrom == direction->unid;
                });
            // The newest report of each co-ordinator on this direction (the timeline is in
            // time order): "done" finishes their part.
            QHash<QString, std::pair<QString, bool>> coordinators; // key -> (name, done)
            for (const Step& step : processing.timeline)
                if (step.kind == StepKind::Report && step.parent == direction->unid &&
                    step.part == Part::Coordinating)
                    coordinators.insert(acl::nameKey(step.author),
                                        {step.author, step.status == ReportStatus::Done});
            for (std::size_t i = first; i < entry.names.size(); ++i) {
                IndexName& name = entry.names[i];
                name.carriedOut = carriedOut;
                if (name.role == NameRole::Coordinating)
                    name.partDone = coordinators.value(acl::nameKey(name.name)).second;
            }
            QStringList done;
            for (const auto& [author, finished] : coordinators)
                if (finished)
                    done << author;
            done.sort();
            addNames(entry, *direction, NameRole::CoordinatorDone, done);
        }
        break;
    }
    }
    return entry;
}

const char* WorkflowIndexTable::createTableSql()
{
    return R"sql(
CREATE TABLE workflow_index(
    unid     BLOB PRIMARY KEY,   -- a live incoming document (VanBanDen)
    state    INTEGER NOT NULL,   -- workflow::State: 0 registered ... 5 returned
    deadline INTEGER,            -- the deadline in force, a Julian day number
    arrived  INTEGER,            -- NgayDen, a Julian day number
    number   TEXT NOT NULL,      -- SoKyHieu
    summary  TEXT NOT NULL       -- TrichYeu
) STRICT, WITHOUT ROWID;
CREATE INDEX workflow_index_by_state ON workflow_index(state, arrived);
CREATE INDEX workflow_index_by_arrival ON workflow_index(arrived);
CREATE TABLE workflow_names(
    key         TEXT NOT NULL,     -- acl::nameKey(name)
    unid        BLOB NOT NULL,     -- workflow_index.unid
    step        BLOB NOT NULL,     -- the direction or presentation naming it
    role        INTEGER NOT NULL,  -- workflow::NameRole: 1 lead, 2 co-ordinating, 3 presented to,
                                   -- 4 director, 5 co-ordinator done
    name        TEXT NOT NULL,     -- the name as the step writes it
    level       INTEGER NOT NULL,  -- the direction's level: 1 agency, 2 unit
    carried_out INTEGER NOT NULL,  -- a level-1 direction a level-2 one carries out
    part_done   INTEGER NOT NULL,  -- a co-ordinator who reported done
    PRIMARY KEY (key, unid, step, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX workflow_names_by_doc ON workflow_names(unid);
)sql";
}

Result<std::optional<std::int64_t>> WorkflowIndexTable::checkpoint() const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT key, value FROM meta WHERE key IN (?1, ?2)"));
    stmt->bind(1, QString::fromLatin1(kCheckpointKey)).bind(2, QString::fromLatin1(kVersionKey));
    std::optional<std::int64_t> seq;
    bool sameRules = false;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        if (stmt->text(0) == QLatin1String(kCheckpointKey))
            seq = stmt->int64(1);
        else
            sameRules = stmt->int64(1) == kRulesVersion;
    }
    if (!sameRules)
        return std::optional<std::int64_t>();
    return seq;
}

Status WorkflowIndexTable::setCheckpoint(std::int64_t seq)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)"));
    stmt->bind(1, QString::fromLatin1(kCheckpointKey)).bind(2, seq);
    SEN_TRY(stmt->exec());
    stmt->reset();
    stmt->bind(1, QString::fromLatin1(kVersionKey)).bind(2, kRulesVersion);
    return stmt->exec();
}

Status WorkflowIndexTable::clear()
{
    SEN_TRY(m_db.exec("DELETE FROM workflow_index; DELETE FROM workflow_names;"));
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("DELETE FROM meta WHERE key IN (?1, ?2)"));
    stmt->bind(1, QString::fromLatin1(kCheckpointKey)).bind(2, QString::fromLatin1(kVersionKey));
    return stmt->exec();
}

Status WorkflowIndexTable::put(const IndexEntry& entry)
{
    SEN_TRY(remove(entry.row.unid));
    const QByteArray unid = entry.row.unid.toBytes();
    SEN_ASSIGN_OR_RETURN(auto row, m_db.cached("INSERT INTO workflow_index(unid, state, deadline, arrived, "
                                               "number, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    row->bind(1, unid).bind(2, int(entry.row.state));
    bindDay(*row, 3, entry.row.deadline);
    bindDay(*row, 4, entry.row.arrived);
    row->bind(5, entry.row.number).bind(6, entry.row.summary);
    SEN_TRY(row->exec());
    if (entry.names.empty())
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(auto name, m_db.cached("INSERT OR IGNORE INTO workflow_names(key, unid, step, role, "
                                                "name, level, carried_out, part_done) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    for (const IndexName& n : entry.names) {
        name->reset();
        name->bind(1, acl::nameKey(n.name))
            .bind(2, unid)
            .bind(3, n.step.toBytes())
            .bind(4, int(n.role))
            .bind(5, n.name)
            .bind(6, int(n.level))
            .bind(7, n.carriedOut ? 1 : 0)
            .bind(8, n.partDone ? 1 : 0);
        SEN_TRY(name->exec());
    }
    return Status::ok();
}

Status WorkflowIndexTable::remove(const Unid& unid)
{
    const QByteArray bytes = unid.toBytes();
    SEN_ASSIGN_OR_RETURN(auto row, m_db.cached("DELETE FROM workflow_index WHERE unid = ?1"));
    row->bind(1, bytes);
    SEN_TRY(row->exec());
    SEN_ASSIGN_OR_RETURN(auto names, m_db.cached("DELETE FROM workflow_names WHERE unid = ?1"));
    names->bind(1, bytes);
    return names->exec();
}

Result<std::optional<IndexRow>> WorkflowIndexTable::row(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT " SEN_WORKFLOW_ROW_COLUMNS
                                                " FROM workflow_index AS i WHERE i.unid = ?1"));
    stmt->bind(1, unid.toBytes());
    SEN_ASSIGN_OR_RETURN(std::vector<IndexRow> rows, readRows(*stmt));
    if (rows.empty())
        return std::optional<IndexRow>();
    return std::optional<IndexRow>(std::move(rows.front()));
}

Result<std::vector<NamedRow>> WorkflowIndexTable::naming(const QStringList& names) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT " SEN_WORKFLOW_ROW_COLUMNS
                                     ", n.step, n.role, n.name, n.level, n.carried_out, n.part_done "
                                     "FROM workflow_names AS n JOIN workflow_index AS i ON i.unid = n.unid "
                                     "WHERE n.key = ?1"));
    std::vector<NamedRow> result;
    QSet<QString> keys;
    for (const QString& name : names) {
        const QString key = acl::nameKey(name);
        if (key.isEmpty() || keys.contains(key))
            continue;
        keys.insert(key);
        stmt->reset();
        stmt->bind(1, key);
        for (;;) {
            SEN_ASSIGN_OR_RETURN(const bool more, stmt->step());
            if (!more)
                break;
            NamedRow named;
            SEN_ASSIGN_OR_RETURN(named.doc, rowAt(*stmt, 0));
            const std::optional<Unid> step = Unid::fromBytes(stmt->blobView(6));
            const std::int64_t role = stmt->int64(7);
            const std::int64_t level = stmt->int64(9);
            if (!step || role < 1 || role > int(NameRole::CoordinatorDone) || level < 1 || level > 2)
                return Status(ErrorCode::Corruption, QStringLiteral("workflow_names: a malformed row"));
            named.name.step = *step;
            named.name.role = static_cast<NameRole>(role);
            named.name.name = stmt->text(8);
            named.name.level = static_cast<Level>(level);
            named.name.carriedOut = stmt->int64(10) != 0;
            named.name.partDone = stmt->int64(11) != 0;
            result.push_back(std::move(named));
        }
    }
    std::sort(result.begin(), result.end(), [](const NamedRow& a, const NamedRow& b) {
        return std::tie(a.doc.unid, a.name.step, a.name.role) <
               std::tie(b.doc.unid, b.name.step, b.name.role);
    });
    return result;
}

Result<std::vector<IndexRow>> WorkflowIndexTable::inState(State state, int limit) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT " SEN_WORKFLOW_ROW_COLUMNS
                                                " FROM workflow_index AS i WHERE i.state = ?1 "
                                                "ORDER BY i.arrived LIMIT ?2"));
    stmt->bind(1, int(state)).bind(2, limit);
    return readRows(*stmt);
}

Result<std::int64_t> WorkflowIndexTable::countInStateArrivedBefore(State state, const QDate& day) const
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_db.cached("SELECT count(*) FROM workflow_index WHERE state = ?1 AND arrived < ?2"));
    stmt->bind(1, int(state)).bind(2, day.toJulianDay());
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    return row ? stmt->int64(0) : std::int64_t(0);
}

Result<std::vector<IndexRow>> WorkflowIndexTable::arrivedSince(const QDate& from, int limit) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT " SEN_WORKFLOW_ROW_COLUMNS
                                                " FROM workflow_index AS i WHERE i.arrived >= ?1 "
                                                "ORDER BY i.arrived DESC LIMIT ?2"));
    stmt->bind(1, from.toJulianDay()).bind(2, limit);
    return readRows(*stmt);
}

Result<std::int64_t> WorkflowIndexTable::count() const
{
    return m_db.queryInt("SELECT count(*) FROM workflow_index");
}

} // namespace sen::workflow
