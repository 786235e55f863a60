// Which registrations await a number, found from the change feed rather than a walk of every
// registration at each session (client/sync/AwaitingNumbers.h; docs/registers.md
// §Numbering): the list follows saves, numbers, deletions and edits of the register item, in
// a real replica file, and agrees with a full scan after random changes.

#include "client/sync/AwaitingNumbers.h"

#include "client/sync/NumberRequests.h"
#include "common/registers/DefaultRegisters.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicaSync.h"
#include "replication/merge/Merge.h"
#include "tests/support/TempDir.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QRandomGenerator>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::registers;
using client::AwaitingNumbers;

namespace {

struct Replica
{
    test::TempDir dir;
    std::unique_ptr<ReplicaStore> store;
    Register incoming;

    Replica()
    {
        ReplicaStore::CreateOptions options;
        options.kind = DatabaseKind::Documents;
        auto created = ReplicaStore::create(dir.path(QStringLiteral("vanban.sen")), options);
        REQUIRE(created.isOk());
        store = std::move(created).value();
        REQUIRE(createDefaultRegisters(*store).isOk());
        for (const Register& r : registersFrom(store->documentsOfForm(QLatin1String(kRegisterForm)).value()))
            if (r.direction == Direction::Incoming && !r.secret)
                incoming = r;
        REQUIRE(!incoming.unid.isNull());
    }

    // An incoming registration in the ordinary register, showing `number` (0: awaiting one).
    Unid registration(qint64 number = 0)
    {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        edit.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Công văn")));
        edit.set(Item::text(QStringLiteral("SoVanBan"), incoming.unid.toHex()));
        edit.set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime::currentDateTimeUtc()));
        if (number > 0)
            edit.set(Item::number(QStringLiteral("SoDen"), double(number)));
        return store->save(edit).value().unid;
    }

    void set(const Unid& unid, const Item& item)
    {
        DocumentEdit edit = DocumentEdit::update(unid);
        edit.set(item);
        REQUIRE(store->save(edit).isOk());
    }

    std::vector<Unid> awaiting()
    {
        auto state = AwaitingNumbers::update(*store);
        REQUIRE(state.isOk());
        return state->awaiting;
    }

    // The same found by reading every document, in change-feed order.
    std::vector<Unid> scanned()
    {
        std::vector<std::pair<std::int64_t, Unid>> found;
        REQUIRE(store
                    ->forEachChange(0,
                                    [&](const store::StoredDocument& stored) {
                                        const auto reg = registrationOf(stored.doc);
                                        if (reg.isOk() && *reg && !(*reg)->number)
                                            found.emplace_back(stored.seq, stored.doc.unid);
                                        return true;
                                    })
                    .isOk());
        std::sort(found.begin(), found.end());
        std::vector<Unid> out;
        for (const auto& entry : found)
            out.push_back(entry.second);
        return out;
    }
};

} // namespace

TEST_CASE("Awaiting numbers: the list follows saves, numbers, deletions and the register item",
          "[client][numbering]")
{
    Replica r;
    const Unid a = r.registration();
    const Unid numbered = r.registration(4);
    const Unid b = r.registration();
    const Unid c = r.registration();
    DocumentEdit other = DocumentEdit::create(QStringLiteral("YKien"));
    other.set(Item::text(QStringLiteral("NoiDung"), QStringLiteral("Ý kiến")));
    REQUIRE(r.store->save(other).isOk());
    CHECK(r.awaiting() == std::vector<Unid>{a, b, c});
    auto state = AwaitingNumbers::update(*r.store);
    REQUIRE(state.isOk());
    CHECK(state->registers.size() == 5); // the default registers

    r.set(b, Item::number(QStringLiteral("SoDen"), 5)); // numbered
    REQUIRE(r.store->remove(c).isOk());                 // deleted
    r.set(a, Item::text(QStringLiteral("TrichYeu"),
                        QStringLiteral("Sửa"))); // edited: its change is now the newest
    const Unid d = r.registration();
    CHECK(r.awaiting() == std::vector<Unid>{a, d});

    // Its register item removed: an old-style document, not awaiting; named again: awaiting.
    DocumentEdit unregister = DocumentEdit::update(d);
    unregister.remove(QStringLiteral("SoVanBan"));
    REQUIRE(r.store->save(unregister).isOk());
    CHECK(r.awaiting() == std::vector<Unid>{a});
    r.set(d, Item::text(QStringLiteral("SoVanBan"), r.incoming.unid.toHex()));
    CHECK(r.awaiting() == std::vector<Unid>{a, d});
    (void)numbered;

    // A register deleted leaves the list of registers.
    REQUIRE(r.store->remove(r.incoming.unid).isOk());
    state = AwaitingNumbers::update(*r.store);
    REQUIRE(state.isOk());
    CHECK(state->registers.size() == 4);
    // ... and a registration naming it is not asked for.
    client::NumberRequests requests(*r.store);
    CHECK(requests.requests().value().empty());
}

