// Local saves, deletions and the change feed of one replica file.

#include "common/store/ReplicaStore.h"

#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;

namespace {

std::unique_ptr<ReplicaStore> makeStore(const test::TempDir& dir, const Clock* clock = nullptr)
{
    ReplicaCreateOptions create;
    create.title = QStringLiteral("Văn bản đến 2026");
    ReplicaOpenOptions options;
    options.clock = clock;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("vanban.sen")), create, options);
    REQUIRE(store.isOk());
    return std::move(store).value();
}

Document mustSave(ReplicaStore& store, const DocumentEdit& edit)
{
    auto saved = store.save(edit);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
    return std::move(saved).value();
}

} // namespace

TEST_CASE("A new replica remembers its identity across reopening", "[store]")
{
    test::TempDir dir;
    ReplicaInfo info;
    {
        auto store = makeStore(dir);
        info = store->info();
        REQUIRE_FALSE(info.replicaId.isNull());
        REQUIRE_FALSE(info.instanceId.isNull());
    }
    auto reopened = ReplicaStore::open(dir.path(QStringLiteral("vanban.sen")));
    REQUIRE(reopened.isOk());
    REQUIRE((*reopened)->info().replicaId == info.replicaId);
    REQUIRE((*reopened)->info().instanceId == info.instanceId);
    REQUIRE((*reopened)->info().title == QStringLiteral("Văn bản đến 2026"));
    REQUIRE((*reopened)->info().kind == DatabaseKind::Documents);
}

TEST_CASE("Creating over an existing file is refused", "[store]")
{
    test::TempDir dir;
    makeStore(dir);
    auto again = ReplicaStore::create(dir.path(QStringLiteral("vanban.sen")), {});
    REQUIRE(again.code() == ErrorCode::Conflict);
}

TEST_CASE("A save stamps changed items with the next dot and leaves the others alone", "[store]")
{
    // Create with two items, then change one: only that one gets the new dot.
    test::TempDir dir;
    ManualClock clock;
    auto store = makeStore(dir, &clock);
    const InstanceId me = store->info().instanceId;

    const Document created =
        mustSave(*store, DocumentEdit::create(QStringLiteral("VanBanDen"))
                             .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("125/QĐ-UBND")))
                             .set(Item::number(QStringLiteral("SoDen"), 17)));
    REQUIRE(created.versions.get(me) == 1);
    REQUIRE(created.item(QStringLiteral("SoDen"))->stamp.dot == Dot{me, 1});

    clock.advanceMs(1000);
    const Document updated =
        mustSave(*store, DocumentEdit::update(created.unid).set(Item::number(QStringLiteral("SoDen"), 18)));
    REQUIRE(updated.versions.get(me) == 2);
    REQUIRE(updated.item(QStringLiteral("SoDen"))->stamp.dot == Dot{me, 2});
    REQUIRE(updated.item(QStringLiteral("SoKyHieu"))->stamp.dot == Dot{me, 1});
    REQUIRE(updated.item(QStringLiteral("SoDen"))->stamp.time >
            created.item(QStringLiteral("SoDen"))->stamp.time);

    const auto loaded = store->get(created.unid);
    REQUIRE(loaded.isOk());
    REQUIRE(*loaded == updated);
}

TEST_CASE("A save that changes nothing takes no new dot", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    const Document created =
        mustSave(*store, DocumentEdit::create(QStringLiteral("Tin"))
                             .set(Item::text(QStringLiteral("TieuDe"), QStringLiteral("A"))));
    const Document same = mustSave(
        *store,
        DocumentEdit::update(created.unid).set(Item::text(QStringLiteral("TieuDe"), QStringLiteral("A"))));
    REQUIRE(same.versions == created.versions);
    REQUIRE(store->lastSeq().value() == 1);
}

