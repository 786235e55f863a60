// Selective replication (docs/protocol.md §Selective replication): a replica pulls only
// some forms, or only documents modified recently; widening the filter later brings what it
// once hid. (Summary-only is in AttachmentSyncTest.)

#include "tests/replication/SyncFixture.h"

#include <catch2/catch.hpp>
#include <set>

using namespace sen;
using test::SyncFixture;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

Unid create(ReplicaStore& store, const QString& form, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(form).set(Item::text(QStringLiteral("TrichYeu"), subject)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

std::set<QString> subjects(ReplicaStore& store)
{
    std::set<QString> out;
    REQUIRE(store
                .forEachDocument([&](const Document& d) {
                    out.insert(d.text(QStringLiteral("TrichYeu")));
                    return true;
                })
                .isOk());
    return out;
}

SessionOptions withFilter(QStringList forms, qint64 sinceMs)
{
    SessionOptions options;
    options.filter.forms = std::move(forms);
    options.filter.sinceMs = sinceMs;
    return options;
}

void requireSynced(const test::SyncResult& r)
{
    INFO("initiator: " << r.initiator.toString().toStdString()
                       << " responder: " << r.responder.toString().toStdString());
    REQUIRE(r.ok());
}

} // namespace

TEST_CASE("Selective replication: only the chosen forms are pulled", "[session][selective]")
{
    // A replica asking for news only receives news.
    SyncFixture f(2);
    create(f.replica(0), QStringLiteral("VanBanDen"), QStringLiteral("công văn"));
    create(f.replica(0), QStringLiteral("TinTuc"), QStringLiteral("tin"));
    requireSynced(f.sync(1, 0, {}, withFilter({QStringLiteral("TinTuc")}, 0)));
    REQUIRE(subjects(f.replica(1)) == std::set<QString>{QStringLiteral("tin")});
}

TEST_CASE("Selective replication: only documents modified within the age limit are pulled",
          "[session][selective]")
{
    // A district office keeps the last 90 days: a year-old document stays on the server
    // until someone edits it, then it arrives like any recent one.
    ManualClock clock;
    SyncFixture f(2, &clock);
    const Unid old = create(f.replica(0), QStringLiteral("VanBanDen"), QStringLiteral("năm ngoái"));
    clock.advanceMs(365 * kDayMs);
    create(f.replica(0), QStringLiteral("VanBanDen"), QStringLiteral("tuần này"));

    const auto recent = [&] {
        return withFilter({}, clock.nowMs() - 90 * kDayMs);
    };
    requireSynced(f.sync(1, 0, {}, recent()));
    REQUIRE(subjects(f.replica(1)) == std::set<QString>{QStringLiteral("tuần này")});

    clock.advanceMs(kDayMs);
    REQUIRE(f.replica(0)
                .save(DocumentEdit::update(old).set(
                    Item::text(QStringLiteral("GhiChu"), QStringLiteral("xem lại"))))
                .isOk());
    requireSynced(f.sync(1, 0, {}, recent()));
    REQUIRE(subjects(f.replica(1)) ==
            std::set<QString>{QStringLiteral("tuần này"), QStringLiteral("năm ngoái")});
}

TEST_CASE("Selective replication: widening the filter brings what the narrower one hid",
          "[session][selective]")
{
    // News only, then news and documents, then everything: each widening walks the feed again
    // and receives only what was missing. Narrowing keeps what is already here.
    SyncFixture f(2);
    create(f.replica(0), QStringLiteral("VanBanDen"), QStringLiteral("công văn"));
    create(f.replica(0), QStringLiteral("TinTuc"), QStringLiteral("tin"));
    create(f.replica(0), QStringLiteral("LichCongTac"), QStringLiteral("lịch"));

    requireSynced(f.sync(1, 0, {}, withFilter({QStringLiteral("TinTuc")}, 0)));
    REQUIRE(subjects(f.replica(1)).size() == 1);

    auto wider = f.sync(1, 0, {}, withFilter({QStringLiteral("TinTuc"), QStringLiteral("VanBanDen")}, 0));
    requireSynced(wider);
    REQUIRE(wider.stats.received == 1); // the news item is known: only the document travels
    REQUIRE(subjects(f.replica(1)) == std::set<QString>{QStringLiteral("tin"), QStringLiteral("công văn")});

    requireSynced(f.sync(1, 0, {}, withFilter({QStringLiteral("TinTuc")}, 0)));
    REQUIRE(subjects(f.replica(1)).size() == 2);

    requireSynced(f.sync(1, 0));
    REQUIRE(f.dump(0) == f.dump(1));
}
