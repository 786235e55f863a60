// A whole first pull that defers the full-text index (SessionOptions::deferFullText,
// docs/search.md §"The first pull"): the documents land without their index, search says it is
// incomplete until the bulk build is done, then finds everything; later syncs keep the index
// as they always did.

#include "tests/replication/SyncFixture.h"

#include <QSet>

#include <catch2/catch.hpp>

using namespace sen;
using test::SyncFixture;

namespace {

Unid create(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

std::size_t hits(const ReplicaStore& store, const QString& query)
{
    const auto found = store.search(query, SearchOptions{1000});
    REQUIRE(found.isOk());
    return found->size();
}

void requireSynced(const test::SyncResult& r)
{
    INFO("initiator: " << r.initiator.toString().toStdString()
                       << " responder: " << r.responder.toString().toStdString());
    REQUIRE(r.ok());
}

// Builds the deferred index in steps of `step` documents; returns the number of steps.
int build(ReplicaStore& store, int step)
{
    for (int steps = 1;; ++steps) {
        const auto complete = store.buildSearchIndex(step);
        REQUIRE(complete.isOk());
        if (*complete)
            return steps;
    }
}

} // namespace

TEST_CASE("First pull: the search index is built after the pull, and says so until then", "[session][search]")
{
    // Replica 1 pulls with the deferral, replica 2 without (every document indexed as it lands).
    SyncFixture f(3);
    for (int i = 0; i < 60; ++i)
        create(f.replica(0), QStringLiteral("Công văn số %1 về đê điều").arg(i));
    const Unid flood = create(f.replica(0), QStringLiteral("Phòng chống lụt bão"));
    SessionOptions deferred;
    deferred.batchSize = 10;
    deferred.deferFullText = true;
    const auto pulled = f.sync(1, 0, {}, deferred);
    requireSynced(pulled);
    REQUIRE(pulled.stats.received == 61);
    requireSynced(f.sync(2, 0));
    const auto inlineProgress = f.replica(2).searchIndexProgress();
    REQUIRE((inlineProgress.isOk() && !inlineProgress->has_value()));
    REQUIRE(hits(f.replica(2), QStringLiteral("de dieu")) == 60);

    // Stored, not indexed: search finds nothing and the progress says why.
    ReplicaStore& replica = f.replica(1);
    const auto before = replica.searchIndexProgress();
    REQUIRE(before.isOk());
    REQUIRE(before->has_value());
    REQUIRE((*before)->total == 61);
    REQUIRE((*before)->indexed == 0);
    REQUIRE((*before)->percent() == 0);
    REQUIRE(hits(replica, QStringLiteral("de dieu")) == 0);

    // Half way: the indexed part answers, and the progress is partial.
    const auto firstStep = replica.buildSearchIndex(30);
    REQUIRE((firstStep.isOk() && !*firstStep));
    const auto half = replica.searchIndexProgress();
    REQUIRE((half.isOk() && half->has_value()));
    REQUIRE((*half)->indexed == 30);
    REQUIRE((*half)->percent() == 49);
    REQUIRE(hits(replica, QStringLiteral("de dieu")) == 30);

    // Before the build ends: a local edit of a row it has reached and of one it has not, and
    // a sync that brings an edit and a new document.
    const auto firstRows = replica.search(QStringLiteral("de dieu"), SearchOptions{1});
    REQUIRE((firstRows.isOk() && firstRows->size() == 1));
    const Unid reached = firstRows->front().unid;
    REQUIRE(replica
                .save(DocumentEdit::update(reached).set(
                    Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Hạn hán"))))
                .isOk());
    REQUIRE(replica
                .save(DocumentEdit::update(flood).set(
                    Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Bão số 3"))))
                .isOk());
    create(f.replica(0), QStringLiteral("Kế hoạch trồng rừng"));
    requireSynced(f.sync(1, 0, {}, deferred));
    REQUIRE(hits(replica, QStringLiteral("rung")) == 0); // not reached yet

    REQUIRE(build(replica, 7) == 5); // 32 rows left: 7, 7, 7, 7, 4
    const auto after = replica.searchIndexProgress();
    REQUIRE((after.isOk() && !after->has_value()));
    REQUIRE(hits(replica, QStringLiteral("de dieu")) == 59);
    REQUIRE(hits(replica, QStringLiteral("han han")) == 1);
    REQUIRE(hits(replica, QStringLiteral("bao so")) == 1);
    REQUIRE(hits(replica, QStringLiteral("lut")) == 0);
    REQUIRE(hits(replica, QStringLiteral("rung")) == 1);

    // Later syncs keep it as they always did, both ways; it then finds what the replica that
    // indexed as documents landed finds.
    const Unid later = create(f.replica(0), QStringLiteral("Trồng rừng ngập mặn"));
    requireSynced(f.sync(1, 0, {}, deferred));
    requireSynced(f.sync(2, 0));
    requireSynced(f.sync(2, 1));
    requireSynced(f.sync(1, 2, {}, deferred));
    REQUIRE(f.replica(0).remove(later).isOk());
    requireSynced(f.sync(1, 0, {}, deferred));
    requireSynced(f.sync(2, 0));
    const auto stillComplete = replica.searchIndexProgress();
    REQUIRE((stillComplete.isOk() && !stillComplete->has_value()));
    for (const char* query : {"de dieu", "han han", "bao so", "rung", "ngap man", "lut", "cong van so 1"}) {
        INFO(query);
        const auto a = replica.search(QString::fromUtf8(query), SearchOptions{1000});
        const auto b = f.replica(2).search(QString::fromUtf8(query), SearchOptions{1000});
        REQUIRE((a.isOk() && b.isOk()));
        QSet<QByteArray> inA, inB;
        for (const SearchHit& hit : *a)
            inA.insert(hit.unid.toBytes());
        for (const SearchHit& hit : *b)
            inB.insert(hit.unid.toBytes());
        REQUIRE(inA.size() == static_cast<qsizetype>(a->size()));
        REQUIRE(inA == inB);
    }
    REQUIRE(hits(replica, QStringLiteral("rung")) == 1);
    REQUIRE(hits(replica, QStringLiteral("ngap man")) == 0);
}

TEST_CASE("First pull: without the option, or into a replica that holds documents, nothing is deferred",
          "[session][search]")
{
    SyncFixture f(2);
    create(f.replica(0), QStringLiteral("Đảng ủy xã"));
    requireSynced(f.sync(1, 0));
    REQUIRE(hits(f.replica(1), QStringLiteral("dang uy")) == 1);

    create(f.replica(0), QStringLiteral("Đảng ủy huyện"));
    SessionOptions deferred;
    deferred.deferFullText = true;
    requireSynced(f.sync(1, 0, {}, deferred)); // not a whole pull: replica 1 holds a document
    const auto progress = f.replica(1).searchIndexProgress();
    REQUIRE((progress.isOk() && !progress->has_value()));
    REQUIRE(hits(f.replica(1), QStringLiteral("dang uy")) == 2);
}