TEST_CASE("Removing an item leaves a tombstone stamped with the removing edit", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    const Document created =
        mustSave(*store, DocumentEdit::create(QStringLiteral("Tin"))
                             .set(Item::text(QStringLiteral("TieuDe"), QStringLiteral("A")))
                             .set(Item::text(QStringLiteral("GhiChu"), QStringLiteral("tạm"))));
    const Document updated =
        mustSave(*store, DocumentEdit::update(created.unid).remove(QStringLiteral("GhiChu")));
    const Item* tombstone = updated.anyItem(QStringLiteral("GhiChu"));
    REQUIRE(tombstone);
    REQUIRE(tombstone->isTombstone());
    REQUIRE(tombstone->stamp.dot.counter == 2);
    REQUIRE(store->get(created.unid)->item(QStringLiteral("GhiChu")) == nullptr);
    // Setting it again brings it back with a newer stamp.
    const Document back = mustSave(
        *store,
        DocumentEdit::update(created.unid).set(Item::text(QStringLiteral("GhiChu"), QStringLiteral("lại"))));
    REQUIRE(back.item(QStringLiteral("GhiChu"))->toText() == QStringLiteral("lại"));
}

TEST_CASE("Deleting leaves a stub with the version vector, and editing it is refused", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    const Document created =
        mustSave(*store, DocumentEdit::create(QStringLiteral("Tin"))
                             .set(Item::text(QStringLiteral("TieuDe"), QStringLiteral("A"))));
    const auto stub = store->remove(created.unid);
    REQUIRE(stub.isOk());
    REQUIRE(stub->isDeleted());
    // Each item stays as a tombstone of the deletion: the stub holds what its vector claims.
    REQUIRE(stub->items.size() == 1);
    REQUIRE(stub->items.front().isTombstone());
    REQUIRE(stub->versions.knows(stub->items.front().stamp.dot));
    REQUIRE_FALSE(created.versions.knows(stub->items.front().stamp.dot));
    REQUIRE(stub->versions.compare(created.versions) == VersionVector::Order::Dominates);
    REQUIRE(store->get(created.unid)->isDeleted());
    REQUIRE(store->documentCount().value() == 0);
    REQUIRE(store->documentCount(true).value() == 1);
    // Deleting again is a no-op; editing the stub is refused.
    REQUIRE(store->remove(created.unid)->versions == stub->versions);
    REQUIRE(
        store
            ->save(
                DocumentEdit::update(created.unid).set(Item::text(QStringLiteral("X"), QStringLiteral("y"))))
            .code() == ErrorCode::NotFound);
    REQUIRE(store->remove(newUnid()).code() == ErrorCode::NotFound);
}

TEST_CASE("The change feed lists each document once, at its latest change, in order", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    std::vector<Unid> unids;
    for (int i = 0; i < 5; ++i) {
        unids.push_back(
            mustSave(*store,
                     DocumentEdit::create(QStringLiteral("Tin")).set(Item::number(QStringLiteral("N"), i)))
                .unid);
    }
    mustSave(*store, DocumentEdit::update(unids[1]).set(Item::number(QStringLiteral("N"), 100)));
    REQUIRE(store->remove(unids[3]).isOk());

    const auto all = store->changesSince(0, 100);
    REQUIRE(all.isOk());
    REQUIRE(all->size() == 5);
    std::vector<Unid> order;
    for (const auto& c : *all)
        order.push_back(c.unid);
    REQUIRE(order == std::vector<Unid>{unids[0], unids[2], unids[4], unids[1], unids[3]});
    REQUIRE(all->back().deleted);
    REQUIRE(all->back().seq == 7);

    const auto tail = store->changesSince(5, 100);
    REQUIRE(tail->size() == 2);
    REQUIRE(store->changesSince(0, 2)->size() == 2);
    REQUIRE(store->changesSince(7, 100)->empty());

    // The same feed with each row, as a whole pull's sender reads it: the entries of
    // changesSince, each with the document as findEncoded returns it.
    for (const std::int64_t since : {std::int64_t(0), std::int64_t(5)}) {
        const auto changes = store->changesSince(since, 3);
        const auto stored = store->storedChangesSince(since, 3);
        REQUIRE((changes.isOk() && stored.isOk()));
        REQUIRE(stored->size() == changes->size());
        for (std::size_t i = 0; i < stored->size(); ++i) {
            const store::Change& c = (*stored)[i].change;
            const store::Change& expected = (*changes)[i];
            REQUIRE(std::tie(c.seq, c.unid, c.versions, c.deleted, c.form, c.modified) ==
                    std::tie(expected.seq, expected.unid, expected.versions, expected.deleted, expected.form,
                             expected.modified));
            const auto row = store->replication().findEncoded(c.unid);
            REQUIRE((row.isOk() && row->has_value()));
            const store::StoredDocument& s = (*stored)[i].stored;
            REQUIRE(s.id == (*row)->id);
            REQUIRE(s.seq == c.seq);
            REQUIRE(s.items == (*row)->items);
            REQUIRE(s.doc == (*row)->doc);
        }
    }
}

