// A link cut at any point of a session: the next sync resumes from the checkpoints and ends
// in the same state as an uninterrupted sync — nothing applied twice, nothing lost.

#include "tests/replication/SyncFixture.h"

#include <catch2/catch.hpp>
#include <functional>

using namespace sen;

namespace {

// Replica 0 and 1 each hold their own documents, and both changed some shared ones.
void populate(test::SyncFixture& f)
{
    std::vector<Unid> shared;
    for (int i = 0; i < 20; ++i) {
        auto saved = f.replica(0).save(
            DocumentEdit::create(QStringLiteral("Chung"))
                .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("văn bản chung %1").arg(i))));
        REQUIRE(saved.isOk());
        shared.push_back(saved->unid);
    }
    REQUIRE(f.sync(1, 0).ok());
    for (int r = 0; r < 2; ++r) {
        for (int i = 0; i < 40; ++i) {
            REQUIRE(
                f.replica(r)
                    .save(DocumentEdit::create(QStringLiteral("Rieng"))
                              .set(Item::text(QStringLiteral("NoiDung"),
                                              QStringLiteral("bản %1 của %2 ").arg(i).arg(r).repeated(20))))
                    .isOk());
        }
        for (int i = r; i < 20; i += 2)
            REQUIRE(f.replica(r)
                        .save(DocumentEdit::update(shared[static_cast<std::size_t>(i)])
                                  .set(Item::number(QStringLiteral("SoDen"), 100 * r + i)))
                        .isOk());
    }
}

// Syncs replica 1 with replica 0 once uninterrupted to learn its size, then, for cuts spread
// over that many bytes, syncs fresh fixtures with the link cut after the cut, reopens the
// initiator as a crashed client would and syncs again: the resumed sync must complete, send
// no more than starting over would, and leave both replicas identical; `check` adds its own.
void requireResumesAfterEveryCut(const std::function<void(test::SyncFixture&)>& populate,
                                 const std::function<void(test::SyncFixture&)>& check)
{
    SessionOptions options;
    options.batchSize = 8; // many batches, so cuts land between and inside them
    options.window = 3;

    qint64 fullBytes = 0;
    {
        test::SyncFixture reference(2);
        populate(reference);
        const auto r = reference.sync(1, 0, {}, options);
        REQUIRE(r.ok());
        fullBytes = r.wireBytes;
        REQUIRE(reference.dump(1) == reference.dump(0));
    }
    REQUIRE(fullBytes > 2000);

    const qint64 step = std::max<qint64>(1, fullBytes / 40);
    for (qint64 cut = 1; cut < fullBytes; cut += step) {
        INFO("cut after " << cut << " of " << fullBytes << " bytes");
        test::SyncFixture f(2);
        populate(f);
        LinkOptions link;
        link.cutAfterBytes = cut;
        const auto broken = f.sync(1, 0, link, options);
        // A cut in the last bytes (an ACK nobody waits for) may leave both sides done.
        if (!broken.ok())
            REQUIRE((broken.initiator.code() == ErrorCode::IoError ||
                     broken.responder.code() == ErrorCode::IoError));
        f.reopen(1);
        const auto resumed = f.sync(1, 0, {}, options);
        INFO(resumed.initiator.toString().toStdString());
        REQUIRE(resumed.ok());
        // Resuming re-sent less than starting over would have.
        REQUIRE(resumed.wireBytes <= fullBytes + 2000);
        REQUIRE(f.dump(0) == f.dump(1));
        check(f);
    }
}

} // namespace

TEST_CASE("Interrupted sessions: a cut after every k bytes resumes to the same state", "[session][interrupt]")
{
    // Both replicas hold their own and shared changed documents; every cut resumes.
    requireResumesAfterEveryCut(populate, [](test::SyncFixture& f) {
        REQUIRE(f.replica(0).documentCount().value() == 100);
        REQUIRE(f.replica(0).integrityCheck().isOk());
    });
}

TEST_CASE(
    "Interrupted sessions: an empty replica's whole pull cut after every k bytes resumes to the same state",
    "[session][interrupt]")
{
    // Replica 1 holds nothing, so it pulls whole documents without WANT (docs/protocol.md
    // §Whole pull); a cut anywhere leaves whole batches applied or none, and the next session
    // (a whole pull again, or an ordinary one from the checkpoint) completes it.
    const auto fill = [](test::SyncFixture& f) {
        for (int i = 0; i < 60; ++i) {
            auto saved =
                f.replica(0).save(DocumentEdit::create(QStringLiteral("Rieng"))
                                      .set(Item::text(QStringLiteral("NoiDung"),
                                                      QStringLiteral("bản %1 ").arg(i).repeated(20))));
            REQUIRE(saved.isOk());
            if (i % 10 == 3)
                REQUIRE(f.replica(0).remove(saved->unid).isOk());
        }
    };
    requireResumesAfterEveryCut(fill, [](test::SyncFixture& f) {
        REQUIRE(f.replica(1).documentCount(true).value() == 60);
        REQUIRE(f.replica(1).integrityCheck().isOk());
    });
}