TEST_CASE("Awaiting numbers: a conflict document never awaits a number of its own", "[client][numbering]")
{
    // Two concurrent versions of an awaiting registration, as a merge meets them: the loser is
    // kept as a conflict document, without a number like its parent. Only the parent awaits.
    Replica r;
    const Unid a = r.registration();
    const Document parent = r.store->find(a).value().value();
    Document loser = parent;
    loser.versions.set(newInstanceId(), 1);
    const Document conflict = merge::makeConflictDocument(loser);
    REQUIRE(r.store->replication().putReplicated(conflict).isOk());
    REQUIRE(r.store->find(conflict.unid).value().has_value());
    CHECK(r.awaiting() == std::vector<Unid>{a});
    client::NumberRequests requests(*r.store);
    const auto asked = requests.requests();
    REQUIRE(asked.isOk());
    REQUIRE(asked->size() == 1);
    CHECK((*asked)[0].unid == a);
}

TEST_CASE("Bad cache: a damaged or foreign awaiting list is read again from the feed", "[client][numbering]")
{
    Replica r;
    const Unid a = r.registration();
    const Unid b = r.registration();
    REQUIRE(r.awaiting() == std::vector<Unid>{a, b});
    for (const QString& bad :
         {QStringLiteral("not json"), QStringLiteral("{\"format\":2,\"seq\":1,\"awaiting\":[]}"),
          QStringLiteral("{\"format\":1,\"seq\":999999,\"awaiting\":[]}"),
          QStringLiteral("{\"format\":1,\"seq\":1,\"awaiting\":[[1,\"zz\"]]}")}) {
        REQUIRE(r.store->setSetting(QStringLiteral("numbering.awaiting"), bad).isOk());
        CHECK(r.awaiting() == std::vector<Unid>{a, b});
    }
}

TEST_CASE("Awaiting numbers: after random changes the list is the full scan's", "[client][numbering]")
{
    const QString seedText = QProcessEnvironment::systemEnvironment().value(QStringLiteral("SEN_SEED"));
    const quint32 seed = seedText.isEmpty() ? QRandomGenerator::global()->generate() : seedText.toUInt();
    INFO("SEN_SEED=" << seed);
    std::printf("AwaitingNumbersTest: SEN_SEED=%u\n", seed);
    QRandomGenerator random(seed);
    Replica r;
    std::vector<Unid> docs;
    for (int step = 0; step < 400; ++step) {
        const int what = docs.empty() ? 0 : random.bounded(5);
        if (what == 0) {
            docs.push_back(r.registration(random.bounded(2) ? 0 : random.bounded(1, 1000)));
        } else {
            const Unid unid = docs[random.bounded(int(docs.size()))];
            if (r.store->get(unid).value().isDeleted())
                continue;
            if (what == 1)
                r.set(unid, Item::number(QStringLiteral("SoDen"), double(random.bounded(1, 1000))));
            else if (what == 2)
                REQUIRE(r.store->remove(unid).isOk());
            else if (what == 3)
                r.set(unid, Item::text(QStringLiteral("GhiChu"), QString::number(step)));
            else {
                DocumentEdit edit = DocumentEdit::update(unid);
                edit.remove(QStringLiteral("SoDen"));
                REQUIRE(r.store->save(edit).isOk());
            }
        }
        if (random.bounded(8) == 0)
            REQUIRE(r.awaiting() == r.scanned());
    }
    CHECK(r.awaiting() == r.scanned());
}