TEST_CASE("A batch of saves commits together or not at all", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    Status failed = store->batch([&]() -> Status {
        for (int i = 0; i < 10; ++i)
            SEN_TRY(
                store
                    ->save(
                        DocumentEdit::create(QStringLiteral("Tin")).set(Item::number(QStringLiteral("N"), i)))
                    .status());
        return Status(ErrorCode::Cancelled, QStringLiteral("changed my mind"));
    });
    REQUIRE(failed.code() == ErrorCode::Cancelled);
    REQUIRE(store->documentCount().value() == 0);

    REQUIRE(store
                ->batch([&]() -> Status {
                    for (int i = 0; i < 10; ++i)
                        SEN_TRY(store
                                    ->save(DocumentEdit::create(QStringLiteral("Tin"))
                                               .set(Item::number(QStringLiteral("N"), i)))
                                    .status());
                    return Status::ok();
                })
                .isOk());
    REQUIRE(store->documentCount().value() == 10);
}

TEST_CASE("A save refused before writing does not spoil the batch", "[store]")
{
    // Creating an existing UNID is refused inside a batch; the rest of the batch commits.
    test::TempDir dir;
    auto store = makeStore(dir);
    const Document existing = mustSave(*store, DocumentEdit::create(QStringLiteral("Tin")));
    REQUIRE(store
                ->batch([&]() -> Status {
                    SEN_TRY(store->save(DocumentEdit::create(QStringLiteral("Tin"))).status());
                    const auto dup =
                        store->save(DocumentEdit::createWithUnid(existing.unid, QStringLiteral("Tin")));
                    REQUIRE(dup.code() == ErrorCode::Conflict);
                    return Status::ok();
                })
                .isOk());
    REQUIRE(store->documentCount().value() == 2);
}

TEST_CASE("Two connections to one file never hand out the same dot", "[store]")
{
    // The GUI and senctl may have the same replica open; counters are read in the transaction.
    test::TempDir dir;
    auto first = makeStore(dir);
    auto second = ReplicaStore::open(first->path());
    REQUIRE(second.isOk());
    const Document a = mustSave(*first, DocumentEdit::create(QStringLiteral("Tin")));
    const Document b = mustSave(**second, DocumentEdit::create(QStringLiteral("Tin")));
    const Document c = mustSave(*first, DocumentEdit::create(QStringLiteral("Tin")));
    const InstanceId me = first->info().instanceId;
    REQUIRE(a.versions.get(me) == 1);
    REQUIRE(b.versions.get(me) == 2);
    REQUIRE(c.versions.get(me) == 3);
}

TEST_CASE("Invalid edits are refused before anything is written", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    REQUIRE(store->save(DocumentEdit::create(QString())).code() == ErrorCode::InvalidArgument);
    REQUIRE(
        store
            ->save(
                DocumentEdit::create(QStringLiteral("Tin")).set(Item::text(QString(), QStringLiteral("x"))))
            .code() == ErrorCode::InvalidArgument);
    REQUIRE(store
                ->save(DocumentEdit::create(QStringLiteral("Tin"))
                           .set(Item::withValue(QStringLiteral("N"), ItemType::Number,
                                                QCborValue(QStringLiteral("x")), 0)))
                .code() == ErrorCode::InvalidArgument);
    REQUIRE(store->lastSeq().value() == 0);
}

