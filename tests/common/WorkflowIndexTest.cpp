// The workflow index of a replica file (common/workflow/WorkflowIndex.h, WorkflowIndexer.h;
// docs/workflow.md "The workflow index"): each step saved moves its incoming document's row
// and names as workflow::derive says; a random series of steps, reports and deletions leaves
// the same index as a build from scratch; an index without a checkpoint, built by other
// rules or ahead of the feed is rebuilt, never read as current. Real SQLite files.

#include "common/workflow/WorkflowIndex.h"

#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "common/workflow/WorkflowIndexer.h"
#include "tests/support/TempDir.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::workflow;

namespace {

const QString kLeader = QStringLiteral("Lê Văn Lãnh/VPTU/HaNoi");
const QString kAn = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");
const QString kBinh = QStringLiteral("Trần Thị Bình/VPTU/HaNoi");
const QString kClerk = QStringLiteral("Phạm Thị Thư/VPTU/HaNoi");
const QString kUnit = QStringLiteral("Phòng Tổng hợp");

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, 0), QTimeZone::utc());
}

std::unique_ptr<ReplicaStore> newStore(const test::TempDir& dir)
{
    ReplicaStore::CreateOptions create;
    create.kind = DatabaseKind::Documents;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("vanban.sen")), create);
    REQUIRE(store.isOk());
    return std::move(*store);
}

Unid save(ReplicaStore& store, DocumentEdit edit)
{
    const Result<Document> saved = store.save(edit);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
    return saved->unid;
}

Unid incoming(ReplicaStore& store, const QString& number, int arrivedDay)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("SoKyHieu"), number))
        .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về việc tổng kết năm")))
        .set(Item::dateTime(QStringLiteral("NgayDen"), at(arrivedDay, 0)));
    return save(store, edit);
}

Unid present(ReplicaStore& store, const Unid& doc, const QDateTime& when, const QStringList& to)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("TrinhVanBan"), doc);
    edit.set(Item::names(QStringLiteral("NguoiTrinh"), ItemType::Names, {kClerk}))
        .set(Item::dateTime(QStringLiteral("ThoiGian"), when))
        .set(Item::names(QStringLiteral("TrinhCho"), ItemType::Names, to));
    return save(store, edit);
}

Unid direct(ReplicaStore& store, const Unid& doc, const QDateTime& when, const QStringList& lead,
            const QStringList& with = {}, const char16_t* level = kLevelAgency,
            const std::optional<Unid>& from = std::nullopt, int deadlineDay = 20)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("PhieuXuLy"), doc);
    edit.set(Item::text(QStringLiteral("CapYKien"), QString::fromUtf16(level)))
        .set(Item::names(QStringLiteral("NguoiGiao"), ItemType::Names, {kLeader}))
        .set(Item::dateTime(QStringLiteral("NgayGiao"), when))
        .set(Item::text(QStringLiteral("NoiDungChiDao"), QStringLiteral("Giao xử lý")))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, lead))
        .set(Item::dateTime(QStringLiteral("HanXuLy"), at(deadlineDay, 0)));
    if (!with.isEmpty())
        edit.set(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, with));
    if (from)
        edit.set(Item::text(QStringLiteral("GiaoTu"), from->toHex()));
    return save(store, edit);
}

Unid report(ReplicaStore& store, const Unid& direction, const QString& who, const QDateTime& when,
            const char16_t* status, const char16_t* part = kPartLead)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("BaoCaoXuLy"), direction);
    edit.set(Item::names(QStringLiteral("NguoiBaoCao"), ItemType::Names, {who}))
        .set(Item::dateTime(QStringLiteral("ThoiGian"), when))
        .set(Item::text(QStringLiteral("TrangThai"), QString::fromUtf16(status)))
        .set(Item::text(QStringLiteral("VaiTro"), QString::fromUtf16(part)))
        .set(Item::text(QStringLiteral("NoiDung"), QStringLiteral("Báo cáo")));
    return save(store, edit);
}

WorkflowIndexer::Outcome catchUp(ReplicaStore& store)
{
    const auto outcome = WorkflowIndexer::catchUp(store);
    INFO(outcome.status().toString().toStdString());
    REQUIRE(outcome.isOk());
    return *outcome;
}

IndexRow rowOf(ReplicaStore& store, const Unid& doc)
{
    const auto row = store.workflowIndex().row(doc);
    REQUIRE(row.isOk());
    REQUIRE(row->has_value());
    return **row;
}

std::vector<NamedRow> naming(ReplicaStore& store, const QStringList& names)
{
    const auto rows = store.workflowIndex().naming(names);
    REQUIRE(rows.isOk());
    return *rows;
}

