// The full-text index's deferred build (FullTextIndex.h, docs/search.md §"The first pull") on a
// real replica file: rows written after the mark wait for the build, whatever writes them;
// rows below it are kept as ever; the build reads each row as it is when it gets there, its
// attachment text included, and another connection to the file sees the same mark.

#include "common/crypto/Sha256.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;

namespace {

Unid create(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

void retitle(ReplicaStore& store, const Unid& unid, const QString& subject)
{
    REQUIRE(
        store.save(DocumentEdit::update(unid).set(Item::text(QStringLiteral("TrichYeu"), subject))).isOk());
}

std::size_t hits(const ReplicaStore& store, const QString& query)
{
    const auto found = store.search(query, SearchOptions{1000});
    REQUIRE(found.isOk());
    return found->size();
}

} // namespace

TEST_CASE("Full-text build: rows past the mark wait for the build, which reads them as they are then",
          "[fulltext][store]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("vanban.sen"));
    auto made = ReplicaStore::create(path, {});
    REQUIRE(made.isOk());
    ReplicaStore& store = **made;
    const Unid old = create(store, QStringLiteral("Đê điều cũ"));
    REQUIRE(hits(store, QStringLiteral("de dieu")) == 1);

    REQUIRE(store.replication().deferFullText().isOk());
    REQUIRE(store.replication().deferFullText().isOk()); // once under way, nothing changes
    const Unid edited = create(store, QStringLiteral("Đê điều mới"));
    const Unid gone = create(store, QStringLiteral("Đê điều bỏ"));
    const Unid scanned = create(store, QStringLiteral("Tờ trình"));
    // Below the mark, kept as ever; past it, nothing yet.
    retitle(store, old, QStringLiteral("Đê biển"));
    REQUIRE(hits(store, QStringLiteral("de bien")) == 1);
    REQUIRE(hits(store, QStringLiteral("de dieu")) == 0);
    const auto progress = store.searchIndexProgress();
    REQUIRE((progress.isOk() && progress->has_value()));
    REQUIRE((*progress)->indexed == 1);
    REQUIRE((*progress)->total == 4);
    REQUIRE((*progress)->percent() == 25);

    // Edits, a deletion and a PDF's text past the mark before the build gets there.
    retitle(store, edited, QStringLiteral("Đê điều đã sửa"));
    REQUIRE(store.remove(gone).isOk());
    FullTextIndex::AttachmentText text;
    text.text = QStringLiteral("Quyết định phê duyệt").toUtf8();
    text.files.push_back(crypto::Sha256::hash(QByteArrayLiteral("pdf")));
    REQUIRE(store.indexAttachmentText(scanned, text).isOk());
    REQUIRE(hits(store, QStringLiteral("phe duyet")) == 0);

    // Another connection builds; this one then sees the index complete.
    {
        auto other = ReplicaStore::open(path);
        REQUIRE(other.isOk());
        const auto first = (*other)->buildSearchIndex(2);
        REQUIRE((first.isOk() && !*first));
        // Between two steps: an edit of a row the build has now reached is indexed at once.
        retitle(store, edited, QStringLiteral("Đê điều sửa lần hai"));
        const auto second = (*other)->buildSearchIndex(2);
        REQUIRE((second.isOk() && *second));
    }
    const auto done = store.searchIndexProgress();
    REQUIRE((done.isOk() && !done->has_value()));
    REQUIRE(hits(store, QStringLiteral("de dieu")) == 1);
    REQUIRE(hits(store, QStringLiteral("lan hai")) == 1);
    REQUIRE(hits(store, QStringLiteral("da sua")) == 0);
    REQUIRE(hits(store, QStringLiteral("bo")) == 0);
    REQUIRE(hits(store, QStringLiteral("phe duyet tờ trình")) == 1);
    const auto complete = store.buildSearchIndex(10);
    REQUIRE((complete.isOk() && *complete));

    // Complete again: every write indexes as it lands.
    const Unid later = create(store, QStringLiteral("Lũ quét"));
    REQUIRE(hits(store, QStringLiteral("lu quet")) == 1);
    REQUIRE(store.remove(later).isOk());
    REQUIRE(store.remove(scanned).isOk());
    REQUIRE(hits(store, QStringLiteral("lu quet")) == 0);
    REQUIRE(hits(store, QStringLiteral("phe duyet")) == 0);
}

TEST_CASE("Full-text index: a stub that keeps a registration's number has nothing to find",
          "[fulltext][store]")
{
    // Merge rule 5 (docs/merge.md): a deletion wins over the numbering that met it, and the
    // stub keeps the number and the SoKyHieu composed with it live. The index reads none of a
    // stub's items, whether it writes the row at once or in a deferred build, and takes the
    // row's text out again exactly as it put it in.
    test::TempDir dir;
    auto made = ReplicaStore::create(dir.path(QStringLiteral("vanban.sen")), {});
    REQUIRE(made.isOk());
    ReplicaStore& store = **made;
    auto saved =
        store.save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                       .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Nghị quyết về đê điều")))
                       .set(Item::number(QStringLiteral("So"), 7))
                       .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("7-NQ/HU"))));
    REQUIRE(saved.isOk());
    const Document live = *saved;
    REQUIRE(hits(store, QStringLiteral("HU")) == 1);

    // The stub another replica made: every item a tombstone of its deletion but the numbering.
    Document stub = live;
    InstanceId other;
    other.data()[0] = 0x42;
    const Stamp stamp{Dot{other, 1}, live.modifiedTime() + (1 << 16)};
    for (Item& item : stub.items)
        if (item.name == QStringLiteral("TrichYeu")) {
            item.value = QCborValue();
            item.stamp = stamp;
        }
    stub.flags |= Deleted;
    stub.versions.set(other, 1);
    REQUIRE(stub.item(QStringLiteral("SoKyHieu")));
    REQUIRE(store.replication().putReplicated(stub).isOk());
    CHECK(hits(store, QStringLiteral("HU")) == 0);
    CHECK(hits(store, QStringLiteral("de dieu")) == 0);
    // A later stub over it (the same number kept): its text, none, comes out cleanly.
    Document later = stub;
    later.versions.set(other, 2);
    REQUIRE(store.replication().putReplicated(later).isOk());
    CHECK(hits(store, QStringLiteral("HU")) == 0);
    CHECK(store.integrityCheck().isOk());

    // A replica that receives the stub first, in a pull whose index is built afterwards.
    auto fresh = ReplicaStore::create(dir.path(QStringLiteral("moi.sen")), {});
    REQUIRE(fresh.isOk());
    REQUIRE((*fresh)->replication().deferFullText().isOk());
    REQUIRE((*fresh)->replication().insertReplicated(later).isOk());
    const auto built = (*fresh)->buildSearchIndex(100);
    REQUIRE((built.isOk() && *built));
    CHECK(hits(**fresh, QStringLiteral("HU")) == 0);
    CHECK((*fresh)->integrityCheck().isOk());
}