TEST_CASE("Documents are listed in UNID order, stubs only on request", "[store]")
{
    test::TempDir dir;
    auto store = makeStore(dir);
    const Document a = mustSave(*store, DocumentEdit::create(QStringLiteral("Tin")));
    const Document b = mustSave(*store, DocumentEdit::create(QStringLiteral("Tin")));
    REQUIRE(store->remove(a.unid).isOk());
    std::vector<Unid> live, all;
    REQUIRE(store
                ->forEachDocument([&](const Document& d) {
                    live.push_back(d.unid);
                    return true;
                })
                .isOk());
    REQUIRE(store
                ->forEachDocument(
                    [&](const Document& d) {
                        all.push_back(d.unid);
                        return true;
                    },
                    true)
                .isOk());
    REQUIRE(live == std::vector<Unid>{b.unid});
    REQUIRE(all.size() == 2);
    REQUIRE(all[0] < all[1]);
    REQUIRE(store->integrityCheck().isOk());
}

TEST_CASE("insertReplicated stores a received version like putReplicated, and nothing over a held UNID",
          "[store]")
{
    // A whole pull inserts what it receives without looking it up: the row, its bytes and the
    // index must be what putReplicated makes, and a document already here must stay untouched.
    test::TempDir dir;
    auto source = makeStore(dir);
    const Document doc =
        mustSave(*source, DocumentEdit::create(QStringLiteral("VanBanDen"))
                              .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Đảng ủy xã")))
                              .set(Item::number(QStringLiteral("SoDen"), 7)));
    const auto sent = source->replication().findEncoded(doc.unid);
    REQUIRE((sent.isOk() && sent->has_value()));

    ReplicaCreateOptions create;
    create.replicaId = source->info().replicaId;
    auto viaInsert = ReplicaStore::create(dir.path(QStringLiteral("insert.sen")), create);
    auto viaPut = ReplicaStore::create(dir.path(QStringLiteral("put.sen")), create);
    REQUIRE((viaInsert.isOk() && viaPut.isOk()));
    REQUIRE((*viaPut)->batch([&] { return (*viaPut)->replication().putReplicated(doc); }).isOk());
    bool inserted = false;
    REQUIRE((*viaInsert)
                ->batch([&]() -> Status {
                    SEN_ASSIGN_OR_RETURN(inserted,
                                         (*viaInsert)->replication().insertReplicated(doc, (*sent)->items));
                    return Status::ok();
                })
                .isOk());
    REQUIRE(inserted);
    const auto a = (*viaInsert)->replication().findEncoded(doc.unid);
    const auto b = (*viaPut)->replication().findEncoded(doc.unid);
    REQUIRE((a.isOk() && b.isOk() && a->has_value() && b->has_value()));
    REQUIRE((*a)->items == (*b)->items);
    REQUIRE((*a)->doc == (*b)->doc);
    REQUIRE((*viaInsert)->search(QStringLiteral("dang uy"))->size() == 1);

    // The same UNID again, even as another version: nothing is written, not even a feed entry.
    const auto seq = (*viaInsert)->lastSeq();
    Document other = doc;
    other.versions.set(newInstanceId(), 3);
    REQUIRE((*viaInsert)
                ->batch([&]() -> Status {
                    SEN_ASSIGN_OR_RETURN(inserted, (*viaInsert)->replication().insertReplicated(other));
                    return Status::ok();
                })
                .isOk());
    REQUIRE_FALSE(inserted);
    REQUIRE(*(*viaInsert)->lastSeq() == *seq);
    REQUIRE((*viaInsert)->get(doc.unid)->versions == doc.versions);
    REQUIRE((*viaInsert)->search(QStringLiteral("dang uy"))->size() == 1);
}