// Every row and name of the index, as text, for comparing two builds.
QStringList dump(ReplicaStore& store)
{
    auto db = sql::SqlDatabase::open(store.path(), {});
    REQUIRE(db.isOk());
    QStringList lines;
    for (const char* sql :
         {"SELECT hex(unid) || '|' || state || '|' || ifnull(deadline, '-') || '|' || "
          "ifnull(arrived, '-') || '|' || number || '|' || summary FROM workflow_index",
          "SELECT key || '|' || hex(unid) || '|' || hex(step) || '|' || role || '|' || name || "
          "'|' || level || '|' || carried_out || '|' || part_done FROM workflow_names"}) {
        auto stmt = (*db)->prepare(sql);
        REQUIRE(stmt.isOk());
        while (stmt->step().value())
            lines << stmt->text(0);
    }
    lines.sort();
    return lines;
}

} // namespace

TEST_CASE("Workflow index: each step moves its document's row and the names it waits for",
          "[workflow][store]")
{
    test::TempDir dir;
    auto store = newStore(dir);
    const Unid doc = incoming(*store, QStringLiteral("12/UBND"), 1);
    CHECK(catchUp(*store).rebuilt); // a new file's index has no checkpoint yet
    CHECK(rowOf(*store, doc).state == State::Registered);
    CHECK(rowOf(*store, doc).arrived == QDate(2026, 12, 1));
    CHECK(rowOf(*store, doc).number == QStringLiteral("12/UBND"));
    CHECK(naming(*store, {kAn, QStringLiteral("[LanhDao]")}).empty());

    // Nothing new: no work, no rebuild.
    const auto idle = catchUp(*store);
    CHECK_FALSE(idle.rebuilt);
    CHECK(idle.documents == 0);

    const Unid shown = present(*store, doc, at(1, 9), {QStringLiteral("[LanhDao]")});
    CHECK(catchUp(*store).documents == 1);
    CHECK(rowOf(*store, doc).state == State::Presented);
    // Roles and names are found by their key: case and canonical labels do not matter.
    auto presented = naming(*store, {QStringLiteral("[lanhdao]")});
    REQUIRE(presented.size() == 1);
    CHECK(presented[0].name.role == NameRole::PresentedTo);
    CHECK(presented[0].name.step == shown);

    const Unid top = direct(*store, doc, at(2, 9), {kUnit}, {kBinh});
    catchUp(*store);
    CHECK(rowOf(*store, doc).state == State::Directed);
    CHECK(rowOf(*store, doc).deadline == QDate(2026, 12, 20));
    CHECK(naming(*store, {QStringLiteral("[LanhDao]")}).empty()); // no longer presented
    auto unit = naming(*store, {QStringLiteral("phòng tổng hợp")});
    REQUIRE(unit.size() == 1);
    CHECK(unit[0].name.role == NameRole::Lead);
    CHECK(unit[0].name.level == Level::Agency);
    CHECK_FALSE(unit[0].name.carriedOut);

    // The unit's head carries it out: a level-2 direction naming An, due earlier.
    const Unid second = direct(*store, doc, at(3, 9), {kAn}, {}, kLevelUnit, top, 15);
    catchUp(*store);
    unit = naming(*store, {kUnit});
    REQUIRE(unit.size() == 1);
    CHECK(unit[0].name.carriedOut);
    auto an = naming(*store, {QStringLiteral("CN=Nguyễn Văn An/O=VPTU/HaNoi")});
    REQUIRE(an.size() == 1);
    CHECK(an[0].name.step == second);
    CHECK(an[0].name.level == Level::Unit);
    CHECK(rowOf(*store, doc).deadline == QDate(2026, 12, 20)); // the governing direction's

    // The co-ordinator's own "done" ends her part; the document goes on.
    report(*store, top, kBinh, at(4, 9), kStatusDone, kPartCoordinating);
    catchUp(*store);
    CHECK(rowOf(*store, doc).state == State::InProgress);
    auto binh = naming(*store, {kBinh});
    REQUIRE(binh.size() == 2);
    std::sort(binh.begin(), binh.end(),
              [](const NamedRow& a, const NamedRow& b) { return int(a.name.role) < int(b.name.role); });
    CHECK(binh[0].name.role == NameRole::Coordinating);
    CHECK(binh[0].name.partDone);
    CHECK(binh[1].name.role == NameRole::CoordinatorDone);
    CHECK(binh[1].name.step == top);

    // The lead returns it: the director is awaited, nobody else.
    const Unid back = report(*store, second, kAn, at(5, 9), kStatusReturned);
    catchUp(*store);
    CHECK(rowOf(*store, doc).state == State::Returned);
    CHECK(naming(*store, {kAn, kBinh, kUnit}).empty());
    REQUIRE(naming(*store, {kLeader}).size() == 1);
    CHECK(naming(*store, {kLeader})[0].name.role == NameRole::Director);

    // Deleting the return report (a Manager may) is a change of its direction's document.
    REQUIRE(store->remove(back).isOk());
    catchUp(*store);
    CHECK(rowOf(*store, doc).state == State::InProgress);
    CHECK(naming(*store, {kAn}).size() == 1);

    report(*store, second, kAn, at(6, 9), kStatusDone);
    catchUp(*store);
    CHECK(rowOf(*store, doc).state == State::Done);
    CHECK(naming(*store, {kAn, kBinh, kUnit, kLeader}).empty());

    // The row follows what derive() says of the stored steps, field by field.
    const Document stored = store->get(doc).value();
    const Processing processing = storedProcessing(*store, stored).value();
    CHECK(rowOf(*store, doc).state == processing.state);
    CHECK(rowOf(*store, doc).deadline == processing.deadline);

    REQUIRE(store->remove(doc).isOk());
    catchUp(*store);
    CHECK_FALSE(store->workflowIndex().row(doc).value().has_value());
    CHECK(store->workflowIndex().count().value() == 0);
}

