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
