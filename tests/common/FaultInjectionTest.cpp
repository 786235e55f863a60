// Writes that fail at the bottom of the stack (the fault-injecting SQLite VFS): a save
// either commits whole or leaves nothing behind, and the replica stays usable.

#include "common/sql/FaultInjectingVfs.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace sen;
using sql::FaultInjectingVfs;

namespace {

DocumentEdit eightItemDocument(int n)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    for (int i = 0; i < 8; ++i)
        edit.set(Item::text(QStringLiteral("Truong%1").arg(i),
                            QStringLiteral("Giá trị %1 của văn bản %2 ").arg(i).arg(n).repeated(6)));
    return edit;
}

std::unique_ptr<ReplicaStore> openFaulty(const QString& path)
{
    REQUIRE(FaultInjectingVfs::install().isOk());
    ReplicaOpenOptions options;
    options.vfs = FaultInjectingVfs::name;
    auto store =
        QFileInfo::exists(path) ? ReplicaStore::open(path, options) : ReplicaStore::create(path, {}, options);
    REQUIRE(store.isOk());
    return std::move(store).value();
}

// A save is all there or not there at all: every item, the change feed and the search index.
void requireWholeOrAbsent(ReplicaStore& store, const Unid& unid, bool expectPresent)
{
    const auto doc = store.get(unid);
    if (!expectPresent) {
        REQUIRE(doc.code() == ErrorCode::NotFound);
        return;
    }
    REQUIRE(doc.isOk());
    REQUIRE(doc->items.size() == 8);
    bool inFeed = false;
    for (const auto& c : store.changesSince(0, 1'000'000).value())
        inFeed = inFeed || c.unid == unid;
    REQUIRE(inFeed);
}

} // namespace

TEST_CASE("Fault: the N-th write of a save fails, for every N", "[store][fault]")
{
    // Walk the failure through every write a save makes; each time the save is all or nothing.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("faulty.sen"));
    auto store = openFaulty(path);
    for (int i = 0; i < 20; ++i)
        REQUIRE(store->save(eightItemDocument(i)).isOk());

    int failures = 0;
    for (std::int64_t n = 1; n < 200; ++n) {
        const DocumentEdit edit = eightItemDocument(1000 + static_cast<int>(n));
        FaultInjectingVfs::failWrite(n, FaultInjectingVfs::Fault::IoError);
        const auto saved = store->save(edit);
        const bool fired = FaultInjectingVfs::fired();
        FaultInjectingVfs::reset();
        if (!fired) {
            REQUIRE(saved.isOk());
            break; // the save needs fewer than n writes: every position has been tried
        }
        // A write failing after the commit record (e.g. WAL index bookkeeping) may still
        // leave a committed save; what matters is that the answer matches the file.
        if (!saved.isOk()) {
            ++failures;
            REQUIRE(saved.code() == ErrorCode::IoError);
        }
        requireWholeOrAbsent(*store, edit.unid(), saved.isOk());

        // The same connection keeps working, and a fresh one agrees with it.
        const DocumentEdit next = eightItemDocument(5000 + static_cast<int>(n));
        REQUIRE(store->save(next).isOk());
        store.reset();
        store = openFaulty(path);
        requireWholeOrAbsent(*store, edit.unid(), saved.isOk());
        requireWholeOrAbsent(*store, next.unid(), true);
        REQUIRE(store->integrityCheck().isOk());
    }
    REQUIRE(failures > 0);
}

TEST_CASE("Fault: the disk fills up mid-batch", "[store][fault]")
{
    // From the 3rd write on every write fails with SQLITE_FULL: the whole batch is refused
    // with DiskFull, nothing of it is kept, and once space is back saving works again.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("full.sen"));
    auto store = openFaulty(path);
    REQUIRE(store->save(eightItemDocument(0)).isOk());

    std::vector<Unid> attempted;
    FaultInjectingVfs::failWrite(3, FaultInjectingVfs::Fault::DiskFull, true);
    const Status status = store->batch([&]() -> Status {
        for (int i = 0; i < 3000; ++i) {
            const DocumentEdit edit = eightItemDocument(i + 1);
            attempted.push_back(edit.unid());
            SEN_TRY(store->save(edit).status());
        }
        return Status::ok();
    });
    REQUIRE(FaultInjectingVfs::fired());
    FaultInjectingVfs::reset();
    REQUIRE(status.code() == ErrorCode::DiskFull);
    REQUIRE(store->documentCount().value() == 1);
    for (const Unid& u : attempted)
        REQUIRE(store->get(u).code() == ErrorCode::NotFound);

    REQUIRE(store->save(eightItemDocument(9999)).isOk());
    store.reset();
    store = openFaulty(path);
    REQUIRE(store->documentCount().value() == 2);
    REQUIRE(store->integrityCheck().isOk());
}