TEST_CASE("Workflow index: kept up step by step it equals a build from scratch", "[workflow][store]")
{
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator random(seed);
    test::TempDir dir;
    auto store = newStore(dir);
    const QStringList people{kAn, kBinh, kUnit, QStringLiteral("[ChuyenVien]")};
    std::vector<Unid> docs;
    std::vector<std::pair<Unid, Unid>> directions; // (document, direction)
    std::vector<Unid> reports;
    int hour = 0;
    for (int round = 0; round < 120; ++round) {
        const QDateTime when = at(1, 0).addSecs(3600 * ++hour);
        const QString who = people[random.bounded(people.size())];
        switch (docs.empty() ? 0 : random.bounded(7)) {
        case 0:
        case 1:
            docs.push_back(incoming(*store, QStringLiteral("%1/UBND").arg(round), 1 + random.bounded(20)));
            break;
        case 2:
            present(*store, docs[random.bounded(int(docs.size()))], when, {QStringLiteral("[LanhDao]")});
            break;
        case 3: {
            const Unid doc = docs[random.bounded(int(docs.size()))];
            directions.emplace_back(
                doc, direct(*store, doc, when, {who}, {people[random.bounded(people.size())]}));
            break;
        }
        case 4:
        case 5:
            if (!directions.empty()) {
                const auto& [doc, direction] = directions[random.bounded(int(directions.size()))];
                const char16_t* status = random.bounded(3) == 0 ? kStatusDone : kStatusInProgress;
                reports.push_back(report(*store, direction, who, when, status,
                                         random.bounded(2) ? kPartLead : kPartCoordinating));
            }
            break;
        case 6:
            if (!reports.empty() && random.bounded(2))
                (void)store->remove(reports[random.bounded(int(reports.size()))]);
            else if (!docs.empty())
                (void)store->remove(docs[random.bounded(int(docs.size()))]);
            break;
        }
        if (random.bounded(4) == 0)
            catchUp(*store);
    }
    catchUp(*store);
    const QStringList kept = dump(*store);
    CHECK(!kept.isEmpty());
    REQUIRE(WorkflowIndexer::invalidate(*store).isOk());
    CHECK(store->workflowIndex().count().value() == 0);
    CHECK(catchUp(*store).rebuilt);
    CHECK(dump(*store) == kept);
}

TEST_CASE("Workflow index: without a checkpoint, built by other rules or ahead of the feed, it is rebuilt",
          "[workflow][store]")
{
    test::TempDir dir;
    auto store = newStore(dir);
    const Unid doc = incoming(*store, QStringLiteral("7/SNV"), 2);
    direct(*store, doc, at(2, 9), {kAn});
    CHECK(catchUp(*store).rebuilt);
    const QStringList built = dump(*store);

    auto db = sql::SqlDatabase::open(store->path(), {});
    REQUIRE(db.isOk());
    auto damage = [&](const char* sql) {
        REQUIRE((*db)->exec(sql).isOk());
        const auto outcome = catchUp(*store);
        CHECK(outcome.rebuilt);
        CHECK(dump(*store) == built);
    };
    // A row the feed did not write, with a checkpoint beyond the feed (a file restored from
    // an older copy): rebuilt, the stray row gone.
    damage("INSERT INTO workflow_index VALUES (x'00112233445566778899aabbccddeeff', 2, NULL, NULL, '', ''); "
           "UPDATE meta SET value = value + 1000 WHERE key = 'workflow.index_seq'");
    // Built by another version of the rules.
    damage("UPDATE workflow_index SET state = 4; UPDATE meta SET value = 0 WHERE key = "
           "'workflow.index_version'");
    // No checkpoint at all (a file just migrated to schema 7).
    damage("UPDATE workflow_index SET state = 4; DELETE FROM meta WHERE key = 'workflow.index_seq'");

    // A step purged (withdrawn by the server: no stub, no feed entry): rebuilt without it.
    const Unid other = incoming(*store, QStringLiteral("8/SNV"), 3);
    const Unid shown = present(*store, other, at(3, 9), {kAn});
    catchUp(*store);
    CHECK(rowOf(*store, other).state == State::Presented);
    REQUIRE(store->replication().purge(shown).isOk());
    CHECK(catchUp(*store).rebuilt);
    CHECK(rowOf(*store, other).state == State::Registered);
    CHECK(naming(*store, {kAn}).size() == 1); // the direction of the first document only
}
